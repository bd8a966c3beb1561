package text

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// dateValue is a date or time read from a stamp, with what was doubtful
// about it (no zone, an ambiguous zone abbreviation).
type dateValue struct {
	ts    news.Timestamp
	doubt string
}

var (
	reISODate   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
	reYMDSlash  = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})`)
	reDotDate   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})`)
	reSlashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})`)
	reDayMonth  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})`)
	reMonthDay  = regexp.MustCompile(`^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	reWeekday   = regexp.MustCompile(`^(\p{L}+)\.?,?\s+`)
	reClock     = regexp.MustCompile(`(?i)^(?:T|\s*(?:,|at|à|a las|alle|um|às|-|–|—|\||·|•|/)?\s*)(\d{1,2})(?:([:h.])(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?(?:\s*uhr\b)?`)
	reZone      = regexp.MustCompile(`^\s*\(?\s*(Z\b|[A-Za-z]{2,5}\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}\b)\s*\)?`)
	reOffset    = regexp.MustCompile(`^([+-])(\d{1,2})(?::?(\d{2}))?$`)
	reTrailJunk = regexp.MustCompile(`^[\s.,;|·•)\]]*$`)
)

// months maps month names and abbreviations in the languages news dumps
// commonly use to their number.
var months = map[string]time.Month{}

func init() {
	names := [12][]string{
		{"january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner", "gennaio", "gen", "janeiro"},
		{"february", "feb", "février", "févr", "fevrier", "febrero", "februar", "febbraio", "fevereiro", "fev"},
		{"march", "mar", "mars", "marzo", "märz", "marz", "março"},
		{"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
		{"may", "mai", "mayo", "maggio", "mag", "maio"},
		{"june", "jun", "juin", "junio", "juni", "giugno", "giu", "junho"},
		{"july", "jul", "juillet", "juil", "julio", "juli", "luglio", "lug", "julho"},
		{"august", "aug", "août", "aout", "agosto", "ago"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"},
		{"october", "oct", "octobre", "octubre", "oktober", "okt", "ottobre", "ott", "outubro", "out"},
		{"november", "nov", "novembre", "noviembre", "novembro"},
		{"december", "dec", "décembre", "decembre", "déc", "diciembre", "dic", "dezember", "dez", "dicembre", "dezembro"},
	}
	for i, list := range names {
		for _, n := range list {
			months[n] = time.Month(i + 1)
		}
	}
}

var weekdays = map[string]bool{}

func init() {
	for _, d := range strings.Fields(`monday mon tuesday tue tues wednesday wed thursday thu thur thurs
		friday fri saturday sat sunday sun lundi mardi mercredi jeudi vendredi samedi dimanche
		lunes martes miércoles jueves viernes sábado domingo montag dienstag mittwoch donnerstag
		freitag samstag sonntag lunedì martedì mercoledì giovedì venerdì sabato domenica
		segunda terça quarta quinta sexta`) {
		weekdays[d] = true
	}
}

// zoneOffsets holds zone abbreviations with one meaning in news use.
// CST, IST and AST are deliberately absent: each names several zones, so a
// time printed with them keeps its wall time and is flagged instead.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"BST": 3600, "WEST": 3600, "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"MSK": 3 * 3600, "TRT": 3 * 3600, "AZT": 4 * 3600, "GST": 4 * 3600, "AFT": 4*3600 + 1800,
	"IRST": 3*3600 + 1800, "PKT": 5 * 3600, "SGT": 8 * 3600, "HKT": 8 * 3600, "JST": 9 * 3600,
	"KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// ambiguousZones name more than one zone; regionalZones name a region
// whose offset changes with daylight saving. Either way the wall time is
// kept as printed.
var (
	ambiguousZones = map[string]bool{"CST": true, "IST": true, "AST": true}
	regionalZones  = map[string]bool{"ET": true, "CT": true, "MT": true, "PT": true, "AT": true}
)

// parseDate reads s as one date, optionally with a weekday, a time and a
// zone. ok is false unless the whole of s is that date: a date inside a
// sentence is not a stamp.
func parseDate(s string) (dateValue, bool) {
	s = strings.TrimSpace(s)
	if v, rest, ok := parseDatePrefix(s); ok && reTrailJunk.MatchString(rest) {
		return v, true
	}
	return dateValue{}, false
}

// parseDatePrefix reads a date at the start of s and returns what follows.
// A time given before the date ("15:34 GMT, 24 April 2025") is accepted too.
func parseDatePrefix(s string) (dateValue, string, bool) {
	if y, mo, d, rest, ok := parseDay(s); ok {
		return withClock(y, mo, d, rest)
	}
	// Time first, then the date.
	h, mi, sec, afterClock, ok := parseClock(s)
	if !ok {
		return dateValue{}, "", false
	}
	zone, doubt, afterZone := parseZone(afterClock)
	afterZone = strings.TrimLeft(afterZone, " ,|·•-–—")
	y, mo, d, rest, ok := parseDay(afterZone)
	if !ok {
		return dateValue{}, "", false
	}
	return build(y, mo, d, h, mi, sec, zone, doubt), rest, true
}

func withClock(y int, mo time.Month, d int, rest string) (dateValue, string, bool) {
	h, mi, sec, afterClock, ok := parseClock(rest)
	if !ok {
		if !validDay(y, mo, d) {
			return dateValue{}, "", false
		}
		return dateValue{ts: news.Timestamp{Time: time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), DateOnly: true}}, rest, true
	}
	zone, doubt, afterZone := parseZone(afterClock)
	if !validDay(y, mo, d) {
		return dateValue{}, "", false
	}
	return build(y, mo, d, h, mi, sec, zone, doubt), afterZone, true
}

func build(y int, mo time.Month, d, h, mi, sec int, zone *time.Location, doubt string) dateValue {
	if zone == nil {
		if doubt == "" {
			doubt = "no time zone, wall time kept"
		}
		return dateValue{ts: news.Timestamp{Time: time.Date(y, mo, d, h, mi, sec, 0, time.UTC), Floating: true}, doubt: doubt}
	}
	return dateValue{ts: news.Timestamp{Time: time.Date(y, mo, d, h, mi, sec, 0, zone)}}
}

func validDay(y int, mo time.Month, d int) bool {
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// parseDay reads a calendar date with its year. Numeric dates whose day and
// month could be swapped (03/04/2024) are refused rather than guessed.
func parseDay(s string) (int, time.Month, int, string, bool) {
	if m := reWeekday.FindStringSubmatch(s); m != nil && weekdays[strings.ToLower(m[1])] {
		s = s[len(m[0]):]
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), s[len(m[0]):], true
	}
	if m := reYMDSlash.FindStringSubmatch(s); m != nil {
		return atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), s[len(m[0]):], true
	}
	if m := reDotDate.FindStringSubmatch(s); m != nil {
		return atoi(m[3]), time.Month(atoi(m[2])), atoi(m[1]), s[len(m[0]):], true
	}
	if m := reSlashDate.FindStringSubmatch(s); m != nil {
		a, b := atoi(m[1]), atoi(m[2])
		switch {
		case a > 12 && b <= 12:
			return atoi(m[3]), time.Month(b), a, s[len(m[0]):], true
		case b > 12 && a <= 12:
			return atoi(m[3]), time.Month(a), b, s[len(m[0]):], true
		}
		return 0, 0, 0, "", false
	}
	if m := reDayMonth.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return atoi(m[3]), mo, atoi(m[1]), s[len(m[0]):], true
		}
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return atoi(m[3]), mo, atoi(m[2]), s[len(m[0]):], true
		}
	}
	return 0, 0, 0, "", false
}

// parseClock reads a wall time: "15:34", "3:34 pm", "3 p.m.", "15h34".
func parseClock(s string) (h, mi, sec int, rest string, ok bool) {
	m := reClock.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, 0, "", false
	}
	meridiem := strings.ToLower(strings.ReplaceAll(m[5], ".", ""))
	if m[3] == "" && meridiem == "" {
		return 0, 0, 0, "", false
	}
	h, mi, sec = atoi(m[1]), atoi(m[3]), atoi(m[4])
	switch meridiem {
	case "am":
		if h < 1 || h > 12 {
			return 0, 0, 0, "", false
		}
		if h == 12 {
			h = 0
		}
	case "pm":
		if h < 1 || h > 12 {
			return 0, 0, 0, "", false
		}
		if h < 12 {
			h += 12
		}
	}
	if h > 23 || mi > 59 || sec > 59 {
		return 0, 0, 0, "", false
	}
	return h, mi, sec, s[len(m[0]):], true
}

// parseZone reads a zone after a time. It returns a nil location when there
// is none or it is ambiguous, with the reason in doubt for the latter.
func parseZone(s string) (*time.Location, string, string) {
	m := reZone.FindStringSubmatch(s)
	if m == nil {
		return nil, "", s
	}
	token := strings.ReplaceAll(m[1], " ", "")
	rest := s[len(m[0]):]
	name, offset := token, ""
	if i := strings.IndexAny(token, "+-"); i > 0 {
		name, offset = token[:i], token[i:]
	} else if i == 0 {
		name, offset = "", token
	}
	upper := strings.ToUpper(name)
	if name != "" && !isUpperWord(name) && upper != "UTC" && upper != "GMT" {
		return nil, "", s
	}
	switch {
	case offset != "" && (upper == "" || upper == "UTC" || upper == "GMT"):
		secs, ok := offsetSeconds(offset)
		if !ok {
			return nil, "", s
		}
		return time.FixedZone(token, secs), "", rest
	case offset != "":
		return nil, "", s
	case ambiguousZones[upper]:
		return nil, "ambiguous time zone " + strconv.Quote(upper) + ", wall time kept", rest
	case regionalZones[name]:
		return nil, "time zone " + strconv.Quote(name) + " has no fixed offset, wall time kept", rest
	}
	if secs, ok := zoneOffsets[upper]; ok {
		if secs == 0 {
			return time.UTC, "", rest
		}
		return time.FixedZone(upper, secs), "", rest
	}
	return nil, "", s
}

func offsetSeconds(s string) (int, bool) {
	m := reOffset.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	h, mi := atoi(m[2]), atoi(m[3])
	if h > 14 || mi > 59 {
		return 0, false
	}
	secs := h*3600 + mi*60
	if m[1] == "-" {
		secs = -secs
	}
	return secs, true
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
