package roles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

type benchArticle struct {
	text  string
	names []resolve.Name
}

func benchArticles(b *testing.B) []benchArticle {
	paths, _ := filepath.Glob("testdata/articles/*.txt")
	var out []benchArticle
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".names")
		if err != nil {
			b.Fatal(err)
		}
		var items []string
		for line := range strings.SplitSeq(strings.TrimSpace(string(names)), "\n") {
			typ, surface, _ := strings.Cut(line, "\t")
			items = append(items, typ+":"+surface)
		}
		out = append(out, benchArticle{string(text), spans(string(text), items...)})
	}
	return out
}

// BenchmarkResolveAttach measures resolve.Resolve plus Attach per article
// (sentence splitting excluded, as the read stage shares it).
func BenchmarkResolveAttach(b *testing.B) {
	arts := benchArticles(b)
	sents := make([][]news.Span, len(arts))
	for i, a := range arts {
		sents[i] = tokenize.Sentences(a.text)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		a := arts[n%len(arts)]
		Attach(a.text, sents[n%len(arts)], resolve.Resolve(a.text, sents[n%len(arts)], a.names))
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
