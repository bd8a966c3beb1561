// Package ner finds PER, ORG, LOC and MISC names in text with a
// structured-perceptron sequence tagger (Viterbi over BILOU labels). Its
// features are the word, its shape, affixes, a ±2 context window,
// gazetteers and word clusters learned from unlabeled news, and a
// document history: earlier predictions and the contexts of a word's
// other mentions. Word-only feature weights are summed once per word type
// and cached, so a token costs a handful of table look-ups. Weights are
// trained by ner/train on CoNLL-2003 and shipped in models/ner.
package ner

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
	nermodel "github.com/parallax-news/parallax/models/ner"
)

// Span is an entity mention: byte offsets into the tagged text, its type
// (PER, ORG, LOC, MISC) and Text == text[Start:End].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
}

// Tagger labels tokens with IOB2 entity tags (decoded as BILOU). It is immutable and safe for
// concurrent use.
type Tagger struct {
	model     *Model
	extractor Extractor
	scorer    *scorer
	caches    cachePool
}

// New builds a tagger from a model and the clusters its features read.
func New(m *Model, c *Clusters) *Tagger {
	t := &Tagger{model: m, extractor: Extractor{Clusters: c}}
	t.scorer = newScorer(m, &t.extractor)
	return t
}

var loadShipped = sync.OnceValues(func() (*Tagger, error) {
	m, err := DecodeModel(bytes.NewReader(nermodel.Weights))
	if err != nil {
		return nil, err
	}
	c, err := DecodeClusters(bytes.NewReader(nermodel.Clusters))
	if err != nil {
		return nil, err
	}
	return New(m, c), nil
})

// Load returns the tagger shipped in models/ner. The weights are decoded
// once, on first use; later calls return the same tagger.
func Load() (*Tagger, error) { return loadShipped() }

// Tag labels one sentence of tokens with IOB2 tags.
func (t *Tagger) Tag(tokens []string) []string {
	return t.TagDocument([][]string{tokens})[0]
}

// TagDocument labels the sentences of one document in order; later
// sentences see the labels given to the same words earlier.
func (t *Tagger) TagDocument(sentences [][]string) [][]string {
	// Static features are scored once; each pass adds the history ones.
	cache := t.caches.get()
	defer t.caches.put(cache)
	static := make([][]float32, len(sentences))
	sents := make([]*Sentence, len(sentences))
	for i, words := range sentences {
		sents[i], static[i] = t.scorer.static(cache, words)
	}
	// Pass one reads the labels of earlier sentences; pass two those of
	// the whole document, so a headline sees the names the body spells out.
	hist := newHistory(sents)
	out := make([][]string, len(sentences))
	seen := make([][][]uint64, len(sentences))
	for i, words := range sentences {
		seen[i] = sents[i].HistoryFeatures(hist)
		out[i] = t.decode(cache, static[i], seen[i])
		hist.Add(words, out[i])
	}
	for i := range sentences {
		// A sentence whose history features did not change since pass
		// one would decode to the same labels.
		if hf := sents[i].HistoryFeatures(hist); !sameFeatures(hf, seen[i]) {
			out[i] = t.decode(cache, static[i], hf)
		}
	}
	return out
}

func (t *Tagger) decode(c *wordCache, static []float32, hist [][]uint64) []string {
	c.em = append(c.em[:0], static...)
	for i, keys := range hist {
		t.model.addAll((*scoreRow)(c.em[i*numLabels:(i+1)*numLabels]), keys)
	}
	return IOB2(c.viterbi.decode(c.em, t.model.trans, len(hist)))
}

func sameFeatures(a, b [][]uint64) bool {
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// Entities finds the entity mentions of text, sentence by sentence; with
// nil sentences it splits text itself. Typographic apostrophes and
// possessives ("Russia’s") are split off the way the training data was
// tokenised, so the name alone is returned.
func (t *Tagger) Entities(text string, sentences []news.Span) []Span {
	if sentences == nil {
		sentences = tokenize.Sentences(text)
	}
	words := make([][]string, 0, len(sentences))
	toks := make([][]tokenize.Token, 0, len(sentences))
	for _, s := range sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		st := Tokenize(text[s.Start:s.End])
		if len(st) == 0 {
			continue
		}
		ws := make([]string, len(st))
		for i := range st {
			st[i].Start += s.Start
			st[i].End += s.Start
			ws[i] = st[i].Text
		}
		words = append(words, ws)
		toks = append(toks, st)
	}
	var spans []Span
	for i, labels := range t.TagDocument(words) {
		for _, c := range chunks(labels) {
			start, end := toks[i][c.start].Start, toks[i][c.end-1].End
			spans = append(spans, Span{Start: start, End: end, Type: c.typ, Text: text[start:end]})
		}
	}
	return spans
}

type chunk struct {
	start, end int
	typ        string
}

// chunks reads entity spans off IOB2 labels the decoder produced.
func chunks(labels []string) []chunk {
	var out []chunk
	for i := 0; i < len(labels); i++ {
		if labels[i] == "O" {
			continue
		}
		typ := labels[i][2:]
		j := i + 1
		for j < len(labels) && isInside(labels[j], typ) {
			j++
		}
		out = append(out, chunk{start: i, end: j, typ: typ})
		i = j - 1
	}
	return out
}

// Tokenize splits text into tokens the way the CoNLL training data was
// tokenised: tokenize.Tokens with possessives split off ("Russia’s" ->
// "Russia", "’s").
func Tokenize(text string) []tokenize.Token {
	toks := tokenize.Tokens(text)
	out := make([]tokenize.Token, 0, len(toks)+4)
	for _, tk := range toks {
		if cut := possessiveCut(tk.Text); cut > 0 {
			out = append(out,
				tokenize.Token{Start: tk.Start, End: tk.Start + cut, Text: tk.Text[:cut]},
				tokenize.Token{Start: tk.Start + cut, End: tk.End, Text: tk.Text[cut:]})
			continue
		}
		out = append(out, tk)
	}
	return out
}

// possessives are the suffixes Tokenize splits off.
var possessives = [...]string{"'s", "'S", "’s", "’S"}

func possessiveCut(w string) int {
	if len(w) < 3 || (w[len(w)-1] != 's' && w[len(w)-1] != 'S') {
		return 0 // most words: no look at the apostrophes
	}
	for _, suf := range possessives {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}
