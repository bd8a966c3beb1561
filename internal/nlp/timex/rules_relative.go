package timex

import (
	"strings"
	"time"
)

// relativeRules read expressions resolved against the anchor: days
// ("yesterday"), weekdays, parts of days, "last week", "two years ago",
// and vague references ("now", "recently", "the future").
func relativeRules() []rule {
	return []rule{
		{compile(`(?P<rd>today|yesterday|tomorrow|tonight)(?:\s+{part})?`), relativeDay},
		{compile(`the\s+day\s+(?P<rd2>before yesterday|after tomorrow)`), relativeDay},
		{compile(`(?:mid[- ]?|early\s+|late\s+)?{part}\s+(?P<rd>yesterday|today|tomorrow)`), relativeDay},
		{compile(`(?:(?P<rel>last|next|this|this past|this coming|the previous|the following|coming|past)\s+)?{wd}(?:\s+{part})?`), weekday},
		{compile(`(?P<rel>this|last|tomorrow|yesterday)\s+{part}`), dayPart},
		{compile(`(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s`), weekdaySet},
		{compile(`{wd}s?\s+(?P<parts>mornings|afternoons|evenings|nights)`), weekdaySet},
		{compile(`(?P<rel>this|last|next|the past|the last|the coming|the next|the current|the previous|the following|this past|this coming|the same)\s+(?:(?:fiscal|calendar|full)\s+)?(?P<unit>weekend|week|month|year|decade|century)`), relativeUnit},
		{compile(`the\s+(?:(?P<full>fiscal|calendar|full)\s+)?(?P<unit>weekend|week|month|year)`), theUnit},
		{compile(`(?:early|earlier|late|later)\s+in\s+the\s+(?P<unit>week|month|year)`), theUnit},
		{compile(`(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week|decade|century)`), theUnit},
		{compile(`(?:(?:later|earlier)\s+)?(?P<rel>that|that same|the same|the following|the next|the previous|the preceding|the prior)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)`), narrativeUnit},
		{compile(`year[- ]end|year's\s+end`), thisYear},
		// "Three days later" is a duration followed by a signal, as
		// TimeML tags it: the duration rules read it.
		{compile(`{num}\s+(?:more\s+)?{unit}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from now|hence)`), agoUnit},
		{compile(`(?:(?:many|several|some|a few)\s+)?(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier)`), agoUnit},
		{compile(`(?:right\s+|just\s+)?now`), fixed(Date, "PRESENT_REF")},
		{compile(`currently|nowadays|these\s+days|at\s+present|presently|at\s+the\s+moment|current`), fixed(Date, "PRESENT_REF")},
		{compile(`recently|lately|formerly|in\s+the\s+old\s+days`), fixed(Date, "PAST_REF")},
		{compile(`the\s+(?:distant\s+|recent\s+)?past`), thePast},
		{compile(`soon\b`), soon},
		{compile(`one\s+day\b`), oneDay},
		{compile(`the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|the\s+(?:near|short|long)\s+term|a\s+later\s+date`), fixed(Date, "FUTURE_REF")},
	}
}

var partCodes = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

// dayTime renders a day with an optional part of day: "2024-11-25TMO".
func dayTime(day time.Time, part string) (string, string) {
	if part == "" {
		return Date, dayValue(day)
	}
	return Time, dayValue(day) + "T" + partCodes[strings.ToLower(part)]
}

func relativeDay(m *match) (string, string, bool) {
	offsets := map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
		"before yesterday": -2, "after tomorrow": 2}
	rd := m.lower("rd")
	if rd == "" {
		rd = strings.Join(strings.Fields(m.lower("rd2")), " ")
	}
	part := m.get("part")
	if rd == "tonight" {
		if part != "" {
			return "", "", false
		}
		part = "night"
	}
	if !m.anchor.Known {
		if rd == "today" && part == "" {
			return Date, "PRESENT_REF", true
		}
		return Date, "XXXX-XX-XX", true
	}
	typ, v := dayTime(m.anchor.Time.AddDate(0, 0, offsets[rd]), part)
	return typ, v, true
}

func weekday(m *match) (string, string, bool) {
	wd, ok := m.weekday()
	if !ok {
		return "", "", false
	}
	if !m.anchor.Known {
		return Date, "XXXX-WXX-" + isoWeekday(wd), true
	}
	t := m.clauseTense()
	if rest := m.text[m.end():]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		// "Wednesday's ruling", "Thursday's close": a day named by what
		// happened on it is a day gone.
		t = past
	}
	switch dir, _ := relDirection(m.get("rel")); {
	case m.get("rel") == "":
	case dir < 0:
		t = past
	case dir > 0:
		t = future
	}
	d := weekdayNear(m.anchor.Time, wd, t)
	a := m.anchor.Time
	switch dir, _ := relDirection(m.get("rel")); {
	case m.get("rel") == "":
	case dir < 0 && d.Equal(a):
		d = d.AddDate(0, 0, -7)
	case dir > 0 && d.Equal(a):
		d = d.AddDate(0, 0, 7)
	}
	typ, v := dayTime(d, m.get("part"))
	return typ, v, true
}

func isoWeekday(wd time.Weekday) string {
	if wd == time.Sunday {
		return "7"
	}
	return string(rune('0' + int(wd)))
}

func weekdaySet(m *match) (string, string, bool) {
	wd, ok := m.weekday()
	if !ok {
		return "", "", false
	}
	v := "XXXX-WXX-" + isoWeekday(wd)
	if parts := m.lower("parts"); parts != "" {
		// "Tuesday nights": that part of every Tuesday.
		v += "T" + partCodes[strings.TrimSuffix(parts, "s")]
	}
	return Set, v, true
}

func dayPart(m *match) (string, string, bool) {
	part := m.lower("part")
	rel := m.lower("rel")
	if rel == "last" && part != "night" {
		return "", "", false
	}
	if !m.anchor.Known {
		return Time, "XXXX-XX-XXT" + partCodes[part], true
	}
	d := m.anchor.Time
	switch rel {
	case "last", "yesterday":
		d = d.AddDate(0, 0, -1)
	case "tomorrow":
		d = d.AddDate(0, 0, 1)
	}
	typ, v := dayTime(d, part)
	return typ, v, true
}

func relativeUnit(m *match) (string, string, bool) {
	rel := m.lower("rel")
	unit := m.lower("unit")
	code, _, _ := unitCode(unit)
	dir, ok := relDirection(rel)
	if !ok {
		return "", "", false
	}
	if (code == "DE" || code == "CE") && dir < 0 && strings.HasPrefix(rel, "the") {
		return Duration, durationValue(quantity{Value: 1}, unit), true
	}
	if !m.anchor.Known {
		return Date, map[int]string{-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[dir], true
	}
	a := m.anchor.Time
	if code == "WE" && dir <= 0 && a.Weekday() != time.Saturday && a.Weekday() != time.Sunday {
		// Before Saturday, "the weekend" just gone is last week's.
		if dir < 0 || m.clauseTense() == past {
			dir = -1
		}
	}
	v, ok := shiftValue(a, code, dir)
	return Date, v, ok
}

// periodEnds are words after "the year" that make it the twelve months
// ending on a date.
var periodEnds = setOf(`ended ending ends end through to`)

func theUnit(m *match) (string, string, bool) {
	unit := m.lower("unit")
	whole := strings.ToLower(m.text[m.start():m.end()])
	if e := m.end(); e < len(m.text) && m.text[e] == '-' {
		// "the year-ago quarter", "the week-long strike": a compound
		// another rule reads.
		return "", "", false
	}
	if unit == "year" && strings.HasPrefix(whole, "the") && !strings.Contains(whole, " of ") && periodEnds[m.nextWord()] {
		// "the year ended Sept. 30" is the twelve months up to that day;
		// "sales for the year" is the current year.
		return Duration, "P1Y", true
	}
	if !m.anchor.Known {
		return Date, "PRESENT_REF", true
	}
	code, _, _ := unitCode(unit)
	dir := 0
	if code == "WE" {
		// Early in the week "the weekend" is the one just gone.
		switch wd := m.anchor.Time.Weekday(); {
		case wd == time.Saturday || wd == time.Sunday:
		case m.clauseTense() == past, m.prevWord() == "over", wd <= time.Wednesday && m.clauseTense() != future:
			dir = -1
		}
	}
	v, ok := shiftValue(m.anchor.Time, code, dir)
	return Date, v, ok
}

func thisYear(m *match) (string, string, bool) {
	if !m.anchor.Known {
		return Date, "XXXX", true
	}
	return Date, yearValue(m.anchor.Time.Year()), true
}

func agoUnit(m *match) (string, string, bool) {
	dir := -1
	switch strings.Join(strings.Fields(m.lower("dir")), " ") {
	case "from now", "hence":
		dir = 1
	}
	q := quantity{Vague: true}
	if s := m.get("num"); s != "" {
		var ok bool
		if q, ok = parseQuantity(s); !ok {
			return "", "", false
		}
	}
	if q.Vague || !m.anchor.Known || q.Value != float64(int(q.Value)) {
		if dir < 0 {
			return Date, "PAST_REF", true
		}
		return Date, "FUTURE_REF", true
	}
	code, clock, factor := unitCode(m.get("unit"))
	n := int(q.Value) * factor
	switch {
	case clock:
		code = "D"
		n = 0
	case factor > 1:
		code = "Y"
	}
	v, ok := shiftValue(m.anchor.Time, code, dir*n)
	return Date, v, ok
}

// narrativeUnit reads "the next day", "that year", "later that month":
// days, weeks, months and years counted from the date the text last
// named, which resolveDiscourse puts in. The value given here counts
// from the anchor, for a text that named no date before.
func narrativeUnit(m *match) (string, string, bool) {
	unit := m.lower("unit")
	rel := m.lower("rel")
	if rel == "the next" && unit != "day" && unit != "morning" {
		// "the next week" counts from now; relativeUnit reads it.
		return "", "", false
	}
	if !m.anchor.Known {
		return narrativeType(unit), "XXXX-XX-XX", true
	}
	return narrativeValue(m.anchor.Time, dayGranularity, rel, unit)
}

// oneDay is FUTURE_REF after a modal ("Islam will one day be"); elsewhere
// "one day" is a duration or a day told of.
func oneDay(m *match) (string, string, bool) {
	switch m.prevWord() {
	case "will", "would", "could", "may", "might", "can", "shall", "should", "must":
		return Date, "FUTURE_REF", true
	}
	return "", "", false
}

// soon is FUTURE_REF on its own ("will soon begin", "may soon seek"), but
// not in "as soon as", "soon after" or "how soon", which name or ask for
// another time, nor in a past clause, where it is soon after something
// told of.
func soon(m *match) (string, string, bool) {
	switch m.prevWord() {
	case "as", "how", "so", "too":
		return "", "", false
	}
	switch m.nextWord() {
	case "after", "afterward", "afterwards", "thereafter", "as", "enough", "before":
		return "", "", false
	}
	if m.clauseTense() == past {
		// "a trickle that soon became a flood": soon after a past event.
		return "", "", false
	}
	return Date, "FUTURE_REF", true
}

// thePast is PAST_REF, but not in "the past four Bond films", where it
// picks out the latest of some things counted.
func thePast(m *match) (string, string, bool) {
	if _, ok := parseQuantity(m.nextWord()); ok {
		rest := strings.Fields(asciiLower(m.text[m.end():min(len(m.text), m.end()+40)]))
		if len(rest) > 1 && !timeNouns[strings.Trim(rest[1], ".,;:")] {
			return "", "", false
		}
	}
	return Date, "PAST_REF", true
}

// timeNouns are what "the past three ..." counts when it counts time.
var timeNouns = setOf(`seconds minutes hours days nights weeks weekends months quarters years decades
centuries springs summers autumns falls winters seasons sessions`)
