package reader

import (
	"context"
	"testing"
)

// BenchmarkRead measures the whole read stage per article over the demo
// corpus (18 news articles of 150-1,800 words).
func BenchmarkRead(b *testing.B) {
	articles := demoArticles(b)
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, a := range articles {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(articles)))
	r.Read(articles[0]) // loads the lazily decoded models outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Read(articles[i%len(articles)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParallelRead measures ReadAll on all cores: one op reads the
// demo corpus once. Its name keeps it out of -bench BenchmarkRead.
func BenchmarkParallelRead(b *testing.B) {
	articles := demoArticles(b)
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.ReadAll(context.Background(), articles, 0); err != nil {
		b.Fatal(err) // loads the models outside the timing
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.ReadAll(context.Background(), articles, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
}
