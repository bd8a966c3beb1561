// Package tokenize splits text into tokens and sentences with byte offsets.
// It is pure: text in, spans out.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Token is a word or punctuation mark; Start/End are byte offsets into the
// text the token came from, Text == text[Start:End].
type Token struct {
	Start int
	End   int
	Text  string
}

// Tokens splits text into word and punctuation tokens. Words keep internal
// apostrophes, hyphens, periods of abbreviations ("U.S.") and the separators
// of numbers ("1,357.5").
func Tokens(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		if isWordRune(r) {
			i += size
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r2) {
					i += s2
					continue
				}
				if isJoiner(r2) && i+s2 < len(text) {
					next, _ := utf8.DecodeRuneInString(text[i+s2:])
					if isWordRune(next) && joinerAllowed(r2, text[start:i], next) {
						i += s2
						continue
					}
				}
				break
			}
			// Abbreviations such as "U.S." keep their final period.
			if i < len(text) && text[i] == '.' && isAbbreviation(text[start:i]+".") {
				i++
			}
		} else {
			i += size
		}
		toks = append(toks, Token{Start: start, End: i, Text: text[start:i]})
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '&':
		return true
	}
	return false
}

func joinerAllowed(j rune, left string, next rune) bool {
	last, _ := utf8.DecodeLastRuneInString(left)
	switch j {
	case ',':
		return unicode.IsDigit(last) && unicode.IsDigit(next)
	case '.':
		// 3.5, U.S, e.g
		if unicode.IsDigit(last) && unicode.IsDigit(next) {
			return true
		}
		return utf8.RuneCountInString(lastSegment(left)) == 1 && unicode.IsLetter(next)
	case '&':
		return unicode.IsUpper(last) && unicode.IsUpper(next)
	}
	return true
}

func lastSegment(s string) string {
	if k := strings.LastIndexByte(s, '.'); k >= 0 {
		return s[k+1:]
	}
	return s
}

// Sentences splits text into sentence spans. Line breaks that end a
// paragraph always end a sentence, so headlines without a full stop stand
// alone.
func Sentences(text string) []news.Span {
	toks := Tokens(text)
	var spans []news.Span
	start := -1
	for k, t := range toks {
		if start < 0 {
			start = t.Start
		}
		end := false
		switch t.Text {
		case ".", "!", "?", "…":
			end = true
			if t.Text == "." && k > 0 && toks[k-1].End == t.Start && isAbbreviation(toks[k-1].Text+".") {
				end = false
			}
		}
		last := t.End
		if end {
			// Absorb closing quotes and brackets that follow the stop.
			for k+1 < len(toks) && isCloser(toks[k+1].Text) && toks[k+1].Start == last {
				k++
				last = toks[k].End
			}
			// A lower-case continuation is not a new sentence.
			if k+1 < len(toks) {
				r, _ := utf8.DecodeRuneInString(toks[k+1].Text)
				if unicode.IsLower(r) {
					end = false
				}
			}
		}
		if !end && k+1 < len(toks) && strings.Count(text[t.End:toks[k+1].Start], "\n") > 0 {
			end = true
		}
		if end || k+1 == len(toks) {
			spans = append(spans, news.Span{Start: start, End: last})
			start = -1
		}
	}
	return dedupSpans(spans)
}

func dedupSpans(spans []news.Span) []news.Span {
	out := spans[:0]
	for _, s := range spans {
		if len(out) > 0 && s.Start < out[len(out)-1].End {
			out[len(out)-1].End = max(out[len(out)-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "gen.": true, "col.": true,
	"lt.": true, "sgt.": true, "capt.": true, "gov.": true, "sen.": true, "rep.": true, "st.": true,
	"jr.": true, "sr.": true, "inc.": true, "corp.": true, "ltd.": true, "co.": true, "vs.": true,
	"etc.": true, "e.g.": true, "i.e.": true, "u.s.": true, "u.k.": true, "u.n.": true, "no.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true, "mt.": true, "ft.": true,
}

func isAbbreviation(s string) bool {
	if abbreviations[strings.ToLower(s)] {
		return true
	}
	// Initials: "J." or dotted acronyms "U.S.A."
	letters := strings.ReplaceAll(s, ".", "")
	if utf8.RuneCountInString(letters) == 1 {
		r, _ := utf8.DecodeRuneInString(letters)
		return unicode.IsUpper(r)
	}
	return strings.Count(s, ".") >= 2 && utf8.RuneCountInString(letters) == strings.Count(s, ".")
}
