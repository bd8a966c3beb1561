package timex

import (
	"strconv"
	"strings"
	"time"
)

// Pattern fragments shared by the rules. Rules are compiled case-
// insensitively; names that must be capitalised (months, weekdays) are
// checked by the normalisers.
const (
	monthPattern = `(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|jan\b|feb\.|feb\b|mar\.|apr\.|apr\b|jun\.|jul\.|aug\.|aug\b|sept\.|sept\b|sep\.|oct\.|oct\b|nov\.|nov\b|dec\.|dec\b)`
	dayPattern   = `(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b`
	yearPattern  = `(?P<year>1[5-9]\d\d|20\d\d|` + spokenYear + `)\b`
	// spokenYear is a year read out in a broadcast transcript: "nineteen
	// ninety-six", "two thousand and one".
	spokenYear  = `nineteen[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]` + unitWord + `)?)|two thousand(?:[- ](?:and[- ])?` + unitWord + `)?`
	unitWord    = `(?:one|two|three|four|five|six|seven|eight|nine)`
	wdPattern   = `(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tues?\.|wed\.|thur?s?\.|fri\.|sat\.|sun\.)`
	numWord     = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)`
	numPattern  = `(?P<num>` + numWord + `(?:[- ](?:and )?` + numWord + `)*|\d+(?:\.\d+)?(?: 1/2| and a half)?|a couple of|a couple|couple of|a few|a dozen|a half|an|a|several|few|some|many|dozens of|hundreds of|thousands of)`
	unitPattern = `(?:(?:trading|business|working|calendar|fiscal|school|academic)[- ])?(?P<unit>seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia|fortnights?)`
	ordPattern  = `(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)`
	seasonWords = `(?P<season>spring|summer|fall|autumn|winter)`
	partPattern = `(?P<part>morning|afternoon|evening|night|overnight)`
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// monthOf maps "Nov.", "November", "Sept" to a month.
func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	m, ok := months[s[:3]]
	return m, ok
}

var weekdays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

func weekdayOf(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0, false
	}
	d, ok := weekdays[s[:3]]
	return d, ok
}

// capitalised reports whether a name was written with a capital letter;
// "may" and "march" in lower case are verbs, not months.
func capitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a couple": 2, "a couple of": 2, "couple of": 2, "a dozen": 12,
}

// vagueNumbers are quantities that make a value unspecified ("PXY").
var vagueNumbers = map[string]bool{
	"a few": true, "several": true, "few": true, "some": true, "many": true,
	"dozens of": true, "hundreds of": true, "thousands of": true,
}

// quantity is a parsed number: halves are kept exactly, vague amounts
// have Vague set.
type quantity struct {
	Value float64
	Vague bool
}

// parseQuantity reads "two", "twenty-four", "2 1/2", "1.5", "several".
func parseQuantity(s string) (quantity, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if vagueNumbers[s] {
		return quantity{Vague: true}, true
	}
	if s == "a half" {
		return quantity{Value: 0.5}, true
	}
	if n, ok := numberWords[s]; ok {
		return quantity{Value: float64(n)}, true
	}
	half := 0.0
	for _, suffix := range []string{" 1/2", " and a half"} {
		if strings.HasSuffix(s, suffix) {
			s, half = strings.TrimSuffix(s, suffix), 0.5
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return quantity{Value: f + half}, true
	}
	total, current := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "and":
			continue
		case "hundred":
			current = max(current, 1) * 100
		case "thousand":
			total += max(current, 1) * 1000
			current = 0
		default:
			n, ok := numberWords[w]
			if !ok {
				return quantity{}, false
			}
			current += n
		}
	}
	total += current
	if total == 0 {
		return quantity{}, false
	}
	return quantity{Value: float64(total) + half}, true
}

// unitCode maps a unit word to its TIMEX3 duration letter, whether it is
// a time-of-day unit (written after "T") and how many of that letter one
// unit is ("decade" is ten years).
func unitCode(unit string) (code string, clock bool, factor int) {
	u := strings.ToLower(unit)
	switch {
	case strings.HasPrefix(u, "second"):
		return "S", true, 1
	case strings.HasPrefix(u, "minute"):
		return "M", true, 1
	case strings.HasPrefix(u, "hour"):
		return "H", true, 1
	case strings.HasPrefix(u, "day"), strings.HasPrefix(u, "night"):
		return "D", false, 1
	case strings.HasPrefix(u, "weekend"):
		return "WE", false, 1
	case strings.HasPrefix(u, "fortnight"):
		return "W", false, 2
	case strings.HasPrefix(u, "week"):
		return "W", false, 1
	case strings.HasPrefix(u, "month"):
		return "M", false, 1
	case strings.HasPrefix(u, "quarter"):
		return "Q", false, 1
	case strings.HasPrefix(u, "year"):
		return "Y", false, 1
	case strings.HasPrefix(u, "decade"):
		return "DE", false, 10
	case strings.HasPrefix(u, "centur"):
		return "CE", false, 100
	case strings.HasPrefix(u, "millenni"):
		return "ML", false, 1000
	}
	return "", false, 0
}

// durationValue renders a TIMEX3 duration: "P3D", "PT5H30M", "P20Y",
// "PXY" for vague amounts.
func durationValue(q quantity, unit string) string {
	code, clock, factor := unitCode(unit)
	prefix := "P"
	if clock {
		prefix = "PT"
	}
	if q.Vague {
		return prefix + "X" + code
	}
	if code == "WE" {
		return "P" + strconv.Itoa(int(q.Value*2)) + "D"
	}
	if factor > 1 {
		code = "Y"
		if unit := strings.ToLower(unit); strings.HasPrefix(unit, "fortnight") {
			code = "W"
		}
	}
	n := q.Value * float64(factor)
	whole := int(n)
	if n == float64(whole) {
		return prefix + strconv.Itoa(whole) + code
	}
	// Halves go to the next smaller unit: 2 1/2 years is P2Y6M.
	if n-float64(whole) == 0.5 {
		switch code {
		case "Y":
			return prefix + nonzero(whole, "Y") + "6M"
		case "H":
			return prefix + nonzero(whole, "H") + "30M"
		case "M":
			if clock {
				return prefix + nonzero(whole, "M") + "30S"
			}
			return prefix + strconv.Itoa(whole*30+15) + "D"
		case "D":
			return prefix + nonzero(whole, "D") + "T12H"
		}
	}
	return prefix + strconv.FormatFloat(n, 'f', -1, 64) + code
}

func nonzero(n int, code string) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n) + code
}
