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
	p, err := e.newReadPipeline(st)
	if err != nil {
		return nil, err
	}
	stories, err := pipeline.LoadStories(ctx, st, storyConfig())
	if err != nil {
		return nil, err
	}
	p.Assigner = stories
	return p, nil
}

// newReadPipeline wires extraction and reading without story assignment:
// the part of the pipeline that scales out to many workers.
func (e *env) newReadPipeline(st store.Store) (*pipeline.Pipeline, error) {
	r, err := reader.New()
	if err != nil {
		return nil, err
	}
	return &pipeline.Pipeline{
		Store:   st,
		Extract: pipeline.Formats{MaxBytes: e.cfg.MaxInputBytes},
		Reader:  r,
	}, nil
}

// storyConfig is the clusterer configuration of every story assigner, so
// the embedded and scaled-out modes build the same stories.
func storyConfig() cluster.Config { return cluster.Config{} }
