package compare_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/story/compare"
)

const basilDir = "/work/shared/data/basil/articles"

// basilStory reads n full BASIL articles (three outlets per event) into one
// synthetic story: the worst case of a big story with many sentences.
func basilStory(b *testing.B, n int) compare.Input {
	files, _ := filepath.Glob(filepath.Join(basilDir, "*", "*.json"))
	if len(files) < n {
		b.Skipf("BASIL articles not found in %s", basilDir)
	}
	r, err := reader.New()
	if err != nil {
		b.Fatal(err)
	}
	var in compare.Input
	for i, f := range files[:n] {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var doc struct {
			Source     string     `json:"source"`
			Paragraphs [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			b.Fatal(err)
		}
		var paras []string
		for _, p := range doc.Paragraphs {
			paras = append(paras, strings.Join(p, " "))
		}
		a := news.Article{ID: int64(i + 1), Text: strings.Join(paras, "\n\n")}
		in.Articles = append(in.Articles, compare.Article{ID: a.ID, Outlet: doc.Source, Text: a.Text, Annotations: r.Read(a)})
	}
	return in
}

func BenchmarkCompare20(b *testing.B) {
	in := basilStory(b, 20)
	sentences := 0
	for _, a := range in.Articles {
		sentences += len(a.Annotations.Sentences)
	}
	for b.Loop() {
		compare.Compare(in)
	}
	b.ReportMetric(float64(sentences), "sentences")
}
