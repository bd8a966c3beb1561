// Package jsonl reads articles already extracted by another tool, one JSON
// object a line: {"title","text","url","outlet","byline","published_at",
// "updated_at","language","id"}. Only "text" is required. It is pure: bytes
// in, articles out, one error per bad line so the rest of a file proceeds.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"golang.org/x/text/unicode/norm"
)

// record is one input line. Dates are strings so that several layouts
// can be accepted.
type record struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Text        string `json:"text"`
	URL         string `json:"url"`
	Outlet      string `json:"outlet"`
	Byline      string `json:"byline"`
	Author      string `json:"author"`
	PublishedAt string `json:"published_at"`
	UpdatedAt   string `json:"updated_at"`
	Language    string `json:"language"`
}

// Item is one parsed line: an article or the error that line produced.
type Item struct {
	Line    int
	Source  string
	Raw     []byte // the line's bytes
	Article news.Article
	Err     error
}

// Looks reports whether raw looks like JSON Lines of article objects: the
// first non-blank line is a JSON object with a "text" field.
func Looks(raw []byte) bool {
	raw = bytes.TrimLeft(raw, " \t\r\n\ufeff")
	if len(raw) == 0 || raw[0] != '{' {
		return false
	}
	line, _, _ := bytes.Cut(raw, []byte("\n"))
	var probe map[string]json.RawMessage
	if json.Unmarshal(line, &probe) != nil {
		return false
	}
	_, ok := probe["text"]
	return ok
}

// Parse reads every line of raw. source names the file; each article's
// Source is "source#id" (or "source:LINE" when the record has no id).
func Parse(source string, raw []byte) []Item {
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		items = append(items, parseLine(source, lineNo, line))
	}
	if err := sc.Err(); err != nil {
		items = append(items, Item{Line: lineNo + 1, Source: source, Err: fmt.Errorf("%s: line %d: %w: %v", source, lineNo+1, news.ErrInvalidInput, err)})
	}
	return items
}

func parseLine(source string, lineNo int, line []byte) Item {
	it := Item{Line: lineNo, Source: fmt.Sprintf("%s:%d", source, lineNo), Raw: append([]byte(nil), line...)}
	fail := func(format string, args ...any) Item {
		it.Err = fmt.Errorf("%s: line %d: %w: %s", source, lineNo, news.ErrInvalidInput, fmt.Sprintf(format, args...))
		return it
	}
	if !utf8.Valid(line) {
		return fail("not valid UTF-8")
	}
	var r record
	if err := json.Unmarshal(line, &r); err != nil {
		return fail("not a JSON object: %v", err)
	}
	text := strings.TrimSpace(norm.NFC.String(strings.ReplaceAll(r.Text, "\r\n", "\n")))
	if text == "" {
		return fail("empty \"text\"")
	}
	if r.ID != "" {
		it.Source = source + "#" + r.ID
	}
	a := news.Article{
		Source:   it.Source,
		Title:    news.Str(strings.TrimSpace(r.Title)),
		URL:      news.Str(strings.TrimSpace(r.URL)),
		Outlet:   news.Str(strings.TrimSpace(r.Outlet)),
		Byline:   news.Str(strings.TrimSpace(firstNonEmpty(r.Byline, r.Author))),
		Language: news.Str(strings.TrimSpace(r.Language)),
		Text:     text,
		Warnings: []string{},
	}
	for _, d := range []struct {
		name string
		raw  string
		dst  **news.Timestamp
	}{{"published_at", r.PublishedAt, &a.PublishedAt}, {"updated_at", r.UpdatedAt, &a.UpdatedAt}} {
		if d.raw == "" {
			continue
		}
		ts, ok := ParseTime(d.raw)
		if !ok {
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s: unreadable date %q ignored", d.name, d.raw))
			continue
		}
		if ts.Floating {
			a.Warnings = append(a.Warnings, d.name+": no time zone, wall time kept")
		}
		*d.dst = &ts
	}
	it.Article = a
	return it
}

var zonedLayouts = []string{time.RFC3339Nano, time.RFC1123Z, time.RFC1123, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00"}
var floatingLayouts = []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

// ParseTime reads common machine date formats into a Timestamp, keeping
// the precision given: a bare day is DateOnly, a time without zone Floating.
func ParseTime(s string) (news.Timestamp, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return news.Timestamp{Time: t, DateOnly: true}, true
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return news.Timestamp{Time: t}, true
		}
	}
	for _, l := range floatingLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return news.Timestamp{Time: t, Floating: true}, true
		}
	}
	return news.Timestamp{}, false
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
