package timex

import (
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// publishedAnchor is the anchor of a known publication date.
func publishedAnchor(published *news.Timestamp) (Anchor, bool) {
	if published == nil || published.Time.IsZero() {
		return Anchor{}, false
	}
	t := published.Time
	return Anchor{Time: date(t.Year(), t.Month(), t.Day()), Known: true}, true
}

// anchorFromText picks the anchor among the timexes found in a text
// without one (see FindFor).
func anchorFromText(found []news.Timex) Anchor {
	for _, t := range found {
		if d, err := time.Parse(time.DateOnly, t.Value); err == nil {
			return Anchor{Time: d, Known: true}
		}
	}
	latest := 0
	for _, t := range found {
		if y, err := strconv.Atoi(t.Value); err == nil && len(t.Value) == 4 {
			latest = max(latest, y)
		}
	}
	if latest == 0 {
		return Anchor{}
	}
	for _, t := range found {
		if d, ok := weekdayDate(t, latest); ok {
			return Anchor{Time: d, Known: true}
		}
	}
	return Anchor{}
}

// weekdayDate resolves a yearless date that names its weekday to the
// year nearest ref in which that day falls on that weekday.
func weekdayDate(t news.Timex, ref int) (time.Time, bool) {
	if len(t.Value) != 10 || t.Value[:5] != "XXXX-" {
		return time.Time{}, false
	}
	wd, ok := weekdayOf(t.Text)
	if !ok {
		return time.Time{}, false
	}
	month, err1 := strconv.Atoi(t.Value[5:7])
	day, err2 := strconv.Atoi(t.Value[8:10])
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	for offset := 0; offset <= 6; offset++ {
		for _, y := range []int{ref + offset, ref - offset} {
			if validDay(y, time.Month(month), day) && date(y, time.Month(month), day).Weekday() == wd {
				return date(y, time.Month(month), day), true
			}
		}
	}
	return time.Time{}, false
}
