package html

import (
	"net/url"
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/news"
)

// htmlDate is the last resort for the publication day: go-htmldate scans
// the page's text and attributes, including dates written in words in many
// languages (its extensive search, slower but only run when no metadata
// gave a date). It gives a day only.
func htmlDate(doc *html.Node, pageURL *url.URL, now time.Time) *news.Timestamp {
	opts := htmldate.Options{ExtractTime: false, UseOriginalDate: true, MaxDate: now.Add(48 * time.Hour)}
	if pageURL != nil {
		opts.URL = pageURL.String()
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.IsZero() {
		return nil
	}
	day := time.Date(res.DateTime.Year(), res.DateTime.Month(), res.DateTime.Day(), 0, 0, 0, 0, time.UTC)
	return &news.Timestamp{Time: day, DateOnly: true}
}
