package ner

import (
	"strings"
	"sync"
)

// The tagger's fast path. Most of a token's features read one word alone
// (its own word features, or the features its neighbours read off it), so
// their weight sums are computed once per word type and kept in a
// wordCache; a token then costs a cache look-up plus the few features that
// conjoin it with its neighbours or read the sentence, the gazetteer or
// the document history.

// scoreRow is one token's score for every label.
type scoreRow = [numLabels]float32

// wordEntry is what the cache keeps per word as written: the strings the
// templates read and the weight sums of the word-only features.
type wordEntry struct {
	tok token
	// self sums wordFeatures; ctx[k] sums neighbourFeatures of this
	// word as the neighbour at offset windowOffsets[k].
	self scoreRow
	ctx  [len(windowOffsets)]scoreRow
}

// wordCache maps words to entries. One goroutine uses a cache at a time
// (the tagger pools them); it is emptied between documents once it grows
// past maxCachedWords.
type wordCache struct {
	index   map[string]int32
	entries []wordEntry
	keys    []uint64 // scratch
	em      []float32
	viterbi viterbi
}

// maxCachedWords bounds a cache (about 450 bytes a word).
const maxCachedWords = 1 << 15

func newWordCache() *wordCache {
	return &wordCache{index: make(map[string]int32, 1024)}
}

// scorer sums feature weights; it is the read-only part of a Tagger.
type scorer struct {
	model     *Model
	extractor *Extractor
	pad       [len(windowOffsets)]scoreRow // padKey per offset
}

func newScorer(m *Model, x *Extractor) *scorer {
	s := &scorer{model: m, extractor: x}
	for k, d := range windowOffsets {
		m.add(&s.pad[k], padKey(d))
	}
	return s
}

// entry returns the index of w's entry, computing it on first sight.
func (s *scorer) entry(c *wordCache, w string) int32 {
	if e, ok := c.index[w]; ok {
		return e
	}
	w = strings.Clone(w) // the cache outlives the caller's text
	nw := NormalizeWord(w)
	e := wordEntry{tok: token{word: nw, lower: strings.ToLower(nw), shape: shape(nw)}}
	if s.extractor.Clusters != nil {
		e.tok.clusters = s.extractor.Clusters.Lookup(nw)
	}
	if g := s.model.gazetteer; g != nil {
		e.tok.unigram, e.tok.known = g[e.tok.lower], true
	}
	c.keys = wordFeatures(c.keys[:0], &e.tok)
	s.model.addAll(&e.self, c.keys)
	for k, d := range windowOffsets {
		// The token at offset -d sees this word at offset d.
		c.keys = neighbourFeatures(c.keys[:0], &e.tok, d)
		s.model.addAll(&e.ctx[k], c.keys)
	}
	i := int32(len(c.entries))
	c.entries = append(c.entries, e)
	c.index[w] = i
	return i
}

// static scores the features of one sentence that do not read the
// document history, returning its tokens and n*numLabels scores.
func (s *scorer) static(c *wordCache, words []string) (*Sentence, []float32) {
	n := len(words)
	ids := make([]int32, n)
	toks := make([]token, n)
	for i, w := range words {
		ids[i] = s.entry(c, w)
		toks[i] = c.entries[ids[i]].tok
	}
	if g := s.model.gazetteer; g != nil {
		markGazetteer(toks, g)
	}
	headline := isHeadline(words)
	em := make([]float32, n*numLabels)
	for i := range toks {
		row := (*scoreRow)(em[i*numLabels : (i+1)*numLabels])
		e := &c.entries[ids[i]]
		*row = e.self
		keys := c.keys[:0]
		for k, d := range windowOffsets {
			j := i + d
			if j < 0 || j >= n {
				addRow(row, &s.pad[k])
				continue
			}
			addRow(row, &c.entries[ids[j]].ctx[k])
			keys = pairFeatures(keys, &toks[j], &toks[i], d)
		}
		keys = positionFeatures(keys, &toks[i], i, headline)
		keys = gazetteerFeatures(keys, toks, i)
		s.model.addAll(row, keys)
		c.keys = keys
	}
	return &Sentence{toks: toks, headline: headline}, em
}

func addRow(dst, src *scoreRow) {
	for l := range dst {
		dst[l] += src[l]
	}
}

// add adds the weights of feature k to row.
func (m *Model) add(row *scoreRow, k uint64) {
	r := m.table.Lookup(k)
	if r < 0 {
		return
	}
	w := (*scoreRow)(m.weights[int(r)*numLabels : int(r+1)*numLabels])
	addRow(row, w)
}

// addAll adds the weights of every feature in keys to row.
func (m *Model) addAll(row *scoreRow, keys []uint64) {
	for _, k := range keys {
		m.add(row, k)
	}
}

// cachePool hands each concurrent TagDocument its own word cache.
type cachePool struct{ p sync.Pool }

func (p *cachePool) get() *wordCache {
	if c, ok := p.p.Get().(*wordCache); ok {
		return c
	}
	return newWordCache()
}

func (p *cachePool) put(c *wordCache) {
	if len(c.entries) > maxCachedWords {
		clear(c.index)
		c.entries = c.entries[:0]
	}
	p.p.Put(c)
}
