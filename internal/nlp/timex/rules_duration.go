package timex

import (
	"fmt"
	"strings"
)

// durationRules read amounts of time ("three days", "the past two years",
// "a two-year term") and recurrences ("every week", "daily", "$5 a year").
func durationRules() []rule {
	return []rule{
		{compile(`(?:(?P<det>the|its|their|his|her|our|each of the|each of its)\s+)?(?:(?P<rel>past|last|next|first|final|coming|previous|preceding|following|remaining|latest|initial|ensuing|recent|further|additional|other|same)\s+)?{num}(?:\s*(?:to|-|or)\s*{num2})?[\s-]+(?:(?:more|additional|straight|consecutive|full|long)[\s-]+)?{unit}(?P<half>\s+and\s+a\s+half)?(?:-long)?(?:\s+or\s+so)?`), amount},
		{compile(`half\s+an?\s+(?P<unit>hour|day|year|century|minute)`), halfUnit},
		{compile(`(?P<unit>minute|hour|day|week|month|year|decade|century)-long`), oneUnit},
		{compile(`(?:(?P<rel>recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous|the\s+first|the\s+early|the\s+late)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:[- ]long)?`), bareUnits},
		{compile(`(?P<freq>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|semi-annually|bimonthly)\b`), frequency},
		{compile(`(?:(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+)?(?:every|each|per)\s+(?:other\s+)?(?:{num}\s+)?{unit}`), everyUnit},
		{compile(`(?:every|each)\s+{wd}`), everyWeekday},
		{compile(`(?:every|each)\s+{month}`), everyMonth},
		{compile(`(?:every|each)\s+{season}`), everySeason},
		{compile(`(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+an?\s+{unit}`), everyUnit},
	}
}

// rateWords are words before "a year" that make it a rate ("$5 million a
// year", "2% a month"): a SET, not a duration.
var rateWords = setOf(`million billion trillion thousand hundred percent % dollars cents pounds euros yen
shares barrels tons times twice once more less`)

func amount(m *match) (string, string, bool) {
	num := m.lower("num")
	q, ok := parseQuantity(num)
	if !ok {
		return "", "", false
	}
	if m.get("half") != "" {
		q.Value += 0.5
	}
	unit := m.get("unit")
	if isAge(m) || strings.HasPrefix(strings.ToLower(unit), "quarter") && strings.Contains(m.text[m.start():m.end()], "-") {
		return "", "", false
	}
	if num == "a" || num == "an" {
		prev := m.prevWord()
		if _, clock, _ := unitCode(unit); clock && speedNouns[prev] {
			return "", "", false
		}
		if e := m.end(); e < len(m.text) && m.text[e] == '-' {
			// "a quarter-final", "a second-rate record".
			return "", "", false
		}
		if strings.EqualFold(unit, "quarter") && fractionAfter[m.nextWord()] {
			// "a quarter of the audience", "a quarter point rise": a
			// fraction, not three months.
			return "", "", false
		}
		if m.get("det") == "" && m.get("rel") == "" && (rateWords[prev] || prev != "" && prev[0] >= '0' && prev[0] <= '9' || strings.HasPrefix(prev, "$")) {
			code, clock, _ := unitCode(unit)
			if clock {
				return Set, "PT1" + code, true
			}
			return Set, "P1" + code, true
		}
	}
	if q.Value >= 1000 && !strings.HasSuffix(strings.ToLower(unit), "s") && !strings.Contains(m.text[m.start():m.end()], "-") {
		// "the 1988 quarter": a year, not a thousand-quarter amount
		// ("a five year low" is an amount).
		return "", "", false
	}
	if num == "some" && m.get("det") == "" && m.get("rel") == "" && !strings.HasSuffix(strings.ToLower(unit), "s") {
		return "", "", false
	}
	return Duration, durationValue(q, unit), true
}

// isAge reports whether an amount is someone's age ("a 6-year-old", "52
// years old"), which TimeML does not mark.
func isAge(m *match) bool {
	rest := strings.ToLower(m.text[m.end():min(len(m.text), m.end()+5)])
	return strings.HasPrefix(rest, "-old") || strings.HasPrefix(rest, " old")
}

// oneUnit reads a compound that lasts one unit ("the third day-long
// meeting", "the year-long siege").
func oneUnit(m *match) (string, string, bool) {
	return Duration, durationValue(quantity{Value: 1}, m.get("unit")), true
}

func halfUnit(m *match) (string, string, bool) {
	return Duration, durationValue(quantity{Value: 0.5}, m.get("unit")), true
}

// unitContext are words before a bare plural unit ("for years") that
// make it a duration; "later" after one does too ("Days later").
var unitContext = setOf(`for in over within after of during lasted last took spent the than`)

func bareUnits(m *match) (string, string, bool) {
	if rel := strings.Join(strings.Fields(m.lower("rel")), " "); (rel == "the early" || rel == "the late") && m.nextWord() == "of" {
		// "the early hours of Thursday morning" is a time of that day,
		// which the day's own timex carries, not an amount of hours.
		return "", "", false
	}
	long := strings.HasSuffix(strings.ToLower(m.text[m.start():m.end()]), "long")
	if m.get("rel") == "" && !long && !unitContext[m.prevWord()] && m.nextWord() != "later" {
		return "", "", false
	}
	return Duration, durationValue(quantity{Vague: true}, m.get("unit")), true
}

var frequencies = map[string]string{
	"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
	"bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
	"semiannually": "P6M", "semi-annually": "P6M", "hourly": "PT1H",
}

func frequency(m *match) (string, string, bool) {
	return Set, frequencies[m.lower("freq")], true
}

// fractionAfter are words after "a quarter" that make it a fraction.
var fractionAfter = setOf(`of point points percentage percent mile`)

// speedNouns are what a speed counts per second, minute or hour ("100
// megabits per second", "60 miles an hour"): TimeML does not mark speeds.
var speedNouns = setOf(`miles kilometres kilometers km metres meters feet mph knots instructions bits
bytes kilobits megabits gigabits kilobytes megabytes gigabytes frames words revolutions beats litres
liters gallons operations bit kilobit megabit gigabit byte`)

func everyUnit(m *match) (string, string, bool) {
	if _, clock, _ := unitCode(m.get("unit")); clock && speedNouns[m.prevWord()] {
		return "", "", false
	}
	q := quantity{Value: 1}
	if s := m.get("num"); s != "" {
		var ok bool
		if q, ok = parseQuantity(s); !ok {
			return "", "", false
		}
	}
	if strings.Contains(strings.ToLower(m.text[m.start():m.end()]), "other") {
		q.Value *= 2
	}
	v := durationValue(q, m.get("unit"))
	if strings.HasSuffix(v, "WE") {
		v = "XXXX-WXX-WE"
	}
	return Set, v, true
}

func everyWeekday(m *match) (string, string, bool) {
	wd, ok := m.weekday()
	if !ok {
		return "", "", false
	}
	return Set, "XXXX-WXX-" + isoWeekday(wd), true
}

func everyMonth(m *match) (string, string, bool) {
	mon, ok := m.month()
	if !ok {
		return "", "", false
	}
	return Set, fmt.Sprintf("XXXX-%02d", int(mon)), true
}

func everySeason(m *match) (string, string, bool) {
	return Set, "XXXX-" + seasonCodes[m.lower("season")], true
}
