// Package tokenize splits text into tokens and sentences with byte offsets.
// It is pure: text in, spans out. Tokens keep abbreviations ("U.S.",
// "Inc."), initials, numbers with separators ("1,357.5", "10:30") and
// word-internal apostrophes and hyphens together; sentences end at
// terminal punctuation (with any closing quotes or brackets that follow)
// and at line breaks, so headlines without a full stop stand alone.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark; Start/End are byte offsets into the
// text the token came from, Text == text[Start:End].
type Token struct {
	Start int
	End   int
	Text  string
}

// Tokens splits text into word and punctuation tokens. Runs of the same
// punctuation ("...", "--", "?!") are one token.
func Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		// Most text is ASCII: classify its bytes by table rather than by
		// decoding a rune and asking package unicode.
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if asciiClass[r] == asciiSpace {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		switch {
		case isWordRune(r):
			i = scanWord(text, i)
		case r == '.' || r == '-' || r == '!' || r == '?' || r == '*' || r == '=' || r == '_':
			i += size
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if r2 != r && !(isTerminalMark(r) && isTerminalMark(r2)) {
					break
				}
				i += s2
			}
		default:
			i += size
		}
		toks = append(toks, Token{Start: start, End: i, Text: text[start:i]})
	}
	return toks
}

// ASCII byte classes for the tokenizer's fast path.
const (
	asciiOther = iota
	asciiSpace
	asciiWord
)

// asciiClass classifies the ASCII bytes: unicode.IsSpace and isWordRune
// restricted to them.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsSpace(c):
			t[c] = asciiSpace
		case unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c):
			t[c] = asciiWord
		}
	}
	return t
}()

func isTerminalMark(r rune) bool { return r == '!' || r == '?' }

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if asciiClass[r] == asciiWord {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
			i += size
			continue
		}
		if isJoiner(r) && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if isWordRune(next) && joinerAllowed(r, text[start:i], next) {
				i += size
				continue
			}
		}
		break
	}
	// Abbreviations and initials keep their final period, and may go on
	// with a hyphen ("U.S.-based").
	if i < len(text) && text[i] == '.' && isAbbreviation(text[start:i+1]) {
		i++
		if i+1 < len(text) && text[i] == '-' {
			if next, _ := utf8.DecodeRuneInString(text[i+1:]); isWordRune(next) {
				return scanWord(text, i+1)
			}
		}
	}
	return i
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == asciiWord
	}
	if generalPunctuation(r) {
		return false // typographic quotes, dashes and spaces
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// generalPunctuation reports the Unicode block U+2000-U+206F, which holds
// no letters, digits or marks.
func generalPunctuation(r rune) bool { return r >= 0x2000 && r <= 0x206f }

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '.', ',', '&', '/', ':':
		return true
	}
	return false
}

func joinerAllowed(j rune, left string, next rune) bool {
	last, _ := utf8.DecodeLastRuneInString(left)
	switch j {
	case ',', '/', ':':
		// 1,357 and 24/7 and 10:30
		return unicode.IsDigit(last) && unicode.IsDigit(next)
	case '.':
		// 3.5, U.S, e.g
		if unicode.IsDigit(last) && unicode.IsDigit(next) {
			return true
		}
		return utf8.RuneCountInString(lastSegment(left)) == 1 && unicode.IsLetter(last) && unicode.IsLetter(next)
	case '&':
		return unicode.IsUpper(last) && unicode.IsUpper(next)
	case '\'', '’':
		return unicode.IsLetter(last) && unicode.IsLetter(next)
	}
	return true
}

func lastSegment(s string) string {
	if k := strings.LastIndexByte(s, '.'); k >= 0 {
		return s[k+1:]
	}
	return s
}

// abbreviations end with a period that does not end the sentence; titles
// never end one because a name always follows them.
var (
	titles = setOf("mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "sgt.", "capt.", "cmdr.",
		"adm.", "gov.", "sen.", "rep.", "rev.", "fr.", "pres.", "supt.", "st.", "mt.", "ft.", "no.", "nos.",
		"vs.", "v.", "messrs.", "hon.", "maj.", "cpl.", "pvt.", "insp.", "det.", "cf.", "approx.")
	abbreviations = setOf("jr.", "sr.", "inc.", "corp.", "ltd.", "co.", "bros.", "plc.", "llc.", "dept.",
		"etc.", "e.g.", "i.e.", "a.m.", "p.m.", "est.", "al.", "op.", "vol.", "fig.", "jan.", "feb.",
		"mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "mon.", "tue.",
		"tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "ave.", "blvd.", "rd.",
		"mln.", "bln.", "pct.", "ca.", "univ.", "assn.", "govt.")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isAbbreviation(s string) bool {
	if inLower(titles, s) || inLower(abbreviations, s) {
		return true
	}
	return isInitial(s) || isDottedAcronym(s)
}

// inLower reports whether set holds strings.ToLower(s); short ASCII
// words are lower-cased on the stack.
func inLower(set map[string]bool, s string) bool {
	var buf [16]byte
	if len(s) > len(buf) {
		return set[strings.ToLower(s)]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(s)])]
}

// isInitial reports a single capital and a period: "J.".
func isInitial(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && s[size:] == "."
}

// isDottedAcronym reports single letters each followed by a period:
// "U.S.", "e.g.", "U.S.A.".
func isDottedAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if r == '.' {
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		letters++
	}
	return letters >= 2 && strings.Count(s, ".") == letters && strings.HasSuffix(s, ".") && !strings.Contains(s, "..")
}
