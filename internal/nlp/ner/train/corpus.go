// Package train learns the NER model shipped in models/ner: word clusters
// from unlabeled news (exchange clustering), gazetteers from the labeled
// training data, and averaged structured-perceptron weights. Everything is
// deterministic: fixed seeds and sorted iteration orders.
package train

import (
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/ingest/archive"
	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

var reutersBody = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>|<BODY>(.*?)</BODY>`)

// ReadReuters returns the tokenised sentences of the titles and bodies of
// the Reuters-21578 SGML files (reut2-*.sgm.gz) in dir, in file order.
func ReadReuters(dir string) ([][]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out [][]string
	for _, f := range files {
		b, err := readGzip(f)
		if err != nil {
			return nil, err
		}
		for _, m := range reutersBody.FindAllStringSubmatch(string(b), -1) {
			text := m[1] + m[2]
			text = html.UnescapeString(text)
			// Bodies are hard-wrapped; indented lines start paragraphs.
			text = strings.ReplaceAll(text, "\n    ", "\n\n")
			text = strings.ReplaceAll(text, "\n\n", "\x00")
			text = strings.ReplaceAll(text, "\n", " ")
			text = strings.ReplaceAll(text, "\x00", "\n\n")
			text = strings.TrimSuffix(strings.TrimSpace(text), "Reuter")
			out = append(out, sentences(text)...)
		}
	}
	return out, nil
}

// ReadBBC returns the tokenised sentences of the articles in the BBC News
// tarball (bbc/<topic>/<NNN>.txt), in archive order.
func ReadBBC(path string) ([][]string, error) {
	var out [][]string
	err := archive.ReadFiles(path, archive.Limits{}, func(name string, raw []byte) error {
		if strings.HasSuffix(name, ".txt") {
			out = append(out, sentences(strings.ToValidUTF8(string(raw), " "))...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sentences(text string) [][]string {
	var out [][]string
	for _, s := range tokenize.Sentences(text) {
		toks := ner.Tokenize(text[s.Start:s.End])
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = ner.NormalizeWord(t.Text)
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
