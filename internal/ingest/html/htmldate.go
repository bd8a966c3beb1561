package html

import (
	"net/url"
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/news"
)

// htmlDate is the last resort for the publication day: go-htmldate's fast
// mode scans the page's text and attributes for dates. It gives a day only.
func htmlDate(doc *html.Node, pageURL *url.URL, now time.Time) *news.Timestamp {
	opts := htmldate.Options{ExtractTime: false, UseOriginalDate: true, SkipExtensiveSearch: false, MaxDate: now.Add(48 * time.Hour)}
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
