package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Some values depend on what the article is about, not on the sentence:
// in an earnings report "a year ago" is the year-ago quarter (net rose
// "from $58 million a year earlier" compares two quarters), so its value
// is that quarter, not the year.

// narrative matches the text of a timex counted from the date last
// named ("the following year", "later that day").
var narrative = regexp.MustCompile(`^(?:(?:later|earlier) )?(that|that same|the same|the following|the next|the previous|the preceding|the prior) (day|morning|afternoon|evening|night|week|month|year)$`)

// narrativeWeekday matches a weekday counted from the date last named
// ("the previous Friday").
var narrativeWeekday = regexp.MustCompile(`^(the previous|the preceding|the prior|the following) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$`)

var yearBack = regexp.MustCompile(`^(?:(?:a|one) year (?:ago|earlier)|year-(?:earlier|ago))$`)

// quarterValue matches a quarter value ("1989-Q3") and captures year and
// quarter.
var quarterValuePattern = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)

// resolveDiscourse rewrites values that depend on the reporting period of
// the text before them. ts is in text order.
func resolveDiscourse(text string, ts []news.Timex, anchor Anchor) {
	if !anchor.Known {
		return
	}
	quartersEnded(text, ts)
	lastQuarter := "" // the latest quarter value seen so far
	var ref time.Time // the latest date named, at granularity refGrain
	refGrain := noGranularity
	for i := range ts {
		t := &ts[i]
		own := strings.Join(strings.Fields(strings.ToLower(text[t.Start:t.End])), " ")
		if sub := narrative.FindStringSubmatch(own); sub != nil {
			if refGrain != noGranularity {
				if typ, v, ok := narrativeValue(ref, refGrain, sub[1], sub[2]); ok {
					t.Type, t.Value = typ, v
				}
			}
			continue
		}
		if own == "overnight" && refGrain == dayGranularity {
			// "Shares closed lower Friday, depressed by overnight
			// losses in New York": the night before the day told of.
			t.Value = dayValue(ref.AddDate(0, 0, -1)) + "TNI"
			continue
		}
		if sub := narrativeWeekday.FindStringSubmatch(own); sub != nil {
			if refGrain == dayGranularity {
				wd, _ := weekdayOf(sub[2])
				t.Value = dayValue(weekdayFrom(ref, wd, sub[1] == "the following"))
			}
			continue
		}
		if r, g := valueTime(t.Value); g != noGranularity {
			ref, refGrain = r, g
		}
		if quarterValuePattern.MatchString(t.Value) {
			// A quarter begun over a year before the anchor is a
			// comparison, not the one reported on: after "the 1988
			// period" a year earlier is still 1988's quarter.
			if r, _ := valueTime(t.Value); !r.Before(anchor.Time.AddDate(-1, 0, 0)) {
				lastQuarter = t.Value
			}
			continue
		}
		if t.Type != Date || !yearBack.MatchString(own) {
			continue
		}
		ref := lastQuarter
		if ref == "" {
			if !namesQuarter(asciiLower(text[:t.Start])) {
				continue
			}
			ref, _ = shiftValue(anchor.Time, "Q", -1)
		}
		sub := quarterValuePattern.FindStringSubmatch(ref)
		y, _ := strconv.Atoi(sub[1])
		t.Value = quarterValue(y-1, int(sub[2][0]-'0'))
	}
}

// granularity is how precisely a value names a time.
type granularity int

const (
	noGranularity granularity = iota
	yearGranularity
	quarterGranularity
	monthGranularity
	weekGranularity
	dayGranularity
)

var calendarValue = regexp.MustCompile(`^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])))?(?:T|$)`)

// valueTime reads the start of the period a DATE or TIME value names.
func valueTime(v string) (time.Time, granularity) {
	sub := calendarValue.FindStringSubmatch(v)
	if sub == nil {
		return time.Time{}, noGranularity
	}
	y, _ := strconv.Atoi(sub[1])
	switch {
	case sub[3] != "":
		mon, _ := strconv.Atoi(sub[2])
		d, _ := strconv.Atoi(sub[3])
		if !validDay(y, time.Month(mon), d) {
			return time.Time{}, noGranularity
		}
		return date(y, time.Month(mon), d), dayGranularity
	case sub[2] != "":
		mon, _ := strconv.Atoi(sub[2])
		if mon < 1 || mon > 12 {
			return time.Time{}, noGranularity
		}
		return date(y, time.Month(mon), 1), monthGranularity
	case sub[4] != "":
		w, _ := strconv.Atoi(sub[4])
		// ISO week 1 holds January 4th.
		jan4 := date(y, time.January, 4)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return monday, weekGranularity
	case sub[5] != "":
		q := int(sub[5][0] - '0')
		return date(y, time.Month(3*q-2), 1), quarterGranularity
	}
	return date(y, time.January, 1), yearGranularity
}

// narrativeValue counts rel ("the following", "that") units from ref,
// which names a time at granularity g; ok is false when ref is too coarse
// for the unit ("the next day" after "1995").
func narrativeValue(ref time.Time, g granularity, rel, unit string) (typ, value string, ok bool) {
	n := 0
	switch rel {
	case "the following", "the next":
		n = 1
	case "the previous", "the preceding", "the prior":
		n = -1
	}
	switch unit {
	case "year":
		v, ok := shiftValue(ref, "Y", n)
		return Date, v, ok
	case "month":
		if g < monthGranularity || g == weekGranularity {
			return "", "", false
		}
		v, ok := shiftValue(ref, "M", n)
		return Date, v, ok
	case "week":
		if g < weekGranularity {
			return "", "", false
		}
		v, ok := shiftValue(ref, "W", n)
		return Date, v, ok
	}
	if g < dayGranularity {
		// "last October ... that same day": a day of that month,
		// which one the text does not say.
		if n != 0 || g != monthGranularity && g != yearGranularity {
			return "", "", false
		}
		value = yearValue(ref.Year()) + "-XX-XX"
		if g == monthGranularity {
			value = monthValue(ref.Year(), ref.Month()) + "-XX"
		}
		if part := partOfDay(unit); part != "" {
			return Time, value + "T" + partCodes[part], true
		}
		return Date, value, true
	}
	typ, value = dayTime(ref.AddDate(0, 0, n), partOfDay(unit))
	return typ, value, true
}

// partOfDay is unit as a part of day, "" for a whole day.
func partOfDay(unit string) string {
	if unit == "day" {
		return ""
	}
	return unit
}

func narrativeType(unit string) string {
	if partOfDay(unit) != "" {
		return Time
	}
	return Date
}

// weekdayFrom is the first wd after ref, or before it when ahead is false.
func weekdayFrom(ref time.Time, wd time.Weekday, ahead bool) time.Time {
	if ahead {
		return ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+6)%7+1)
	}
	return ref.AddDate(0, 0, -((int(ref.Weekday())-int(wd)+6)%7 + 1))
}

// bareQuarter is a quarter named without its ordinal ("the quarter",
// "the latest quarter"), and endedGap the words that tie it to the day
// it ended on.
var (
	bareQuarter = regexp.MustCompile(`^(?:the |its |the latest |the most recent |the current )?(?:fiscal )?quarter$`)
	endedGap    = regexp.MustCompile(`^\s+(?:ended|ending|that ended|which ended)\s+(?:on\s+)?$`)
)

// quartersEnded dates "the quarter ended July 31" by its last day: the
// three months up to it lie mostly in the calendar quarter holding the
// day six weeks before (May-July is mostly the second quarter).
func quartersEnded(text string, ts []news.Timex) {
	for i := 0; i+1 < len(ts); i++ {
		t, next := &ts[i], ts[i+1]
		if !strings.Contains(t.Value, "-Q") || next.Start-t.End > 20 || !endedGap.MatchString(text[t.End:next.Start]) {
			continue
		}
		own := strings.Join(strings.Fields(strings.ToLower(text[t.Start:t.End])), " ")
		if !quarterValuePattern.MatchString(t.Value) || !bareQuarter.MatchString(own) {
			continue
		}
		end, err := time.Parse(time.DateOnly, next.Value)
		if err != nil {
			continue
		}
		mid := end.AddDate(0, 0, -45)
		t.Value = quarterValue(mid.Year(), quarterOf(mid))
	}
}

// namesQuarter reports whether lower speaks of a quarter of the year, not
// of a "quarter-century low" or "a quarter of the shares".
func namesQuarter(lower string) bool {
	for i := strings.Index(lower, "quarter"); i >= 0; {
		rest := lower[i+len("quarter"):]
		if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, " of ") && !strings.HasPrefix(rest, " point") {
			return true
		}
		j := strings.Index(rest, "quarter")
		if j < 0 {
			return false
		}
		i += len("quarter") + j
	}
	return false
}
