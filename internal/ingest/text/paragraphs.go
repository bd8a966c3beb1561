package text

import (
	"regexp"
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

// paragraph is one output paragraph and where it came from.
type paragraph struct {
	text  string
	first int // index of its first input line
	lines int // input lines joined into it
}

// paragraphs groups the kept lines into paragraphs. A blank or dropped line
// ends a paragraph. Inside a block, lines are joined with a space when the
// text is hard-wrapped or a line plainly continues the one before;
// otherwise each line is its own paragraph.
func (x *extraction) paragraphs() []paragraph {
	var blocks [][]int
	var block []int
	for i, ln := range x.lines {
		if ln.text == "" || ln.drop != "" {
			if len(block) > 0 {
				blocks = append(blocks, block)
				block = nil
			}
			continue
		}
		block = append(block, i)
	}
	if len(block) > 0 {
		blocks = append(blocks, block)
	}
	width := x.wrapWidth(blocks)
	var out []paragraph
	for _, b := range blocks {
		out = append(out, x.joinBlock(b, width)...)
	}
	return out
}

// wrapWidth detects hard-wrapped text (wire copy, e-mail): blocks of three
// or more lines whose lines but the last fill a band of widths. It returns
// the wrap width, or 0 when the text is not wrapped.
func (x *extraction) wrapWidth(blocks [][]int) int {
	width := 0
	for _, b := range blocks {
		if len(b) < 3 {
			continue
		}
		widest, list := 0, false
		for _, i := range b {
			widest = max(widest, utf8.RuneCountInString(x.lines[i].text))
			list = list || isListItem(x.lines[i].text)
		}
		if list {
			continue
		}
		if widest > wrapWidth || widest < 40 {
			continue
		}
		wrapped, open := true, 0
		for _, i := range b[:len(b)-1] {
			if float64(utf8.RuneCountInString(x.lines[i].text)) < wrapMinShare*float64(widest) {
				wrapped = false
			}
			if !endsSentence(x.lines[i].text) {
				open++
			}
		}
		// Lines broken at a width mostly stop mid-sentence; one paragraph
		// per line mostly ends with a full stop.
		if wrapped && 2*open >= len(b)-1 {
			width = max(width, widest)
		}
	}
	return width
}

func (x *extraction) joinBlock(block []int, width int) []paragraph {
	out := []paragraph{{text: x.lines[block[0]].text, first: block[0], lines: 1}}
	for k, i := range block[1:] {
		prevLine := x.lines[block[k]].text
		next := x.lines[i].text
		last := &out[len(out)-1]
		filled := width > 0 && float64(utf8.RuneCountInString(prevLine)) >= wrapMinShare*float64(width) &&
			!strings.HasSuffix(prevLine, ":")
		if !isListItem(next) && (filled || continues(prevLine, next)) {
			last.text += " " + next
			last.lines++
			continue
		}
		out = append(out, paragraph{text: next, first: i, lines: 1})
	}
	return out
}

var reListItem = regexp.MustCompile(`^(?:[-–—*•·▪►]|\d{1,2}[.)])\s`)

// isListItem is a bulleted or numbered line, never joined to its neighbours.
func isListItem(s string) bool { return reListItem.MatchString(s) }

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
func (x *extraction) dedupe(paras []paragraph) []string {
	paragraphs := make([]string, len(paras))
	keys := make([]string, len(paras))
	for i, p := range paras {
		paragraphs[i] = p.text
		keys[i] = matchKey(p.text)
	}
	titleKey := matchKey(x.title)
	keep := make([]bool, len(paragraphs))
	for i := range paragraphs {
		keep[i] = keys[i] != "" && keys[i] != titleKey
		if !keep[i] && keys[i] != "" {
			x.warn("dropped %s: %q", reasonTitle, snippet(paragraphs[i]))
		}
	}
	// The lead or standfirst is one of the first two paragraphs; only it
	// is compared with every later paragraph.
	for i := 0; i < min(2, len(paragraphs)); i++ {
		if !keep[i] {
			continue
		}
		for j := i + 1; j < len(paragraphs); j++ {
			if keep[j] && repeats(keys[i], keys[j]) {
				keep[i] = false
				x.warn("dropped %s: lead repeated in the body: %q", reasonDuplicate, snippet(paragraphs[i]))
				break
			}
		}
	}
	seen := make(map[string]bool, len(paragraphs))
	for i := range paragraphs {
		if !keep[i] {
			continue
		}
		if seen[keys[i]] {
			keep[i] = false
			x.warn("dropped %s: %q", reasonDuplicate, snippet(paragraphs[i]))
		}
		seen[keys[i]] = true
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
