package sqlite

import (
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// storiesForBench stores n stories of three articles each.
func storiesForBench(b *testing.B, n int) *Store {
	s := openTemp(b)
	b.Cleanup(func() { s.Close() })
	ctx := b.Context()
	at := time.Date(2024, 11, 25, 9, 0, 0, 0, time.UTC)
	for i := range n {
		var members []int64
		for k, outlet := range []string{"Wire", "Gazette", "Herald"} {
			doc, _, err := s.PutDocument(ctx, news.Document{SourceURI: "bench", FetchedAt: at, ContentType: "text/plain", Raw: []byte(fmt.Sprint(i, k))})
			if err != nil {
				b.Fatal(err)
			}
			id, _, err := s.PutArticle(ctx, news.Article{DocumentID: doc, Source: "bench", Outlet: news.Str(outlet),
				Title: news.Str(fmt.Sprint("story ", i)), Text: "text", PublishedAt: &news.Timestamp{Time: at.Add(time.Duration(k) * time.Hour)}})
			if err != nil {
				b.Fatal(err)
			}
			members = append(members, id)
		}
		if _, err := s.PutStory(ctx, news.Story{Title: fmt.Sprint("story ", i), FirstSeen: at, LastSeen: at.Add(time.Duration(i) * time.Minute), ArticleIDs: members}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkStorySummaries lists the first page of 50 of 1,000 stories in
// one query.
func BenchmarkStorySummaries(b *testing.B) {
	s := storiesForBench(b, 1000)
	for b.Loop() {
		if list, _, err := s.StorySummaries(b.Context(), store.StoryQuery{Limit: 50}); err != nil || len(list) != 50 {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkStoriesThenArticles is the same page the way the story list
// was built before StorySummaries: one query per member article.
func BenchmarkStoriesThenArticles(b *testing.B) {
	s := storiesForBench(b, 1000)
	for b.Loop() {
		list, _, err := s.Stories(b.Context(), store.StoryQuery{Limit: 50})
		if err != nil || len(list) != 50 {
			b.Fatal(len(list), err)
		}
		for _, st := range list {
			for _, id := range st.ArticleIDs {
				if _, err := s.Article(b.Context(), id); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
