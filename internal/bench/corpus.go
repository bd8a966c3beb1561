// Package bench measures throughput, latency and memory of the pipeline
// stages on streams built from the real texts in the shared data folder.
// It backs `parallax bench`.
package bench

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest/archive"
	"github.com/parallax-news/parallax/internal/news"
)

// baseText is one real article the synthetic stream reuses.
type baseText struct {
	title string
	body  string
}

var (
	reutersDoc   = regexp.MustCompile(`(?s)<REUTERS .*?</REUTERS>`)
	reutersTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reutersBody  = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
)

// loadCorpus reads the Reuters-21578 bodies and the BBC News articles
// under dataDir (reuters21578/reut2-*.sgm.gz, bbc-news/bbc.tar.gz).
func loadCorpus(dataDir string) ([]baseText, error) {
	var texts []baseText
	paths, err := filepath.Glob(filepath.Join(dataDir, "reuters21578", "reut2-*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		raw, err := readGzip(p)
		if err != nil {
			return nil, err
		}
		for _, doc := range reutersDoc.FindAll(raw, -1) {
			body := reutersBody.FindSubmatch(doc)
			if body == nil {
				continue
			}
			var title string
			if m := reutersTitle.FindSubmatch(doc); m != nil {
				title = cleanText(m[1])
			}
			text := strings.TrimSuffix(strings.TrimSpace(cleanText(body[1])), "Reuter")
			texts = append(texts, baseText{title: title, body: strings.TrimSpace(text)})
		}
	}
	bbc, err := loadBBC(filepath.Join(dataDir, "bbc-news", "bbc.tar.gz"))
	if err != nil {
		return nil, err
	}
	texts = append(texts, bbc...)
	if len(texts) == 0 {
		return nil, fmt.Errorf("bench corpus %s: no Reuters or BBC texts: %w", dataDir, news.ErrNotFound)
	}
	return texts, nil
}

// readFiles walks a corpus file (gzip, tar.gz) with the ingest archive
// reader and hands each member to fn; every error names the corpus file.
func readFiles(path string, fn func(name string, raw []byte) error) error {
	if err := archive.ReadFiles(path, archive.Limits{FileBytes: 64 << 20}, fn); err != nil {
		return fmt.Errorf("bench corpus %s: %w", path, err)
	}
	return nil
}

func readGzip(path string) ([]byte, error) {
	var raw []byte
	err := readFiles(path, func(_ string, b []byte) error {
		raw = b
		return nil
	})
	return raw, err
}

// loadBBC reads bbc/<topic>/<n>.txt: headline, blank line, paragraphs.
func loadBBC(path string) ([]baseText, error) {
	var texts []baseText
	err := readFiles(path, func(name string, raw []byte) error {
		if strings.HasSuffix(name, ".txt") {
			title, body, _ := strings.Cut(cleanText(raw), "\n")
			if strings.TrimSpace(body) != "" {
				texts = append(texts, baseText{title: strings.TrimSpace(title), body: strings.TrimSpace(body)})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return texts, nil
}

// cleanText decodes Latin-1 when the bytes are not UTF-8, unescapes SGML
// entities and drops control characters.
func cleanText(raw []byte) string {
	var s string
	if utf8.Valid(raw) {
		s = string(raw)
	} else {
		r := make([]rune, len(raw))
		for i, b := range raw {
			r[i] = rune(b)
		}
		s = string(r)
	}
	s = html.UnescapeString(s)
	return strings.Map(func(r rune) rune {
		if r < ' ' && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}
