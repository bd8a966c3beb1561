package feed

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

type fakeStore struct {
	mu    sync.Mutex
	feeds map[int64]news.Feed
	seen  map[string]bool
}

func (s *fakeStore) Feeds(context.Context) ([]news.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []news.Feed
	for id := int64(1); id <= int64(len(s.feeds)); id++ {
		out = append(out, s.feeds[id])
	}
	return out, nil
}

func (s *fakeStore) PutFeed(_ context.Context, f news.Feed) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feeds[f.ID] = f
	return f.ID, nil
}

func (s *fakeStore) MarkItemSeen(_ context.Context, feedID int64, key string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := fmt.Sprint(feedID, key)
	if s.seen[k] {
		return false, nil
	}
	s.seen[k] = true
	return true, nil
}

// fakeWeb serves canned responses by URL; unknown URLs fail.
type fakeWeb map[string]*fetch.Response

func (w fakeWeb) Get(_ context.Context, req fetch.Request) (*fetch.Response, error) {
	resp, ok := w[req.URL]
	if !ok {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, news.ErrUnavailable)
	}
	if resp.Status == 429 {
		return nil, &fetch.RetryError{Status: 429, After: 3 * time.Hour}
	}
	if req.ETag != "" && req.ETag == resp.ETag {
		return &fetch.Response{URL: req.URL, Status: 304, NotModified: true, ETag: resp.ETag}, nil
	}
	return resp, nil
}

const pollerFeed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Good Outlet</title><link>https://good.example/</link><language>en-GB</language>
<item><title>Fetched</title><link>https://good.example/a</link><guid>a</guid><pubDate>Mon, 25 Nov 2024 09:00:00 GMT</pubDate></item>
<item><title>Unreachable</title><link>https://good.example/b</link><guid>b</guid><pubDate>Mon, 25 Nov 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded></item>
</channel></rss>`

func TestPollDue(t *testing.T) {
	now := time.Date(2024, 11, 25, 12, 0, 0, 0, time.UTC)
	st := &fakeStore{seen: map[string]bool{}, feeds: map[int64]news.Feed{
		1: {ID: 1, URL: "https://good.example/rss"},
		2: {ID: 2, URL: "https://broken.example/rss"},
		3: {ID: 3, URL: "https://paused.example/rss", Paused: true},
		4: {ID: 4, URL: "https://later.example/rss", NextPollAt: now.Add(time.Hour)},
		5: {ID: 5, URL: "https://busy.example/rss"},
	}}
	web := fakeWeb{
		"https://good.example/rss": {URL: "https://good.example/rss", Status: 200, ETag: `"e1"`, Body: []byte(pollerFeed), ContentType: "application/rss+xml"},
		"https://good.example/a":   {URL: "https://good.example/a", Status: 200, Body: []byte("<html><p>page a</p></html>"), ContentType: "text/html", Charset: "utf-8"},
		"https://busy.example/rss": {Status: 429},
	}
	var pages []Page
	p := &Poller{
		Store: st, Fetch: web, Config: PollConfig{PauseAfter: 2}, Workers: 3,
		Now:    func() time.Time { return now },
		Ingest: func(_ context.Context, pg Page) error { pages = append(pages, pg); return nil },
	}
	sum, err := p.PollDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Polled != 3 || sum.Failed != 2 || sum.NewItems != 2 || sum.FromFeedContent != 1 {
		t.Errorf("summary = %+v", sum)
	}
	if len(pages) != 2 {
		t.Fatalf("ingested %d pages", len(pages))
	}
	if pages[0].Source != "https://good.example/a" || pages[0].Article != nil || string(pages[0].Raw) != "<html><p>page a</p></html>" {
		t.Errorf("fetched page = %+v", pages[0])
	}
	fallback := pages[1].Article
	if fallback == nil || !fallback.FromFeedContent || fallback.Text != "First paragraph.\n\nSecond paragraph." ||
		news.Deref(fallback.Title) != "Unreachable" || news.Deref(fallback.Outlet) != "Good Outlet" || news.Deref(fallback.Language) != "en" {
		t.Errorf("feed-content article = %+v", fallback)
	}

	good := st.feeds[1]
	if good.ErrorCount != 0 || good.ETag != `"e1"` || good.Title != "Good Outlet" || !good.NextPollAt.After(now) {
		t.Errorf("good feed state = %+v", good)
	}
	broken := st.feeds[2]
	if broken.ErrorCount != 1 || broken.LastError == "" || broken.Paused || !broken.NextPollAt.After(now) {
		t.Errorf("broken feed state = %+v", broken)
	}
	if busy := st.feeds[5]; busy.NextPollAt != now.Add(3*time.Hour) {
		t.Errorf("busy feed next poll %s, want Retry-After 3h", busy.NextPollAt.Sub(now))
	}

	// Second round: the good feed answers 304 and nothing is re-ingested;
	// the broken feed reaches PauseAfter and is paused with its reason.
	now = now.Add(48 * time.Hour)
	pages = nil
	if _, err := p.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(pages) != 0 {
		t.Errorf("re-ingested %d pages", len(pages))
	}
	if b := st.feeds[2]; !b.Paused || b.ErrorCount != 2 || b.PausedReason == "" {
		t.Errorf("broken feed not paused: %+v", b)
	}
}

func TestPollFeedBadXML(t *testing.T) {
	st := &fakeStore{seen: map[string]bool{}, feeds: map[int64]news.Feed{1: {ID: 1, URL: "https://x.example/rss"}}}
	web := fakeWeb{"https://x.example/rss": {URL: "https://x.example/rss", Status: 200, Body: []byte("<html>not a feed</html>")}}
	p := &Poller{Store: st, Fetch: web, Ingest: func(context.Context, Page) error { return nil }}
	_, err := p.PollFeed(context.Background(), st.feeds[1])
	if !errors.Is(err, news.ErrInvalidInput) {
		t.Errorf("error = %v", err)
	}
	if st.feeds[1].ErrorCount != 1 {
		t.Errorf("error not recorded: %+v", st.feeds[1])
	}
}
