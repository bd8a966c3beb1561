package httpapi_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// An entity page gathers a person under every ID the articles give him,
// unless the bare surname could be someone else the store knows.
func TestEntityAliases(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	put := func(day int, people ...string) int64 {
		t.Helper()
		text := fmt.Sprint("article ", day)
		doc, _, err := st.PutDocument(ctx, news.Document{SourceURI: text, FetchedAt: time.Now(), Raw: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		pub := news.Timestamp{Time: time.Date(2019, 1, day, 0, 0, 0, 0, time.UTC), DateOnly: true}
		id, _, err := st.PutArticle(ctx, news.Article{DocumentID: doc, Source: text, PublishedAt: &pub, Text: text, Warnings: []string{}})
		if err != nil {
			t.Fatal(err)
		}
		var ann news.Annotations
		for _, p := range people {
			ann.Entities = append(ann.Entities, news.Entity{ID: p, Name: p, Type: news.PER})
		}
		if err := st.PutAnnotations(ctx, id, ann); err != nil {
			t.Fatal(err)
		}
		return id
	}
	svc := &httpapi.Service{Store: st}
	check := func(id string, wantAliases []string, wantArticles []int64) {
		t.Helper()
		d, err := svc.Entity(ctx, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, o := range d.Occurrences {
			got = append(got, o.ArticleID)
		}
		if !slices.Equal(d.Aliases, wantAliases) || !slices.Equal(got, wantArticles) {
			t.Errorf("Entity(%s): aliases %q, articles %v; want %q, %v", id, d.Aliases, got, wantAliases, wantArticles)
		}
	}
	a3 := put(3, "per:trump")
	a1 := put(1, "per:donald_trump")
	a2 := put(2, "per:donald_j_trump", "per:mike_pence")
	all := []string{"per:donald_j_trump", "per:donald_trump", "per:trump"}
	check("per:donald_trump", all, []int64{a1, a2, a3})
	check("per:trump", all, []int64{a1, a2, a3})
	check("per:mike_pence", []string{"per:mike_pence"}, []int64{a2})
	d, err := svc.Entity(ctx, "per:trump", 0)
	if err != nil || len(d.Names) != 3 || d.Name != "per:donald_j_trump" {
		t.Errorf("Entity(per:trump): name %q, names %q, %v; want the fullest of three", d.Name, d.Names, err)
	}
	// Search's entity filter follows the same aliases.
	found, _, err := svc.Search(ctx, store.SearchQuery{EntityID: "per:donald_trump"})
	if err != nil || len(found) != 3 {
		t.Errorf("Search(entity per:donald_trump) = %d articles, %v; want 3", len(found), err)
	}
	// Once another Trump is known, "Trump" alone could be either.
	a4 := put(4, "per:melania_trump", "per:trump")
	check("per:donald_trump", []string{"per:donald_j_trump", "per:donald_trump"}, []int64{a1, a2})
	check("per:trump", []string{"per:trump"}, []int64{a3, a4})
}
