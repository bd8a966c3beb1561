package app_test

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// The checks below are what the crash tests (a killed ingest, a
// scaled-out deployment under faults) require of the store afterwards.

// checkStored verifies each input is stored exactly once, with its
// article and annotations.
func checkStored(ctx context.Context, t *testing.T, st store.Store, n int) {
	t.Helper()
	count, err := st.CountArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if count != n {
		t.Errorf("%d articles stored, want %d", count, n)
	}
	sources := map[string]int{}
	q := store.ArticleQuery{Limit: 1000}
	for {
		list, next, err := st.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			sources[a.Source]++
			if _, err := st.Annotations(ctx, a.ID); err != nil {
				t.Errorf("article %d (%s): annotations: %v", a.ID, a.Source, err)
			}
		}
		if next == "" {
			break
		}
		q.Cursor = next
	}
	if len(sources) != n {
		t.Errorf("%d distinct sources stored, want %d", len(sources), n)
	}
	for src, c := range sources {
		if c != 1 {
			t.Errorf("%s stored %d times", src, c)
		}
	}
}

// checkStories verifies exclusive, complete membership: every article in
// exactly one story, StoryOfArticle agreeing, no empty story.
func checkStories(ctx context.Context, t *testing.T, st store.Store, n int) {
	t.Helper()
	stories, err := allStories(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	storyOf := map[int64]int64{}
	for _, s := range stories {
		if len(s.ArticleIDs) == 0 {
			t.Errorf("story %d is empty", s.ID)
		}
		for _, id := range s.ArticleIDs {
			if other, dup := storyOf[id]; dup {
				t.Errorf("article %d in stories %d and %d", id, other, s.ID)
			}
			storyOf[id] = s.ID
		}
	}
	if len(storyOf) != n {
		t.Errorf("%d articles in stories, want %d", len(storyOf), n)
	}
	for id, sid := range storyOf {
		got, err := st.StoryOfArticle(ctx, id)
		if err != nil || got.ID != sid {
			t.Errorf("StoryOfArticle(%d) = %d, %v; listed in %d", id, got.ID, err, sid)
		}
	}
	t.Logf("%d articles in %d stories", len(storyOf), len(stories))
}

func allStories(ctx context.Context, st store.Store) ([]news.Story, error) {
	var all []news.Story
	q := store.StoryQuery{Limit: 1000}
	for {
		list, next, err := st.Stories(ctx, q)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
		if next == "" {
			return all, nil
		}
		q.Cursor = next
	}
}
