package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// History records, per document, the entity types the tagger assigned to
// each lower-cased word in earlier sentences, so later mentions ("Shoigu"
// after "Sergei Shoigu") can agree with earlier ones.
type History struct {
	// words indexes entries by lower-cased word, so that a token's
	// history features cost one look-up; entries live in one slice
	// rather than one allocation per word.
	words   map[string]int32
	entries []wordHistory
}

// wordHistory is the document evidence about one lower-cased word.
type wordHistory struct {
	counts [4]int32
	// multi counts only the labels given inside multi-word names.
	multi [4]int32
	// casing is how the word is written where its case is informative:
	// inside sentences that are not all capitals.
	casing uint8
	// contexts, for a capitalised word that occurs more than once, are
	// the words around its occurrences: context aggregation (Ratinov &
	// Roth 2009) lets each mention read the others' contexts.
	contexts *wordContexts
}

// word returns the entry of lower, creating it. The pointer is valid
// until the next call, which may grow the entries.
func (h *History) word(lower string) *wordHistory {
	i, ok := h.words[lower]
	if !ok {
		i = int32(len(h.entries))
		h.entries = append(h.entries, wordHistory{})
		h.words[lower] = i
	}
	return &h.entries[i]
}

// lookup returns the entry of lower, or nil.
func (h *History) lookup(lower string) *wordHistory {
	if i, ok := h.words[lower]; ok {
		return &h.entries[i]
	}
	return nil
}

// wordContexts are the distinct neighbours of a word's occurrences in a
// document: lower-cased words prefixed 'p' (before) or 'n' (after).
type wordContexts struct {
	n     int
	words []string
}

// maxContexts bounds the context words kept per word.
const maxContexts = 8

// Case classes recorded in History.casing.
const (
	caseLower uint8 = 1 << iota
	caseTitle
	caseUpper
)

// NewHistory returns an empty history for a document whose sentences are
// given; their casing lets a headline word ("RUSSIA") or a sentence-initial
// word borrow the evidence of its other occurrences.
func NewHistory(sentences [][]string) *History {
	sents := make([]*Sentence, len(sentences))
	for i, words := range sentences {
		toks := make([]token, len(words))
		for j, w := range words {
			nw := NormalizeWord(w)
			toks[j] = token{word: nw, lower: strings.ToLower(nw)}
		}
		sents[i] = &Sentence{toks: toks, headline: isHeadline(words)}
	}
	return newHistory(sents)
}

// newHistory is NewHistory over sentences whose tokens are already
// normalised and lower-cased.
func newHistory(sents []*Sentence) *History {
	tokens := 0
	for _, s := range sents {
		tokens += len(s.toks)
	}
	// About half of a news article's tokens are distinct words.
	h := &History{words: make(map[string]int32, tokens/2), entries: make([]wordHistory, 0, tokens/2)}
	for _, s := range sents {
		h.addContexts(s.toks)
	}
	for i := range h.entries {
		if c := h.entries[i].contexts; c != nil && c.n < 2 {
			h.entries[i].contexts = nil
		}
	}
	for _, s := range sents {
		if s.headline {
			continue
		}
		for _, t := range s.toks[min(1, len(s.toks)):] {
			r, size := utf8.DecodeRuneInString(t.word)
			var c uint8
			switch {
			case unicode.IsLower(r):
				c = caseLower
			case !unicode.IsUpper(r):
				continue
			case strings.IndexFunc(t.word[size:], unicode.IsLower) >= 0:
				c = caseTitle
			default:
				c = caseUpper
			}
			h.word(t.lower).casing |= c
		}
	}
	return h
}

// addContexts records the neighbours of the capitalised words of one
// sentence.
func (h *History) addContexts(toks []token) {
	lower := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].lower
	}
	for i := range toks {
		r, _ := utf8.DecodeRuneInString(toks[i].word)
		if !unicode.IsUpper(r) {
			continue
		}
		w := h.word(toks[i].lower)
		c := w.contexts
		if c == nil {
			c = &wordContexts{}
			w.contexts = c
		}
		c.n++
		c.add('p', lower(i-1))
		c.add('n', lower(i+1))
	}
}

// add records the context word side+word unless it is empty, known or
// over the bound; the string is built only when kept.
func (c *wordContexts) add(side byte, word string) {
	if word == "" || len(c.words) >= maxContexts {
		return
	}
	for _, w := range c.words {
		if w[0] == side && w[1:] == word {
			return
		}
	}
	c.words = append(c.words, string(side)+word)
}

func isHeadline(words []string) bool {
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsLower) >= 0 {
			return false
		}
	}
	return true
}

// Add records the labels predicted for one sentence.
func (h *History) Add(words []string, labels []string) {
	for i, l := range labels {
		if l == "O" || len(l) < 3 {
			continue
		}
		ti := typeIndex(l[2:])
		if ti < 0 {
			continue
		}
		w := h.word(strings.ToLower(NormalizeWord(words[i])))
		w.counts[ti]++
		// A word inside a longer name ("Sergei Shoigu") is stronger
		// evidence for its type than the word alone.
		if l[0] == 'I' || (i+1 < len(labels) && isInside(labels[i+1], l[2:])) {
			w.multi[ti]++
		}
	}
}

// isInside reports label == "I-"+typ without building the string.
func isInside(label, typ string) bool {
	return len(label) == 2+len(typ) && label[:2] == "I-" && label[2:] == typ
}

// majority is the type most often given to a word (-1 for none; ties go
// to the earlier type).
func majority(c *[4]int32) int {
	best, bi := int32(0), -1
	for i, n := range c {
		if n > best {
			best, bi = n, i
		}
	}
	return bi
}

// historyFeatures reads the document: how the word is cased elsewhere,
// which type it was given before and the contexts of its other mentions.
func historyFeatures(buf []uint64, t *token, i int, headline bool, hist *History) []uint64 {
	w := hist.lookup(t.lower)
	if w == nil {
		return buf
	}
	if t.shape != t.lower {
		if c := w.casing; c != 0 {
			buf = append(buf, keyInt(52, int(c), 0))
			if i == 0 || headline {
				buf = append(buf, keyInt(53, int(c), 0))
			}
		}
	}
	if ti := majority(&w.counts); ti >= 0 {
		buf = append(buf, keyInt(50, ti, 0))
		if t.shape != t.lower {
			buf = append(buf, key2(51, entityTypes[ti], t.shape))
		}
	}
	if ti := majority(&w.multi); ti >= 0 {
		buf = append(buf, keyInt(54, ti, 0))
	}
	if c := w.contexts; c != nil && t.shape != t.lower {
		for _, word := range c.words {
			buf = append(buf, key(57, word))
		}
	}
	return buf
}
