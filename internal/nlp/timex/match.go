package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// match is one rule match handed to its normaliser.
type match struct {
	text   string
	loc    []int
	re     *regexp.Regexp
	anchor Anchor
	tense  *tense
}

// get returns the named group's text, "" when it did not take part.
func (m *match) get(name string) string {
	i := m.re.SubexpIndex(name)
	if i < 0 || m.loc[2*i] < 0 {
		return ""
	}
	return m.text[m.loc[2*i]:m.loc[2*i+1]]
}

func (m *match) lower(name string) string { return strings.ToLower(m.get(name)) }

func (m *match) start() int { return m.loc[0] }
func (m *match) end() int   { return m.loc[1] }

// clauseTense is the tense of the clause around the match, computed once.
func (m *match) clauseTense() tense {
	if m.tense == nil {
		t := tenseAt(m.text, m.start(), m.end())
		m.tense = &t
	}
	return *m.tense
}

// prevWord is the lower-cased word before the match.
func (m *match) prevWord() string { return wordBefore(m.text, m.start()) }

func wordBefore(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\n' || text[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && (isAlnum(text[k-1]) || text[k-1] == '\'' || text[k-1] == '$' || text[k-1] == '%') {
		k--
	}
	return strings.ToLower(text[k:j])
}

// nextWord is the lower-cased word after the match.
func (m *match) nextWord() string {
	j := m.end()
	for j < len(m.text) && (m.text[j] == ' ' || m.text[j] == '\n' || m.text[j] == '\t') {
		j++
	}
	k := j
	for k < len(m.text) && (isAlnum(m.text[k]) || m.text[k] == '%') {
		k++
	}
	return strings.ToLower(m.text[j:k])
}

// year reads the "year" group, 0 if absent.
func (m *match) year() int {
	s := m.get("year")
	if y, err := strconv.Atoi(s); err == nil {
		return y
	}
	return spokenYearValue(s)
}

// spokenYearValue reads "nineteen ninety-six" and "two thousand and one";
// 0 if s is not a spoken year.
func spokenYearValue(s string) int {
	s = strings.ToLower(s)
	var century int
	switch {
	case strings.HasPrefix(s, "nineteen"):
		s, century = s[len("nineteen"):], 1900
	case strings.HasPrefix(s, "two thousand"):
		s, century = s[len("two thousand"):], 2000
	default:
		return 0
	}
	s = strings.TrimPrefix(strings.TrimLeft(s, " -"), "and")
	if s = strings.TrimLeft(s, " -"); s == "" {
		return century
	}
	q, ok := parseQuantity(s)
	if !ok || q.Vague || q.Value >= 100 {
		return 0
	}
	return century + int(q.Value)
}

func (m *match) day() int {
	d, err := strconv.Atoi(m.get("day"))
	if err != nil {
		return 0
	}
	return d
}

// month reads the "month" group; lower-case names ("may") are rejected.
func (m *match) month() (time.Month, bool) {
	s := m.get("month")
	if !capitalised(s) {
		return 0, false
	}
	return monthOf(s)
}

// weekday reads the "wd" group, which must be capitalised.
func (m *match) weekday() (time.Weekday, bool) {
	s := m.get("wd")
	if !capitalised(s) {
		return 0, false
	}
	return weekdayOf(s)
}

// relDirection maps "last", "next", "this" and friends to -1, +1, 0.
func relDirection(rel string) (int, bool) {
	rel = strings.Join(strings.Fields(strings.ToLower(rel)), " ")
	rel = strings.TrimPrefix(rel, "the ")
	switch rel {
	case "this", "current", "present", "same":
		return 0, true
	case "last", "past", "previous", "preceding", "prior", "this past", "most recent", "latest":
		return -1, true
	case "next", "coming", "following", "this coming", "upcoming":
		return 1, true
	}
	return 0, false
}
