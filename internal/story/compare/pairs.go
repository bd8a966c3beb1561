package compare

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// pairConflicts compares the numbers, dates and places of sentences aligned
// across independent sources: the same claim with a different quantity of
// the same unit, a different day or year, or a different place.
func (s *story) pairConflicts() []Conflict {
	var out []Conflict
	for _, e := range s.edges {
		if s.root[e.a.art] == s.root[e.b.art] {
			continue
		}
		out = append(out, s.numberConflicts(e.a, e.b)...)
		if e.sim >= closeAlignMin {
			out = append(out, s.dateConflicts(e.a, e.b)...)
			out = append(out, s.placeConflicts(e.a, e.b)...)
		}
	}
	return out
}

func (s *story) subject(a, b *unit, fallback string) string {
	if name := s.sharedActor(a, b); name != "" {
		return name
	}
	return fallback
}

func (s *story) numberConflicts(a, b *unit) []Conflict {
	qa, qb := s.quantities(a), s.quantities(b)
	var out []Conflict
	done := map[string]bool{}
	for _, x := range qa {
		if done[x.unit] {
			continue
		}
		var left, right []quantity
		for _, q := range qa {
			if q.unit == x.unit {
				left = append(left, q)
			}
		}
		for _, q := range qb {
			if q.unit == x.unit {
				right = append(right, q)
			}
		}
		done[x.unit] = true
		if len(right) == 0 || anyAgree(left, right) {
			continue
		}
		// Aligned sentences may give different figures of different facts
		// ("for three weeks" beside "unpaid for 35 days"): when either
		// article states the other's figure anywhere, they do not conflict.
		if anyAgree(left, s.articleQuantities(b.art)) || anyAgree(right, s.articleQuantities(a.art)) {
			continue
		}
		c := Conflict{Subject: s.subject(a, b, strings.TrimPrefix(x.unit, "count:")), Attribute: AttrNumber}
		c.Values = append(c.Values, s.value(a.art, left[0].String(), left[0].start, left[0].end))
		c.Values = append(c.Values, s.value(b.art, right[0].String(), right[0].start, right[0].end))
		out = append(out, c)
	}
	return out
}

// quantities returns the numbers of a sentence, found once. Numbers inside
// a calendar expression the reader resolved (a DATE, TIME or SET timex:
// "Sept. 11", "at 3 p.m.", "every 2 weeks") are parts of a date, compared
// as dates, not as counts; durations ("three days") stay quantities.
func (s *story) quantities(u *unit) []quantity {
	if !u.qtyDone {
		a := s.in.Articles[u.art]
		for _, q := range quantities(a.Text, u.span.Start, u.span.End) {
			if !inCalendarTimex(a.Annotations.Timexes, q) {
				u.qty = append(u.qty, q)
			}
		}
		u.qtyDone = true
	}
	return u.qty
}

func inCalendarTimex(ts []news.Timex, q quantity) bool {
	for _, t := range ts {
		if t.Type != "DURATION" && t.Start < q.end && q.start < t.End {
			return true
		}
	}
	return false
}

// articleQuantities returns the numbers of every sentence of an article.
func (s *story) articleQuantities(art int) []quantity {
	if q, ok := s.artQty[art]; ok {
		return q
	}
	var out []quantity
	for _, u := range s.units {
		if u.art == art {
			out = append(out, s.quantities(u)...)
		}
	}
	if s.artQty == nil {
		s.artQty = map[int][]quantity{}
	}
	s.artQty[art] = out
	return out
}

// anyAgree says some quantity of a and some of b in the same unit agree.
func anyAgree(a, b []quantity) bool {
	for _, x := range a {
		for _, y := range b {
			if x.unit == y.unit && agree(x, y) {
				return true
			}
		}
	}
	return false
}

// dateConflicts compares the resolved dates of the same precision (day or
// year) in two aligned sentences, and the times of day they give for the
// same day ("today at 11am" vs "Tuesday afternoon").
func (s *story) dateConflicts(a, b *unit) []Conflict {
	da, db := s.dated(a), s.dated(b)
	var out []Conflict
	for _, prec := range []int{10, 4} {
		if c, ok := s.disagreement(a, b, da[prec], db[prec], func(p, q dated) bool { return p.value == q.value }); ok {
			out = append(out, c)
		}
	}
	// Times of day are compared only within a day both sentences agree on.
	sameDay := func(p, q dated) bool { return p.value[:10] == q.value[:10] }
	var ta, tb []dated
	for _, p := range da[timePrecision] {
		if slices.ContainsFunc(db[timePrecision], func(q dated) bool { return sameDay(p, q) }) {
			ta = append(ta, p)
		}
	}
	for _, q := range db[timePrecision] {
		if slices.ContainsFunc(ta, func(p dated) bool { return sameDay(p, q) }) {
			tb = append(tb, q)
		}
	}
	if c, ok := s.disagreement(a, b, ta, tb, func(p, q dated) bool { return sameDay(p, q) && p.part == q.part }); ok {
		out = append(out, c)
	}
	return out
}

// dated is a resolved date or time of day in a sentence.
type dated struct {
	value      string
	part       string // time of day: MO, AF, EV or NI; "" for dates
	start, end int
}

// timePrecision keys the times of day in the map of dated.
const timePrecision = -1

// dated collects a sentence's resolved dates by precision (length of the
// value: 10 for a day, 4 for a year) and its times of day, whose day also
// counts as a date of day precision.
func (s *story) dated(u *unit) map[int][]dated {
	out := map[int][]dated{}
	for _, t := range s.in.Articles[u.art].Annotations.Timexes {
		if t.Start < u.span.Start || t.End > u.span.End {
			continue
		}
		switch t.Type {
		case "DATE":
			if isResolved(t.Value) {
				out[len(t.Value)] = append(out[len(t.Value)], dated{value: t.Value, start: t.Start, end: t.End})
			}
		case "TIME":
			day, clock, ok := strings.Cut(t.Value, "T")
			if !ok || len(day) != 10 || !isResolved(day) {
				continue
			}
			out[10] = append(out[10], dated{value: day, start: t.Start, end: t.End})
			if part := partOfDay(clock); part != "" {
				out[timePrecision] = append(out[timePrecision], dated{value: t.Value, part: part, start: t.Start, end: t.End})
			}
		}
	}
	return out
}

// partOfDay maps the time of a TIMEX3 value ("11:00", "AF") to a part of
// the day; "" when it names none ("DT", the daytime, spans two).
func partOfDay(clock string) string {
	switch clock {
	case "MO", "AF", "EV", "NI":
		return clock
	}
	if len(clock) < 2 {
		return ""
	}
	hour, err := strconv.Atoi(clock[:2])
	if err != nil || hour > 24 {
		return ""
	}
	switch {
	case hour >= 4 && hour < 12:
		return "MO"
	case hour >= 12 && hour < 18:
		return "AF"
	case hour >= 18 && hour < 22:
		return "EV"
	}
	return "NI"
}

// disagreement reports a date conflict when both sentences give values
// and no pair of them agrees.
func (s *story) disagreement(a, b *unit, x, y []dated, agree func(p, q dated) bool) (Conflict, bool) {
	if len(x) == 0 || len(y) == 0 {
		return Conflict{}, false
	}
	for _, p := range x {
		for _, q := range y {
			if agree(p, q) {
				return Conflict{}, false
			}
		}
	}
	return Conflict{Subject: s.subject(a, b, "date"), Attribute: AttrDate, Values: []Value{
		s.value(a.art, x[0].value, x[0].start, x[0].end),
		s.value(b.art, y[0].value, y[0].start, y[0].end),
	}}, true
}

// isResolved accepts "2024-11-25" and "2024", not "XXXX-11-26".
func isResolved(v string) bool {
	if len(v) != 10 && len(v) != 4 {
		return false
	}
	for i, r := range v {
		if (i == 4 || i == 7) && len(v) == 10 {
			if r != '-' {
				return false
			}
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// placeConflicts reports aligned sentences that put the claim in places
// with nothing in common: each side names a location the other sentence
// does not mention, by ID or by name.
func (s *story) placeConflicts(a, b *unit) []Conflict {
	places := func(u *unit) []mention {
		var out []mention
		for _, m := range s.mentionsIn(u.art, u.span.Start, u.span.End) {
			if m.typ == "LOC" && m.refers == "" {
				out = append(out, m)
			}
		}
		return out
	}
	pa, pb := places(a), places(b)
	if len(pa) == 0 || len(pb) == 0 {
		return nil
	}
	textA := strings.ToLower(s.text(a, a.span.Start, a.span.End))
	textB := strings.ToLower(s.text(b, b.span.Start, b.span.End))
	for _, m := range pa {
		if b.ents[m.id] || strings.Contains(textB, strings.ToLower(m.name)) {
			return nil
		}
	}
	for _, m := range pb {
		if a.ents[m.id] || strings.Contains(textA, strings.ToLower(m.name)) {
			return nil
		}
	}
	x, y := pa[0], pb[0]
	if !utf8.ValidString(x.name) || !utf8.ValidString(y.name) {
		return nil
	}
	return []Conflict{{Subject: s.subject(a, b, "place"), Attribute: AttrPlace, Values: []Value{
		s.value(a.art, x.name, x.start, x.end),
		s.value(b.art, y.name, y.start, y.end),
	}}}
}
