package httpapi

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/archive"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// IngestRequest is a URL to fetch or a pasted text with optional metadata.
type IngestRequest struct {
	URL         string `json:"url,omitempty"`
	Text        string `json:"text,omitempty"`
	Title       string `json:"title,omitempty"`
	Outlet      string `json:"outlet,omitempty"`
	PublishedAt string `json:"published_at,omitempty"`
}

// IngestResult reports the article an ingest produced.
type IngestResult struct {
	ArticleID int64  `json:"article_id"`
	Status    string `json:"status"`
}

// IngestInput stores and reads a URL or a pasted text.
func (s *Service) IngestInput(ctx context.Context, req IngestRequest) (IngestResult, error) {
	if s.Ingest == nil {
		return IngestResult{}, fmt.Errorf("ingest: not configured: %w", news.ErrUnavailable)
	}
	in, err := s.input(ctx, req)
	if err != nil {
		return IngestResult{}, err
	}
	s.ingestMu.Lock()
	outs := s.Ingest.Ingest(ctx, in)
	s.ingestMu.Unlock()
	if len(outs) == 0 {
		return IngestResult{}, fmt.Errorf("ingest %s: no article: %w", in.Source, news.ErrInvalidInput)
	}
	out := outs[0]
	if out.Err != nil {
		return IngestResult{}, fmt.Errorf("ingest %s: %w", in.Source, out.Err)
	}
	return IngestResult{ArticleID: out.ArticleID, Status: string(out.Status)}, nil
}

func (s *Service) input(ctx context.Context, req IngestRequest) (pipeline.Input, error) {
	text := strings.TrimSpace(req.Text)
	switch {
	case req.URL != "" && text != "":
		return pipeline.Input{}, fmt.Errorf("ingest: give a url or a text, not both: %w", news.ErrInvalidInput)
	case req.URL != "":
		if err := checkHTTPURL(req.URL); err != nil {
			return pipeline.Input{}, err
		}
		if s.Fetch == nil {
			return pipeline.Input{}, fmt.Errorf("ingest: fetching URLs is not configured: %w", news.ErrUnavailable)
		}
		return s.Fetch.FetchURL(ctx, req.URL)
	case text == "":
		return pipeline.Input{}, fmt.Errorf("ingest: url or text required: %w", news.ErrInvalidInput)
	}
	a := news.Article{Source: "paste", Title: news.Str(strings.TrimSpace(req.Title)), Outlet: news.Str(strings.TrimSpace(req.Outlet)), Text: text, Warnings: []string{}}
	if req.PublishedAt != "" {
		ts, err := news.ParseTimestamp(req.PublishedAt)
		if err != nil {
			return pipeline.Input{}, fmt.Errorf("ingest published_at: %w", err)
		}
		a.PublishedAt = &ts
	}
	// The raw document is the article as submitted, so pasting the same
	// text with the same metadata twice is recognised as unchanged.
	raw := fmt.Sprintf("title: %s\noutlet: %s\npublished_at: %s\n\n%s", req.Title, req.Outlet, req.PublishedAt, text)
	return pipeline.Input{Source: "paste", Raw: []byte(raw), ContentType: "text/plain; charset=utf-8", FetchedAt: time.Now().UTC(), Article: &a}, nil
}

func checkHTTPURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("url %q: need an absolute http(s) URL: %w", raw, news.ErrInvalidInput)
	}
	return nil
}

// AddFeed subscribes to a feed after probing it for its title.
func (s *Service) AddFeed(ctx context.Context, feedURL string) (news.Feed, error) {
	feedURL = strings.TrimSpace(feedURL)
	if err := checkHTTPURL(feedURL); err != nil {
		return news.Feed{}, err
	}
	f := news.Feed{URL: feedURL, NextPollAt: time.Now().UTC()}
	if s.Feeds != nil {
		title, err := s.Feeds.ProbeFeed(ctx, feedURL)
		if err != nil {
			return news.Feed{}, fmt.Errorf("feed %s: %w", feedURL, err)
		}
		f.Title = title
	}
	id, err := s.Store.PutFeed(ctx, f)
	if err != nil {
		return news.Feed{}, fmt.Errorf("add feed %s: %w", feedURL, err)
	}
	f.ID = id
	return f, nil
}

// SetFeedPaused pauses or resumes a feed.
func (s *Service) SetFeedPaused(ctx context.Context, id int64, paused bool) (news.Feed, error) {
	f, err := s.Store.Feed(ctx, id)
	if err != nil {
		return news.Feed{}, fmt.Errorf("feed %d: %w", id, err)
	}
	f.Paused = paused
	f.PausedReason = ""
	if paused {
		f.PausedReason = "paused by user"
	}
	if _, err := s.Store.PutFeed(ctx, f); err != nil {
		return news.Feed{}, fmt.Errorf("feed %d: %w", id, err)
	}
	return f, nil
}

// UploadOutcome is what became of one file of an upload.
type UploadOutcome struct {
	Source    string `json:"source"`
	Status    string `json:"status"` // ingested, unchanged, queued or failed
	ArticleID int64  `json:"article_id,omitempty"`
	Error     string `json:"error,omitempty"`
}

// uploadLimits bound what one uploaded file may expand to: each member
// at the input limit, the whole upload at 256 MiB decompressed.
var uploadLimits = archive.Limits{TotalBytes: 256 << 20}

// IngestUpload stores and reads an uploaded file named name: a page, a
// text, a JSON Lines file, or a compressed file or tar / ZIP archive of
// them, each member its own input named "name/member". A member that
// fails is reported and the rest go on; the error is for an upload that
// could not be read at all (corrupt, over the limits) after the members
// before the fault were ingested.
func (s *Service) IngestUpload(ctx context.Context, name string, r io.Reader) ([]UploadOutcome, error) {
	if s.Ingest == nil {
		return nil, fmt.Errorf("ingest: not configured: %w", news.ErrUnavailable)
	}
	name = "upload/" + path.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	var out []UploadOutcome
	err := archive.Walk(name, r, uploadLimits, func(f archive.File) bool {
		if f.Err != nil {
			out = append(out, UploadOutcome{Source: f.Name, Status: string(pipeline.Failed), Error: f.Err.Error()})
			return ctx.Err() == nil
		}
		s.ingestMu.Lock()
		outs := s.Ingest.Ingest(ctx, pipeline.Input{Source: f.Name, Raw: f.Raw, FetchedAt: time.Now().UTC()})
		s.ingestMu.Unlock()
		for _, o := range outs {
			u := UploadOutcome{Source: o.Source, Status: string(o.Status), ArticleID: o.ArticleID}
			if o.Err != nil {
				u.Status, u.Error = string(pipeline.Failed), o.Err.Error()
			}
			out = append(out, u)
		}
		return ctx.Err() == nil
	})
	if err != nil {
		return out, fmt.Errorf("upload %s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("upload %s: no file in it: %w", name, news.ErrInvalidInput)
	}
	return out, nil
}
