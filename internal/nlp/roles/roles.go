package roles

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// attacher holds the per-article state of one Attach call.
type attacher struct {
	text      string
	sentences []news.Span
	tokens    []tokenize.Token
	entities  []news.Entity
	// countries are the country references in the text, for titles that
	// say "the country’s".
	countries []countryRef
	// contextual marks, by start offset, roles whose country comes from
	// the context ("the country’s National Security Advisor").
	contextual map[int]bool
}

// Attach returns a copy of entities with Roles filled for people: titles in
// apposition after a name, titles right before a name, and titles in the
// entity's nominal mentions. Existing Roles are replaced, so Attach is
// idempotent. Roles are ordered by position; repeated titles (same
// normalised form, country and tense) are kept once, at first occurrence.
// sentences may be nil.
func Attach(text string, sentences []news.Span, entities []news.Entity) []news.Entity {
	if sentences == nil {
		sentences = tokenize.Sentences(text)
	}
	a := &attacher{text: text, tokens: tokenize.Tokens(text), entities: entities, sentences: sentences}
	a.countries = countryRefs(text, entities)
	out := make([]news.Entity, len(entities))
	for i, e := range entities {
		e.Roles = []news.Role{}
		if e.Type == news.PER {
			e.Roles = a.rolesOf(e)
		}
		out[i] = e
	}
	return out
}

// rolesOf collects the titles of one person.
func (a *attacher) rolesOf(e news.Entity) []news.Role {
	var roles []news.Role
	for _, m := range e.Mentions {
		if m.Start < 0 || m.End > len(a.text) || m.Start >= m.End {
			continue
		}
		switch m.Kind {
		case resolve.KindName, "":
			if r, ok := a.prenominal(m); ok {
				roles = append(roles, r)
			}
			roles = append(roles, a.appositive(m)...)
		case resolve.KindNominal:
			if r, ok := a.fromNominal(m, roles); ok {
				roles = append(roles, r)
			}
		}
	}
	a.fillContextCountries(roles)
	slices.SortStableFunc(roles, func(x, y news.Role) int { return cmp.Compare(x.Start, y.Start) })
	return dedup(roles)
}

// dedup keeps the first role of each (normalised title, country, former).
func dedup(roles []news.Role) []news.Role {
	out := []news.Role{}
	seen := map[string]bool{}
	for _, r := range roles {
		key := r.Normalized + "|" + r.Country + "|" + boolKey(r.Former)
		if r.Normalized == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, r)
	}
	return out
}

func boolKey(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// tokenAt returns the index of the first token starting at or after pos.
func (a *attacher) tokenAt(pos int) int {
	i, _ := slices.BinarySearchFunc(a.tokens, pos, func(t tokenize.Token, p int) int { return cmp.Compare(t.Start, p) })
	return i
}

// prenominal finds a title right before a name: "Prime Minister Narendra
// Modi", "U.S. President Joe Biden", "Taliban spokesman Zabihullah Mujahid".
func (a *attacher) prenominal(m news.Mention) (news.Role, bool) {
	i := a.tokenAt(m.Start)
	if i == 0 || i > len(a.tokens) {
		return news.Role{}, false
	}
	last := i - 1
	if a.insidePerson(a.tokens[last].Start) {
		return news.Role{}, false
	}
	head := a.ofComplementHead(last)
	if head < 0 {
		return news.Role{}, false
	}
	first := head
	for j := head - 1; j >= 0 && j >= last-8; j-- {
		t := a.tokens[j]
		if strings.Contains(a.text[t.End:a.tokens[j+1].Start], "\n") || a.insidePerson(t.Start) {
			break
		}
		w := t.Text
		if w == "of" && j > 0 && startsUpper(a.tokens[j-1].Text) && startsUpper(a.tokens[j+1].Text) {
			continue
		}
		if isCountryPossessive(w) {
			first = j
			break
		}
		if !isPrenominalWord(w) {
			break
		}
		first = j
	}
	for first < head && a.tokens[first].Text == "of" {
		first++
	}
	return a.parse(a.tokens[first].Start, a.tokens[last].End)
}

// ofComplementHead returns the index of the title head that the title
// ending at token last is built on: last itself ("Minister"), or the head
// before "of" and a short capitalised complement ("Secretary of State"); -1
// when there is none.
func (a *attacher) ofComplementHead(last int) int {
	if isHead(a.tokens[last].Text) {
		return last
	}
	for j := last; j > 0 && j >= last-3; j-- {
		w := a.tokens[j].Text
		if w == "of" {
			if isHead(a.tokens[j-1].Text) && j < last {
				return j - 1
			}
			return -1
		}
		if !startsUpper(w) || stopWords[strings.ToLower(w)] {
			return -1
		}
	}
	return -1
}

// insidePerson reports whether pos falls in a name of some person.
func (a *attacher) insidePerson(pos int) bool {
	for _, e := range a.entities {
		if e.Type != news.PER {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == resolve.KindName && pos >= m.Start && pos < m.End {
				return true
			}
		}
	}
	return false
}

// appositive finds titles set off by commas after a name: "Abdul Ghani
// Baradar, the Deputy Prime Minister for Economic Affairs, ..." and
// coordinated ones ("Secretary of X and former Defense Minister").
func (a *attacher) appositive(m news.Mention) []news.Role {
	k := a.tokenAt(m.End)
	if k >= len(a.tokens) || a.tokens[k].Text != "," {
		return nil
	}
	start := k + 1
	end := a.segmentEnd(start)
	// Skip an age: "John Smith, 45, a coach".
	if end == start+1 && isNumber(a.tokens[start].Text) && end < len(a.tokens) && a.tokens[end].Text == "," {
		start = end + 1
		end = a.segmentEnd(start)
	}
	if end <= start || end-start > 16 {
		return nil
	}
	if clauseStarts[strings.ToLower(a.tokens[start].Text)] {
		return nil
	}
	var roles []news.Role
	for _, part := range a.splitCoordinated(start, end) {
		if !a.hasHead(part[0], part[1]) {
			continue
		}
		if r, ok := a.parse(a.tokens[part[0]].Start, a.tokens[part[1]-1].End); ok {
			roles = append(roles, r)
		}
	}
	inheritCountry(roles)
	return roles
}

// segmentEnd returns the index of the token that ends an appositive begun
// at start: punctuation that closes a phrase or the end of the sentence.
func (a *attacher) segmentEnd(start int) int {
	for j := start; j < len(a.tokens); j++ {
		t := a.tokens[j]
		if j > start && strings.Contains(a.text[a.tokens[j-1].End:t.Start], "\n") {
			return j
		}
		switch t.Text {
		case ",", ".", ";", ":", "(", ")", "—", "–", "\"", "“", "”", "!", "?":
			return j
		}
		if j > start && (t.Text == "who" || t.Text == "which" || t.Text == "said" || t.Text == "says") {
			return start
		}
	}
	return len(a.tokens)
}

// splitCoordinated splits [start,end) at "and" when the right side starts a
// new title ("... Council and former Defense Minister") rather than
// continuing a name ("Minister of Trade and Industry").
func (a *attacher) splitCoordinated(start, end int) [][2]int {
	var parts [][2]int
	from := start
	for j := start + 1; j < end-1; j++ {
		if a.tokens[j].Text != "and" {
			continue
		}
		if a.hasHead(j+1, end) && a.hasHead(from, j) {
			parts = append(parts, [2]int{from, j})
			from = j + 1
		}
	}
	return append(parts, [2]int{from, end})
}

// hasHead reports whether tokens [from,to) contain a title head.
func (a *attacher) hasHead(from, to int) bool {
	for j := from; j < to; j++ {
		if isHead(a.tokens[j].Text) {
			return true
		}
	}
	return false
}

// fromNominal turns a nominal mention ("the country’s National Security
// Advisor") into a role unless it only repeats a known title's head ("the
// minister").
func (a *attacher) fromNominal(m news.Mention, known []news.Role) (news.Role, bool) {
	r, ok := a.parse(m.Start, m.End)
	if !ok {
		return r, false
	}
	if !strings.Contains(r.Normalized, " ") {
		for _, k := range known {
			if strings.HasSuffix(k.Normalized, r.Normalized) || strings.Contains(k.Normalized, r.Normalized+" ") {
				return r, false
			}
		}
	}
	return r, true
}

// clauseStarts open a relative or adverbial clause, not an appositive title.
var clauseStarts = toSet(`who which where whose whom when while after before said says according
speaking told added as and but in on at`)

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
