package eval

import (
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/timex"
)

// TimeMetrics is the TempEval-3 Task A timex score: extent P/R/F1 under
// strict (identical span) and relaxed (any overlap) matching, attribute
// accuracy over relaxed matches, and attribute F1 = relaxed F1 * accuracy.
type TimeMetrics struct {
	Docs          int     `json:"docs"`
	Gold          int     `json:"gold"`
	Predicted     int     `json:"predicted"`
	Strict        PRF     `json:"strict"`
	Relaxed       PRF     `json:"relaxed"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueAccuracy float64 `json:"value_accuracy"`
	TypeF1        float64 `json:"type_f1"`
	ValueF1       float64 `json:"value_f1"`
	DocsPerSecond float64 `json:"docs_per_second"`
}

// TimeCounts accumulates the TE3 counts over documents.
type TimeCounts struct {
	Docs, Gold, Predicted int
	// Recall side: gold timexes matched strictly / by overlap, and how many
	// of the overlap matches agree on type and value.
	StrictGold, RelaxedGold, TypeMatch, ValueMatch int
	// Precision side: predicted timexes matched strictly / by overlap.
	StrictPred, RelaxedPred int
}

// Add scores one document's predictions against its gold timexes. As in
// the TE3 scorer, each gold timex is compared with the first predicted
// timex overlapping it, and a predicted timex counts for precision if it
// overlaps any gold timex.
func (c *TimeCounts) Add(gold, predicted []news.Timex) {
	c.Docs++
	c.Gold += len(gold)
	c.Predicted += len(predicted)
	for _, g := range gold {
		p, ok := firstOverlap(g, predicted)
		if !ok {
			continue
		}
		c.RelaxedGold++
		if p.Start == g.Start && p.End == g.End {
			c.StrictGold++
		}
		if p.Type == g.Type {
			c.TypeMatch++
		}
		if p.Value == g.Value {
			c.ValueMatch++
		}
	}
	for _, p := range predicted {
		g, ok := firstOverlap(p, gold)
		if !ok {
			continue
		}
		c.RelaxedPred++
		if g.Start == p.Start && g.End == p.End {
			c.StrictPred++
		}
	}
}

func firstOverlap(t news.Timex, others []news.Timex) (news.Timex, bool) {
	for _, o := range others {
		if o.Start < t.End && t.Start < o.End {
			return o, true
		}
	}
	return news.Timex{}, false
}

// Metrics turns the counts into TE3 metrics.
func (c TimeCounts) Metrics() TimeMetrics {
	m := TimeMetrics{Docs: c.Docs, Gold: c.Gold, Predicted: c.Predicted}
	m.Strict = prfFromSides(c.StrictPred, c.Predicted, c.StrictGold, c.Gold)
	m.Relaxed = prfFromSides(c.RelaxedPred, c.Predicted, c.RelaxedGold, c.Gold)
	if c.RelaxedGold > 0 {
		m.TypeAccuracy = float64(c.TypeMatch) / float64(c.RelaxedGold)
		m.ValueAccuracy = float64(c.ValueMatch) / float64(c.RelaxedGold)
	}
	m.TypeF1 = m.Relaxed.F1 * m.TypeAccuracy
	m.ValueF1 = m.Relaxed.F1 * m.ValueAccuracy
	return m
}

// prfFromSides computes P/R/F1 when precision and recall have separate
// numerators, as in TE3 where one span can overlap several on the other side.
func prfFromSides(matchedPred, predicted, matchedGold, gold int) PRF {
	var p PRF
	if predicted > 0 {
		p.Precision = float64(matchedPred) / float64(predicted)
	}
	if gold > 0 {
		p.Recall = float64(matchedGold) / float64(gold)
	}
	p.F1 = F1(p.Precision, p.Recall)
	return p
}

// TimeOptions tunes EvalTime.
type TimeOptions struct {
	// Errors, when set, receives one line per missed, spurious or
	// mis-normalised timex, for error analysis.
	Errors io.Writer
}

// EvalTime runs timex.Find over every TimeML document under dir, anchored
// at each document's creation time, and scores it as TempEval-3 Task A.
func EvalTime(dir string, opts TimeOptions) (TimeMetrics, error) {
	docs, err := ReadTimeMLDir(dir)
	if err != nil {
		return TimeMetrics{}, err
	}
	var counts TimeCounts
	var elapsed time.Duration
	for _, doc := range docs {
		anchor := timex.Anchor{Time: doc.Creation, Known: doc.HasCreation}
		began := time.Now()
		predicted := timex.Find(doc.Text, anchor)
		elapsed += time.Since(began)
		counts.Add(doc.Gold, predicted)
		if opts.Errors != nil {
			reportTimexErrors(opts.Errors, doc, predicted)
		}
	}
	m := counts.Metrics()
	if elapsed > 0 {
		m.DocsPerSecond = float64(len(docs)) / elapsed.Seconds()
	}
	return m, nil
}

func reportTimexErrors(w io.Writer, doc TimeMLDoc, predicted []news.Timex) {
	dct := doc.Creation.Format(time.DateOnly)
	for _, g := range doc.Gold {
		p, ok := firstOverlap(g, predicted)
		switch {
		case !ok:
			fmt.Fprintf(w, "MISS\t%s\t%q\t%s\t%s\t%s\n", dct, g.Text, g.Type, g.Value, snippet(doc.Text, g))
		case p.Type != g.Type || p.Value != g.Value:
			fmt.Fprintf(w, "VALUE\t%s\t%q\t%s %s\t%q\t%s %s\t%s\n", dct, g.Text, g.Type, g.Value, p.Text, p.Type, p.Value, snippet(doc.Text, g))
		case p.Start != g.Start || p.End != g.End:
			fmt.Fprintf(w, "EXTENT\t%s\t%q\t%q\n", dct, g.Text, p.Text)
		}
	}
	for _, p := range predicted {
		if _, ok := firstOverlap(p, doc.Gold); !ok {
			fmt.Fprintf(w, "SPURIOUS\t%s\t%q\t%s %s\t%s\n", dct, p.Text, p.Type, p.Value, snippet(doc.Text, p))
		}
	}
}

// snippet is the text around a timex, on one line.
func snippet(text string, t news.Timex) string {
	from, to := max(0, t.Start-60), min(len(text), t.End+60)
	for from > 0 && from < len(text) && text[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(text) && text[to]&0xC0 == 0x80 {
		to++
	}
	line := []byte(text[from:to])
	for i, b := range line {
		if b == '\n' || b == '\t' {
			line[i] = ' '
		}
	}
	return string(line)
}
