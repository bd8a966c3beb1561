// Package quote finds direct quotations and reported speech in an article,
// attributes them to speakers and traces the outlets they came through.
//
// It is a pure, rule-based stage: quotation marks are paired (typographic,
// straight, guillemets, German and British styles, nested and
// multi-paragraph quotations), reporting cues ("said", "told", "according
// to", "warned", ...) are found outside quotations, and each cue takes its
// source from the noun phrase before it (or after it: "..., said Shoigu")
// and its content from the clause or quotation it governs. Speakers are
// resolved to the given entities through their mentions, names, pronouns
// and nominals; without entities a capitalised-name and pronoun fallback
// keeps the stage usable on its own.
//
// A learned attribution-span tagger (package tagger, weights embedded from
// models/quote) then reads the same text, with the rules' spans as hints:
// reported rule contents it does not confirm are dropped, those it
// confirms take its extent, and the contents it finds that the rules
// missed are added with its nearest SOURCE and CUE spans. Direct
// quotations and interview turns stay the rules' own.
package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Result is what Find reads from one article.
type Result struct {
	Quotes    []news.Quote
	Citations []news.Citation
}

// Find returns the quotations and reported claims in text, in text order,
// and the article's citations of outlets and agencies. sentences may be nil
// (the text is then split with tokenize.Sentences); entities may be nil.
// For every quote Text == text[Start:End].
func Find(text string, sentences []news.Span, entities []news.Entity) Result {
	d := newDoc(text, entities)
	if sentences == nil {
		sentences = tokenize.Sentences(text)
	}
	atts := d.withLearned(d.rules(sentences))
	slices.SortStableFunc(atts, func(a, b attribution) int { return a.content.Start - b.content.Start })
	article := articleSources(text)
	var articleVia []string
	for _, c := range article {
		articleVia = append(articleVia, c.Source)
	}
	names := d.speakerNames(atts)
	res := Result{Citations: d.citations(atts, article)}
	for _, a := range atts {
		q := news.Quote{
			Text:   text[a.content.Start:a.content.End],
			Start:  a.content.Start,
			End:    a.content.End,
			Direct: a.direct,
			Via:    dedupStrings(append(append([]string{}, a.via...), articleVia...)),
		}
		if a.cueFrom >= 0 && a.cueTo > a.cueFrom {
			q.Cue = text[d.toks[a.cueFrom].Start:d.toks[a.cueTo-1].End]
		}
		if a.srcTo > a.srcFrom {
			head, ent := d.head(a.srcFrom, a.srcTo)
			q.SpeakerStart, q.SpeakerEnd = head.Start, head.End
			q.Speaker = d.speakerFor(head, ent, names)
		}
		res.Quotes = append(res.Quotes, q)
	}
	return res
}

// speakerNames lists the named (capitalised, non-pronoun) speakers of the
// attributions in text order, then the multi-word capitalised names of the
// text, for resolving pronouns when no entities are given.
func (d *doc) speakerNames(atts []attribution) [2][]nameRef {
	var speakers, names []nameRef
	for _, a := range atts {
		if a.srcTo <= a.srcFrom {
			continue
		}
		head, _ := d.head(a.srcFrom, a.srcTo)
		name := d.text[head.Start:head.End]
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && !pronouns[strings.ToLower(name)] {
			speakers = append(speakers, nameRef{name: name, end: head.End})
		}
	}
	slices.SortFunc(speakers, func(a, b nameRef) int { return a.end - b.end })
	for k := 0; k < len(d.toks); k++ {
		t := d.toks[k]
		if !t.isCapitalised() || t.quoteID >= 0 || determiners[t.lower] || npStop[t.lower] {
			continue
		}
		j := k
		for j+1 < len(d.toks) && d.toks[j+1].isCapitalised() && d.toks[j+1].quoteID < 0 {
			j++
		}
		if j > k {
			names = append(names, nameRef{name: d.text[t.Start:d.toks[j].End], end: d.toks[j].End})
		}
		k = j
	}
	return [2][]nameRef{speakers, names}
}

func dedupStrings(s []string) []string {
	var out []string
	for _, v := range s {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
