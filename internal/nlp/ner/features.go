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
