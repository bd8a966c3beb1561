package reader

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/news"
)

func demoArticles(tb testing.TB) []news.Article {
	tb.Helper()
	files, err := demo.Files()
	if err != nil {
		tb.Fatal(err)
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
		tb.Fatal("no demo articles")
	}
	return articles
}

func TestReadAllMatchesRead(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	articles := demoArticles(t)
	want := make([]news.Annotations, len(articles))
	for i, a := range articles {
		want[i] = r.Read(a)
	}
	for _, workers := range []int{0, 1, 3, 2 * len(articles)} {
		got, err := r.ReadAll(context.Background(), articles, workers)
		if err != nil {
			t.Fatalf("workers %d: %v", workers, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("workers %d: annotations differ from Read's", workers)
		}
	}
}

func TestReadAllEdges(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	articles := demoArticles(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		articles []news.Article
		wantLen  int
		wantErr  error
	}{
		{"no articles", context.Background(), nil, 0, nil},
		{"cancelled before the start", cancelled, articles, 0, context.Canceled},
		{"cancelled, nothing to read", cancelled, nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.ReadAll(tt.ctx, tt.articles, 2)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if len(got) != tt.wantLen {
				t.Errorf("%d annotations, want %d", len(got), tt.wantLen)
			}
		})
	}
}
