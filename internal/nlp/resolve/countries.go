package resolve

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Country is one row of the built-in country table.
type Country struct {
	// ID is the folded key used in entity IDs ("united_states").
	ID string
	// Name is the display name ("United States").
	Name     string
	Aliases  []string
	Demonyms []string
	// Capitals are seats of government that news uses as metonyms for the
	// government ("Moscow", "Washington", "the Kremlin").
	Capitals []string
}

//go:embed countries.tsv
var countriesTSV string

type countryIndex struct {
	byID      map[string]*Country
	byName    map[string]*Country
	byDemonym map[string]*Country
	byCapital map[string]*Country
}

// countries parses the embedded table once; it is read-only afterwards.
var countries = sync.OnceValue(func() *countryIndex {
	idx := &countryIndex{
		byID:      map[string]*Country{},
		byName:    map[string]*Country{},
		byDemonym: map[string]*Country{},
		byCapital: map[string]*Country{},
	}
	for line := range strings.SplitSeq(countriesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 5 {
			f = append(f, "")
		}
		c := &Country{ID: f[0], Name: f[1], Aliases: splitList(f[2]), Demonyms: splitList(f[3]), Capitals: splitList(f[4])}
		idx.byID[c.ID] = c
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			addKey(idx.byName, n, c)
		}
		for _, d := range c.Demonyms {
			addKey(idx.byDemonym, d, c)
		}
		for _, cap := range c.Capitals {
			addKey(idx.byCapital, cap, c)
		}
	}
	return idx
})

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// addKey keeps the first country for an ambiguous key ("Congolese").
func addKey(m map[string]*Country, name string, c *Country) {
	k := lookupKey(name)
	if _, dup := m[k]; !dup && k != "" {
		m[k] = c
	}
}

// lookupKey folds a place name for table lookups: "the U.S.’s" -> "us".
func lookupKey(s string) string {
	f := Fold(stripPossessive(strings.TrimSpace(s)))
	f = strings.TrimPrefix(f, "the ")
	f = strings.ReplaceAll(f, ".", "")
	if singleSpaced(f) {
		return f // what Fields and Join would rebuild
	}
	return strings.Join(strings.Fields(f), " ")
}

// singleSpaced reports ASCII text whose words are separated by single
// spaces, with none at either end.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// LookupCountry finds a country by its name or an alias ("U.S.", "Britain").
func LookupCountry(name string) (Country, bool) {
	return lookup(countries().byName, name)
}

// LookupDemonym finds the country of a demonym ("Russian", "Afghans").
func LookupDemonym(word string) (Country, bool) {
	return lookup(countries().byDemonym, word)
}

// LookupCapital finds the country whose seat of government is named.
func LookupCapital(name string) (Country, bool) {
	return lookup(countries().byCapital, name)
}

// CountryByID returns the country with the given table ID ("russia").
func CountryByID(id string) (Country, bool) {
	c, ok := countries().byID[strings.TrimPrefix(strings.TrimPrefix(id, prefixLOC), prefixGov)]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

func lookup(m map[string]*Country, s string) (Country, bool) {
	c, ok := m[lookupKey(s)]
	if !ok {
		return Country{}, false
	}
	return *c, true
}
