package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hard-wrapped text (wire copy, e-mail) has every line but the last within
// a band of widths; wrapWidth bounds that width.
const (
	wrapWidth     = 100
	wrapMinShare  = 0.6
	minDedupRunes = 40
)

// paragraphs groups the kept lines into paragraphs. A blank or dropped line
// ends a paragraph. Inside a block, lines are joined with a space when the
// block is hard-wrapped prose or a line plainly continues the one before;
// otherwise each line is its own paragraph.
func (x *extraction) paragraphs() []string {
	var out, block []string
	flush := func() {
		out = append(out, joinBlock(block)...)
		block = block[:0]
	}
	for _, ln := range x.lines {
		if ln.text == "" || ln.drop != "" {
			flush()
			continue
		}
		block = append(block, ln.text)
	}
	flush()
	return out
}

func joinBlock(block []string) []string {
	if len(block) == 0 {
		return nil
	}
	if isWrapped(block) {
		return []string{strings.Join(block, " ")}
	}
	out := []string{block[0]}
	for _, l := range block[1:] {
		last := out[len(out)-1]
		if continues(last, l) {
			out[len(out)-1] = last + " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// isWrapped reports whether a block of three or more lines is one
// paragraph broken at a fixed width.
func isWrapped(block []string) bool {
	if len(block) < 3 {
		return false
	}
	widest := 0
	for _, l := range block {
		widest = max(widest, utf8.RuneCountInString(l))
	}
	if widest > wrapWidth || widest < 40 {
		return false
	}
	for _, l := range block[:len(block)-1] {
		if float64(utf8.RuneCountInString(l)) < wrapMinShare*float64(widest) {
			return false
		}
	}
	return true
}

// continues reports whether next plainly carries on the sentence of prev:
// prev stops mid-sentence and next starts in lower case.
func continues(prev, next string) bool {
	if endsSentence(prev) || strings.HasSuffix(prev, ":") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// dedupe removes paragraphs said twice: a lead or standfirst repeated in
// the body (kept once, at its place in the body), a paragraph equal to the
// title, and later verbatim repeats.
func (x *extraction) dedupe(paragraphs []string) []string {
	keys := make([]string, len(paragraphs))
	for i, p := range paragraphs {
		keys[i] = matchKey(p)
	}
	titleKey := matchKey(x.title)
	keep := make([]bool, len(paragraphs))
	for i := range paragraphs {
		keep[i] = keys[i] != "" && keys[i] != titleKey
		if !keep[i] && keys[i] != "" {
			x.warn("dropped %s: %q", reasonTitle, snippet(paragraphs[i]))
		}
	}
	for i := range paragraphs {
		if !keep[i] {
			continue
		}
		for j := i + 1; j < len(paragraphs); j++ {
			if !keep[j] {
				continue
			}
			switch {
			case i < 2 && repeats(keys[i], keys[j]):
				// The lead opens the text as a standfirst and returns in the
				// body: keep it where the body tells it.
				keep[i] = false
				x.warn("dropped %s: lead repeated in the body: %q", reasonDuplicate, snippet(paragraphs[i]))
			case keys[i] == keys[j]:
				keep[j] = false
				x.warn("dropped %s: %q", reasonDuplicate, snippet(paragraphs[j]))
			}
			if !keep[i] {
				break
			}
		}
	}
	out := make([]string, 0, len(paragraphs))
	for i, p := range paragraphs {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// repeats reports whether the lead key is repeated by a later paragraph:
// equal, or (when long enough to be telling) contained in it, possibly cut
// short with an ellipsis.
func repeats(lead, later string) bool {
	if lead == later {
		return true
	}
	if utf8.RuneCountInString(lead) < minDedupRunes {
		return false
	}
	return strings.Contains(later, strings.TrimRight(lead, ".… "))
}

// matchKey is the comparison form of a paragraph: lower case, straight
// quotes, single spaces.
func matchKey(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "...", "…").Replace(s)
	return strings.Join(strings.FieldsFunc(s, isSpaceLike), " ")
}

func isSpaceLike(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF'
}
