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

// A template is a feature template's name already hashed: key hashes its
// values on top (FNV-1a, each part closed by 0xff), so a key is the same
// as hashing the name and the values in one go, without rehashing the name
// for every token.
type template uint64

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

func newTemplate(name string) template {
	return template(template(fnvOffset).add(name))
}

// add hashes one part on top of h.
func (h template) add(p string) uint64 {
	x := uint64(h)
	for i := 0; i < len(p); i++ {
		x ^= uint64(p[i])
		x *= fnvPrime
	}
	x ^= 0xff
	return x * fnvPrime
}

func (t template) key(parts ...string) uint64 {
	h := uint64(t)
	for _, p := range parts {
		h = template(h).add(p)
	}
	return h
}

// The feature templates.
var (
	tplBias   = newTemplate("bias")
	tplW      = newTemplate("w")
	tplSh     = newTemplate("sh")
	tplSuf    = newTemplate("suf")
	tplWm1    = newTemplate("w-1")
	tplWp1    = newTemplate("w+1")
	tplWm2    = newTemplate("w-2")
	tplWp2    = newTemplate("w+2")
	tplWm1w   = newTemplate("w-1w")
	tplWwp1   = newTemplate("ww+1")
	tplCue    = newTemplate("cue")
	tplCuem1  = newTemplate("cue-1")
	tplCuep1  = newTemplate("cue+1")
	tplCuew   = newTemplate("cuew")
	tplQ      = newTemplate("q")
	tplQcue   = newTemplate("qcue")
	tplLcue   = newTemplate("lcue")
	tplRcue   = newTemplate("rcue")
	tplSp     = newTemplate("sp")
	tplSpq    = newTemplate("spq")
	tplPara   = newTemplate("para")
	tplCap    = newTemplate("cap")
	tplColon  = newTemplate("colon")
	tplComma  = newTemplate("comma")
	tplShm1sh = newTemplate("sh-1sh")
	tplScue   = newTemplate("scue")
	tplLcw    = newTemplate("lcw")
	tplRcw    = newTemplate("rcw")
	tplSlcw   = newTemplate("slcw")
	tplSrcw   = newTemplate("srcw")
	tplAfter  = newTemplate("after")
	tplWsl    = newTemplate("wsl")
	tplWsr    = newTemplate("wsr")
	tplWm1sr  = newTemplate("w-1sr")
	tplWp1sl  = newTemplate("w+1sl")
	tplToend  = newTemplate("toend")
	tplWm3    = newTemplate("w-3")
	tplWp3    = newTemplate("w+3")
	tplLb     = newTemplate("lb")
	tplRb     = newTemplate("rb")
	tplLbc    = newTemplate("lbc")
	tplRbc    = newTemplate("rbc")
	tplSlcww  = newTemplate("slcww")
	tplH      = newTemplate("h")
	tplHq     = newTemplate("hq")
	tplHw     = newTemplate("hw")
	tplHm1h   = newTemplate("h-1h")
	tplHhp1   = newTemplate("hh+1")
	tplHm2hp2 = newTemplate("h-2h+2")
	tplHcue   = newTemplate("hcue")
	tplHwm1   = newTemplate("hw-1")
	tplHwp1   = newTemplate("hw+1")
	tplStart  = newTemplate("start")
)

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
			tplBias.key(),
			tplW.key(t.lower),
			tplSh.key(t.shape),
			tplSuf.key(suffix(t.lower, 3)),
			tplWm1.key(word(i-1)),
			tplWp1.key(word(i+1)),
			tplWm2.key(word(i-2)),
			tplWp2.key(word(i+2)),
			tplWm1w.key(word(i-1), t.lower),
			tplWwp1.key(t.lower, word(i+1)),
			tplCue.key(cueAt(i)),
			tplCuem1.key(cueAt(i-1)),
			tplCuep1.key(cueAt(i+1)),
			tplCuew.key(cueAt(i), t.lower),
			tplQ.key(q),
			tplQcue.key(q, lb, rb),
			tplLcue.key(lb),
			tplRcue.key(rb),
			tplSp.key(sp),
			tplSpq.key(sp, q),
			tplPara.key(paraPos),
			tplCap.key(boolStr(t.upper), boolStr(capPrev)),
			tplColon.key(boolStr(colon), q),
			tplComma.key(bucket(min(comma, 3))),
			tplShm1sh.key(shapeAt(info, i-1), t.shape),
			tplScue.key(distStr(sleft[i]), distStr(sright[i]), q),
			tplLcw.key(cueWord(info, i, left[i], -1)),
			tplRcw.key(cueWord(info, i, right[i], 1)),
			tplSlcw.key(cueWord(info, i, sleft[i], -1), t.shape),
			tplSrcw.key(cueWord(info, i, sright[i], 1), t.shape),
			tplAfter.key(cueWord(info, i, sleft[i], -1), word(i-1)),
			tplWsl.key(t.lower, distStr(sleft[i])),
			tplWsr.key(t.lower, distStr(sright[i])),
			tplWm1sr.key(word(i-1), distStr(sright[i])),
			tplWp1sl.key(word(i+1), distStr(sleft[i])),
			tplToend.key(bucket(min(toEnd[i], 21))),
			tplWm3.key(word(i-3)),
			tplWp3.key(word(i+3)),
			tplLb.key(boundaryWord(info, i, lb2[i], -1), distStr(lb2[i]), q),
			tplRb.key(boundaryWord(info, i, rb2[i], 1), distStr(rb2[i]), q),
			tplLbc.key(boundaryWord(info, i, lb2[i], -1), boolStr(sleft[i] >= 0 && (lb2[i] < 0 || sleft[i] < lb2[i]))),
			tplRbc.key(boundaryWord(info, i, rb2[i], 1), boolStr(sright[i] >= 0 && (rb2[i] < 0 || sright[i] < rb2[i]))),
			tplSlcww.key(cueWord(info, i, sleft[i], -1), t.lower),
			tplH.key(hintAt(i)),
			tplHq.key(hintAt(i), q),
			tplHw.key(hintAt(i), t.lower),
			tplHm1h.key(hintAt(i-1), hintAt(i)),
			tplHhp1.key(hintAt(i), hintAt(i+1)),
			tplHm2hp2.key(hintAt(i-2), hintAt(i+2)),
			tplHcue.key(hintAt(i), lb, rb),
			tplHwm1.key(hintAt(i), word(i-1)),
			tplHwp1.key(hintAt(i), word(i+1)),
		)
		if t.sentStart {
			buf = append(buf, tplStart.key(paraPos, t.lower))
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
