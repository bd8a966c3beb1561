package compare

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// roleConflicts reports people whose current titles differ between
// independent sources: titles of the same entity ID that neither equal nor
// contain one another once normalised ("national security council
// secretary" vs "national security advisor"). Former titles are history,
// not a claim about the present, and are left out.
func (s *story) roleConflicts() []Conflict {
	type roleAt struct {
		art        int
		norm       string
		start, end int
	}
	byEntity := map[string][]roleAt{}
	names := map[string]string{}
	var order []string
	for i, a := range s.in.Articles {
		if s.root[i] != i {
			continue
		}
		for _, e := range a.Annotations.Entities {
			if e.Type != "PER" || e.ID == "" {
				continue
			}
			for _, r := range e.Roles {
				if r.Former || r.Start < 0 || r.End > len(a.Text) || r.Start >= r.End {
					continue
				}
				norm := r.Normalized
				if norm == "" {
					norm = strings.ToLower(r.Title)
				}
				// One-word titles ("president", "senator") are too generic
				// to contradict a fuller title.
				if len(strings.Fields(norm)) < 2 {
					continue
				}
				if _, ok := byEntity[e.ID]; !ok {
					order = append(order, e.ID)
				}
				byEntity[e.ID] = append(byEntity[e.ID], roleAt{i, norm, r.Start, r.End})
				if len(e.Name) > len(names[e.ID]) {
					names[e.ID] = e.Name
				}
			}
		}
	}
	compatible := func(a, b string) bool {
		return a == b || strings.Contains(a, b) || strings.Contains(b, a)
	}
	// Two titles contradict when they name different posts in the same
	// domain: at least two words in common ("national security council
	// secretary" vs "national security advisor"). Titles with less in
	// common are usually posts held at once ("senate candidate" and
	// "representative").
	sameDomain := func(a, b string) bool {
		return overlap(contentStems(a), contentStems(b)) >= 2
	}
	var out []Conflict
	for _, id := range order {
		roles := byEntity[id]
		clash := false
		for x, a := range roles {
			for _, b := range roles[x+1:] {
				if a.art == b.art {
					continue
				}
				if sameDomain(a.norm, b.norm) && !slices.ContainsFunc(roles, func(r roleAt) bool {
					return r.art == a.art && slices.ContainsFunc(roles, func(o roleAt) bool { return o.art == b.art && compatible(r.norm, o.norm) })
				}) {
					clash = true
				}
			}
		}
		if !clash {
			continue
		}
		c := Conflict{Subject: s.fullName(names[id]), Attribute: AttrRole}
		seen := map[string]bool{}
		for _, r := range roles {
			key := fmt.Sprintf("%d\x00%s", r.art, r.norm)
			if seen[key] {
				continue
			}
			seen[key] = true
			c.Values = append(c.Values, s.value(r.art, r.norm, r.start, r.end))
		}
		out = append(out, c)
	}
	return out
}

func (s *story) value(art int, v string, start, end int) Value {
	a := s.in.Articles[art]
	return Value{Value: v, ArticleID: a.ID, Text: a.Text[start:end], Start: start, End: end}
}

// topicList matches a coordinated list of three or more lowercase items
// and its head noun: "economic, transport, and security cooperation".
var topicList = regexp.MustCompile(`\b([a-z][a-z-]+)((?:, [a-z][a-z-]+)+),? (?:and|or) ([a-z][a-z-]+)(?: ([a-z][a-z-]+))?`)

type list struct {
	unit       *unit
	items      map[string]bool
	start, end int
}

// lists finds the topic lists of a sentence.
func (s *story) lists(u *unit) []list {
	text := s.in.Articles[u.art].Text
	seg := text[u.span.Start:u.span.End]
	var out []list
	for _, m := range topicList.FindAllStringSubmatchIndex(seg, -1) {
		raw := []string{seg[m[2]:m[3]], seg[m[6]:m[7]]}
		for _, it := range strings.Split(seg[m[4]:m[5]], ",") {
			if it = strings.TrimSpace(it); it != "" { // the group starts with its comma
				raw = append(raw, it)
			}
		}
		items := map[string]bool{}
		ok := true
		for _, it := range raw {
			if stopWords[it] {
				ok = false
				break
			}
			items[stem(it)] = true
		}
		if ok && len(items) >= 3 {
			out = append(out, list{u, items, u.span.Start + m[0], u.span.Start + m[1]})
		}
	}
	return out
}

// topicConflicts reports lists of topics that independent sources give
// differently for what is otherwise the same statement: the lists share
// items but each has one the other lacks, and their sentences are aligned
// or name the same actor.
func (s *story) topicConflicts() []Conflict {
	var all []list
	for _, u := range s.units {
		all = append(all, s.lists(u)...)
	}
	var out []Conflict
	for x, a := range all {
		for _, b := range all[x+1:] {
			if s.root[a.unit.art] == s.root[b.unit.art] {
				continue
			}
			shared := overlap(a.items, b.items)
			if shared == 0 || shared == len(a.items) || shared == len(b.items) {
				continue
			}
			subject := s.sharedActor(a.unit, b.unit)
			if subject == "" && a.unit.group != b.unit.group {
				continue
			}
			if subject == "" {
				subject = "topics"
			}
			out = append(out, Conflict{Subject: subject, Attribute: AttrTopic, Values: []Value{
				s.value(a.unit.art, s.text(a.unit, a.start, a.end), a.start, a.end),
				s.value(b.unit.art, s.text(b.unit, b.start, b.end), b.start, b.end),
			}})
		}
	}
	return out
}

// sharedActor names a person or organisation both sentences mention.
func (s *story) sharedActor(a, b *unit) string {
	for _, m := range s.mentionsIn(a.art, a.span.Start, a.span.End) {
		if m.typ == "PER" && b.ents[m.id] {
			return s.fullName(m.name)
		}
		if m.typ == "ORG" && b.ents[m.id] {
			return m.name
		}
	}
	return ""
}
