package eval

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TimeMLDoc is one TimeML document reduced to what timex scoring needs: the
// plain text of its <TEXT> element, its creation time and the gold TIMEX3
// annotations as byte spans into Text.
type TimeMLDoc struct {
	Path     string
	Text     string
	Creation time.Time
	// HasCreation is false when the document has no CREATION_TIME timex
	// with a parseable date.
	HasCreation bool
	Gold        []news.Timex
}

var (
	tagPattern  = regexp.MustCompile(`<(/?)([A-Za-z0-9_]+)([^>]*)>`)
	attrPattern = regexp.MustCompile(`([A-Za-z_:]+)\s*=\s*"([^"]*)"`)
)

// ParseTimeML reads one TimeML document. The text is the content of the
// <TEXT> element with all tags removed and entities decoded; gold timexes
// are the TIMEX3 elements inside it.
func ParseTimeML(data []byte) (TimeMLDoc, error) {
	src := string(data)
	var doc TimeMLDoc
	if created, ok := creationTime(src); ok {
		doc.Creation, doc.HasCreation = created, true
	}
	open := strings.Index(src, "<TEXT>")
	end := strings.LastIndex(src, "</TEXT>")
	if open < 0 || end < open {
		return doc, fmt.Errorf("timeml: no <TEXT> element: %w", news.ErrInvalidInput)
	}
	body := src[open+len("<TEXT>") : end]

	var text strings.Builder
	var current *news.Timex
	last := 0
	for _, m := range tagPattern.FindAllStringSubmatchIndex(body, -1) {
		text.WriteString(html.UnescapeString(body[last:m[0]]))
		last = m[1]
		closing := body[m[2]:m[3]] == "/"
		if body[m[4]:m[5]] != "TIMEX3" {
			continue
		}
		if !closing {
			attrs := attributes(body[m[6]:m[7]])
			current = &news.Timex{Start: text.Len(), Type: attrs["type"], Value: attrs["value"]}
			continue
		}
		if current != nil {
			current.End = text.Len()
			doc.Gold = append(doc.Gold, *current)
			current = nil
		}
	}
	text.WriteString(html.UnescapeString(body[last:]))
	doc.Text = text.String()
	for i := range doc.Gold {
		doc.Gold[i].Text = doc.Text[doc.Gold[i].Start:doc.Gold[i].End]
	}
	return doc, nil
}

// creationTime finds the TIMEX3 marked functionInDocument="CREATION_TIME".
func creationTime(src string) (time.Time, bool) {
	for _, m := range tagPattern.FindAllStringSubmatch(src, -1) {
		if m[1] != "" || m[2] != "TIMEX3" {
			continue
		}
		attrs := attributes(m[3])
		if attrs["functionInDocument"] != "CREATION_TIME" {
			continue
		}
		value := attrs["value"]
		if len(value) >= 10 {
			if t, err := time.Parse(time.DateOnly, value[:10]); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	return time.Time{}, false
}

func attributes(s string) map[string]string {
	attrs := map[string]string{}
	for _, m := range attrPattern.FindAllStringSubmatch(s, -1) {
		attrs[m[1]] = html.UnescapeString(m[2])
	}
	return attrs
}

// ReadTimeMLDir reads every .tml file under dir, recursively, in path order.
func ReadTimeMLDir(dir string) ([]TimeMLDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".tml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timeml: walk %s: %w", dir, err)
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("timeml: no .tml files under %s: %w", dir, news.ErrNotFound)
	}
	docs := make([]TimeMLDoc, 0, len(paths))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("timeml: %w", err)
		}
		doc, err := ParseTimeML(data)
		if err != nil {
			return nil, fmt.Errorf("timeml %s: %w", path, err)
		}
		doc.Path = path
		docs = append(docs, doc)
	}
	return docs, nil
}
