package pipeline

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/ingest/html"
	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/ingest/text"
	"github.com/parallax-news/parallax/internal/news"
)

// Extractor turns one raw input into an article. It is pure.
type Extractor interface {
	Extract(source string, raw []byte, contentType string) (news.Article, error)
}

// Formats extracts by sniffed format: HTML pages, plain-text dumps and
// single JSONL records.
type Formats struct {
	MaxBytes int64
}

// Extract implements Extractor.
func (f Formats) Extract(source string, raw []byte, contentType string) (news.Article, error) {
	if f.MaxBytes > 0 && int64(len(raw)) > f.MaxBytes {
		return news.Article{}, fmt.Errorf("%s: %d bytes exceeds the %d-byte limit: %w", source, len(raw), f.MaxBytes, news.ErrTooLarge)
	}
	switch Sniff(source, contentType, raw) {
	case FormatHTML:
		a, err := html.Extract(source, raw, pageURL(source), html.Options{})
		if err != nil {
			return a, fmt.Errorf("%s: %w", source, err)
		}
		return a, nil
	case FormatJSONL:
		items := jsonl.Parse(source, raw)
		if len(items) != 1 {
			return news.Article{}, fmt.Errorf("%s: %d JSONL records where one was expected: %w", source, len(items), news.ErrInvalidInput)
		}
		return items[0].Article, items[0].Err
	case FormatFeed:
		return news.Article{}, fmt.Errorf("%s: is a feed, not an article (use `parallax feeds add` or ingest it as a feed): %w", source, news.ErrInvalidInput)
	}
	return text.ExtractBytes(source, raw, text.Options{MaxBytes: f.MaxBytes})
}

// pageURL returns source when it is an http(s) URL, else "".
func pageURL(source string) string {
	if len(source) > 7 && (source[:7] == "http://" || (len(source) > 8 && source[:8] == "https://")) {
		return source
	}
	return ""
}
