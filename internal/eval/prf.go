// Package eval holds the scorers behind `parallax eval <task>`: each reads a
// public data set, runs a pure stage over it and returns metrics.
package eval

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// NewPRF computes precision, recall and F1 from counts. Empty denominators
// give 0.
func NewPRF(tp, fp, fn int) PRF {
	var p PRF
	if tp+fp > 0 {
		p.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		p.Recall = float64(tp) / float64(tp+fn)
	}
	p.F1 = F1(p.Precision, p.Recall)
	return p
}

// F1 is the harmonic mean of precision and recall (0 when both are 0).
func F1(precision, recall float64) float64 {
	if precision+recall == 0 {
		return 0
	}
	return 2 * precision * recall / (precision + recall)
}
