package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/news"
)

// MaxOPMLBytes is the largest OPML document ParseOPML accepts.
const MaxOPMLBytes = 5 << 20

// maxOutlineDepth bounds nesting so a hostile file cannot exhaust the stack.
const maxOutlineDepth = 32

// Subscription is one feed of an OPML list. Category is the path of the
// enclosing outlines joined by "/".
type Subscription struct {
	URL      string
	Title    string
	HTMLURL  string
	Category string
}

type opmlDoc struct {
	XMLName xml.Name    `xml:"opml"`
	Version string      `xml:"version,attr"`
	Title   string      `xml:"head>title"`
	Created string      `xml:"head>dateCreated,omitempty"`
	Body    []opmlEntry `xml:"body>outline"`
}

type opmlEntry struct {
	Text     string      `xml:"text,attr"`
	Title    string      `xml:"title,attr,omitempty"`
	Type     string      `xml:"type,attr,omitempty"`
	XMLURL   string      `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string      `xml:"htmlUrl,attr,omitempty"`
	Children []opmlEntry `xml:"outline"`
}

// ParseOPML reads the feeds of an OPML document, flattening nested
// outlines into categories. Outlines without xmlUrl are folders.
func ParseOPML(data []byte) ([]Subscription, error) {
	if len(data) > MaxOPMLBytes {
		return nil, fmt.Errorf("opml of %d bytes: %w", len(data), news.ErrTooLarge)
	}
	if err := checkEntities(data); err != nil {
		return nil, err
	}
	var doc opmlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = charset.NewReaderLabel
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse opml: %w: %v", news.ErrInvalidInput, err)
	}
	var subs []Subscription
	var walk func(entries []opmlEntry, path []string, depth int) error
	walk = func(entries []opmlEntry, path []string, depth int) error {
		if depth > maxOutlineDepth {
			return fmt.Errorf("opml nested deeper than %d: %w", maxOutlineDepth, news.ErrInvalidInput)
		}
		for _, e := range entries {
			name := strings.TrimSpace(e.Title)
			if name == "" {
				name = strings.TrimSpace(e.Text)
			}
			if u := strings.TrimSpace(e.XMLURL); u != "" {
				subs = append(subs, Subscription{URL: u, Title: name, HTMLURL: strings.TrimSpace(e.HTMLURL), Category: strings.Join(path, "/")})
			}
			if err := walk(e.Children, append(path[:len(path):len(path)], name), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body, nil, 0); err != nil {
		return nil, err
	}
	return subs, nil
}

// WriteOPML writes subs as an OPML 2.0 document, one folder outline per
// category (nested by "/").
func WriteOPML(w io.Writer, title string, created time.Time, subs []Subscription) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	if !created.IsZero() {
		doc.Created = created.UTC().Format(time.RFC1123Z)
	}
	root := &opmlEntry{}
	for _, s := range subs {
		parent := root
		if s.Category != "" {
			for _, name := range strings.Split(s.Category, "/") {
				parent = folder(parent, name)
			}
		}
		text := s.Title
		if text == "" {
			text = s.URL
		}
		parent.Children = append(parent.Children, opmlEntry{Text: text, Title: s.Title, Type: "rss", XMLURL: s.URL, HTMLURL: s.HTMLURL})
	}
	doc.Body = root.Children
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// folder returns the child folder outline named name, creating it.
func folder(parent *opmlEntry, name string) *opmlEntry {
	for i := range parent.Children {
		c := &parent.Children[i]
		if c.XMLURL == "" && c.Text == name {
			return c
		}
	}
	parent.Children = append(parent.Children, opmlEntry{Text: name, Title: name})
	return &parent.Children[len(parent.Children)-1]
}
