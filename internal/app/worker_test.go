package app

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/config"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue/memqueue"
	"github.com/parallax-news/parallax/internal/store"
)

func TestPartitions(t *testing.T) {
	tests := []struct {
		list  string
		lang  *string
		want  string
		names []string
	}{
		{"", news.Str("en"), "all", []string{"all"}},
		{"", nil, "all", []string{"all"}},
		{"en, FR", news.Str("fr"), "fr", []string{"en", "fr", "other"}},
		{"en,fr", news.Str("de"), "other", []string{"en", "fr", "other"}},
		{"en,fr", nil, "other", []string{"en", "fr", "other"}},
		{"en,other", news.Str("other"), "other", []string{"en", "other"}},
	}
	for _, tt := range tests {
		p := parsePartitions(tt.list)
		if got := p.of(tt.lang); got != tt.want {
			t.Errorf("partitions %q: of(%v) = %q, want %q", tt.list, news.Deref(tt.lang), got, tt.want)
		}
		if got := p.names(); !slices.Equal(got, tt.names) {
			t.Errorf("partitions %q: names = %q, want %q", tt.list, got, tt.names)
		}
	}
}

// TestWorkersInProcess runs the worker roles on SQLite and the in-process
// queue: every input is stored once and assigned once, and a redelivered
// input (published again under another ID) changes nothing.
func TestWorkersInProcess(t *testing.T) {
	e := &env{cfg: config.Default()}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	st, err := openStore(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q := memqueue.New(memqueue.Config{})
	defer q.Close()
	workerCtx, stopWorkers := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.startWorkers(workerCtx, st, q, 1, func() {}) }()
	defer func() {
		stopWorkers()
		if err := <-done; err != nil {
			t.Errorf("workers: %v", err)
		}
	}()

	input := func(i int) pipeline.Input {
		return pipeline.Input{Source: fmt.Sprintf("in/%03d.txt", i), ContentType: "text/plain", Raw: []byte(fmt.Sprintf(
			"Harbour %d reopens after storm\n\nThe port authority of harbour %d said on Monday that %d ships had docked after the storm, and that repairs to pier %d would take a week.\n", i, i, i*3, i%7))}
	}
	const n = 12
	for i := range n {
		for range 2 { // the second publish is a duplicate the queue drops
			if err := PublishInput(ctx, q, input(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	waitForStories(ctx, t, st, n)

	// A redelivery of an input already done, then one new input: with one
	// worker the redelivery is handled first, so once the new article has
	// its story the redelivery has been too.
	body, err := json.Marshal(ingestMessage{Source: "in/000.txt", Raw: input(0).Raw, ContentType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Publish(ctx, subjectIngest, body, "redelivery"); err != nil {
		t.Fatal(err)
	}
	if err := PublishInput(ctx, q, input(n)); err != nil {
		t.Fatal(err)
	}
	waitForStories(ctx, t, st, n+1)
	if got, err := st.CountArticles(ctx); err != nil || got != n+1 {
		t.Errorf("CountArticles = %d, %v; want %d", got, err, n+1)
	}
}

// waitForStories waits until want articles belong to stories, each to one.
func waitForStories(ctx context.Context, t *testing.T, st store.Store, want int) {
	t.Helper()
	for {
		list, _, err := st.Stories(ctx, store.StoryQuery{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, s := range list {
			for _, id := range s.ArticleIDs {
				if seen[id] {
					t.Fatalf("article %d in two stories", id)
				}
				seen[id] = true
			}
		}
		if len(seen) > want {
			t.Fatalf("%d articles in stories, want %d", len(seen), want)
		}
		if len(seen) == want {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d of %d articles in stories: %v", len(seen), want, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
