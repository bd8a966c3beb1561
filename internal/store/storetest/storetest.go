// Package storetest is the conformance suite every store.Store backend must
// pass. A backend's test calls Run with a function that opens a fresh, empty
// store; the suite then checks the whole documented contract of
// store.Store, so two backends that pass it are interchangeable.
package storetest

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Run checks a backend against the store.Store contract. open must return a
// fresh, empty store for each call; Run closes it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s store.Store)
	}{
		{"Documents", testDocuments},
		{"DocumentInvalid", testDocumentInvalid},
		{"ConcurrentSameDocument", testConcurrentSameDocument},
		{"ConcurrentWrites", testConcurrentWrites},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"ArticleReplace", testArticleReplace},
		{"ArticleInvalid", testArticleInvalid},
		{"ArticlesPagination", testArticlesPagination},
		{"ArticlesFilters", testArticlesFilters},
		{"Annotations", testAnnotations},
		{"AnnotationsDroppedOnNewText", testAnnotationsDroppedOnNewText},
		{"EntityMentions", testEntityMentions},
		{"PersonIDs", testPersonIDs},
		{"Stories", testStories},
		{"StoryMembershipExclusive", testStoryMembershipExclusive},
		{"StoryInvalid", testStoryInvalid},
		{"StoriesPagination", testStoriesPagination},
		{"StorySummaries", testStorySummaries},
		{"StorySummariesPages", testStorySummariesPages},
		{"Copies", testCopies},
		{"SearchRanking", testSearchRanking},
		{"SearchFilters", testSearchFilters},
		{"SearchQuerySyntax", testSearchQuerySyntax},
		{"SearchPagination", testSearchPagination},
		{"SearchFollowsReplace", testSearchFollowsReplace},
		{"Feeds", testFeeds},
		{"FeedItemsSeen", testFeedItemsSeen},
		{"NotFound", testNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.run(t, s)
		})
	}
}

// base is the reference instant of the fixtures: Monday 25 November 2024,
// the day of the seed story.
var base = time.Date(2024, 11, 25, 9, 0, 0, 0, time.UTC)

// cmpOpts treats nil and empty slices alike, for values whose nil-ness the
// contract does not promise (story members, lists). go-cmp compares
// time.Time with its Equal method, so zones never matter, only instants.
var cmpOpts = cmp.Options{cmpopts.EquateEmpty()}

// putDoc stores raw bytes as a document and returns its ID.
func putDoc(t *testing.T, s store.Store, raw string) int64 {
	t.Helper()
	id, _, err := s.PutDocument(t.Context(), news.Document{
		SourceURI:   "file:///" + raw,
		FetchedAt:   base,
		ContentType: "text/plain",
		Raw:         []byte(raw),
	})
	if err != nil {
		t.Fatalf("PutDocument(%q): %v", raw, err)
	}
	return id
}

// docSeq makes the raw bytes of fixture documents unique.
var docSeq atomic.Int64

// putArticle stores a, first creating a document for it when DocumentID is
// 0, and returns the stored article as read back.
func putArticle(t *testing.T, s store.Store, a news.Article) news.Article {
	t.Helper()
	if a.DocumentID == 0 {
		a.DocumentID = putDoc(t, s, fmt.Sprintf("document %d of %q", docSeq.Add(1), a.Text))
	}
	id, _, err := s.PutArticle(t.Context(), a)
	if err != nil {
		t.Fatalf("PutArticle: %v", err)
	}
	got, err := s.Article(t.Context(), id)
	if err != nil {
		t.Fatalf("Article(%d): %v", id, err)
	}
	return got
}

// simpleArticle is an article with a title, an outlet and a text.
func simpleArticle(title, outlet, text string) news.Article {
	return news.Article{Source: "test", Title: news.Str(title), Outlet: news.Str(outlet), Text: text}
}

func ts(t time.Time) *news.Timestamp { return &news.Timestamp{Time: t} }

func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: err = %v, want %v", what, err, want)
	}
}

func ids(list []news.Article) []int64 {
	out := make([]int64, len(list))
	for i, a := range list {
		out[i] = a.ID
	}
	return out
}

// testNotFound checks that every lookup of a missing row wraps ErrNotFound.
func testNotFound(t *testing.T, s store.Store) {
	ctx := t.Context()
	docID := putDoc(t, s, "lonely document")
	art := putArticle(t, s, simpleArticle("Free", "Outlet", "An article in no story."))
	const missing = 987654
	checks := []struct {
		name string
		call func() error
	}{
		{"Document", func() error { _, err := s.Document(ctx, missing); return err }},
		{"Article", func() error { _, err := s.Article(ctx, missing); return err }},
		{"ArticleByDocument", func() error { _, err := s.ArticleByDocument(ctx, docID); return err }},
		{"Annotations", func() error { _, err := s.Annotations(ctx, art.ID); return err }},
		{"PutAnnotations", func() error { return s.PutAnnotations(ctx, missing, news.Annotations{}) }},
		{"Story", func() error { _, err := s.Story(ctx, missing); return err }},
		{"StoryOfArticle", func() error { _, err := s.StoryOfArticle(ctx, art.ID); return err }},
		{"DeleteStory", func() error { return s.DeleteStory(ctx, missing) }},
		{"Feed", func() error { _, err := s.Feed(ctx, missing); return err }},
		{"DeleteFeed", func() error { return s.DeleteFeed(ctx, missing) }},
		{"MarkItemSeen", func() error { _, err := s.MarkItemSeen(ctx, missing, "guid"); return err }},
		{"PutCopy", func() error { return s.PutCopy(ctx, news.Copy{ArticleID: art.ID, CopyOf: missing}) }},
	}
	for _, c := range checks {
		wantErr(t, c.name, c.call(), news.ErrNotFound)
	}
}
