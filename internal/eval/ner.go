package eval

import (
	"time"

	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// NERResult holds exact-span entity scores as conlleval computes them.
type NERResult struct {
	PRF
	PerType         map[string]PRF `json:"per_type"`
	Tokens          int            `json:"tokens"`
	TokensPerSecond float64        `json:"tokens_per_second"`
}

// DocumentTagger labels the sentences of one document with IOB2 tags.
type DocumentTagger interface {
	TagDocument(sentences [][]string) [][]string
}

// NERScores turns per-type counts into micro-averaged and per-type scores.
func NERScores(c *conll.Counts) NERResult {
	res := NERResult{PerType: map[string]PRF{}, Tokens: c.Tokens}
	var tp, fp, fn int
	types := map[string]bool{}
	for _, m := range []map[string]int{c.TP, c.FP, c.FN} {
		for t := range m {
			types[t] = true
		}
	}
	for t := range types {
		res.PerType[t] = NewPRF(c.TP[t], c.FP[t], c.FN[t])
		tp, fp, fn = tp+c.TP[t], fp+c.FP[t], fn+c.FN[t]
	}
	res.PRF = NewPRF(tp, fp, fn)
	return res
}

// NER tags every document with t and scores it against the gold tags,
// timing the tagging alone for tokens_per_second. Predicted tags may be
// IOB1 or IOB2.
func NER(docs []conll.Document, t DocumentTagger) NERResult {
	counts := conll.NewCounts()
	var elapsed time.Duration
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Tokens
		}
		start := time.Now()
		pred := t.TagDocument(words)
		elapsed += time.Since(start)
		for i, s := range d.Sentences {
			counts.Add(s.Tags, conll.ToIOB2(pred[i]))
		}
	}
	res := NERScores(counts)
	if elapsed > 0 {
		res.TokensPerSecond = float64(res.Tokens) / elapsed.Seconds()
	}
	return res
}
