package timex

import (
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// AnchorFor picks the anchor for an article: its publication date when
// known, otherwise the first fully specified date in the text. A date
// without a year ("Tuesday, November 26") can then be resolved against
// the year of a full date elsewhere; with no full date at all the anchor
// is unknown.
func AnchorFor(text string, published *news.Timestamp) Anchor {
	if published != nil && !published.Time.IsZero() {
		t := published.Time
		return Anchor{Time: date(t.Year(), t.Month(), t.Day()), Known: true}
	}
	for _, t := range Find(text, Anchor{}) {
		if d, err := time.Parse(time.DateOnly, t.Value); err == nil {
			return Anchor{Time: d, Known: true}
		}
	}
	return Anchor{}
}
