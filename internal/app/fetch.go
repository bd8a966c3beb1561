package app

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// fetcher returns the process's one polite fetcher, built on first use.
func (e *env) fetcher() *fetch.Fetcher {
	if e.fetch == nil {
		e.fetch = fetch.New(fetch.Config{MaxBytes: e.cfg.MaxInputBytes, AllowPrivate: e.cfg.AllowPrivate})
	}
	return e.fetch
}

// fetchURL downloads a page a user named directly.
func (e *env) fetchURL(ctx context.Context, url string) (pipeline.Input, error) {
	resp, err := e.fetcher().Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return pipeline.Input{}, fmt.Errorf("fetch %s: %w", url, err)
	}
	return pageInput(resp), nil
}

// pageInput is a fetched page as an input. The stored raw input is the page
// converted to UTF-8 with the charset the server declared, because that
// declaration lives in headers that are not part of the bytes.
func pageInput(resp *fetch.Response) pipeline.Input {
	return pipeline.Input{Source: resp.URL, Raw: resp.UTF8(), ContentType: resp.ContentType, FetchedAt: resp.FetchedAt}
}
