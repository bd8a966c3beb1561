package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func testFeeds(t *testing.T, s store.Store) {
	ctx := t.Context()
	feed := news.Feed{URL: "https://example.org/rss", Title: "Example", NextPollAt: base}
	id, err := s.PutFeed(ctx, feed)
	if err != nil || id <= 0 {
		t.Fatalf("PutFeed = %d, %v", id, err)
	}
	feed.ID = id
	got, err := s.Feed(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(feed, got); diff != "" {
		t.Errorf("Feed round trip (-want +got):\n%s", diff)
	}

	dup, err := s.PutFeed(ctx, news.Feed{URL: feed.URL, Title: "Other title"})
	wantErr(t, "duplicate URL", err, news.ErrConflict)
	if dup != id {
		t.Errorf("duplicate PutFeed returned %d, want existing %d", dup, id)
	}

	other, err := s.PutFeed(ctx, news.Feed{URL: "https://example.com/atom"})
	if err != nil {
		t.Fatal(err)
	}
	updated := feed
	updated.ETag, updated.LastModified = `W/"abc"`, "Mon, 25 Nov 2024 09:00:00 GMT"
	updated.NextPollAt = base.Add(90*time.Minute + 7*time.Microsecond).In(time.FixedZone("", 3600))
	updated.ErrorCount, updated.LastError = 3, "503 Service Unavailable"
	updated.Paused, updated.PausedReason = true, "too many errors"
	if got, err := s.PutFeed(ctx, updated); err != nil || got != id {
		t.Fatalf("PutFeed(update) = %d, %v; want %d", got, err, id)
	}
	got, err = s.Feed(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(updated, got); diff != "" {
		t.Errorf("updated feed (-want +got):\n%s", diff)
	}

	clash := updated
	clash.URL = "https://example.com/atom"
	_, err = s.PutFeed(ctx, clash)
	wantErr(t, "update to another feed's URL", err, news.ErrConflict)
	_, err = s.PutFeed(ctx, news.Feed{ID: 9999, URL: "https://example.net/feed"})
	wantErr(t, "update unknown feed", err, news.ErrNotFound)
	_, err = s.PutFeed(ctx, news.Feed{})
	wantErr(t, "empty URL", err, news.ErrInvalidInput)

	list, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != id || list[1].ID != other {
		t.Errorf("Feeds = %+v, want [%d %d]", list, id, other)
	}

	if err := s.DeleteFeed(ctx, id); err != nil {
		t.Fatalf("DeleteFeed: %v", err)
	}
	_, err = s.Feed(ctx, id)
	wantErr(t, "deleted feed", err, news.ErrNotFound)
	list, err = s.Feeds(ctx)
	if err != nil || len(list) != 1 || list[0].ID != other {
		t.Errorf("Feeds after delete = %+v, %v", list, err)
	}
	// A deleted feed's URL can be added again.
	if _, err := s.PutFeed(ctx, news.Feed{URL: feed.URL}); err != nil {
		t.Errorf("re-adding a deleted feed: %v", err)
	}
}

func testFeedItemsSeen(t *testing.T, s store.Store) {
	ctx := t.Context()
	f1, err := s.PutFeed(ctx, news.Feed{URL: "https://one.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	f2, err := s.PutFeed(ctx, news.Feed{URL: "https://two.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		feed int64
		key  string
		new  bool
	}{
		{f1, "guid-1", true},
		{f1, "guid-1", false},
		{f1, "guid-2", true},
		{f2, "guid-1", true}, // keys are per feed
		{f1, "https://one.example/a?x=1", true},
		{f1, "https://one.example/a?x=1", false},
	}
	for _, st := range steps {
		got, err := s.MarkItemSeen(ctx, st.feed, st.key)
		if err != nil || got != st.new {
			t.Errorf("MarkItemSeen(%d, %q) = %v, %v; want %v", st.feed, st.key, got, err, st.new)
		}
	}
	_, err = s.MarkItemSeen(ctx, f1, "")
	wantErr(t, "empty key", err, news.ErrInvalidInput)

	if err := s.DeleteFeed(ctx, f1); err != nil {
		t.Fatal(err)
	}
	_, err = s.MarkItemSeen(ctx, f1, "guid-3")
	wantErr(t, "deleted feed", err, news.ErrNotFound)
	if got, err := s.MarkItemSeen(ctx, f2, "guid-1"); err != nil || got {
		t.Errorf("other feed's items were touched: %v, %v", got, err)
	}
}
