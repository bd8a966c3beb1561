package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testStorySummaries checks the member aggregates: count, distinct
// non-empty outlets in member order, and the published span in UTC that
// ignores members without a publication time.
func testStorySummaries(t *testing.T, s store.Store) {
	ctx := t.Context()
	east := time.FixedZone("", 3*3600)
	dated := func(title, outlet string, at *news.Timestamp) int64 {
		a := simpleArticle(title, outlet, title+" text")
		a.PublishedAt = at
		return putArticle(t, s, a).ID
	}
	late := dated("late", "Wire", ts(base.Add(30*time.Hour).In(east)))
	early := dated("early", "Gazette", ts(base.Add(-2*time.Hour)))
	undated := dated("undated", "Herald", nil)
	noOutlet := putArticle(t, s, news.Article{Source: "test", Text: "no outlet", PublishedAt: ts(base)}).ID
	empty := dated("empty outlet", "", nil)
	again := dated("wire again", "Wire", ts(base.Add(time.Hour)))
	members := []int64{late, undated, early, noOutlet, empty, again}
	full := news.Story{Title: "full", EventDate: "2024-11-25", FirstSeen: base, LastSeen: base.Add(2 * time.Hour), ArticleIDs: members, Sources: 3}
	fullID, err := s.PutStory(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	bare := news.Story{Title: "no dates", FirstSeen: base, LastSeen: base.Add(time.Hour), ArticleIDs: []int64{dated("x", "Solo", nil)}, Sources: 1}
	bareID, err := s.PutStory(ctx, bare)
	if err != nil {
		t.Fatal(err)
	}
	lone := news.Story{Title: "no members", FirstSeen: base, LastSeen: base}
	loneID, err := s.PutStory(ctx, lone)
	if err != nil {
		t.Fatal(err)
	}
	full.ID, bare.ID, lone.ID = fullID, bareID, loneID
	from, to := base.Add(-2*time.Hour), base.Add(30*time.Hour)
	want := []store.StorySummary{
		{Story: full, Articles: 6, Outlets: []string{"Wire", "Herald", "Gazette"}, From: &from, To: &to},
		{Story: bare, Articles: 1, Outlets: []string{"Solo"}},
		{Story: lone, Articles: 0, Outlets: []string{}},
	}
	got, next, err := s.StorySummaries(ctx, store.StoryQuery{})
	if err != nil || next != "" {
		t.Fatalf("StorySummaries = next %q, %v", next, err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("StorySummaries (-want +got):\n%s", diff)
	}
	for _, sum := range got {
		for _, tp := range []*time.Time{sum.From, sum.To} {
			if tp != nil && tp.Location() != time.UTC {
				t.Errorf("story %d span %v is not in UTC", sum.ID, tp)
			}
		}
	}
	_, _, err = s.StorySummaries(ctx, store.StoryQuery{Cursor: "garbage"})
	wantErr(t, "bad cursor", err, news.ErrInvalidInput)
}

// testStorySummariesPages pages like Stories: same order, same cursors.
func testStorySummariesPages(t *testing.T, s store.Store) {
	ctx := t.Context()
	for i, h := range []int{2, 7, 1, 8, 2, 8, 1, 8} {
		last := base.Add(time.Duration(h) * time.Hour)
		if _, err := s.PutStory(ctx, news.Story{Title: fmt.Sprint("story ", i), FirstSeen: base, LastSeen: last}); err != nil {
			t.Fatal(err)
		}
	}
	cursor := ""
	for page := 0; page < 10; page++ {
		stories, storiesNext, err := s.Stories(ctx, store.StoryQuery{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		sums, next, err := s.StorySummaries(ctx, store.StoryQuery{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		got := make([]news.Story, len(sums))
		for i, sum := range sums {
			got[i] = sum.Story
		}
		if diff := cmp.Diff(stories, got, cmpOpts...); diff != "" || next != storiesNext {
			t.Fatalf("page %d: summaries differ from Stories (-want +got):\n%s\nnext %q, want %q", page, diff, next, storiesNext)
		}
		if next == "" {
			if page != 2 {
				t.Errorf("8 stories in pages of 3 ended after page %d", page)
			}
			return
		}
		cursor = next
	}
	t.Fatal("pagination did not end")
}
