package reader

import (
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/news"
)

// BenchmarkRead measures the whole read stage per article over the demo
// corpus (18 news articles of 150-1,800 words).
func BenchmarkRead(b *testing.B) {
	files, err := demo.Files()
	if err != nil {
		b.Fatal(err)
	}
	var articles []news.Article
	for _, f := range files {
		for _, it := range jsonl.Parse(f.Name, f.Raw) {
			if it.Err == nil {
				articles = append(articles, it.Article)
			}
		}
	}
	if len(articles) == 0 {
		b.Fatal("no demo articles")
	}
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, a := range articles {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(articles)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Read(articles[i%len(articles)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
