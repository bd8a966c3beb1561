package httpapi

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// Ingester stores and processes one input; *pipeline.Pipeline implements
// it. The Service calls it from one goroutine at a time.
type Ingester interface {
	Ingest(ctx context.Context, in pipeline.Input) []pipeline.Outcome
}

// Fetcher downloads a page a user named directly.
type Fetcher interface {
	FetchURL(ctx context.Context, url string) (pipeline.Input, error)
}

// FeedProber fetches and parses a feed before it is added, returning its
// title; an unreachable or unparsable feed is an error.
type FeedProber interface {
	ProbeFeed(ctx context.Context, url string) (title string, err error)
}

// Service is the application's read and write operations over a store,
// shared by the JSON API and the HTML UI.
type Service struct {
	Store  store.Store
	Ingest Ingester   // nil: ingest is unavailable
	Fetch  Fetcher    // nil: ingesting URLs is unavailable
	Feeds  FeedProber // nil: feeds are added without probing

	ingestMu sync.Mutex
	stories  storyCache
}

// ArticleDetail is an article with its annotations and story.
type ArticleDetail struct {
	news.Article
	Annotations news.Annotations `json:"annotations"`
	StoryID     int64            `json:"story_id,omitempty"`
}

// Article loads one article with its annotations (empty when it has not
// been read yet) and the story it belongs to.
func (s *Service) Article(ctx context.Context, id int64) (ArticleDetail, error) {
	d, err := s.annotated(ctx, id)
	if err != nil {
		return d, err
	}
	st, err := s.Store.StoryOfArticle(ctx, id)
	switch {
	case err == nil:
		d.StoryID = st.ID
	case !errors.Is(err, news.ErrNotFound):
		return d, fmt.Errorf("article %d story: %w", id, err)
	}
	return d, nil
}

// annotated loads an article and its annotations (empty when it has not
// been read yet).
func (s *Service) annotated(ctx context.Context, id int64) (ArticleDetail, error) {
	a, err := s.Store.Article(ctx, id)
	if err != nil {
		return ArticleDetail{}, fmt.Errorf("article %d: %w", id, err)
	}
	d := ArticleDetail{Article: a}
	d.Annotations, err = s.Store.Annotations(ctx, id)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		return d, fmt.Errorf("article %d annotations: %w", id, err)
	}
	return d, nil
}

// StorySummary is a story as listed: who covered it and over what span.
type StorySummary = store.StorySummary

// Stories lists stories, most recently active first, with their outlets
// and the published span of their articles, in one store query per page.
func (s *Service) Stories(ctx context.Context, q store.StoryQuery) ([]StorySummary, string, error) {
	list, next, err := s.Store.StorySummaries(ctx, q)
	if err != nil {
		return nil, "", fmt.Errorf("stories: %w", err)
	}
	for i := range list {
		if list[i].Outlets == nil {
			list[i].Outlets = []string{}
		}
	}
	return list, next, nil
}

// StoryDetail is a story with its articles, copies and comparison.
type StoryDetail struct {
	news.Story
	Articles   []ArticleDetail    `json:"articles"`
	Copies     []news.Copy        `json:"copies"`
	Comparison compare.Comparison `json:"comparison"`
}

// Story loads a story, its articles with annotations, and compares them.
func (s *Service) Story(ctx context.Context, id int64) (StoryDetail, error) {
	st, err := s.Store.Story(ctx, id)
	if err != nil {
		return StoryDetail{}, fmt.Errorf("story %d: %w", id, err)
	}
	if d, ok := s.stories.get(st, time.Now()); ok {
		return d, nil
	}
	d := StoryDetail{Story: st, Articles: []ArticleDetail{}}
	copies, err := s.Store.Copies(ctx, st.ArticleIDs)
	if err != nil {
		return d, fmt.Errorf("story %d copies: %w", id, err)
	}
	d.Copies = append([]news.Copy{}, copies...)
	copyOf := map[int64]int64{}
	for _, c := range copies {
		copyOf[c.ArticleID] = c.CopyOf
	}
	var in compare.Input
	for _, aid := range st.ArticleIDs {
		a, err := s.annotated(ctx, aid)
		if err != nil {
			return d, fmt.Errorf("story %d: %w", id, err)
		}
		a.StoryID = id
		d.Articles = append(d.Articles, a)
		in.Articles = append(in.Articles, compare.Article{ID: a.ID, Outlet: news.Deref(a.Outlet), Text: a.Text, Annotations: a.Annotations, CopyOf: copyOf[a.ID]})
	}
	d.Comparison = compare.Compare(in)
	s.stories.put(d, time.Now())
	return d, nil
}

// EntityDetail is what the store knows of one canonical entity over time.
type EntityDetail struct {
	ID          string                   `json:"id"`
	Name        string                   `json:"name"`
	Type        string                   `json:"type"`
	Occurrences []store.EntityOccurrence `json:"occurrences"`
}

// Entity lists the articles mentioning a canonical entity, oldest first.
func (s *Service) Entity(ctx context.Context, id string, limit int) (EntityDetail, error) {
	occ, err := s.Store.EntityMentions(ctx, id, limit)
	if err != nil {
		return EntityDetail{}, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(occ) == 0 {
		return EntityDetail{}, fmt.Errorf("entity %s: %w", id, news.ErrNotFound)
	}
	d := EntityDetail{ID: id, Occurrences: occ}
	for _, o := range occ {
		if o.Entity.ID == id || d.Name == "" {
			d.Name, d.Type = o.Entity.Name, o.Entity.Type
		}
	}
	return d, nil
}
