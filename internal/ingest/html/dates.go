package html

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Layouts tried in order. zoned layouts carry an offset; floating ones a
// wall time without zone; the rest are days.
var (
	zonedLayouts = []string{
		time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST",
		"2006-01-02 15:04:05.999999999 -0700 MST",
		time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", time.RFC850, time.ANSIC,
		"Mon Jan 2 15:04:05 MST 2006", "2006-01-02T15:04:05.999999999-07",
	}
	floatingLayouts = []string{
		"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04", "2006/01/02 15:04:05",
	}
	dayLayouts = []string{"2006-01-02", "20060102", "2006/01/02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006"}
)

// parseDate reads a machine-readable date from metadata, keeping its
// precision. Dates before 1990 or more than two days in the future of now
// are rejected as noise.
func parseDate(s string, now time.Time) *news.Timestamp {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return nil
	}
	var ts news.Timestamp
	ok := false
	if secs, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 13 {
		if len(s) == 13 {
			secs /= 1000
		}
		ts, ok = news.Timestamp{Time: time.Unix(secs, 0).UTC()}, true
	}
	for _, l := range zonedLayouts {
		if ok {
			break
		}
		if t, err := time.Parse(l, s); err == nil {
			ts, ok = news.Timestamp{Time: t}, true
		}
	}
	for _, l := range floatingLayouts {
		if ok {
			break
		}
		if t, err := time.Parse(l, s); err == nil {
			ts, ok = news.Timestamp{Time: t, Floating: true}, true
		}
	}
	for _, l := range dayLayouts {
		if ok {
			break
		}
		if t, err := time.Parse(l, s); err == nil {
			ts, ok = news.Timestamp{Time: t, DateOnly: true}, true
		}
	}
	if !ok {
		// "2024-11-25T10:00:00+0300 (extra)" and similar: retry on the
		// leading ISO-looking prefix.
		if m := isoPrefix.FindString(s); m != "" && m != s {
			return parseDate(m, now)
		}
		return nil
	}
	if ts.Time.Year() < 1990 || (!now.IsZero() && ts.Time.After(now.Add(48*time.Hour))) {
		return nil
	}
	return &ts
}

var isoPrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`)

// urlDate finds a day in a URL path: /2024/11/25/, /2024-11-25-, /20241125/.
var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/._-]|$)`)

func dateFromURL(pageURL string, now time.Time) *news.Timestamp {
	m := urlDate.FindStringSubmatch(pageURL)
	if m == nil {
		return nil
	}
	return parseDate(m[1]+"-"+m[2]+"-"+m[3], now)
}

// localTime gives a UTC publication time the page's own offset when
// another of its dates is the same instant written in local time (a
// zoned time with an offset, or a wall time off by whole quarter hours):
// the outlet's day is the day its readers saw, which UTC can shift.
func localTime(ts *news.Timestamp, others []string, now time.Time) *news.Timestamp {
	if ts.Floating || ts.DateOnly {
		return ts
	}
	if _, offset := ts.Time.Zone(); offset != 0 {
		return ts
	}
	utc := ts.Time.UTC()
	for _, c := range others {
		o := parseDate(c, now)
		if o == nil || o.DateOnly {
			continue
		}
		var offset time.Duration
		if o.Floating {
			wall := time.Date(o.Time.Year(), o.Time.Month(), o.Time.Day(), o.Time.Hour(), o.Time.Minute(), 0, 0, time.UTC)
			offset = wall.Sub(utc.Truncate(time.Minute))
		} else {
			if !o.Time.Equal(ts.Time) {
				continue
			}
			_, secs := o.Time.Zone()
			offset = time.Duration(secs) * time.Second
		}
		if offset != 0 && offset%(15*time.Minute) == 0 && offset.Abs() <= 14*time.Hour {
			local := news.Timestamp{Time: utc.In(time.FixedZone("", int(offset.Seconds())))}
			return &local
		}
	}
	return ts
}
