// Package tagger is a learned attribution-span tagger: an averaged
// structured perceptron with Viterbi decoding that labels the tokens of a
// paragraph BIO over CONTENT, SOURCE and CUE, as PolNeAR annotates
// attributions. It complements the rule stage in internal/nlp/quote, which
// adds the learned contents its cues do not reach.
package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Seq is one tagging sequence (a paragraph): the indices [From, To) of
// its tokens in Doc.Tokens and one feature list per token.
type Seq struct {
	From, To int
	Feats    [][]uint64
}

// Doc is a text cut into tokens and paragraph sequences.
type Doc struct {
	Tokens []tokenize.Token
	Seqs   []Seq
}

// Extractor turns text into feature sequences. Cue classifies a
// lower-cased word as a reporting cue (0 when it is none); it is the rule
// stage's lexicon, so the tagger knows the cues the rules know.
type Extractor struct {
	Cue func(lower string) int
	// SkipInert leaves out the features of paragraphs without a cue word
	// or a quotation mark, which Model.Tag then labels O.
	SkipInert bool
}

// active reports whether a paragraph has a cue word or a quotation mark.
func active(info []tokInfo) bool {
	for _, t := range info {
		if t.cue != 0 || t.quoteMark || t.hint != labelO {
			return true
		}
	}
	return false
}

// tokInfo is what features read from one token.
type tokInfo struct {
	lower     string
	shape     string
	cue       int
	inQuote   bool
	quoteMark bool
	sentStart bool
	sentPos   int
	upper     bool
	hint      int // the label the hint spans give the token
}

// Extract cuts text into paragraphs (sequences never cross a line break)
// and computes the features of every token.
func (x Extractor) Extract(text string) Doc {
	return x.ExtractHinted(text, Spans{})
}

// ExtractHinted is Extract with the spans another tagger (the rule stage)
// found as features: the model learns where to trust their boundaries.
func (x Extractor) ExtractHinted(text string, hints Spans) Doc {
	toks := tokenize.Tokens(text)
	doc := Doc{Tokens: toks}
	hinted := Encode(toks, hints)
	sents := tokenize.Sentences(text)
	info := make([]tokInfo, len(toks))
	s := 0
	pos := 0
	for i, t := range toks {
		for s < len(sents) && sents[s].End <= t.Start {
			s++
		}
		start := i == 0 || (s < len(sents) && t.Start >= sents[s].Start && toks[i-1].End <= sents[s].Start)
		if start || (i > 0 && strings.Contains(text[toks[i-1].End:t.Start], "\n")) {
			pos = 0
			start = true
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		lower := strings.ToLower(t.Text)
		info[i] = tokInfo{lower: lower, shape: shape(t.Text), sentStart: start, sentPos: pos, upper: unicode.IsUpper(r), quoteMark: isQuoteMark(t.Text), hint: hinted[i]}
		if x.Cue != nil {
			info[i].cue = x.Cue(lower)
		}
		pos++
	}
	from := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && !strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
			continue
		}
		markQuotes(toks[from:i], info[from:i])
		seq := Seq{From: from, To: i}
		if !x.SkipInert || active(info[from:i]) {
			seq.Feats = features(info[from:i], len(doc.Seqs))
		}
		doc.Seqs = append(doc.Seqs, seq)
		from = i
	}
	return doc
}

// markQuotes flags the tokens between quotation marks in a paragraph.
func markQuotes(toks []tokenize.Token, info []tokInfo) {
	open := false
	for i, t := range toks {
		switch t.Text {
		case "“", "«", "„":
			open = true
		case "”", "»":
			open = false
		case "\"":
			open = !open
		}
		info[i].inQuote = open && !info[i].quoteMark
	}
}

func isQuoteMark(s string) bool {
	switch s {
	case "“", "”", "\"", "«", "»", "„", "‘", "’", "'":
		return true
	}
	return false
}

// shape maps a word to its character classes, runs collapsed ("Xx", "d").
func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		c := 'o'
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// key hashes a feature template name and its values (FNV-1a).

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

func key(parts ...string) uint64 {
	h := uint64(fnvOffset)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= fnvPrime
		}
		h ^= 0xff
		h *= fnvPrime
	}
	return h
}

func bucket(n int) string {
	switch {
	case n <= 3:
		return string(rune('0' + n))
	case n <= 5:
		return "4-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	}
	return "far"
}

// featuresPerToken is how many keys features gives every token.
const featuresPerToken = 52

// features lists the feature keys of each token of one paragraph; para is
// the paragraph's index in the text.
func features(info []tokInfo, para int) [][]uint64 {
	n := len(info)
	word := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return info[i].lower
	}
	hintAt := func(i int) string {
		if i < 0 || i >= n {
			return "-"
		}
		return string(rune('0' + info[i].hint))
	}
	cueAt := func(i int) string {
		if i < 0 || i >= n {
			return "-"
		}
		return string(rune('0' + info[i].cue))
	}
	// Distance to the nearest cue word on each side, in tokens, within
	// the paragraph and within the sentence.
	left, right := cueDistances(info, false)
	sleft, sright := cueDistances(info, true)
	toEnd := make([]int, n)
	for i, k := n-1, 0; i >= 0; i-- {
		toEnd[i] = k
		k++
		if info[i].sentStart {
			k = 0
		}
	}
	paraPos := "p0"
	if para > 0 {
		paraPos = "p+"
	}
	lb2, rb2 := boundaries(info)
	out := make([][]uint64, n)
	// One backing array for the whole paragraph (featuresPerToken keys a
	// token, one more at a sentence start) instead of one per token.
	buf := make([]uint64, 0, n*(featuresPerToken+1))
	colon, comma := false, 0
	for i := range n {
		t := info[i]
		if t.sentStart {
			colon, comma = false, 0
		}
		q := "out"
		if t.inQuote {
			q = "in"
		} else if t.quoteMark {
			q = "mark"
		}
		lb, rb := "none", "none"
		if left[i] >= 0 {
			lb = bucket(left[i])
		}
		if right[i] >= 0 {
			rb = bucket(right[i])
		}
		capPrev := i > 0 && info[i-1].upper
		sp := bucket(t.sentPos)
		from := len(buf)
		buf = append(buf,
			key("bias"),
			key("w", t.lower),
			key("sh", t.shape),
			key("suf", suffix(t.lower, 3)),
			key("w-1", word(i-1)),
			key("w+1", word(i+1)),
			key("w-2", word(i-2)),
			key("w+2", word(i+2)),
			key("w-1w", word(i-1), t.lower),
			key("ww+1", t.lower, word(i+1)),
			key("cue", cueAt(i)),
			key("cue-1", cueAt(i-1)),
			key("cue+1", cueAt(i+1)),
			key("cuew", cueAt(i), t.lower),
			key("q", q),
			key("qcue", q, lb, rb),
			key("lcue", lb),
			key("rcue", rb),
			key("sp", sp),
			key("spq", sp, q),
			key("para", paraPos),
			key("cap", boolStr(t.upper), boolStr(capPrev)),
			key("colon", boolStr(colon), q),
			key("comma", bucket(min(comma, 3))),
			key("sh-1sh", shapeAt(info, i-1), t.shape),
			key("scue", distStr(sleft[i]), distStr(sright[i]), q),
			key("lcw", cueWord(info, i, left[i], -1)),
			key("rcw", cueWord(info, i, right[i], 1)),
			key("slcw", cueWord(info, i, sleft[i], -1), t.shape),
			key("srcw", cueWord(info, i, sright[i], 1), t.shape),
			key("after", cueWord(info, i, sleft[i], -1), word(i-1)),
			key("wsl", t.lower, distStr(sleft[i])),
			key("wsr", t.lower, distStr(sright[i])),
			key("w-1sr", word(i-1), distStr(sright[i])),
			key("w+1sl", word(i+1), distStr(sleft[i])),
			key("toend", bucket(min(toEnd[i], 21))),
			key("w-3", word(i-3)),
			key("w+3", word(i+3)),
			key("lb", boundaryWord(info, i, lb2[i], -1), distStr(lb2[i]), q),
			key("rb", boundaryWord(info, i, rb2[i], 1), distStr(rb2[i]), q),
			key("lbc", boundaryWord(info, i, lb2[i], -1), boolStr(sleft[i] >= 0 && (lb2[i] < 0 || sleft[i] < lb2[i]))),
			key("rbc", boundaryWord(info, i, rb2[i], 1), boolStr(sright[i] >= 0 && (rb2[i] < 0 || sright[i] < rb2[i]))),
			key("slcww", cueWord(info, i, sleft[i], -1), t.lower),
			key("h", hintAt(i)),
			key("hq", hintAt(i), q),
			key("hw", hintAt(i), t.lower),
			key("h-1h", hintAt(i-1), hintAt(i)),
			key("hh+1", hintAt(i), hintAt(i+1)),
			key("h-2h+2", hintAt(i-2), hintAt(i+2)),
			key("hcue", hintAt(i), lb, rb),
			key("hw-1", hintAt(i), word(i-1)),
			key("hw+1", hintAt(i), word(i+1)),
		)
		if t.sentStart {
			buf = append(buf, key("start", paraPos, t.lower))
		}
		out[i] = buf[from:len(buf):len(buf)]
		switch t.lower {
		case ":":
			colon = true
		case ",":
			comma++
		}
	}
	return out
}

// distances returns, for each token, how many tokens back and ahead the
// nearest token marked by is lies (-1 when none), within the sentence
// when sentence is set.
func distances(info []tokInfo, sentence bool, is func(tokInfo) bool) (left, right []int) {
	n := len(info)
	left, right = make([]int, n), make([]int, n)
	last := -1
	for i := range n {
		if sentence && info[i].sentStart {
			last = -1
		}
		left[i] = -1
		if last >= 0 {
			left[i] = i - last
		}
		if is(info[i]) {
			last = i
		}
	}
	last = -1
	for i := n - 1; i >= 0; i-- {
		right[i] = -1
		if last >= 0 {
			right[i] = last - i
		}
		if is(info[i]) {
			last = i
		}
		if sentence && info[i].sentStart {
			last = -1
		}
	}
	return left, right
}

// cueDistances gives the distances to the nearest cue word, within the
// sentence when sentence is set.
func cueDistances(info []tokInfo, sentence bool) (left, right []int) {
	return distances(info, sentence, func(t tokInfo) bool { return t.cue != 0 })
}

// boundaryWords end or open a clause inside a sentence.
var boundaryWords = map[string]bool{
	",": true, ";": true, ":": true, "—": true, "–": true, "(": true, ")": true,
	"and": true, "but": true, "or": true, "which": true, "who": true, "that": true,
	"because": true, "while": true, "after": true, "before": true, "when": true, "if": true,
}

// boundaries gives the distances to the nearest clause-boundary word of
// each token's sentence.
func boundaries(info []tokInfo) (left, right []int) {
	return distances(info, true, func(t tokInfo) bool { return boundaryWords[t.lower] })
}

// boundaryWord is the boundary word dist tokens away in direction dir
// ("-" when none).
func boundaryWord(info []tokInfo, i, dist, dir int) string {
	if dist < 0 {
		return "-"
	}
	return info[i+dir*dist].lower
}

func distStr(d int) string {
	if d < 0 {
		return "none"
	}
	return bucket(d)
}

// cueWord is the cue word dist tokens away in direction dir, "-" when
// there is none.
func cueWord(info []tokInfo, i, dist, dir int) string {
	if dist < 0 {
		return "-"
	}
	return info[i+dir*dist].lower
}

func shapeAt(info []tokInfo, i int) string {
	if i < 0 || i >= len(info) {
		return "-"
	}
	return info[i].shape
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Spans are the labelled extents of one text, by type.
type Spans struct {
	Content, Source, Cue []news.Span
}
