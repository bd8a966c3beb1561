package timex

import (
	"fmt"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayValue(t time.Time) string { return t.Format(time.DateOnly) }

func monthValue(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func quarterValue(y, q int) string { return fmt.Sprintf("%04d-Q%d", y, q) }

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// validDay reports whether y-m-d exists.
func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && date(y, m, d).Day() == d
}

// yearFor picks the year of a month (and day, 0 for none) written without
// one: the occurrence on the side of the anchor the tense points to, or
// the nearest one when the tense says nothing.
func yearFor(anchor time.Time, m time.Month, d int, t tense) int {
	y := anchor.Year()
	if d == 0 {
		// The neighbouring month is too close to move a year on tense
		// alone ("planned to join in March", said in February).
		diff := int(m) - int(anchor.Month())
		switch {
		case t == past && diff > 1:
			return y - 1
		case t == future && diff < -1:
			return y + 1
		case t != past && t != future && diff > 6:
			return y - 1
		case t != past && t != future && diff < -6:
			return y + 1
		}
		return y
	}
	if !validDay(y, m, d) {
		return y
	}
	candidate := date(y, m, d)
	today := date(anchor.Year(), anchor.Month(), anchor.Day())
	// Tense overrides nearness only for dates well on the wrong side:
	// "said it would pay on Dec. 10" is still this year's December. A
	// date already on the side the tense points to stays in its year.
	const far = 120 * 24 * time.Hour
	switch t {
	case past:
		if candidate.Sub(today) > far {
			return y - 1
		}
		if !candidate.After(today) {
			return y
		}
	case future:
		if today.Sub(candidate) > far {
			return y + 1
		}
		if !candidate.Before(today) {
			return y
		}
	}
	// Nearest occurrence: a date more than half a year away is more likely
	// in the neighbouring year.
	half := 183 * 24 * time.Hour
	if candidate.Sub(today) > half {
		return y - 1
	}
	if today.Sub(candidate) > half {
		return y + 1
	}
	return y
}

// weekdayNear resolves a weekday name against the anchor: the last such
// day on or before it for the past, the next on or after it for the
// future, and the nearest otherwise (news mostly reports the past, so a
// tie goes back).
func weekdayNear(anchor time.Time, wd time.Weekday, t tense) time.Time {
	today := date(anchor.Year(), anchor.Month(), anchor.Day())
	back := (int(today.Weekday()) - int(wd) + 7) % 7
	ahead := (int(wd) - int(today.Weekday()) + 7) % 7
	switch {
	case t == past:
		return today.AddDate(0, 0, -back)
	case t == future:
		return today.AddDate(0, 0, ahead)
	case back <= ahead:
		return today.AddDate(0, 0, -back)
	default:
		return today.AddDate(0, 0, ahead)
	}
}

// shiftValue moves the anchor by n units and renders it at that unit's
// granularity: two years ago is "2022", last month "2024-10".
func shiftValue(anchor time.Time, code string, n int) (string, bool) {
	switch code {
	case "D":
		return dayValue(anchor.AddDate(0, 0, n)), true
	case "W":
		return weekValue(anchor.AddDate(0, 0, 7*n)), true
	case "WE":
		return weekValue(anchor.AddDate(0, 0, 7*n)) + "-WE", true
	case "M":
		t := date(anchor.Year(), anchor.Month(), 1).AddDate(0, n, 0)
		return monthValue(t.Year(), t.Month()), true
	case "Q":
		q := anchor.Year()*4 + quarterOf(anchor) - 1 + n
		return quarterValue(q/4, q%4+1), true
	case "Y":
		return yearValue(anchor.Year() + n), true
	case "DE":
		return fmt.Sprintf("%03d", (anchor.Year()+10*n)/10), true
	case "CE":
		return fmt.Sprintf("%02d", (anchor.Year()+100*n)/100), true
	}
	return "", false
}

// nthWeekday is the n-th (1-based; -1 for last) weekday of a month.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := date(y, m+1, 1).AddDate(0, 0, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := date(y, m, 1)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// holidays maps a holiday name to its date in a given year.
var holidays = map[string]func(y int) time.Time{
	"new year's day":   func(y int) time.Time { return date(y, time.January, 1) },
	"new year's eve":   func(y int) time.Time { return date(y, time.December, 31) },
	"valentine's day":  func(y int) time.Time { return date(y, time.February, 14) },
	"independence day": func(y int) time.Time { return date(y, time.July, 4) },
	"halloween":        func(y int) time.Time { return date(y, time.October, 31) },
	"veterans day":     func(y int) time.Time { return date(y, time.November, 11) },
	"christmas eve":    func(y int) time.Time { return date(y, time.December, 24) },
	"christmas day":    func(y int) time.Time { return date(y, time.December, 25) },
	"christmas":        func(y int) time.Time { return date(y, time.December, 25) },
	"boxing day":       func(y int) time.Time { return date(y, time.December, 26) },
	"memorial day":     func(y int) time.Time { return nthWeekday(y, time.May, time.Monday, -1) },
	"labor day":        func(y int) time.Time { return nthWeekday(y, time.September, time.Monday, 1) },
	"thanksgiving day": func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) },
	"thanksgiving":     func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) },
	"martin luther king day": func(y int) time.Time {
		return nthWeekday(y, time.January, time.Monday, 3)
	},
	"election day": func(y int) time.Time {
		return nthWeekday(y, time.November, time.Monday, 1).AddDate(0, 0, 1)
	},
	"good friday":   func(y int) time.Time { return easter(y).AddDate(0, 0, -2) },
	"easter sunday": easter,
	"easter":        easter,
	"easter monday": func(y int) time.Time { return easter(y).AddDate(0, 0, 1) },
}

// easter is Easter Sunday of the Gregorian calendar (the anonymous
// Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return date(y, time.Month(n/31), n%31+1)
}

// holidayPattern lists the holiday names for the rules.
const holidayPattern = `(?P<holiday>new year's day|new year's eve|valentine's day|independence day|halloween|veterans day|christmas eve|christmas day|christmas|boxing day|memorial day|labor day|thanksgiving day|thanksgiving|martin luther king day|election day|good friday|easter sunday|easter monday|easter)`
