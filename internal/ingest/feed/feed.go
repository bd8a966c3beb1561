// Package feed reads RSS 0.9x/1.0/2.0, Atom and JSON Feed documents into
// one Item shape, imports and exports OPML subscription lists, decides when
// to poll a feed next, and polls subscribed feeds into the ingest pipeline.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

// MaxFeedBytes is the largest feed document Parse accepts.
const MaxFeedBytes = 10 << 20

// ErrEntityDeclaration is returned for XML with a DOCTYPE that declares
// entities: the shape of "billion laughs" attacks, and never needed by a
// real feed.
var ErrEntityDeclaration = fmt.Errorf("feed declares XML entities: %w", news.ErrInvalidInput)

// Feed is a parsed feed document.
type Feed struct {
	Title    string
	Link     string // the site's home page
	Language string
	TTL      time.Duration // RSS <ttl>: how long the feed may be cached; 0 when absent
	Items    []Item
}

// Item is one entry of a feed. Times are zero when the feed gave none.
type Item struct {
	GUID      string
	URL       string // absolute, as given by the feed (resolved against the feed URL)
	Title     string
	Published time.Time
	Updated   time.Time
	Author    string
	Content   string // full content (content:encoded, Atom content, content_html)
	Summary   string // description or summary
}

// Key identifies an item across polls: its GUID, else its canonical URL,
// else its title.
func (it Item) Key() string {
	if it.GUID != "" {
		return it.GUID
	}
	if c, err := fetch.Canonical(it.URL); err == nil {
		return c
	}
	return it.Title
}

// Time is the item's publication time, else its update time.
func (it Item) Time() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Updated
}

// Parse reads an RSS, Atom or JSON feed. feedURL resolves relative item
// links and may be empty.
func Parse(data []byte, feedURL string) (*Feed, error) {
	if len(data) > MaxFeedBytes {
		return nil, fmt.Errorf("feed of %d bytes: %w", len(data), news.ErrTooLarge)
	}
	if err := checkEntities(data); err != nil {
		return nil, err
	}
	parser := gofeed.NewParser()
	parser.KeepOriginalFeed = true
	parsed, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("not a feed: %w", news.ErrInvalidInput)
		}
		return nil, fmt.Errorf("parse feed: %w: %v", news.ErrInvalidInput, err)
	}
	base, _ := url.Parse(feedURL)
	out := &Feed{
		Title:    clean(parsed.Title),
		Link:     resolve(base, parsed.Link),
		Language: strings.TrimSpace(parsed.Language),
	}
	if orig, ok := parsed.OriginalFeed().(*rss.Feed); ok && orig != nil {
		if minutes, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && minutes > 0 {
			out.TTL = time.Duration(minutes) * time.Minute
		}
	}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		item := Item{
			GUID:    strings.TrimSpace(it.GUID),
			URL:     resolve(base, itemLink(it)),
			Title:   clean(it.Title),
			Author:  author(it),
			Content: strings.TrimSpace(it.Content),
			Summary: strings.TrimSpace(it.Description),
		}
		if it.PublishedParsed != nil {
			item.Published = *it.PublishedParsed
		}
		if it.UpdatedParsed != nil {
			item.Updated = *it.UpdatedParsed
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// checkEntities refuses documents whose DOCTYPE declares entities, before
// any XML parser sees them.
func checkEntities(data []byte) error {
	window := bytes.ToUpper(data[:min(len(data), 1<<20)])
	i := bytes.Index(window, []byte("<!DOCTYPE"))
	if i >= 0 && bytes.Contains(window[i:], []byte("<!ENTITY")) {
		return ErrEntityDeclaration
	}
	return nil
}

func itemLink(it *gofeed.Item) string {
	if it.Link != "" {
		return it.Link
	}
	for _, l := range it.Links {
		if l != "" {
			return l
		}
	}
	// RSS items sometimes carry the permalink only as a GUID.
	if strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://") {
		return it.GUID
	}
	return ""
}

func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.Join(names, ", ")
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
