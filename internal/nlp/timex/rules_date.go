package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateRules read calendar dates, months, years, decades, centuries,
// seasons, quarters and holidays.
func dateRules() []rule {
	return []rule{
		{compile(`(?:{wd},?\s+)?{month}\s*{day},?\s+{year}`), fullDate},
		{compile(`(?:{wd},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month},?\s+{year}`), fullDate},
		{compile(`{year}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?:[t ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?\b`), isoDate},
		{compile(`(?P<mm>[01]?\d)/(?P<dd>[0-3]?\d)/(?P<yy>\d{4}|\d\d)\b`), slashDate},
		{compile(`(?:{wd},?\s+)?{month}\s*{day}`), monthDay},
		{compile(`(?:{wd},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}`), monthDay},
		{compile(`{month},?\s+(?:of\s+)?{year}`), monthYear},
		{compile(`(?:(?P<rel>last|next|this|this past|this coming)\s+)?{month}(?:\s+(?P<ry>last year|this year|next year))?`), monthAlone},
		{compile(`(?:(?P<pre>fiscal|calendar|the year|year)\s*)?{year}(?:'s)?`), yearAlone},
		{compile(`(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?P<dec>1[5-9]\d|20\d)0'?s\b`), decade},
		{compile(`(?:the\s+)?(?:(?:early|late|mid)[- ]?)?'(?P<dd>\d)0'?s\b`), decade},
		{compile(`'(?P<dd>\d)0'?s\b`), decade},
		{compile(`the\s+(?:(?:early|late|mid)[- ]?)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`), decade},
		{compile(`(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[- ]century`), century},
		{compile(`(?:the\s+)?(?P<centw>nineteenth|twentieth|twenty-first)[- ]century`), century},
		{compile(`(?:(?P<rel>this|last|next|this past|this coming|the|early|late|mid|that)[- ]+)?{season}(?:\s+(?:of\s+)?{year})?`), season},
		{compile(`(?:the\s+)?(?:(?:fiscal|calendar)[- ])?{ord}[- ](?:fiscal[- ])?(?P<qh>quarter|half)(?:\s+(?:of|in)\s+(?:{year}|(?P<ry>this year|last year|next year|the year)))?`), ordinalQuarter},
		{compile(`(?:the\s+)?(?:last|final)\s+(?P<qh>quarter|half)\s+(?:of|in)\s+{year}`), lastQuarterOf},
		{compile(`(?:(?:the|its)\s+)?(?:{year}|(?P<ry>this year's|last year's|next year's|the year-earlier|the year-ago))\s+(?:(?:fiscal|calendar)[- ])?{ord}[- ](?:fiscal[- ])?(?P<qh>quarter|half)`), ordinalQuarter},
		{compile(`(?P<qrel>the latest|the current|the most recent|the past|the last|the previous|the preceding|the same|the (?:comparable|corresponding|same)(?:\s+(?:year-earlier|year-ago|prior-year))?|the year-earlier|the year-ago|the prior-year|this|last|next|its|the)\s+(?:(?:fiscal|calendar)\s+)?(?P<qword>quarter|period)`), relativeQuarter},
		{compile(`(?P<qrel>year-earlier|year-ago)`), relativeQuarter},
		{compile(`(?:the|its)\s+{year}\s+(?:period|quarter)`), yearQuarter},
		{compile(`(?:(?P<rel>last|next|this)\s+)?{holiday}(?:,?\s+{year})?`), holiday},
		{compile(`(?:(?P<rel>last|next|this)\s+)?{holiday}\s+week`), holidayWeek},
	}
}

func fullDate(m *match) (string, string, bool) {
	mon, ok := m.month()
	y, d := m.year(), m.day()
	if !ok || !validDay(y, mon, d) {
		return "", "", false
	}
	return Date, dayValue(date(y, mon, d)), true
}

func isoDate(m *match) (string, string, bool) {
	y := m.year()
	mon, _ := strconv.Atoi(m.get("mm"))
	d, _ := strconv.Atoi(m.get("dd"))
	if !validDay(y, time.Month(mon), d) {
		return "", "", false
	}
	v := dayValue(date(y, time.Month(mon), d))
	if h := m.get("hh"); h != "" {
		return Time, v + "T" + h + ":" + m.get("mi"), true
	}
	return Date, v, true
}

func slashDate(m *match) (string, string, bool) {
	mon, _ := strconv.Atoi(m.get("mm"))
	d, _ := strconv.Atoi(m.get("dd"))
	y, _ := strconv.Atoi(m.get("yy"))
	if len(m.get("yy")) == 2 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	}
	if mon > 12 && d <= 12 {
		mon, d = d, mon
	}
	if !validDay(y, time.Month(mon), d) {
		return "", "", false
	}
	return Date, dayValue(date(y, time.Month(mon), d)), true
}

// monthDay reads a day without a year ("Nov. 26", "Tuesday, November 26"),
// taking the year from the anchor; a weekday picks the year it fits.
func monthDay(m *match) (string, string, bool) {
	mon, ok := m.month()
	d := m.day()
	if !ok || d < 1 || d > 31 || m.dayOfNextDate() {
		return "", "", false
	}
	if !m.anchor.Known {
		return Date, fmt.Sprintf("XXXX-%02d-%02d", int(mon), d), true
	}
	y := yearFor(m.anchor.Time, mon, d, m.clauseTense())
	if wd, ok := m.weekday(); ok && m.get("wd") != "" {
		for _, cand := range []int{y, m.anchor.Time.Year(), m.anchor.Time.Year() - 1, m.anchor.Time.Year() + 1} {
			if validDay(cand, mon, d) && date(cand, mon, d).Weekday() == wd {
				y = cand
				break
			}
		}
	}
	if !validDay(y, mon, d) {
		return "", "", false
	}
	return Date, dayValue(date(y, mon, d)), true
}

func monthYear(m *match) (string, string, bool) {
	mon, ok := m.month()
	if !ok {
		return "", "", false
	}
	return Date, monthValue(m.year(), mon), true
}

// monthContext are words before a bare month that make it a date; "May"
// alone is too often a verb or a name.
var monthContext = setOf(`in since by until till through during of from to early late mid before after last next this between and or`)

func monthAlone(m *match) (string, string, bool) {
	mon, ok := m.month()
	if !ok {
		return "", "", false
	}
	rel := m.lower("rel")
	if abbr := strings.TrimSuffix(m.get("month"), "."); len(abbr) <= 4 && abbr != "June" && abbr != "July" && abbr != "May" && rel == "" {
		return "", "", false
	}
	if next := m.nextWord(); next != "" && next[0] >= '0' && next[0] <= '9' && len(next) <= 2 {
		return "", "", false
	}
	if mon == 5 && rel == "" && m.get("ry") == "" && !monthContext[m.prevWord()] {
		return "", "", false
	}
	if !m.anchor.Known {
		return Date, fmt.Sprintf("XXXX-%02d", int(mon)), true
	}
	a := m.anchor.Time
	y := a.Year()
	switch {
	case strings.HasPrefix(m.lower("ry"), "last"):
		y--
	case strings.HasPrefix(m.lower("ry"), "next"):
		y++
	case strings.HasPrefix(m.lower("ry"), "this"):
	case rel == "last" || rel == "this past":
		if mon >= a.Month() {
			y--
		}
	case rel == "next" || rel == "this coming":
		if mon <= a.Month() {
			y++
		}
	case rel == "this":
	default:
		y = yearFor(a, mon, 0, m.clauseTense())
	}
	return Date, monthValue(y, mon), true
}

// yearBlockers are words after a four-digit number that make it a count,
// or a clock reading ("1600 GMT").
var yearBlockers = setOf(`people persons men women children troops soldiers shares votes cars units feet
meters metres miles kilometers tons pounds acres dollars yen marks francs barrels jobs employees workers
students points percent % hours minutes seconds rooms homes houses copies pages words members cases deaths
gmt utc hrs`)

func yearAlone(m *match) (string, string, bool) {
	y := m.year()
	if y < 1600 || y > 2100 {
		return "", "", false
	}
	if m.get("pre") == "" {
		if strings.HasPrefix(m.lower("year"), "two thousand") {
			// Without "the year", "two thousand" is a count.
			return "", "", false
		}
		s := m.start()
		if s > 0 && (m.text[s-1] == '$' || m.text[s-1] == '#' || m.text[s-1] == '.' || m.text[s-1] == ',') {
			return "", "", false
		}
		if e := m.end(); e < len(m.text) && (m.text[e] == '%' || e+1 < len(m.text) && (m.text[e] == '.' || m.text[e] == ',') && isAlnum(m.text[e+1]) && m.text[e+1] >= '0' && m.text[e+1] <= '9') {
			return "", "", false
		}
		if yearBlockers[m.nextWord()] {
			return "", "", false
		}
	}
	return Date, yearValue(y), true
}

var decadeWords = map[string]string{
	"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
	"sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9",
}

func decade(m *match) (string, string, bool) {
	switch {
	case m.get("dec") != "":
		return Date, m.get("dec"), true
	case m.get("dd") != "":
		return Date, "19" + m.get("dd"), true
	}
	return Date, "19" + decadeWords[m.lower("decw")], true
}

func century(m *match) (string, string, bool) {
	n, err := strconv.Atoi(m.get("cent"))
	if err != nil {
		n = map[string]int{"nineteenth": 19, "twentieth": 20, "twenty-first": 21}[m.lower("centw")]
	}
	if n < 1 || n > 21 {
		return "", "", false
	}
	return Date, fmt.Sprintf("%02d", n-1), true
}

var seasonCodes = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

// seasonContext are words before a bare season name that make it a date.
var seasonContext = setOf(`in since by until till through during this last next early late mid each every`)

func season(m *match) (string, string, bool) {
	code := seasonCodes[m.lower("season")]
	rel := m.lower("rel")
	if rel == "" && m.get("year") == "" && !seasonContext[m.prevWord()] {
		return "", "", false
	}
	if rel == "the" && m.get("year") == "" && m.lower("season") == "fall" && !seasonContext[m.prevWord()] {
		return "", "", false
	}
	if y := m.year(); y > 0 {
		return Date, yearValue(y) + "-" + code, true
	}
	if !m.anchor.Known {
		return Date, "XXXX-" + code, true
	}
	y := m.anchor.Time.Year()
	switch dir, _ := relDirection(rel); {
	case rel == "this past" && seasonOver(code, m.anchor.Time.Month()):
	case dir < 0:
		y--
	case dir > 0:
		y++
	}
	return Date, yearValue(y) + "-" + code, true
}

// seasonOver reports whether this year's season has ended by month m
// (winter, which spans the new year, never has).
func seasonOver(code string, m time.Month) bool {
	end := map[string]time.Month{"SP": time.May, "SU": time.August, "FA": time.November}[code]
	return end != 0 && m > end
}

var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

func ordinalQuarter(m *match) (string, string, bool) {
	n := ordinals[m.lower("ord")]
	half := m.lower("qh") == "half"
	if half && n > 2 {
		return "", "", false
	}
	y := m.year()
	if y == 0 {
		if !m.anchor.Known {
			return Date, "XXXX-Q" + strconv.Itoa(n), true
		}
		y = m.anchor.Time.Year()
		switch ry := m.lower("ry"); {
		case strings.HasPrefix(ry, "last"), strings.Contains(ry, "year-"):
			y--
		case strings.HasPrefix(ry, "next"):
			y++
		case ry == "" && !half && m.clauseTense() == past && n > quarterOf(m.anchor.Time):
			y--
		}
	}
	if half {
		return Date, fmt.Sprintf("%04d-H%d", y, n), true
	}
	return Date, quarterValue(y, n), true
}

// lastQuarterOf reads "the last half of 1989", "the final quarter of
// 2012": the year's second half or fourth quarter.
func lastQuarterOf(m *match) (string, string, bool) {
	if m.lower("qh") == "half" {
		return Date, fmt.Sprintf("%04d-H2", m.year()), true
	}
	return Date, quarterValue(m.year(), 4), true
}

// relativeQuarter reads "the latest quarter", "the year-earlier period":
// financial news reports on the last completed quarter.
func relativeQuarter(m *match) (string, string, bool) {
	rel := m.lower("qrel")
	if m.lower("qword") == "period" && !strings.Contains(rel, "year-") && rel != "the latest" {
		return "", "", false
	}
	if e := m.end(); e < len(m.text) && m.text[e] == '-' {
		// "its quarter-century low", "a quarter-point cut".
		return "", "", false
	}
	if !m.anchor.Known {
		return Date, "XXXX-QX", true
	}
	a := m.anchor.Time
	shift := 0
	if strings.HasPrefix(rel, "the ") && strings.Contains(rel, " year-") || strings.HasSuffix(rel, " prior-year") {
		// "the comparable year-ago quarter".
		rel = "the comparable"
	}
	switch rel {
	case "this", "the current", "the same":
	case "next":
		shift = 1
	case "last", "the last", "the previous", "the preceding", "the past", "the latest", "the most recent":
		shift = -1
	case "the year-earlier", "the year-ago", "the prior-year", "year-earlier", "year-ago", "the comparable", "the corresponding":
		shift = -5
		if rel == "year-earlier" || rel == "year-ago" {
			return Date, yearValue(a.Year() - 1), true
		}
	default:
		if m.clauseTense() != future {
			shift = -1
		}
	}
	v, _ := shiftValue(a, "Q", shift)
	return Date, v, true
}

// yearQuarter reads "the 1988 period" in an earnings report: the
// reported quarter (the last one completed) of that year.
func yearQuarter(m *match) (string, string, bool) {
	if !m.anchor.Known {
		return Date, yearValue(m.year()) + "-QX", true
	}
	last := date(m.anchor.Time.Year(), m.anchor.Time.Month(), 1).AddDate(0, -3, 0)
	return Date, quarterValue(m.year(), quarterOf(last)), true
}

func holiday(m *match) (string, string, bool) {
	d, ok := holidayDate(m, func(t time.Time) time.Time { return t })
	if !ok {
		return "", "", false
	}
	if !m.anchor.Known && m.year() == 0 {
		return Date, "XXXX-" + dayValue(d)[5:], true
	}
	return Date, dayValue(d), true
}

// holidayWeek reads "Easter week", "Thanksgiving week": the week holding
// the holiday, which is gone or ahead as a week, not as a day ("Easter
// week began" on the Monday before Easter Sunday).
func holidayWeek(m *match) (string, string, bool) {
	d, ok := holidayDate(m, weekStart)
	if !ok {
		return "", "", false
	}
	if !m.anchor.Known && m.year() == 0 {
		return Date, "XXXX-WXX", true
	}
	return Date, weekValue(d), true
}

// holidayDate is the holiday m names: in its year when written, else the
// one nearest the anchor in the direction of its modifier or tense, the
// comparison made on the periods start of gives (the day, its week).
func holidayDate(m *match, start func(time.Time) time.Time) (time.Time, bool) {
	name := strings.Join(strings.Fields(m.lower("holiday")), " ")
	if !capitalised(m.get("holiday")) || m.nextWord() == "island" || m.nextWord() == "islands" {
		// "Easter Island", "Christmas Island" are places.
		return time.Time{}, false
	}
	at := holidays[name]
	if y := m.year(); y > 0 {
		return at(y), true
	}
	if !m.anchor.Known {
		return at(2000), true
	}
	a := m.anchor.Time
	dir, _ := relDirection(m.lower("rel"))
	if m.get("rel") == "" {
		switch m.clauseTense() {
		case past:
			dir = -1
		case future:
			dir = 1
		}
	}
	d := at(a.Year())
	switch {
	case dir < 0 && start(d).After(start(a)):
		d = at(a.Year() - 1)
	case dir > 0 && start(d).Before(start(a)):
		d = at(a.Year() + 1)
	}
	return d, true
}

// weekStart is the Monday of t's ISO week.
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// dayOfNextDate says a day-month match ("19 Sept.") is followed by a day
// number, so the month begins the next date instead ("the 19 Sept. 11
// hijackers" is "Sept. 11").
func (m *match) dayOfNextDate() bool {
	di, mi := m.re.SubexpIndex("day"), m.re.SubexpIndex("month")
	if di < 0 || mi < 0 || m.loc[2*di] < 0 || m.loc[2*mi] < 0 || m.loc[2*di] > m.loc[2*mi] {
		return false
	}
	next := m.nextWord()
	if len(next) == 0 || len(next) > 2 {
		return false
	}
	n, err := strconv.Atoi(next)
	return err == nil && n >= 1 && n <= 31
}
