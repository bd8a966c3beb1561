package compare

import (
	"strings"
	"unicode/utf8"
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
		c := Conflict{Subject: s.subject(a, b, strings.TrimPrefix(x.unit, "count:")), Attribute: AttrNumber}
		c.Values = append(c.Values, s.value(a.art, left[0].String(), left[0].start, left[0].end))
		c.Values = append(c.Values, s.value(b.art, right[0].String(), right[0].start, right[0].end))
		out = append(out, c)
	}
	return out
}

// quantities returns the numbers of a sentence, found once.
func (s *story) quantities(u *unit) []quantity {
	if !u.qtyDone {
		u.qty, u.qtyDone = quantities(s.in.Articles[u.art].Text, u.span.Start, u.span.End), true
	}
	return u.qty
}

func anyAgree(a, b []quantity) bool {
	for _, x := range a {
		for _, y := range b {
			if sameValue(x.value, y.value) {
				return true
			}
		}
	}
	return false
}

// dateConflicts compares the resolved dates of the same precision (day or
// year) in two aligned sentences.
func (s *story) dateConflicts(a, b *unit) []Conflict {
	type dated struct {
		value      string
		start, end int
	}
	collect := func(u *unit) map[int][]dated {
		out := map[int][]dated{}
		for _, t := range s.in.Articles[u.art].Annotations.Timexes {
			if t.Type != "DATE" || t.Start < u.span.Start || t.End > u.span.End || !isResolved(t.Value) {
				continue
			}
			out[len(t.Value)] = append(out[len(t.Value)], dated{t.Value, t.Start, t.End})
		}
		return out
	}
	da, db := collect(a), collect(b)
	var out []Conflict
	for _, prec := range []int{10, 4} {
		x, y := da[prec], db[prec]
		if len(x) == 0 || len(y) == 0 {
			continue
		}
		agree := false
		for _, p := range x {
			for _, q := range y {
				agree = agree || p.value == q.value
			}
		}
		if agree {
			continue
		}
		out = append(out, Conflict{Subject: s.subject(a, b, "date"), Attribute: AttrDate, Values: []Value{
			s.value(a.art, x[0].value, x[0].start, x[0].end),
			s.value(b.art, y[0].value, y[0].start, y[0].end),
		}})
	}
	return out
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
