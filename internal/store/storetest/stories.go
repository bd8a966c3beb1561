package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// threeArticles stores three articles and returns their IDs.
func threeArticles(t *testing.T, s store.Store) (a1, a2, a3 int64) {
	t.Helper()
	return putArticle(t, s, simpleArticle("One", "A", "one")).ID,
		putArticle(t, s, simpleArticle("Two", "B", "two")).ID,
		putArticle(t, s, simpleArticle("Three", "C", "three")).ID
}

func testStories(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, a2, a3 := threeArticles(t, s)
	story := news.Story{
		Title:      "Shoigu visits Kabul",
		EventDate:  "2024-11-25",
		FirstSeen:  base.Add(123 * time.Microsecond),
		LastSeen:   base.Add(5 * time.Hour).In(time.FixedZone("", -5*3600)),
		ArticleIDs: []int64{a3, a1},
		Sources:    2,
	}
	id, err := s.PutStory(ctx, story)
	if err != nil || id <= 0 {
		t.Fatalf("PutStory = %d, %v", id, err)
	}
	want := story
	want.ID = id
	got, err := s.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("Story round trip (-want +got):\n%s", diff)
	}
	if of, err := s.StoryOfArticle(ctx, a1); err != nil || of.ID != id {
		t.Errorf("StoryOfArticle(a1) = %d, %v; want %d", of.ID, err, id)
	}

	// Replace: new fields, new membership in a new order.
	want.Title, want.ArticleIDs, want.Sources = "Shoigu in Kabul, talks on security", []int64{a2, a3}, 3
	if got, err := s.PutStory(ctx, want); err != nil || got != id {
		t.Fatalf("PutStory(replace) = %d, %v; want %d", got, err, id)
	}
	got, err = s.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("replaced story (-want +got):\n%s", diff)
	}
	_, err = s.StoryOfArticle(ctx, a1)
	wantErr(t, "article dropped by replace", err, news.ErrNotFound)

	if err := s.DeleteStory(ctx, id); err != nil {
		t.Fatalf("DeleteStory: %v", err)
	}
	_, err = s.Story(ctx, id)
	wantErr(t, "deleted story", err, news.ErrNotFound)
	_, err = s.StoryOfArticle(ctx, a2)
	wantErr(t, "article of deleted story", err, news.ErrNotFound)
	wantErr(t, "delete twice", s.DeleteStory(ctx, id), news.ErrNotFound)
	// Freed articles can join a new story.
	if _, err := s.PutStory(ctx, news.Story{Title: "again", FirstSeen: base, LastSeen: base, ArticleIDs: []int64{a2}}); err != nil {
		t.Errorf("PutStory with freed article: %v", err)
	}
}

func testStoryMembershipExclusive(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, a2, a3 := threeArticles(t, s)
	first, err := s.PutStory(ctx, news.Story{Title: "first", FirstSeen: base, LastSeen: base, ArticleIDs: []int64{a1, a2}})
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.PutStory(ctx, news.Story{Title: "second", FirstSeen: base, LastSeen: base, ArticleIDs: []int64{a3, a2}})
	if err != nil {
		t.Fatal(err)
	}
	of, err := s.StoryOfArticle(ctx, a2)
	if err != nil || of.ID != second {
		t.Errorf("StoryOfArticle(moved) = %d, %v; want %d", of.ID, err, second)
	}
	got, err := s.Story(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{a1}, got.ArticleIDs); diff != "" {
		t.Errorf("first story members after move (-want +got):\n%s", diff)
	}
	got, err = s.Story(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{a3, a2}, got.ArticleIDs); diff != "" {
		t.Errorf("second story members (-want +got):\n%s", diff)
	}
	if of.Title != "second" || len(of.ArticleIDs) != 2 {
		t.Errorf("StoryOfArticle returned %+v, want the full second story", of)
	}
}

func testStoryInvalid(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, _, _ := threeArticles(t, s)
	_, err := s.PutStory(ctx, news.Story{ID: 777, Title: "ghost", FirstSeen: base, LastSeen: base})
	wantErr(t, "replace unknown story", err, news.ErrNotFound)
	_, err = s.PutStory(ctx, news.Story{Title: "bad member", FirstSeen: base, LastSeen: base, ArticleIDs: []int64{a1, 55555}})
	wantErr(t, "unknown article", err, news.ErrNotFound)
	// The failed call must not leave a half-written story behind.
	if list, _, err := s.Stories(ctx, store.StoryQuery{}); err != nil || len(list) != 0 {
		t.Errorf("Stories after failed PutStory = %v, %v; want none", list, err)
	}
	if _, err := s.StoryOfArticle(ctx, a1); err == nil {
		t.Error("failed PutStory left its article in a story")
	}
	_, err = s.PutStory(ctx, news.Story{Title: "dup", FirstSeen: base, LastSeen: base, ArticleIDs: []int64{a1, a1}})
	wantErr(t, "duplicate member", err, news.ErrInvalidInput)
	_, _, err = s.Stories(ctx, store.StoryQuery{Cursor: "garbage"})
	wantErr(t, "bad cursor", err, news.ErrInvalidInput)
}

// testStoriesPagination orders by LastSeen descending, ties by ID
// descending, and pages without gaps even across equal LastSeen values.
func testStoriesPagination(t *testing.T, s store.Store) {
	ctx := t.Context()
	type made struct {
		id   int64
		last time.Time
	}
	var stories []made
	offsets := []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	for i, h := range offsets {
		last := base.Add(time.Duration(h) * time.Hour)
		id, err := s.PutStory(ctx, news.Story{Title: fmt.Sprint("story ", i), FirstSeen: base, LastSeen: last})
		if err != nil {
			t.Fatal(err)
		}
		stories = append(stories, made{id, last})
	}
	var want []int64
	for h := 9; h >= 0; h-- {
		for i := len(stories) - 1; i >= 0; i-- {
			if stories[i].last.Equal(base.Add(time.Duration(h) * time.Hour)) {
				want = append(want, stories[i].id)
			}
		}
	}
	var got []int64
	cursor := ""
	for page := 0; page < 20; page++ {
		list, next, err := s.Stories(ctx, store.StoryQuery{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list {
			got = append(got, st.ID)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("story order (-want +got):\n%s", diff)
	}
}

func testCopies(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, a2, a3 := threeArticles(t, s)
	puts := []news.Copy{
		{ArticleID: a2, CopyOf: a1, Score: 0.9},
		{ArticleID: a3, CopyOf: a1, Score: 0.8},
		{ArticleID: a2, CopyOf: a1, Score: 0.95}, // same pair: idempotent, score updated
		{ArticleID: a3, CopyOf: a2, Score: 0.7},
	}
	for _, c := range puts {
		if err := s.PutCopy(ctx, c); err != nil {
			t.Fatalf("PutCopy(%+v): %v", c, err)
		}
	}
	tests := []struct {
		ids  []int64
		want []news.Copy
	}{
		{[]int64{a3, a2}, []news.Copy{{ArticleID: a2, CopyOf: a1, Score: 0.95}, {ArticleID: a3, CopyOf: a1, Score: 0.8}, {ArticleID: a3, CopyOf: a2, Score: 0.7}}},
		{[]int64{a2}, []news.Copy{{ArticleID: a2, CopyOf: a1, Score: 0.95}}},
		{[]int64{a1}, nil},
		{nil, nil},
	}
	for _, tc := range tests {
		got, err := s.Copies(ctx, tc.ids)
		if err != nil {
			t.Fatalf("Copies(%v): %v", tc.ids, err)
		}
		if diff := cmp.Diff(tc.want, got, cmpOpts...); diff != "" {
			t.Errorf("Copies(%v) (-want +got):\n%s", tc.ids, diff)
		}
	}
}
