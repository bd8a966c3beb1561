package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Sentences splits text into sentence spans, ordered and non-overlapping,
// each from its first token to its last. A sentence ends:
//   - at ".", "!", "?", "…" or a run of them, together with the closing
//     quotes and brackets right after it, unless the next word is lower
//     case or is punctuation that continues the sentence;
//   - at an abbreviation such as "U.S." or "Inc." only when a typical
//     sentence opener ("The", "He", ...) follows; never at a title ("Dr.")
//     or an initial ("J.");
//   - at a blank line, always, and at a single line break unless the next
//     line starts in lower case, so headlines stand alone.
func Sentences(text string) []news.Span {
	toks := Tokens(text)
	var spans []news.Span
	start := -1
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if start < 0 {
			start = t.Start
		}
		end := false
		switch {
		case isTerminal(t.Text):
			for k+1 < len(toks) && isCloser(toks[k+1].Text) && toks[k+1].Start == toks[k].End {
				k++
			}
			end = k+1 == len(toks) || opensSentence(toks[k+1].Text) && !glued(toks, k)
		case strings.HasSuffix(t.Text, ".") && len(t.Text) > 1:
			for k+1 < len(toks) && isCloser(toks[k+1].Text) && toks[k+1].Start == toks[k].End {
				k++
			}
			end = k+1 == len(toks) || abbreviationEnds(t.Text, toks[k+1].Text)
		}
		if !end && k+1 < len(toks) {
			end = lineBreakEnds(text[toks[k].End:toks[k+1].Start], toks[k+1].Text)
		}
		if end || k+1 == len(toks) {
			spans = append(spans, news.Span{Start: start, End: toks[k].End})
			start = -1
		}
	}
	return spans
}

// glued reports a full stop squeezed between a word and an abbreviation
// with no space on either side ("N." + "C." in "(D-N.C.)", split by the
// tokenizer after the hyphen): inside a name, not a sentence end.
func glued(toks []Token, k int) bool {
	if k == 0 || toks[k].Text != "." || toks[k-1].End != toks[k].Start || toks[k+1].Start != toks[k].End {
		return false
	}
	next := toks[k+1].Text
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && (strings.HasSuffix(next, ".") || utf8.RuneCountInString(next) == 1)
}

// isTerminal reports a token made only of sentence-final marks.
func isTerminal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// opensSentence reports whether a token can start a sentence: anything but
// a lower-case word or punctuation that continues the current one.
func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	switch s {
	case ",", ";", ":", ")", "]", "}", "-", "–", "—", "%":
		return false
	}
	return true
}

// sentenceOpeners are words that, capitalised after an abbreviation,
// almost always start a new sentence ("... in the U.S. The ...").
var sentenceOpeners = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this",
	"that", "these", "those", "there", "but", "and", "in", "on", "at", "his", "her", "its",
	"their", "our", "my", "as", "if", "when", "while", "after", "before", "however", "meanwhile",
	"yet", "so", "for", "some", "many", "most", "one", "no", "what", "why", "how", "who")

func abbreviationEnds(abbrev, next string) bool {
	if inLower(titles, abbrev) || isInitial(abbrev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && inLower(sentenceOpeners, next)
}

// lineBreakEnds reports whether the whitespace gap between two tokens ends
// a sentence: a blank line always does, a single line break unless the
// next line continues in lower case.
func lineBreakEnds(gap, next string) bool {
	if strings.IndexByte(gap, '\n') < 0 {
		return false // the common case: a space
	}
	n := strings.Count(gap, "\n")
	if n >= 2 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	return !unicode.IsLower(r)
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "}", "»", "›":
		return true
	}
	return false
}
