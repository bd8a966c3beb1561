package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// clockRules read times of day: "3:30 p.m.", "15:34", "noon", "4 in the
// morning". A following day ("10 p.m. Wednesday") is joined by Find.
func clockRules() []rule {
	return []rule{
		{compile(`(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?`), clock},
		{compile(`(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<tz>[ecmp][sd]t|gmt|utc)\b)?`), clock},
		{compile(`(?P<h>[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)`), clock},
		{compile(`(?P<noon>noon|midnight|midday)`), clock},
		{compile(`(?:the\s+)?(?:mid[- ]?|late\s+|early\s+)?{part}`), bareDayPart},
	}
}

func clock(m *match) (string, string, bool) {
	if e := m.end(); e+1 < len(m.text) && (m.text[e] == '.' || m.text[e] == ':') && isDigit(m.text[e+1]) {
		// "won in 3:45.87", "1:02:33": a race time, not a clock.
		return "", "", false
	}
	var h, mi int
	switch strings.ToLower(m.get("noon")) {
	case "noon", "midday":
		h = 12
	case "midnight":
		h = 24
	default:
		var err error
		if h, err = strconv.Atoi(m.get("h")); err != nil {
			q, ok := parseQuantity(m.get("h"))
			if !ok {
				return "", "", false
			}
			h = int(q.Value)
		}
		mi, _ = strconv.Atoi(m.get("mi"))
		ampm := m.lower("ampm")
		pm := strings.HasPrefix(ampm, "p") || m.lower("part") == "afternoon" || m.lower("part") == "evening"
		if ampm != "" || m.get("part") != "" {
			if h < 1 || h > 12 {
				return "", "", false
			}
			if pm && h < 12 {
				h += 12
			}
			if !pm && h == 12 {
				h = 0
			}
		}
	}
	day := "XXXX-XX-XX"
	if m.anchor.Known {
		day = dayValue(m.anchor.Time)
	}
	return Time, fmt.Sprintf("%sT%02d:%02d", day, h, mi), true
}

// bareDayPart reads "the morning" style parts of the anchor day; alone
// they are only dates after a preposition.
func bareDayPart(m *match) (string, string, bool) {
	part := m.lower("part")
	if part == "overnight" {
		part = "night"
	}
	// "the morning session", "the overnight fall": only a part of day
	// after a preposition is a time.
	switch m.prevWord() {
	case "in", "during", "by", "until", "through", "overnight":
	default:
		return "", "", false
	}
	if next := m.nextWord(); next != "" && part != "night" && !strings.ContainsAny(m.text[m.end():min(len(m.text), m.end()+1)], ".,;") && next != "of" && next != "and" && next != "when" {
		return "", "", false
	}
	day := "XXXX-XX-XX"
	if m.anchor.Known {
		day = dayValue(m.anchor.Time)
	}
	return Time, day + "T" + partCodes[part], true
}
