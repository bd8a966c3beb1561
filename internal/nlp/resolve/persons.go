package resolve

import (
	"slices"
	"strings"
)

// groupPersons clusters person names. Longer names go first so a short form
// ("Shoigu") can join the full name ("Sergei Shoigu") even when the short
// form comes first, as in headlines.
func (r *resolver) groupPersons(persons []Name) {
	type person struct {
		Name
		toks []string
	}
	ps := make([]person, 0, len(persons))
	for _, n := range persons {
		toks := canonTokens(r.text[n.Start:n.End], true)
		if len(toks) > 0 {
			ps = append(ps, person{n, toks})
		}
	}
	slices.SortStableFunc(ps, func(a, b person) int { return len(b.toks) - len(a.toks) })
	var people []*cluster
	for _, p := range ps {
		var c *cluster
		if len(p.toks) > 1 {
			for _, cand := range people {
				if sameFullName(cand.nameToks, p.toks) {
					c = cand
					break
				}
			}
		} else {
			c = r.shortNameOwner(people, p.toks[0], p.Start)
		}
		if c == nil {
			id := prefixPER + strings.Join(p.toks, "_")
			c = r.cluster(id, id, personDisplayName(r.text[p.Start:p.End]), "PER", "")
			c.nameToks = p.toks
			people = append(people, c)
		}
		r.add(c, p.Start, p.End, KindName)
		g := honorificGender(r.text[p.Start:p.End])
		if g == 0 {
			g = honorificGender(r.wordBefore(p.Start))
		}
		if g != 0 && c.gender == 0 {
			c.gender = g
		}
	}
}

// sameFullName reports whether two multi-token names denote the same person:
// same surname and compatible given names ("Joe Biden" / "Joseph R. Biden"
// only when one is an initial or a subset of the other).
func sameFullName(a, b []string) bool {
	if a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	small, big := a, b
	if len(small) > len(big) {
		small, big = big, small
	}
	for _, t := range small {
		if !slices.Contains(big, t) && !initialOf(t, big) {
			return false
		}
	}
	return true
}

func initialOf(t string, toks []string) bool {
	if len(t) != 1 {
		return false
	}
	for _, u := range toks {
		if strings.HasPrefix(u, t) {
			return true
		}
	}
	return false
}

// shortNameOwner picks the person a one-word name refers to: a surname match
// beats a given-name match; among several, the one mentioned most recently
// before pos (or first after it).
func (r *resolver) shortNameOwner(people []*cluster, tok string, pos int) *cluster {
	var best *cluster
	bestRank, bestDist := 0, 0
	for _, c := range people {
		rank := 0
		switch {
		case len(c.nameToks) > 1 && c.nameToks[len(c.nameToks)-1] == tok:
			rank = 3
		case slices.Contains(c.nameToks, tok) && len(c.nameToks) > 1:
			rank = 2
		case slices.Equal(c.nameToks, []string{tok}):
			rank = 1
		}
		if rank == 0 {
			continue
		}
		dist := distance(c, pos)
		if best == nil || rank > bestRank || rank == bestRank && dist < bestDist {
			best, bestRank, bestDist = c, rank, dist
		}
	}
	return best
}

// distance is how far pos is from the nearest earlier mention of c; later
// mentions count as far away.
func distance(c *cluster, pos int) int {
	d := 1 << 30
	for _, m := range c.mentions {
		if m.Start <= pos && pos-m.Start < d {
			d = pos - m.Start
		} else if m.Start > pos && (1<<29)+m.Start-pos < d {
			d = (1 << 29) + m.Start - pos
		}
	}
	return d
}

// personDisplayName strips a possessive and leading honorifics.
func personDisplayName(s string) string {
	s = stripPossessive(s)
	for {
		first, rest, ok := strings.Cut(s, " ")
		if !ok || !honorifics[strings.TrimSuffix(Fold(first), ".")] {
			return s
		}
		s = strings.TrimSpace(rest)
	}
}

func honorificGender(s string) byte {
	first, _, _ := strings.Cut(s, " ")
	switch strings.TrimSuffix(Fold(first), ".") {
	case "mr", "sir", "lord", "monsieur", "herr":
		return 'm'
	case "mrs", "ms", "miss", "dame", "lady", "madam":
		return 'f'
	}
	return 0
}
