package sqlcodec

import (
	"strings"
	"unicode"
)

// SearchTerms splits user text into words (runs of letters, digits and
// combining marks). Everything else, including every full-text operator
// character, separates words, so user text can never be query syntax and
// both backends search for the same words.
func SearchTerms(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
