package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// markKind groups quotation marks that pair with each other.
type markKind int

const (
	noMark markKind = iota
	doubleMark
	singleMark
	guillemet
)

// quoted is one direct quotation found by its marks: the content span
// (without the marks) and the span including them.
type quoted struct {
	content news.Span
	outer   news.Span
}

// quotedSpans finds the outermost quotations in text. Nested quotations of
// the other kind stay inside their parent; a quote left open at the end of a
// paragraph continues when the next paragraph opens with a quote mark (the
// multi-paragraph convention) or when that paragraph's first mark of the kind
// can only close (the mark was not re-opened: "A.\n\nB," Trump tweeted);
// otherwise it is dropped as unbalanced.
func quotedSpans(text string) []quoted {
	var out []quoted
	open := noMark
	var openRune rune
	openAt, contentAt := 0, 0
	// A single quote that never closes was an apostrophe after all: scan its
	// paragraph again without single quotes so it hides no double quote.
	noSingleBefore := 0
	for i := 0; i <= len(text); {
		if i == len(text) {
			if open != singleMark {
				break
			}
			open, noSingleBefore, i = noMark, i, contentAt
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
			// Two apostrophes are a straight double quote in some archives.
			r, size = '"', 2
		}
		if r == '\n' && open != noMark {
			next, ok := continuesQuote(text, i, open, openRune)
			switch {
			case ok:
				i = next
			case open == singleMark:
				open, noSingleBefore, i = noMark, i, contentAt
			default:
				open, i = noMark, next
			}
			continue
		}
		if open == noMark {
			k := openerKind(text, i, r)
			if k == singleMark && i < noSingleBefore {
				k = noMark
			}
			if k != noMark {
				open, openRune, openAt, contentAt = k, r, i, i+size
			}
			i += size
			continue
		}
		if closes(text, i, r, open, openRune) {
			if i > contentAt {
				out = append(out, quoted{
					content: news.Span{Start: contentAt, End: i},
					outer:   news.Span{Start: openAt, End: i + size},
				})
			}
			open = noMark
		}
		i += size
	}
	return out
}

// continuesQuote decides what happens to a quote still open at a line break
// at i. It returns where scanning resumes and whether the quote stays open.
func continuesQuote(text string, i int, open markKind, openRune rune) (int, bool) {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	if j >= len(text) {
		return j, false
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if strings.HasPrefix(text[j:], "''") {
		r, size = '"', 2
	}
	if openerKind(text, j, r) == open {
		return j + size, true
	}
	return j, open != singleMark && closesFirst(text, j, open, openRune)
}

// closesFirst reports whether the first mark of kind open in the paragraph
// starting at j closes rather than opens. Single marks are left out: an
// apostrophe looks like a closing mark too often.
func closesFirst(text string, j int, open markKind, openRune rune) bool {
	for k := j; k < len(text); {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r == '\n' {
			return false
		}
		if strings.HasPrefix(text[k:], "''") {
			r, size = '"', 2
		}
		if openerKind(text, k, r) == open {
			return false
		}
		if closes(text, k, r, open, openRune) {
			return true
		}
		k += size
	}
	return false
}

// openerKind reports which kind of quotation r at i opens, if any.
func openerKind(text string, i int, r rune) markKind {
	switch r {
	case '“', '„':
		return doubleMark
	case '«', '‹':
		return guillemet
	case '»':
		// Danish/German style »...«.
		if followedByWord(text, i, r) {
			return guillemet
		}
	case '"', '”':
		if precededBySpaceOrOpen(text, i) && followedByWord(text, i, r) {
			return doubleMark
		}
	case '‘':
		if followedByWord(text, i, r) {
			return singleMark
		}
	case '\'', '’':
		// An apostrophe inside or after a word ("don't", "Afghans'") or an
		// elided year ("'90s") is not an opening quote.
		if precededBySpaceOrOpen(text, i) && followedByWord(text, i, r) && !followedByDigit(text, i, r) {
			return singleMark
		}
	}
	return noMark
}

// closes reports whether r at i closes an open quotation of kind open.
func closes(text string, i int, r rune, open markKind, openRune rune) bool {
	switch open {
	case doubleMark:
		switch r {
		case '”':
			return true
		case '"':
			return true
		case '“':
			// German „...“ closes with the English opening mark.
			return openRune == '„'
		}
	case guillemet:
		switch r {
		case '»', '›':
			return openRune != '»'
		case '«':
			return openRune == '»'
		}
	case singleMark:
		if r != '’' && r != '\'' {
			return false
		}
		// Apostrophes inside words ("don’t") never close.
		if i+utf8.RuneLen(r) < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			if isWordRune(next) {
				return false
			}
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(prev) {
			return false
		}
		return !pluralPossessive(text, i, r, prev)
	}
	return false
}

// pluralPossessive reports whether the apostrophe r at i ends a plural
// possessive ("the Afghans’ rights") rather than a quotation: it follows
// an "s", a word follows it, and a later mark in the paragraph can still
// close the quotation.
func pluralPossessive(text string, i int, r, prev rune) bool {
	if prev != 's' && prev != 'S' {
		return false
	}
	rest := text[i+utf8.RuneLen(r):]
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(rest[1:]); !unicode.IsLetter(next) {
		return false
	}
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	for j, c := range rest {
		if c != r || j == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(rest[:j])
		after, _ := utf8.DecodeRuneInString(rest[j+utf8.RuneLen(c):])
		if !unicode.IsSpace(before) && !isWordRune(after) {
			return true
		}
	}
	return false
}

func precededBySpaceOrOpen(text string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', ':', '“', '"', '«':
		return true
	}
	return unicode.IsSpace(prev)
}

func followedByWord(text string, i int, r rune) bool {
	j := i + utf8.RuneLen(r)
	if j >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	return !unicode.IsSpace(next)
}

func followedByDigit(text string, i int, r rune) bool {
	j := i + utf8.RuneLen(r)
	if j >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsDigit(next)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
