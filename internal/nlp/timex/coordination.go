package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Coordinated expressions share what only the last one spells out: "April
// 24 and 25" shares the month, "Monday and Tuesday nights" the part of
// day and the recurrence.

// coordinatedDay is a bare day number joined to the date before it
// ("April 24 and 25."), ending a clause so that it counts nothing ("May
// 3 and 4 percent").
var coordinatedDay = regexp.MustCompile(`^\s+(?:and|or)\s+([0-3]?\d)(?:[.,;:)]|$)`)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// trailingDay is the day number a date's text ends with ("April 24").
var trailingDay = regexp.MustCompile(`\b([0-3]?\d)$`)

// coordinatedDays adds the second day of "April 24 and 25", a later day
// of the same month, which TimeML tags as a date of its own.
func coordinatedDays(text string, ts []news.Timex) []news.Timex {
	var out []news.Timex
	for i, t := range ts {
		out = append(out, t)
		if t.Type != Date || len(t.Value) != len(time.DateOnly) || !isDigit(text[t.End-1]) {
			continue
		}
		last := trailingDay.FindString(text[t.Start:t.End])
		sub := coordinatedDay.FindStringSubmatchIndex(text[t.End:min(len(text), t.End+12)])
		if last == "" || sub == nil {
			continue
		}
		d, err := time.Parse(time.DateOnly, t.Value)
		if err != nil {
			continue
		}
		start, end := t.End+sub[2], t.End+sub[3]
		day, _ := strconv.Atoi(text[start:end])
		if n, _ := strconv.Atoi(last); n != d.Day() || day <= n || !validDay(d.Year(), d.Month(), day) {
			continue
		}
		if i+1 < len(ts) && ts[i+1].Start < end {
			continue
		}
		out = append(out, news.Timex{Start: start, End: end, Type: Date, Value: dayValue(date(d.Year(), d.Month(), day))})
	}
	return out
}

// sharedParts makes the first of "Monday and Tuesday nights" the same
// kind of set as the second: every Monday night.
func sharedParts(text string, ts []news.Timex) {
	for i := 0; i+1 < len(ts); i++ {
		a, b := &ts[i], ts[i+1]
		if a.Type != Date || b.Type != Set || !strings.HasPrefix(b.Value, "XXXX-WXX-") || strings.TrimSpace(text[a.End:b.Start]) != "and" {
			continue
		}
		wd, ok := weekdayOf(text[a.Start:a.End])
		if !ok || !strings.EqualFold(text[a.Start:a.End], wd.String()) {
			continue
		}
		a.Type, a.Value = Set, "XXXX-WXX-"+isoWeekday(wd)+b.Value[len("XXXX-WXX-")+1:]
	}
}
