package ner

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entity types in the order used by gazetteer bit masks and history counts.
var entityTypes = [4]string{"PER", "ORG", "LOC", "MISC"}

func typeIndex(t string) int {
	for i, et := range entityTypes {
		if et == t {
			return i
		}
	}
	return -1
}

// Gazetteer answers which entity types a lower-cased, space-joined token
// sequence is known as: bit i set means entityTypes[i]; PrefixBit means
// the sequence begins a longer entry, so matching goes on.
type Gazetteer interface {
	Lookup(key []byte) uint8
}

// PrefixBit marks gazetteer keys that are proper prefixes of entries.
const PrefixBit uint8 = 0x80

// typeBits masks the entity-type bits of a gazetteer value.
const typeBits uint8 = 0x0f

// GazetteerMap is a Gazetteer backed by a map.
type GazetteerMap map[string]uint8

// Lookup returns the bits of key (0 when unknown).
func (g GazetteerMap) Lookup(key []byte) uint8 { return g[string(key)] }

// MarkPrefixes sets PrefixBit on every proper token prefix of every entry,
// adding the prefixes that are not entries themselves.
func (g GazetteerMap) MarkPrefixes() {
	var prefixes []string
	for e := range g {
		for i := range len(e) {
			if e[i] == ' ' {
				prefixes = append(prefixes, e[:i])
			}
		}
	}
	for _, p := range prefixes {
		g[p] |= PrefixBit
	}
}

// maxGazetteerLen is the longest entry, in tokens, the matcher tries.
const maxGazetteerLen = 6

// History records, per document, the entity types the tagger assigned to
// each lower-cased word in earlier sentences, so later mentions ("Shoigu"
// after "Sergei Shoigu") can agree with earlier ones.
type History struct {
	counts map[string]*[4]int32
	// multi counts only the words labelled inside multi-word names.
	multi map[string]*[4]int32
	// casing holds, per lower-cased word, how it is written where its
	// case is informative: inside sentences that are not all capitals.
	casing map[string]uint8
}

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
	h := &History{counts: map[string]*[4]int32{}, multi: map[string]*[4]int32{}, casing: map[string]uint8{}}
	for _, words := range sentences {
		if isHeadline(words) {
			continue
		}
		for _, w := range words[min(1, len(words)):] {
			r, size := utf8.DecodeRuneInString(w)
			var c uint8
			switch {
			case unicode.IsLower(r):
				c = caseLower
			case !unicode.IsUpper(r):
				continue
			case strings.IndexFunc(w[size:], unicode.IsLower) >= 0:
				c = caseTitle
			default:
				c = caseUpper
			}
			h.casing[strings.ToLower(NormalizeWord(w))] |= c
		}
	}
	return h
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
		key := strings.ToLower(NormalizeWord(words[i]))
		count(h.counts, key, ti)
		// A word inside a longer name ("Sergei Shoigu") is stronger
		// evidence for its type than the word alone.
		if l[0] == 'I' || (i+1 < len(labels) && labels[i+1] == "I-"+l[2:]) {
			count(h.multi, key, ti)
		}
	}
}

func count(m map[string]*[4]int32, key string, ti int) {
	c := m[key]
	if c == nil {
		c = new([4]int32)
		m[key] = c
	}
	c[ti]++
}

// majority is the type most often given to a word (-1 for none; ties go
// to the earlier type).
func majority(m map[string]*[4]int32, lower string) int {
	c := m[lower]
	if c == nil {
		return -1
	}
	best, bi := int32(0), -1
	for i, n := range c {
		if n > best {
			best, bi = n, i
		}
	}
	return bi
}

// Clusters maps a word to its cluster id at each granularity (-1 = none).
type Clusters struct {
	Sizes []int
	ids   map[string][]int16
}

// NewClusters builds a Clusters from word -> ids; every ids slice must have
// len(sizes) entries.
func NewClusters(sizes []int, ids map[string][]int16) *Clusters {
	return &Clusters{Sizes: sizes, ids: ids}
}

// Len is the number of clustered words.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.ids)
}

// Lookup finds the cluster ids of a word, trying it as written, then lower
// case, then title case, so all-caps headlines still find their clusters.
func (c *Clusters) Lookup(word string) []int16 {
	if c == nil {
		return nil
	}
	if ids, ok := c.ids[word]; ok {
		return ids
	}
	lower := strings.ToLower(word)
	if ids, ok := c.ids[lower]; ok || lower == word {
		return ids
	}
	r, size := utf8.DecodeRuneInString(lower)
	if len(lower) != len(word) || lower[size:] == word[size:] {
		return nil // already title case
	}
	return c.ids[string(unicode.ToUpper(r))+lower[size:]]
}

// NormalizeWord maps typographic quotes, apostrophes and dashes to the
// ASCII forms of the CoNLL training data.
func NormalizeWord(w string) string {
	if isASCII(w) {
		return w
	}
	return wordReplacer.Replace(w)
}

var wordReplacer = strings.NewReplacer(
	"’", "'", "‘", "'", "‛", "'", "“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"",
	"–", "-", "—", "-", "‐", "-", "‑", "-", "…", "...", "\u00a0", " ",
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// shape collapses a word to its character classes: "Shoigu" -> "Xx",
// "U.S." -> "X.X.", "1996-08-22" -> "d-d-d".
func shape(w string) string {
	var stack [32]byte
	b := stack[:0]
	var last rune = -1
	for _, r := range w {
		var c rune
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', unicode.IsLower(r):
			c = 'x'
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', unicode.IsUpper(r):
			c = 'X'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b = utf8.AppendRune(b, c)
			last = c
		}
	}
	// Most words share a handful of shapes; reuse their strings.
	if s, ok := commonShapes[string(b)]; ok {
		return s
	}
	return string(b)
}

var commonShapes = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"x", "X", "Xx", "d", "d.d", "d,d", "d,d.d", "x-x", "Xx-Xx", "Xx-x", "X.X.", "X.", "d-d", "d-d-d", "xXx", "XxXx", "dx", "X-X", ",", ".", "-", "\"", "(", ")", "'x", "$", "%", "'", ":", ";", "/", "Xx'x", "x'x"} {
		m[s] = s
	}
	return m
}()

// token holds the per-token strings the templates read.
type token struct {
	word, lower, shape string
	clusters           []int16
	gaz                [4]byte // 0 none, 'B' or 'I' position inside a gazetteer match
	// unigram holds the gazetteer bits of lower alone when known is set,
	// sparing the matcher a look-up.
	unigram uint8
	known   bool
}

// Extractor turns sentences into hashed feature keys. It is read-only after
// construction and safe for concurrent use.
type Extractor struct {
	Clusters *Clusters
}

// Extract returns the feature keys of every token of a sentence. gaz and
// hist may be nil; without hist the history features are left out, to be
// added per pass with Sentence.HistoryFeatures.
func (x *Extractor) Extract(words []string, gaz Gazetteer, hist *History) (*Sentence, [][]uint64) {
	n := len(words)
	toks := make([]token, n)
	headline := isHeadline(words)
	for i, w := range words {
		nw := NormalizeWord(w)
		toks[i] = token{word: nw, lower: strings.ToLower(nw), shape: shape(nw)}
		if x.Clusters != nil {
			toks[i].clusters = x.Clusters.Lookup(nw)
		}
	}
	if gaz != nil {
		markGazetteer(toks, gaz)
	}
	at := func(i int) *token {
		if i < 0 || i >= n {
			return nil
		}
		return &toks[i]
	}
	feats := make([][]uint64, n)
	buf := make([]uint64, 0, 64*n)
	for i := range toks {
		start := len(buf)
		buf = x.tokenFeatures(buf, toks, at, i, headline)
		if hist != nil {
			buf = historyFeatures(buf, &toks[i], i, headline, hist)
		}
		feats[i] = buf[start:len(buf):len(buf)]
	}
	return &Sentence{toks: toks, headline: headline}, feats
}

// Sentence keeps what history features need to be recomputed after the
// document history changes.
type Sentence struct {
	toks     []token
	headline bool
}

// HistoryFeatures returns, per token, the keys of the features that read
// the document history.
func (s *Sentence) HistoryFeatures(hist *History) [][]uint64 {
	feats := make([][]uint64, len(s.toks))
	buf := make([]uint64, 0, 4*len(s.toks))
	for i := range s.toks {
		start := len(buf)
		buf = historyFeatures(buf, &s.toks[i], i, s.headline, hist)
		feats[i] = buf[start:len(buf):len(buf)]
	}
	return feats
}

// historyFeatures reads the document: how the word is cased elsewhere and
// which type it was given before.
func historyFeatures(buf []uint64, t *token, i int, headline bool, hist *History) []uint64 {
	if hist != nil && t.shape != t.lower {
		if c := hist.casing[t.lower]; c != 0 {
			buf = append(buf, keyInt(52, int(c), 0))
			if i == 0 || headline {
				buf = append(buf, keyInt(53, int(c), 0))
			}
		}
	}
	if ti := majority(hist.counts, t.lower); ti >= 0 {
		buf = append(buf, keyInt(50, ti, 0))
		if t.shape != t.lower {
			buf = append(buf, key2(51, entityTypes[ti], t.shape))
		}
	}
	if ti := majority(hist.multi, t.lower); ti >= 0 {
		buf = append(buf, keyInt(54, ti, 0))
	}
	return buf
}

func markGazetteer(toks []token, gaz Gazetteer) {
	key := make([]byte, 0, 64)
	for i := range toks {
		key = key[:0]
		for j := i; j < len(toks) && j-i < maxGazetteerLen; j++ {
			if j > i {
				key = append(key, ' ')
			}
			key = append(key, toks[j].lower...)
			var bits uint8
			if j == i && toks[i].known {
				bits = toks[i].unigram
			} else {
				bits = gaz.Lookup(key)
			}
			if bits == 0 {
				break
			}
			for t := range entityTypes {
				if bits&(1<<t) == 0 {
					continue
				}
				for k := i; k <= j; k++ {
					pos := byte('I')
					if k == i {
						pos = 'B'
					}
					if toks[k].gaz[t] == 0 || pos == 'B' {
						toks[k].gaz[t] = pos
					}
				}
			}
		}
	}
}

func (x *Extractor) tokenFeatures(buf []uint64, toks []token, at func(int) *token, i int, headline bool) []uint64 {
	t := &toks[i]
	buf = wordFeatures(buf, t)
	for _, d := range windowOffsets {
		o := at(i + d)
		if o == nil {
			buf = append(buf, padKey(d))
			continue
		}
		buf = neighbourFeatures(buf, o, d)
		buf = pairFeatures(buf, o, t, d)
	}
	buf = positionFeatures(buf, t, i, headline)
	return gazetteerFeatures(buf, toks, i)
}

// windowOffsets are the neighbours whose features a token reads.
var windowOffsets = [4]int{-2, -1, 1, 2}

// windowBase is the first template number of the features of the
// neighbour at offset d.
func windowBase(d int) byte { return byte(20 + 4*(d+2)) }

// wordFeatures are the features of a token that read the token alone:
// bias, word, lower case, shape, affixes and clusters.
func wordFeatures(buf []uint64, t *token) []uint64 {
	buf = append(buf, key(0, ""), key(1, t.word), key(2, t.lower), key(3, t.shape))
	lw := t.lower
	for k := 1; k <= 4 && k < len(lw); k++ {
		buf = append(buf, key(4+byte(k), lw[:k]), key(8+byte(k), lw[len(lw)-k:]))
	}
	for g, id := range t.clusters {
		if id >= 0 {
			buf = append(buf, keyInt(43, g, int(id)))
			if g == 0 {
				buf = append(buf, key2(44, strconv.Itoa(int(id)), t.shape))
			}
		}
	}
	if t.clusters == nil {
		buf = append(buf, key(45, t.shape))
	}
	return buf
}

// padKey is the feature of a window offset d that falls outside the
// sentence.
func padKey(d int) uint64 { return key(windowBase(d), "<pad>") }

// neighbourFeatures are the features a token reads off its neighbour o at
// offset d that depend on o alone.
func neighbourFeatures(buf []uint64, o *token, d int) []uint64 {
	base := windowBase(d)
	buf = append(buf, key(base, o.lower), key(base+1, o.shape))
	if d == -1 || d == 1 {
		buf = append(buf, key(base+2, o.word))
		for g, id := range o.clusters {
			if id >= 0 {
				buf = append(buf, keyInt(base+2, g, int(id)))
			}
		}
	}
	return buf
}

// pairFeatures conjoin token t with its neighbour o at offset d.
func pairFeatures(buf []uint64, o, t *token, d int) []uint64 {
	if d != -1 && d != 1 {
		return buf
	}
	base := windowBase(d)
	return append(buf, key2(base+3, o.lower, t.lower), key2(base+3, o.shape, t.shape))
}

// positionFeatures mark the sentence-initial token and headline tokens.
func positionFeatures(buf []uint64, t *token, i int, headline bool) []uint64 {
	if i == 0 {
		buf = append(buf, key(40, t.shape))
	}
	if headline {
		buf = append(buf, key(41, t.shape), key(42, t.lower))
	}
	return buf
}

// gazetteerFeatures report the gazetteer matches covering token i and its
// immediate neighbours.
func gazetteerFeatures(buf []uint64, toks []token, i int) []uint64 {
	for ti, pos := range toks[i].gaz {
		if pos != 0 {
			buf = append(buf, keyInt(46, int(pos), ti))
		}
	}
	for _, d := range [2]int{-1, 1} {
		if j := i + d; j >= 0 && j < len(toks) {
			for ti, pos := range toks[j].gaz {
				if pos != 0 {
					buf = append(buf, keyInt(47+byte(d+1), int(pos), ti))
				}
			}
		}
	}
	return buf
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func key(template byte, s string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(template)) * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func key2(template byte, a, b string) uint64 {
	h := key(template, a)
	h = (h ^ 0xff) * fnvPrime
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * fnvPrime
	}
	return h
}

func keyInt(template byte, a, b int) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(template)) * fnvPrime
	h = (h ^ uint64(a)) * fnvPrime
	h = (h ^ 0xfe) * fnvPrime
	h = (h ^ uint64(b)) * fnvPrime
	h = (h ^ uint64(b>>8)) * fnvPrime
	return h
}
