package compare

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// quantity is a number found in a text, converted to a canonical unit so
// that "1,357-kilometer" and "843-mile" compare equal.
type quantity struct {
	value      float64
	unit       string // "km", "kg", "percent", "usd", "eur", "gbp", "years", or "count:STEM"
	start, end int
	// lo and hi bound what the text claims: value itself for a plain
	// number, [value, +Inf) for "more than", [0.9, 1.1]·value for "about".
	lo, hi float64
}

func (q quantity) String() string {
	v := strconv.FormatFloat(math.Round(q.value*1000)/1000, 'f', -1, 64)
	if math.Abs(q.value) >= 100 {
		v = strconv.FormatFloat(math.Round(q.value), 'f', -1, 64)
	}
	unit := strings.TrimPrefix(q.unit, "count:")
	return v + " " + unit
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "a": 1,
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bn": 1e9}

// units maps a unit word to its canonical unit and the factor to it.
var units = map[string]struct {
	unit   string
	factor float64
}{
	"km": {"km", 1}, "kilometer": {"km", 1}, "kilometers": {"km", 1}, "kilometre": {"km", 1}, "kilometres": {"km", 1},
	"mile": {"km", 1.609344}, "miles": {"km", 1.609344}, "mi": {"km", 1.609344},
	"meter": {"km", 0.001}, "meters": {"km", 0.001}, "metre": {"km", 0.001}, "metres": {"km", 0.001},
	"feet": {"km", 0.0003048}, "foot": {"km", 0.0003048},
	"kg": {"kg", 1}, "kilogram": {"kg", 1}, "kilograms": {"kg", 1}, "ton": {"kg", 1000}, "tons": {"kg", 1000}, "tonnes": {"kg", 1000},
	"lb": {"kg", 0.45359237}, "lbs": {"kg", 0.45359237}, "pound": {"kg", 0.45359237}, "pounds": {"kg", 0.45359237},
	"percent": {"percent", 1}, "per": {"percent", 1}, "%": {"percent", 1}, "pct": {"percent", 1},
	"dollars": {"usd", 1}, "dollar": {"usd", 1}, "euros": {"eur", 1}, "euro": {"eur", 1},
	"year": {"years", 1}, "years": {"years", 1}, "decade": {"years", 10}, "decades": {"years", 10},
	"month": {"months", 1}, "months": {"months", 1}, "week": {"days", 7}, "weeks": {"days", 7}, "day": {"days", 1}, "days": {"days", 1},
}

var currencySigns = map[string]string{"$": "usd", "US$": "usd", "€": "eur", "£": "gbp"}

var quantityRe = regexp.MustCompile(`(?i)(US\$|\$|€|£)?\s?\b(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|dozens|a dozen)\b(?:\s+(thousand|million|billion|trillion|mln|bn)\b)?(?:[\s-]?(%|per cent|[A-Za-z]+))?`)

// months are the month names and abbreviations that make a number next to
// them a day of a date ("Sept. 11 hijackers", "19 March"), not a count.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// afterMonth says the text before a number ends with a month name
// ("Sept. 11", "March 3"), so the number is a day of the month.
func afterMonth(before string) bool {
	before = strings.TrimRight(before, " ")
	before = strings.TrimSuffix(before, ".")
	i := len(before)
	for i > 0 && isASCIILetter(before[i-1]) {
		i--
	}
	return i < len(before) && months[strings.ToLower(before[i:])]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// quantities finds the numbers of text[start:end] with their units. Years
// standing alone (1900-2100 without a unit) are dates, not quantities, and
// so are days of the month ("Sept. 11 hijackers", "19 March"); bare
// numbers without any following noun are skipped.
func quantities(text string, start, end int) []quantity {
	var out []quantity
	seg := text[start:end]
	for _, m := range quantityRe.FindAllStringSubmatchIndex(seg, -1) {
		sign := group(seg, m, 1)
		num := strings.ToLower(group(seg, m, 2))
		scale := strings.ToLower(group(seg, m, 3))
		unitWord := strings.ToLower(group(seg, m, 4))
		v, ok := parseNumber(num)
		if !ok {
			continue
		}
		if f, ok := scales[scale]; ok {
			v *= f
		}
		if sign == "" && (months[unitWord] || afterMonth(seg[:m[4]])) {
			continue
		}
		q := quantity{value: v, start: start + m[0], end: start + m[1]}
		if sign != "" {
			q.start = start + m[2]
		} else {
			q.start = start + m[4]
		}
		u, known := units[unitWord]
		switch {
		case sign != "":
			q.unit = currencySigns[sign]
			if !known {
				q.end = start + trimUnit(m)
			}
		case unitWord == "per cent" || unitWord == "%" || known:
			if unitWord == "per" {
				continue
			}
			q.unit, q.value = u.unit, v*u.factor
			if unitWord == "per cent" || unitWord == "%" {
				q.unit, q.value = "percent", v
			}
		case unitWord != "" && !stopWords[unitWord] && (strings.Contains(num, ",") || !isYear(num)):
			if _, isNumWord := numberWords[num]; isNumWord && num == "a" {
				continue
			}
			q.unit = "count:" + stem(unitWord)
		default:
			continue
		}
		if q.unit == "" {
			continue
		}
		var qualifier int
		q.lo, q.hi, qualifier = bounds(text[max(start, q.start-24):q.start], q.value)
		q.start -= qualifier // the span shows what the text claims: "more than $5 billion"
		out = append(out, q)
	}
	return out
}

func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// trimUnit ends a currency amount after its number or scale.
func trimUnit(m []int) int {
	if m[7] >= 0 {
		return m[7]
	}
	return m[5]
}

func isYear(num string) bool {
	v, err := strconv.Atoi(num)
	return err == nil && len(num) == 4 && v >= 1900 && v <= 2100
}

func parseNumber(s string) (float64, bool) {
	s = strings.TrimPrefix(s, "a ")
	if v, ok := numberWords[s]; ok {
		return v, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// qualifiers turn the words before a number into the range it claims:
// {lo, hi} factors of the value, checked longest first so that "no more
// than" is not read as "more than".
var qualifiers = []struct {
	words  string
	lo, hi float64
}{
	{"no more than", 0, 1}, {"no fewer than", 1, math.Inf(1)}, {"no less than", 1, math.Inf(1)},
	{"more than", 1, math.Inf(1)}, {"greater than", 1, math.Inf(1)}, {"in excess of", 1, math.Inf(1)},
	{"upwards of", 1, math.Inf(1)}, {"at least", 1, math.Inf(1)}, {"over", 1, math.Inf(1)},
	{"above", 1, math.Inf(1)}, {"exceeding", 1, math.Inf(1)}, {"nearly", 0.85, 1}, {"almost", 0.85, 1},
	{"just under", 0.85, 1}, {"less than", 0, 1}, {"fewer than", 0, 1}, {"under", 0, 1}, {"below", 0, 1},
	{"up to", 0, 1}, {"at most", 0, 1}, {"as many as", 0, 1}, {"as much as", 0, 1},
	{"approximately", 0.9, 1.1}, {"an estimated", 0.9, 1.1}, {"estimated", 0.9, 1.1},
	{"roughly", 0.9, 1.1}, {"around", 0.9, 1.1}, {"about", 0.9, 1.1}, {"close to", 0.9, 1.1},
	{"some", 0.9, 1.1}, {"~", 0.9, 1.1},
}

// bounds reads the qualifier that ends before (the text just before a
// number) into the range [lo, hi] the number stands for, and returns the
// qualifier's length with the spaces after it (0 without one).
func bounds(before string, v float64) (float64, float64, int) {
	trimmed := strings.TrimRight(before, " ")
	b := strings.ToLower(trimmed)
	for _, q := range qualifiers {
		if !strings.HasSuffix(b, q.words) {
			continue
		}
		if i := len(b) - len(q.words); i > 0 && isASCIILetter(b[i-1]) {
			continue // "moreover", "handsome"
		}
		if n := len(trimmed) - len(q.words); n < 0 || !strings.EqualFold(trimmed[n:], q.words) {
			continue // lower-casing changed the length: no span to show
		}
		return v * q.lo, v * q.hi, len(before) - len(trimmed) + len(q.words)
	}
	return v, v, 0
}

// agree says two quantities can both be true: their ranges meet, allowing
// for the rounding of converted units.
func agree(a, b quantity) bool {
	if sameValue(a.value, b.value) {
		return true
	}
	lo, hi := max(a.lo, b.lo), min(a.hi, b.hi)
	return lo <= hi || sameValue(lo, hi)
}

// sameValue says two canonical values agree, allowing for the rounding of
// converted units ("843-mile" is 1,356.7 km).
func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 0.01*math.Max(math.Abs(a), math.Abs(b))
}
