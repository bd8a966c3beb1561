package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parallax-news/parallax/internal/news"
)

// stopWords are function words and reporting filler that say nothing about
// what a sentence claims.
var stopWords = setOf(`a about above after again against all also am an and any are as at be
been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours
yourself yourselves said says say told tells according reported reports would may might
must shall one ms mr mrs dr s t`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// word is a token of a text with its byte offsets.
type word struct {
	text       string
	start, end int
}

// words splits text into letter/digit runs, keeping inner apostrophes,
// hyphens and number separators ("Taliban-led", "1,357").
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		inner := start >= 0 && (r == '-' || r == '\'' || r == '’' || r == ',' || r == '.') && i+utf8.RuneLen(r) < len(text)
		if inner {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if r == ',' || r == '.' {
				inner = unicode.IsDigit(prev) && unicode.IsDigit(next)
			} else {
				inner = unicode.IsLetter(next) || unicode.IsDigit(next)
			}
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{text[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{text[start:], start, len(text)})
	}
	return out
}

// stem lowercases and stems a word; possessives and curly apostrophes are
// folded first so "Russia’s" meets "Russia".
func stem(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	w = strings.TrimSuffix(w, "'s")
	return english.Stem(w, true)
}

// contentStems returns the distinct stems of the content words of text.
func contentStems(text string) map[string]bool {
	return stemsOutside(text, 0, len(text), nil)
}

// stemsOutside returns the content stems of text[start:end] leaving out the
// words inside the skip spans (offsets into text).
func stemsOutside(text string, start, end int, skip []news.Span) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(text[start:end]) {
		at := start + w.start
		if slices.ContainsFunc(skip, func(sp news.Span) bool { return at >= sp.Start && at < sp.End }) {
			continue
		}
		lw := strings.ToLower(w.text)
		if stopWords[lw] || len(lw) < 2 {
			continue
		}
		if s := stem(w.text); s != "" && !stopWords[s] {
			out[s] = true
		}
	}
	return out
}

// dice is the Dice coefficient of two sets.
func dice(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 2 * float64(overlap(a, b)) / float64(len(a)+len(b))
}

func overlap(a, b map[string]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// coverage is the share of a found in b.
func coverage(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 1
	}
	return float64(overlap(a, b)) / float64(len(a))
}

// clauseOpeners start a new proposition after a comma.
var clauseOpeners = setOf(`he she they it we i but while whereas although though noting adding
saying where who which and`)

// clauses splits the span [start,end) of text into proposition-sized parts:
// at semicolons and colons, and at a comma followed by a pronoun subject, a
// contrast or a participle of saying. A leading "Although X," is its own
// clause. Parts keep their byte offsets, trimmed of spaces and punctuation.
func clauses(text string, start, end int) []word {
	var cuts []int
	ws := words(text[start:end])
	for i, w := range ws {
		if i == 0 {
			continue
		}
		gap := text[start+ws[i-1].end : start+w.start]
		if strings.ContainsAny(gap, ";:") {
			cuts = append(cuts, start+ws[i-1].end)
			continue
		}
		if !strings.Contains(gap, ",") {
			continue
		}
		lw := strings.ToLower(w.text)
		if clauseOpeners[lw] && lw != "and" && lw != "which" && lw != "who" {
			cuts = append(cuts, start+ws[i-1].end)
		}
		if lw == "and" && i+1 < len(ws) && clauseOpeners[strings.ToLower(ws[i+1].text)] {
			cuts = append(cuts, start+ws[i-1].end)
		}
	}
	var out []word
	from := start
	for _, c := range append(cuts, end) {
		s, e := trimSpan(text, from, c)
		if e > s {
			out = append(out, word{text[s:e], s, e})
		}
		from = c
	}
	return out
}

// trimSpan shrinks [s,e) past surrounding spaces and punctuation other than
// closing quotes.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:.", r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:", r) {
			break
		}
		e -= n
	}
	return s, e
}
