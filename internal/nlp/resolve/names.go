package resolve

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// groupNames assigns every name span to a cluster: person names by name
// matching, places and organisations by canonical ID, acronyms to the name
// they abbreviate, demonyms and capitals used as actors to the country.
func (r *resolver) groupNames() {
	var persons []Name
	acronyms := map[string]*cluster{}
	var short []Name
	for _, n := range r.names {
		surface := r.text[n.Start:n.End]
		switch {
		case n.Type == "PER":
			persons = append(persons, n)
		case isAcronym(stripPossessive(surface)):
			short = append(short, n)
		default:
			c := r.nonPersonCluster(n)
			r.add(c, n.Start, n.End, mentionKind(c))
			if c.refers == "" {
				for _, a := range acronymsOf(r.text, n, c.name) {
					if _, dup := acronyms[a]; !dup {
						acronyms[a] = c
					}
				}
			}
		}
	}
	for _, n := range short {
		base := stripPossessive(r.text[n.Start:n.End])
		if c, ok := acronyms[strings.ReplaceAll(base, ".", "")]; ok {
			r.add(c, n.Start, n.End, KindName)
			continue
		}
		c := r.nonPersonCluster(n)
		r.add(c, n.Start, n.End, mentionKind(c))
	}
	r.groupPersons(persons)
}

func mentionKind(c *cluster) string {
	if strings.HasPrefix(c.refers, prefixLOC) {
		return KindDemonym
	}
	return KindName
}

// nonPersonCluster finds or creates the cluster of an ORG, LOC or MISC name.
func (r *resolver) nonPersonCluster(n Name) *cluster {
	surface := stripPossessive(r.text[n.Start:n.End])
	if c, ok := LookupCountry(surface); ok {
		id := prefixLOC + c.ID
		return r.cluster(id, id, c.Name, "LOC", "")
	}
	if c, ok := LookupDemonym(surface); ok {
		id := CanonicalID("MISC", c.Demonyms[0])
		return r.cluster(id+"|"+prefixLOC+c.ID, id, c.Demonyms[0], n.Type, prefixLOC+c.ID)
	}
	id := CanonicalID(n.Type, surface)
	name := strings.TrimPrefix(strings.TrimPrefix(surface, "the "), "The ")
	if c, ok := LookupCapital(surface); ok && r.actsAsActor(n) {
		gov := prefixGov + c.ID
		return r.cluster(id+"|"+gov, id, name, n.Type, gov)
	}
	return r.cluster(id, id, name, n.Type, "")
}

// isAcronym reports whether s looks like an acronym: 2-6 upper-case letters,
// optionally dotted ("IS", "NATO", "U.N.").
func isAcronym(s string) bool {
	letters := strings.ReplaceAll(s, ".", "")
	if len(letters) < 2 || len(letters) > 6 {
		return false
	}
	for _, r := range letters {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// acronymsOf lists the acronyms a multi-word name may appear as: the one the
// text introduces in brackets right after it ("the Islamic State (IS)") and
// the initials of its capitalised words ("National Security Council" ->
// "NSC").
func acronymsOf(text string, n Name, name string) []string {
	var out []string
	rest := text[n.End:]
	if strings.HasPrefix(rest, " (") {
		if k := strings.IndexByte(rest, ')'); k > 2 && k < 10 {
			if a := strings.ReplaceAll(rest[2:k], ".", ""); isAcronym(a) {
				out = append(out, a)
			}
		}
	}
	words := strings.Fields(name)
	if a := initials(words); len(words) > 1 && len(a) > 1 {
		out = append(out, a)
	}
	for len(words) > 2 && corporateSuffixes[strings.Trim(Fold(words[len(words)-1]), ".,")] {
		words = words[:len(words)-1]
		if a := initials(words); len(a) > 1 {
			out = append(out, a)
		}
	}
	return out
}

// corporateSuffixes are left out of a company's initials ("General Motors
// Co" -> "GM").
var corporateSuffixes = toSet(`co corp inc ltd plc llc ag sa se nv group holdings company corporation`)

// initials returns the first letters of the capitalised words.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// addAcronymNames adds a name for an acronym introduced in brackets right
// after a name ("the Islamic State (IS)") when the tagger did not tag it, and
// for its later bare occurrences.
func addAcronymNames(text string, names []Name) []Name {
	var extra []Name
	for _, n := range names {
		if n.Type == "PER" || !strings.HasPrefix(text[n.End:], " (") {
			continue
		}
		rest := text[n.End+2:]
		k := strings.IndexByte(rest, ')')
		if k < 2 || k > 8 || !isAcronym(rest[:k]) {
			continue
		}
		acr := rest[:k]
		for pos := n.End; pos < len(text); {
			i := strings.Index(text[pos:], acr)
			if i < 0 {
				break
			}
			s, e := pos+i, pos+i+len(acr)
			pos = e
			if isWordBoundary(text, s, e) && !covered(names, s, e) && !covered(extra, s, e) {
				extra = append(extra, Name{Start: s, End: e, Type: n.Type})
			}
		}
	}
	if len(extra) == 0 {
		return names
	}
	out := append(slices.Clone(names), extra...)
	slices.SortFunc(out, func(a, b Name) int { return a.Start - b.Start })
	return out
}

func isWordBoundary(text string, s, e int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:s])
	next, _ := utf8.DecodeRuneInString(text[e:])
	return !isWordRune(prev) && !isWordRune(next)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func covered(names []Name, s, e int) bool {
	for _, n := range names {
		if s < n.End && n.Start < e {
			return true
		}
	}
	return false
}
