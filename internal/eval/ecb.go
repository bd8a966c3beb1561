package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// ClusterDoc is one document of a story-clustering data set with its gold
// cluster label.
type ClusterDoc struct {
	ID        string
	Title     string
	Text      string
	Outlet    string
	Published string // RFC 3339 or YYYY-MM-DD; "" when unknown
	Gold      string
}

// ReadECBPlus reads an ECB+ corpus directory (topic folders of *ecb.xml and
// *ecbplus.xml files). The gold cluster of a document is its topic plus
// sub-topic ("3_ecb", "3_ecbplus"); the text is rebuilt from the <token>
// elements, one line per sentence. Documents come in natural order:
// topic, then document number, then sub-topic.
func ReadECBPlus(dir string) ([]ClusterDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("ecb+ %s: %w", dir, err)
	}
	type keyed struct {
		path          string
		topic, number int
		plus          bool
	}
	var files []keyed
	for _, p := range paths {
		base := strings.TrimSuffix(filepath.Base(p), ".xml")
		topic, rest, ok := strings.Cut(base, "_")
		plus := strings.HasSuffix(rest, "ecbplus")
		num := strings.TrimSuffix(strings.TrimSuffix(rest, "ecbplus"), "ecb")
		t, err1 := strconv.Atoi(topic)
		n, err2 := strconv.Atoi(num)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		files = append(files, keyed{p, t, n, plus})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ecb+ %s: no <topic>/<topic>_<n>ecb[plus].xml files: %w", dir, news.ErrInvalidInput)
	}
	slices.SortFunc(files, func(a, b keyed) int {
		if a.topic != b.topic {
			return a.topic - b.topic
		}
		if a.number != b.number {
			return a.number - b.number
		}
		if a.plus == b.plus {
			return 0
		}
		if a.plus {
			return 1
		}
		return -1
	})
	docs := make([]ClusterDoc, 0, len(files))
	for _, f := range files {
		text, err := readECBText(f.path)
		if err != nil {
			return nil, err
		}
		sub := "ecb"
		if f.plus {
			sub = "ecbplus"
		}
		docs = append(docs, ClusterDoc{
			ID:   filepath.Base(f.path),
			Text: text,
			Gold: strconv.Itoa(f.topic) + "_" + sub,
		})
	}
	return docs, nil
}

// readECBText rebuilds a document's text from its tokens.
func readECBText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("ecb+: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var b strings.Builder
	sentence := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("ecb+ %s: %w: %w", path, news.ErrInvalidInput, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "token" {
			continue
		}
		var t struct {
			Sentence string `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		}
		if err := dec.DecodeElement(&t, &start); err != nil {
			return "", fmt.Errorf("ecb+ %s: %w: %w", path, news.ErrInvalidInput, err)
		}
		switch {
		case b.Len() == 0:
		case t.Sentence != sentence:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		sentence = t.Sentence
		b.WriteString(t.Text)
	}
	return b.String(), nil
}
