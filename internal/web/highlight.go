package web

import (
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"
)

// Mark is a span of text to highlight. Class names the kind ("conflict",
// "ent ent-per"); ID, when set, lets a link jump to the span's start; Title
// is shown on hover.
type Mark struct {
	Start, End int
	Class      string
	ID         string
	Title      string
}

// Highlight renders text with marks as HTML. The text is split at every
// mark boundary and each piece is escaped; a piece covered by several
// marks gets one <mark> with all their classes. Spans outside the text are
// clipped and snapped to rune boundaries; empty spans are dropped.
func Highlight(text string, marks []Mark) template.HTML {
	marks = clip(text, marks)
	cuts := []int{0, len(text)}
	for _, m := range marks {
		cuts = append(cuts, m.Start, m.End)
	}
	sort.Ints(cuts)
	var b strings.Builder
	b.Grow(len(text) + len(marks)*48)
	for i := 0; i+1 < len(cuts); i++ {
		start, end := cuts[i], cuts[i+1]
		if start == end {
			continue
		}
		writeSegment(&b, text[start:end], start, end, marks)
	}
	return template.HTML(b.String())
}

func clip(text string, marks []Mark) []Mark {
	out := make([]Mark, 0, len(marks))
	for _, m := range marks {
		m.Start = snap(text, max(0, min(m.Start, len(text))))
		m.End = snap(text, max(0, min(m.End, len(text))))
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	return out
}

// snap moves an offset back to the start of the rune it falls in.
func snap(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

func writeSegment(b *strings.Builder, piece string, start, end int, marks []Mark) {
	var classes, titles, ids []string
	for _, m := range marks {
		if m.Start <= start && end <= m.End {
			classes = append(classes, m.Class)
			if m.Title != "" {
				titles = append(titles, m.Title)
			}
			if m.Start == start && m.ID != "" {
				ids = append(ids, m.ID)
			}
		}
	}
	if len(classes) == 0 {
		b.WriteString(template.HTMLEscapeString(piece))
		return
	}
	// Extra ids that start here get empty anchors so every link target exists.
	for _, id := range ids[min(1, len(ids)):] {
		b.WriteString(`<span id="` + template.HTMLEscapeString(id) + `"></span>`)
	}
	b.WriteString(`<mark class="` + template.HTMLEscapeString(strings.Join(classes, " ")) + `"`)
	if len(ids) > 0 {
		b.WriteString(` id="` + template.HTMLEscapeString(ids[0]) + `"`)
	}
	if len(titles) > 0 {
		b.WriteString(` title="` + template.HTMLEscapeString(strings.Join(titles, "; ")) + `"`)
	}
	b.WriteString(`>` + template.HTMLEscapeString(piece) + `</mark>`)
}
