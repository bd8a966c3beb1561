package tagger

import (
	"cmp"
	"slices"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Encode labels the tokens covered by gold spans. Annotations nest (a
// content holds another attribution), so the outermost wins: spans are
// placed longest first and a span that touches an already labelled token
// is skipped.
func Encode(toks []tokenize.Token, gold Spans) []int {
	type typed struct {
		s news.Span
		b int
	}
	var all []typed
	for _, s := range gold.Content {
		all = append(all, typed{s, bContent})
	}
	for _, s := range gold.Source {
		all = append(all, typed{s, bSource})
	}
	for _, s := range gold.Cue {
		all = append(all, typed{s, bCue})
	}
	slices.SortStableFunc(all, func(a, b typed) int {
		if c := cmp.Compare(b.s.End-b.s.Start, a.s.End-a.s.Start); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.s.Start, b.s.Start), cmp.Compare(a.b, b.b))
	})
	labels := make([]int, len(toks))
	for _, t := range all {
		i, _ := slices.BinarySearchFunc(toks, t.s.Start, func(k tokenize.Token, at int) int { return cmp.Compare(k.Start, at) })
		j := i
		for j < len(toks) && toks[j].End <= t.s.End {
			j++
		}
		if j <= i || slices.ContainsFunc(labels[i:j], func(l int) bool { return l != labelO }) {
			continue
		}
		labels[i] = t.b
		for k := i + 1; k < j; k++ {
			labels[k] = t.b + 1
		}
	}
	return labels
}

// decodeSpans reads the spans of each role from token labels: a span
// starts at a B- label or at an I- label that does not continue its role.
func decodeSpans(toks []tokenize.Token, labels []int) Spans {
	var out Spans
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == labelO {
			i++
			continue
		}
		b := l
		if b%2 == 0 {
			b--
		}
		j := i + 1
		for j < len(labels) && labels[j] == b+1 {
			j++
		}
		s := news.Span{Start: toks[i].Start, End: toks[j-1].End}
		switch b {
		case bContent:
			out.Content = append(out.Content, s)
		case bSource:
			out.Source = append(out.Source, s)
		case bCue:
			out.Cue = append(out.Cue, s)
		}
		i = j
	}
	return out
}
