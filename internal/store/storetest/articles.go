package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testArticleRoundTrip stores articles whose optional fields are nil, empty
// or set, with every kind of Timestamp, and reads them back unchanged.
func testArticleRoundTrip(t *testing.T, s store.Store) {
	ctx := t.Context()
	moscow := time.FixedZone("", 3*3600)
	kabul := time.FixedZone("", 4*3600+1800)
	text := "Sergei Shoigu arrived in Kabul on Monday. «Кабул» — ünïcode."
	sum := sha256.Sum256([]byte(text))
	tests := []struct {
		name string
		a    news.Article
	}{
		{"all nil", news.Article{Source: "file", Text: text}},
		{"empty slices", news.Article{Source: "file", Text: text, Warnings: []string{}}},
		{"date only and floating", news.Article{
			Source:      "https://example.org/a",
			URL:         news.Str("https://example.org/a"),
			Title:       news.Str("Shoigu in Kabul"),
			Byline:      news.Str("A. Reporter"),
			Outlet:      news.Str("Caspian News"),
			PublishedAt: &news.Timestamp{Time: time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC), DateOnly: true},
			UpdatedAt:   &news.Timestamp{Time: time.Date(2024, 11, 26, 14, 30, 5, 0, time.UTC), Floating: true},
			Language:    news.Str("en"),
			Text:        text,
			Warnings:    []string{"lead repeated", "footer removed"},
		}},
		{"zoned with nanoseconds", news.Article{
			Source:          "feed",
			Title:           news.Str(""),
			PublishedAt:     ts(time.Date(2024, 11, 25, 23, 59, 59, 123456789, moscow)),
			UpdatedAt:       ts(time.Date(2024, 11, 26, 1, 2, 3, 0, kabul)),
			Text:            text,
			TextSHA256:      hex.EncodeToString(sum[:]),
			FromFeedContent: true,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docID := putDoc(t, s, "round trip "+tc.name)
			a := tc.a
			a.DocumentID = docID
			id, created, err := s.PutArticle(ctx, a)
			if err != nil || !created || id <= 0 {
				t.Fatalf("PutArticle = %d, %v, %v; want new positive ID", id, created, err)
			}
			want := a
			want.ID = id
			want.TextSHA256 = hex.EncodeToString(sum[:])
			got, err := s.Article(ctx, id)
			if err != nil {
				t.Fatalf("Article: %v", err)
			}
			// No EquateEmpty here: nil and empty must stay distinct.
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Article round trip (-want +got):\n%s", diff)
			}
			checkOffsets(t, want, got)
			byDoc, err := s.ArticleByDocument(ctx, docID)
			if err != nil {
				t.Fatalf("ArticleByDocument: %v", err)
			}
			if diff := cmp.Diff(want, byDoc); diff != "" {
				t.Errorf("ArticleByDocument (-want +got):\n%s", diff)
			}
		})
	}
}

// checkOffsets verifies zoned timestamps keep their UTC offset, which
// time.Time.Equal (used by cmp) ignores.
func checkOffsets(t *testing.T, want, got news.Article) {
	t.Helper()
	pairs := [][2]*news.Timestamp{{want.PublishedAt, got.PublishedAt}, {want.UpdatedAt, got.UpdatedAt}}
	for _, p := range pairs {
		if p[0] == nil || p[1] == nil {
			continue
		}
		_, wantOff := p[0].Time.Zone()
		_, gotOff := p[1].Time.Zone()
		if wantOff != gotOff || p[0].String() != p[1].String() {
			t.Errorf("timestamp %s came back as %s (offset %d, want %d)", p[0], p[1], gotOff, wantOff)
		}
	}
}

func testArticleReplace(t *testing.T, s store.Store) {
	ctx := t.Context()
	docID := putDoc(t, s, "replace me")
	first := simpleArticle("First title", "Outlet A", "First text.")
	first.DocumentID = docID
	first.Byline = news.Str("Someone")
	id, created, err := s.PutArticle(ctx, first)
	if err != nil || !created {
		t.Fatalf("PutArticle = %d, %v, %v", id, created, err)
	}
	second := simpleArticle("Second title", "Outlet B", "Second text.")
	second.DocumentID = docID
	second.ID = id + 1000 // ignored: the document is the key
	id2, created2, err := s.PutArticle(ctx, second)
	if err != nil || created2 || id2 != id {
		t.Fatalf("PutArticle again = %d, %v, %v; want %d, false, nil", id2, created2, err, id)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if news.Deref(got.Title) != "Second title" || news.Deref(got.Outlet) != "Outlet B" || got.Byline != nil || got.Text != "Second text." {
		t.Errorf("replaced article = %+v", got)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 1 {
		t.Errorf("CountArticles = %d, %v; want 1", n, err)
	}
}

func testArticleInvalid(t *testing.T, s store.Store) {
	ctx := t.Context()
	_, _, err := s.PutArticle(ctx, news.Article{DocumentID: 424242, Text: "orphan"})
	wantErr(t, "unknown document", err, news.ErrNotFound)
	_, _, err = s.PutArticle(ctx, news.Article{Text: "no document"})
	wantErr(t, "no document", err, news.ErrInvalidInput)
	_, _, err = s.Articles(ctx, store.ArticleQuery{Cursor: "not a cursor"})
	wantErr(t, "bad cursor", err, news.ErrInvalidInput)
}

// testArticlesPagination walks all pages while new articles arrive: the
// walk sees every article that existed at its start exactly once.
func testArticlesPagination(t *testing.T, s store.Store) {
	ctx := t.Context()
	var want []int64
	for i := range 23 {
		a := putArticle(t, s, simpleArticle(fmt.Sprintf("Article %d", i), "Outlet", "text"))
		want = append([]int64{a.ID}, want...)
	}
	var got []int64
	cursor := ""
	for page := 0; ; page++ {
		list, next, err := s.Articles(ctx, store.ArticleQuery{Limit: 5, Cursor: cursor})
		if err != nil {
			t.Fatalf("Articles page %d: %v", page, err)
		}
		if len(list) > 5 {
			t.Fatalf("page %d has %d articles, limit 5", page, len(list))
		}
		got = append(got, ids(list)...)
		if page == 1 {
			putArticle(t, s, simpleArticle("Late arrival", "Outlet", "text"))
		}
		if next == "" {
			break
		}
		if page > 10 {
			t.Fatal("pagination does not end")
		}
		cursor = next
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paginated IDs (-want +got):\n%s", diff)
	}
	all, next, err := s.Articles(ctx, store.ArticleQuery{})
	if err != nil || next != "" || len(all) != 24 {
		t.Errorf("Articles(default limit) = %d articles, next %q, %v; want 24, \"\"", len(all), next, err)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 24 {
		t.Errorf("CountArticles = %d, %v; want 24", n, err)
	}
}

func testArticlesFilters(t *testing.T, s store.Store) {
	ctx := t.Context()
	day := func(d int) *news.Timestamp {
		return &news.Timestamp{Time: time.Date(2024, 11, d, 0, 0, 0, 0, time.UTC), DateOnly: true}
	}
	a := simpleArticle("A", "Caspian News", "a")
	a.PublishedAt = day(24)
	b := simpleArticle("B", "Khaama Press", "b")
	b.PublishedAt = day(25)
	c := simpleArticle("C", "Caspian News", "c")
	c.PublishedAt = ts(time.Date(2024, 11, 26, 10, 0, 0, 0, time.FixedZone("", 3*3600)))
	// No publication date: the fetch time (base, 25 Nov 09:00 UTC) counts.
	d := simpleArticle("D", "Caspian News", "d")
	sa, sb, sc, sd := putArticle(t, s, a), putArticle(t, s, b), putArticle(t, s, c), putArticle(t, s, d)

	tests := []struct {
		name string
		q    store.ArticleQuery
		want []int64
	}{
		{"all", store.ArticleQuery{}, []int64{sd.ID, sc.ID, sb.ID, sa.ID}},
		{"outlet", store.ArticleQuery{Outlet: "Caspian News"}, []int64{sd.ID, sc.ID, sa.ID}},
		{"from", store.ArticleQuery{From: time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC)}, []int64{sd.ID, sc.ID, sb.ID}},
		{"to excludes its instant", store.ArticleQuery{To: time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC)}, []int64{sa.ID}},
		{"window", store.ArticleQuery{From: time.Date(2024, 11, 25, 8, 0, 0, 0, time.UTC), To: time.Date(2024, 11, 26, 8, 0, 0, 0, time.UTC)}, []int64{sd.ID, sc.ID}},
		{"outlet and window", store.ArticleQuery{Outlet: "Khaama Press", From: base.Add(-48 * time.Hour)}, []int64{sb.ID}},
		{"unknown outlet", store.ArticleQuery{Outlet: "Nobody"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, next, err := s.Articles(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if next != "" {
				t.Errorf("next = %q, want end", next)
			}
			if diff := cmp.Diff(tc.want, ids(list), cmpOpts...); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}
