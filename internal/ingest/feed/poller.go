package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
	"github.com/parallax-news/parallax/internal/news"
)

// Store is the part of store.Store the poller uses.
type Store interface {
	Feeds(ctx context.Context) ([]news.Feed, error)
	PutFeed(ctx context.Context, f news.Feed) (int64, error)
	MarkItemSeen(ctx context.Context, feedID int64, key string) (isNew bool, err error)
}

// Getter fetches a URL politely; *fetch.Fetcher implements it.
type Getter interface {
	Get(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Page is one new item handed to the ingest callback: the fetched page, or,
// when the page could not be fetched, the item's own content with Article
// already extracted (Article.FromFeedContent set).
type Page struct {
	Source      string
	Raw         []byte
	ContentType string
	FetchedAt   time.Time
	Article     *news.Article
}

// IngestFunc stores and processes one page. The poller calls it from one
// goroutine at a time.
type IngestFunc func(ctx context.Context, p Page) error

// Poller polls due feeds and ingests their new items.
type Poller struct {
	Store   Store
	Fetch   Getter
	Ingest  IngestFunc
	Config  PollConfig
	Workers int // feeds polled at once, default 4
	// MaxNewItems caps the items ingested per feed and poll (default 100);
	// the rest are marked seen so a first poll of a long feed stays bounded.
	MaxNewItems int
	Now         func() time.Time // default time.Now

	ingestMu sync.Mutex
}

// Summary counts what one PollDue run did.
type Summary struct {
	Polled   int `json:"polled"`
	Failed   int `json:"failed"`
	NewItems int `json:"new_items"`
	// FromFeedContent counts new items whose page could not be fetched.
	FromFeedContent int `json:"from_feed_content"`
	ItemErrors      int `json:"item_errors"`
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// Due returns the feeds to poll at now: not paused and with NextPollAt
// not after now.
func Due(feeds []news.Feed, now time.Time) []news.Feed {
	var due []news.Feed
	for _, f := range feeds {
		if !f.Paused && !f.NextPollAt.After(now) {
			due = append(due, f)
		}
	}
	return due
}

// PollDue polls every due feed with bounded concurrency. A failing feed is
// recorded on the feed (error count, backoff, pause) and never stops the
// others; the error is only for failing to list feeds.
func (p *Poller) PollDue(ctx context.Context) (Summary, error) {
	feeds, err := p.Store.Feeds(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("poll: list feeds: %w", err)
	}
	due := Due(feeds, p.now())
	workers := p.Workers
	if workers <= 0 {
		workers = 4
	}
	var mu sync.Mutex
	var sum Summary
	jobs := make(chan news.Feed)
	var wg sync.WaitGroup
	for range min(workers, max(len(due), 1)) {
		wg.Go(func() {
			for f := range jobs {
				res, err := p.PollFeed(ctx, f)
				mu.Lock()
				sum.Polled++
				sum.NewItems += res.NewItems
				sum.FromFeedContent += res.FromFeedContent
				sum.ItemErrors += res.ItemErrors
				if err != nil {
					sum.Failed++
				}
				mu.Unlock()
			}
		})
	}
	for _, f := range due {
		select {
		case jobs <- f:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	return sum, ctx.Err()
}

// PollFeed polls one feed, ingests its new items and stores the feed's new
// polling state. The error is the feed's own failure (fetch or parse);
// item failures are counted in the summary and logged.
func (p *Poller) PollFeed(ctx context.Context, f news.Feed) (Summary, error) {
	var sum Summary
	start := p.now()
	resp, parsed, err := p.fetchFeed(ctx, f)
	out := Outcome{Err: err}
	var retry *fetch.RetryError
	if errors.As(err, &retry) {
		out.RetryAfter = retry.After
	}
	if err == nil {
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
		out.TTL = resp.CacheMaxAge
		if parsed != nil {
			out.TTL = max(out.TTL, parsed.TTL)
			if f.Title == "" {
				f.Title = parsed.Title
			}
			for _, it := range parsed.Items {
				out.ItemTimes = append(out.ItemTimes, it.Time())
			}
			sum = p.ingestItems(ctx, f, parsed)
		}
	}
	state := Apply(start, State{NextPollAt: f.NextPollAt, ErrorCount: f.ErrorCount, LastError: f.LastError}, out, p.Config)
	f.NextPollAt, f.ErrorCount, f.LastError = state.NextPollAt, state.ErrorCount, state.LastError
	f.Paused, f.PausedReason = state.Paused, state.PausedReason
	if _, perr := p.Store.PutFeed(ctx, f); perr != nil {
		slog.Error("feed state not saved", "feed_id", f.ID, "err", perr)
	}
	if err != nil {
		slog.Warn("feed poll failed", "feed_id", f.ID, "url", f.URL, "errors", f.ErrorCount, "paused", f.Paused, "err", err)
		return sum, err
	}
	slog.Info("feed polled", "feed_id", f.ID, "url", f.URL, "new_items", sum.NewItems, "next_poll_at", f.NextPollAt)
	return sum, nil
}

// fetchFeed downloads and parses a feed; parsed is nil when the server
// answered 304 Not Modified.
func (p *Poller) fetchFeed(ctx context.Context, f news.Feed) (*fetch.Response, *Feed, error) {
	resp, err := p.Fetch.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return nil, nil, err
	}
	if resp.NotModified {
		return resp, nil, nil
	}
	parsed, err := Parse(resp.Body, resp.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return resp, parsed, nil
}

// ingestItems ingests the items not seen before, oldest first.
func (p *Poller) ingestItems(ctx context.Context, f news.Feed, parsed *Feed) Summary {
	var sum Summary
	items := slices.Clone(parsed.Items)
	slices.SortStableFunc(items, func(a, b Item) int { return a.Time().Compare(b.Time()) })
	limit := p.MaxNewItems
	if limit <= 0 {
		limit = 100
	}
	for i, it := range items {
		if ctx.Err() != nil {
			break
		}
		isNew, err := p.Store.MarkItemSeen(ctx, f.ID, it.Key())
		if err != nil {
			sum.ItemErrors++
			slog.Warn("feed item not recorded", "feed_id", f.ID, "key", it.Key(), "err", err)
			continue
		}
		// Over the limit, the oldest items are skipped (marked seen only).
		if !isNew || len(items)-i > limit {
			continue
		}
		sum.NewItems++
		page, fromFeed, err := p.itemPage(ctx, parsed, it)
		if err == nil {
			p.ingestMu.Lock()
			err = p.Ingest(ctx, page)
			p.ingestMu.Unlock()
		}
		if fromFeed {
			sum.FromFeedContent++
		}
		if err != nil {
			sum.ItemErrors++
			slog.Warn("feed item not ingested", "feed_id", f.ID, "url", it.URL, "err", err)
		}
	}
	return sum
}

// itemPage fetches an item's page, falling back to the item's content in
// the feed when the page cannot be fetched.
func (p *Poller) itemPage(ctx context.Context, parsed *Feed, it Item) (page Page, fromFeed bool, err error) {
	var fetchErr error
	if it.URL != "" {
		resp, err := p.Fetch.Get(ctx, fetch.Request{URL: it.URL})
		if err == nil {
			return Page{Source: resp.URL, Raw: resp.UTF8(), ContentType: resp.ContentType, FetchedAt: resp.FetchedAt}, false, nil
		}
		fetchErr = err
	}
	content := it.Content
	if content == "" {
		content = it.Summary
	}
	if content == "" {
		return Page{}, false, fmt.Errorf("item %q: no page and no content: %w", it.Key(), errors.Join(fetchErr, news.ErrUnavailable))
	}
	art := FeedArticle(parsed, it)
	source := it.URL
	if source == "" {
		source = parsed.Link + "#" + it.Key()
	}
	art.Source = source
	if fetchErr != nil {
		art.Warnings = append(art.Warnings, "page not fetched: "+fetchErr.Error())
	}
	return Page{Source: source, Raw: []byte(content), ContentType: "text/html", FetchedAt: p.now().UTC(), Article: &art}, true, nil
}

// FeedArticle builds an article from a feed item's own content (full
// content, else summary), marked FromFeedContent.
func FeedArticle(parsed *Feed, it Item) news.Article {
	content := it.Content
	if content == "" {
		content = it.Summary
	}
	art := news.Article{
		Source:          it.URL,
		URL:             news.Str(it.URL),
		Title:           news.Str(it.Title),
		Byline:          news.Str(it.Author),
		Outlet:          news.Str(parsed.Title),
		Language:        news.Str(primaryLanguage(parsed.Language)),
		Text:            htmltext.Fragment(content),
		Warnings:        []string{},
		FromFeedContent: true,
	}
	if !it.Published.IsZero() {
		art.PublishedAt = &news.Timestamp{Time: it.Published}
	}
	if !it.Updated.IsZero() {
		art.UpdatedAt = &news.Timestamp{Time: it.Updated}
	}
	return art
}

func primaryLanguage(tag string) string {
	tag, _, _ = strings.Cut(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	return strings.ToLower(tag)
}
