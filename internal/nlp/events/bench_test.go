package events_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/events"
	"github.com/parallax-news/parallax/internal/nlp/reader"
)

// BenchmarkCode measures event coding alone per article over the demo
// corpus, on annotations the reader made beforehand.
func BenchmarkCode(b *testing.B) {
	files, err := demo.Files()
	if err != nil {
		b.Fatal(err)
	}
	r, err := reader.New()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var anns []news.Annotations
	for _, f := range files {
		for _, it := range jsonl.Parse(f.Name, f.Raw) {
			if it.Err == nil {
				texts = append(texts, it.Article.Text)
				anns = append(anns, r.Read(it.Article))
			}
		}
	}
	if len(texts) == 0 {
		b.Fatal("no demo articles")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(texts)
		events.Code(texts[k], anns[k])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
