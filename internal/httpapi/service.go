package httpapi

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
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
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Aliases are the person IDs the same person has in other articles
	// ("per:trump" beside "per:donald_trump"), id included; their
	// occurrences are listed together.
	Aliases []string `json:"aliases"`
	// Names are the distinct names the articles give the entity, most
	// frequent first ("Trump", "Donald Trump", "Donald J. Trump").
	Names       []string                 `json:"names"`
	Occurrences []store.EntityOccurrence `json:"occurrences"`
}

// Entity lists the articles mentioning a canonical entity, oldest first.
// A person is gathered under every ID it goes by in the store (see
// resolve.PersonAliases): one article calls him "Trump", the next
// "Donald J. Trump".
func (s *Service) Entity(ctx context.Context, id string, limit int) (EntityDetail, error) {
	aliases, err := s.aliases(ctx, id)
	if err != nil {
		return EntityDetail{}, err
	}
	var occ []store.EntityOccurrence
	seen := map[int64]bool{}
	for _, alias := range aliases {
		list, err := s.Store.EntityMentions(ctx, alias, limit)
		if err != nil {
			return EntityDetail{}, fmt.Errorf("entity %s: %w", alias, err)
		}
		for _, o := range list {
			if !seen[o.ArticleID] {
				seen[o.ArticleID] = true
				occ = append(occ, o)
			}
		}
	}
	if len(occ) == 0 {
		return EntityDetail{}, fmt.Errorf("entity %s: %w", id, news.ErrNotFound)
	}
	slices.SortStableFunc(occ, func(a, b store.EntityOccurrence) int {
		return cmp.Or(compareDates(a.PublishedAt, b.PublishedAt), cmp.Compare(a.ArticleID, b.ArticleID))
	})
	if limit <= 0 {
		limit = 50
	}
	occ = occ[:min(len(occ), limit)]
	d := EntityDetail{ID: id, Aliases: aliases, Occurrences: occ}
	counts := map[string]int{}
	for _, o := range occ {
		if counts[o.Entity.Name] == 0 {
			d.Names = append(d.Names, o.Entity.Name)
		}
		counts[o.Entity.Name] += max(1, len(o.Entity.Mentions))
	}
	slices.SortStableFunc(d.Names, func(a, b string) int { return counts[b] - counts[a] })
	for _, o := range occ {
		if d.Name == "" || o.Entity.ID == id && o.Entity.Type != news.PER {
			d.Name, d.Type = o.Entity.Name, o.Entity.Type
		}
		// A person's page is named by the fullest name he or she goes by.
		if o.Entity.Type == news.PER && len(resolve.PersonTokens(o.Entity.Name)) > len(resolve.PersonTokens(d.Name)) {
			d.Name, d.Type = o.Entity.Name, o.Entity.Type
		}
	}
	return d, nil
}

// aliases returns the IDs entity id goes by across the store: a person's
// (see resolve.PersonAliases), or id alone.
func (s *Service) aliases(ctx context.Context, id string) ([]string, error) {
	surname, ok := resolve.PersonSurname(id)
	if !ok {
		return []string{id}, nil
	}
	known, err := s.Store.PersonIDs(ctx, surname, 0)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	return resolve.PersonAliases(id, known), nil
}

// Search runs a store search whose entity filter also matches the
// entity's aliases.
func (s *Service) Search(ctx context.Context, q store.SearchQuery) ([]news.Article, string, error) {
	if q.EntityID != "" {
		ids, err := s.aliases(ctx, q.EntityID)
		if err != nil {
			return nil, "", err
		}
		q.EntityIDs = append(q.EntityIDs, ids...)
	}
	list, next, err := s.Store.Search(ctx, q)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	return list, next, nil
}

// compareDates orders undated after dated.
func compareDates(a, b *news.Timestamp) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Time.Compare(b.Time)
}
