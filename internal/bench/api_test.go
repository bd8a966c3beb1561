package bench

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

func testPipeline(ctx context.Context, st store.Store) (*pipeline.Pipeline, error) {
	r, err := reader.New()
	if err != nil {
		return nil, err
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.Config{})
	if err != nil {
		return nil, err
	}
	return &pipeline.Pipeline{Store: st, Extract: pipeline.Formats{}, Reader: r, Assigner: stories}, nil
}

// TestAPI runs a small load and checks that every endpoint answered every
// request; speed is for the benchmark command, not asserted here.
func TestAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the demo corpus and serves it under load")
	}
	cfg := APIConfig{
		Stories: 40, Clients: 3, Duration: 2 * time.Second, MaxRequests: 60, Seed: 7,
		Open:     func(ctx context.Context, path string) (store.Store, error) { return sqlite.Open(ctx, path) },
		Pipeline: testPipeline,
	}
	rep, err := API(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Stories != 40 || rep.Articles <= rep.Stories {
		t.Errorf("stored %d stories, %d articles; want 40 stories of several articles", rep.Stories, rep.Articles)
	}
	if rep.Requests == 0 || rep.Requests > 60 {
		t.Errorf("sent %d requests; want 1..60", rep.Requests)
	}
	for name, ep := range rep.Endpoints {
		if ep.Errors != 0 {
			t.Errorf("%s: %d of %d requests failed", name, ep.Errors, ep.Requests)
		}
		if ep.Requests > 0 && (ep.MeanBytes == 0 || ep.P50Millis > ep.P99Millis) {
			t.Errorf("%s: %+v", name, ep)
		}
	}
	if len(rep.Endpoints) != 5 {
		t.Errorf("endpoints %v; want 5", rep.Endpoints)
	}
}
