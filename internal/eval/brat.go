package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// BratSpan is a brat text-bound annotation ("T12 Content 10 20;25 30"):
// its type and its fragments as byte spans.
type BratSpan struct {
	ID        string
	Type      string
	Fragments []news.Span
}

// Extent is the smallest span covering all fragments.
func (b BratSpan) Extent() news.Span {
	if len(b.Fragments) == 0 {
		return news.Span{}
	}
	out := b.Fragments[0]
	for _, f := range b.Fragments[1:] {
		out.Start, out.End = min(out.Start, f.Start), max(out.End, f.End)
	}
	return out
}

// BratEvent is a brat event line ("E1 Attribution:T4 Content:T3 Cue:T2"):
// its type and role -> T id arguments.
type BratEvent struct {
	ID   string
	Type string
	Args map[string]string
}

// BratDoc is one parsed .ann file.
type BratDoc struct {
	Spans  map[string]BratSpan
	Events []BratEvent
}

// ReadBrat parses brat standoff annotations. Brat offsets count characters
// (code points); they are converted to byte offsets into text so that
// they line up with the rest of Parallax.
func ReadBrat(r io.Reader, text string) (BratDoc, error) {
	doc := BratDoc{Spans: map[string]BratSpan{}}
	byteAt := runeToByte(text)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 || fields[0] == "" {
			continue
		}
		switch fields[0][0] {
		case 'T':
			s, err := parseBratSpan(fields, byteAt)
			if err != nil {
				return doc, fmt.Errorf("brat line %d: %w", line, err)
			}
			doc.Spans[s.ID] = s
		case 'E':
			doc.Events = append(doc.Events, parseBratEvent(fields))
		}
	}
	if err := sc.Err(); err != nil {
		return doc, fmt.Errorf("read brat: %w", err)
	}
	return doc, nil
}

func parseBratSpan(fields []string, byteAt []int) (BratSpan, error) {
	typ, ranges, ok := strings.Cut(fields[1], " ")
	if !ok {
		return BratSpan{}, fmt.Errorf("span %q: %w", fields[1], news.ErrInvalidInput)
	}
	s := BratSpan{ID: fields[0], Type: typ}
	for _, frag := range strings.Split(ranges, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || start < 0 || end < start || end >= len(byteAt) {
			return BratSpan{}, fmt.Errorf("fragment %q: %w", frag, news.ErrInvalidInput)
		}
		s.Fragments = append(s.Fragments, news.Span{Start: byteAt[start], End: byteAt[end]})
	}
	return s, nil
}

func parseBratEvent(fields []string) BratEvent {
	ev := BratEvent{ID: fields[0], Args: map[string]string{}}
	for i, arg := range strings.Fields(fields[1]) {
		role, id, _ := strings.Cut(arg, ":")
		if i == 0 {
			ev.Type = role
		}
		ev.Args[role] = id
	}
	return ev
}

// runeToByte maps each code point index (and the end) to its byte offset.
func runeToByte(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}
