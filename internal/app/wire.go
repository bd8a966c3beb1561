package app

import (
	"context"

	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// newPipeline wires the stages around a store: extraction by format, the
// read stage with the embedded models, and story assignment rebuilt from
// what the store already holds.
func (e *env) newPipeline(ctx context.Context, st store.Store) (*pipeline.Pipeline, error) {
	r, err := reader.New()
	if err != nil {
		return nil, err
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.Config{})
	if err != nil {
		return nil, err
	}
	return &pipeline.Pipeline{
		Store:    st,
		Extract:  pipeline.Formats{MaxBytes: e.cfg.MaxInputBytes},
		Reader:   r,
		Assigner: stories,
	}, nil
}
