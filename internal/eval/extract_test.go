package eval

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestShinglePR(t *testing.T) {
	tests := []struct {
		got, want string
		p, r      float64
	}{
		{"a b c d e", "A b, c d e!", 1, 1},
		{"a b c d", "a b c d e", 1, 0.5},
		{"", "a b c d", 0, 0},
		{"x y", "x y", 1, 1},
		{"a b c d x", "a b c d", 0.5, 1},
	}
	for _, tt := range tests {
		p, r := shinglePR(tt.got, tt.want)
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 {
			t.Errorf("shinglePR(%q, %q) = %v, %v; want %v, %v", tt.got, tt.want, p, r, tt.p, tt.r)
		}
	}
}

func TestScoreExtract(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>two</p>"))
	zw.Close()
	files := map[string][]byte{
		"one.html":    []byte("<p>one</p>"),
		"two.html.gz": gz.Bytes(),
		"cases.jsonl": []byte(`{"id":"1","url":"u1","html":"one.html","expected_text":"alpha beta gamma delta epsilon","with":["alpha  beta"],"without":["footer"],"title":"T","author":["A","B"],"date":"2024-11-25"}
{"id":"2","url":"u2","html":"two.html.gz","with":["missing"],"title":"Other"}
{"id":"3","url":"u3","html":"absent.html","with":["x"]}
`),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases, err := LoadExtractCases(dir)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(page []byte, url string) (news.Article, error) {
		if url == "u2" {
			return news.Article{}, errors.New("boom")
		}
		ts, _ := news.ParseTimestamp("2024-11-25T10:00:00Z")
		return news.Article{Text: "alpha\nbeta gamma delta footer", Title: news.Str(" t "), Byline: news.Str("a; b"), PublishedAt: &ts}, nil
	}
	m := ScoreExtract(dir, cases, extract)
	if m.Docs != 3 || m.Errors != 2 {
		t.Errorf("docs %d errors %d", m.Docs, m.Errors)
	}
	// got shingles {alpha beta gamma delta, beta gamma delta footer}; want {abgd, bgde}
	if m.Precision != 0.5 || m.Recall != 0.5 {
		t.Errorf("shingle P/R = %v/%v", m.Precision, m.Recall)
	}
	// tp 1 (alpha beta), fp 1 (footer), fn 2 (missing, x)
	if m.SnippetPrecision != 0.5 || math.Abs(m.SnippetRecall-1.0/3) > 1e-9 {
		t.Errorf("snippet P/R = %v/%v", m.SnippetPrecision, m.SnippetRecall)
	}
	// doc 1 finds 1/1 and leaks 1/1; docs 2 and 3 find 0/1
	if m.DocPrecision != 0 || math.Abs(m.DocRecall-1.0/3) > 1e-9 || m.DocF1 != 0 {
		t.Errorf("doc P/R/F1 = %v/%v/%v", m.DocPrecision, m.DocRecall, m.DocF1)
	}
	if m.EmptyDocs != 2 || m.ShortDocs != 1 || m.MedianChars != 0 {
		t.Errorf("empty %d short %d median %d", m.EmptyDocs, m.ShortDocs, m.MedianChars)
	}
	if m.TitleAccuracy != 0.5 || m.AuthorAccuracy != 1 || m.DateAccuracy != 1 {
		t.Errorf("accuracies %v %v %v", m.TitleAccuracy, m.AuthorAccuracy, m.DateAccuracy)
	}
}
