package roles

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

// countryRef is one place in the text that evokes a country, weighted by how
// strongly it makes that country the topic: a demonym, a country name or a
// capital acting as its government count fully, a capital named as a place
// (often a destination) counts little.
type countryRef struct {
	pos     int
	country string
	weight  float64
}

// contextSentences is how many sentences before its own "the country’s"
// looks back for its country.
const contextSentences = 2

// countryRefs lists the country references among the entities' mentions.
func countryRefs(text string, entities []news.Entity) []countryRef {
	var refs []countryRef
	for _, e := range entities {
		name, weight := "", 0.0
		switch {
		case strings.HasPrefix(e.Refers, "loc:") || strings.HasPrefix(e.Refers, "gov:"):
			if c, ok := resolve.CountryByID(e.Refers); ok {
				name, weight = c.Name, 1
			}
		case e.Type == news.LOC:
			if c, ok := resolve.CountryByID(e.ID); ok {
				name, weight = c.Name, 1
			} else if c, ok := resolve.LookupCapital(e.Name); ok {
				name, weight = c.Name, 0.3
			}
		}
		if name == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.Start <= len(text) {
				refs = append(refs, countryRef{pos: m.Start, country: name, weight: weight})
			}
		}
	}
	return refs
}

// contextCountry picks the country most strongly evoked before pos in its
// sentence and the contextSentences before it; ties go to the nearest.
func (a *attacher) contextCountry(pos int) string {
	from := 0
	for i, s := range a.sentences {
		if s.Start > pos {
			break
		}
		from = a.sentences[max(i-contextSentences, 0)].Start
	}
	score := map[string]float64{}
	nearest := map[string]int{}
	for _, r := range a.countries {
		if r.pos >= pos || r.pos < from {
			continue
		}
		score[r.country] += r.weight
		nearest[r.country] = max(nearest[r.country], r.pos)
	}
	best := ""
	for c, s := range score {
		if best == "" || s > score[best] || s == score[best] && nearest[c] > nearest[best] {
			best = c
		}
	}
	return best
}

// fillContextCountries resolves "the country’s" titles: to the one country
// the person's other roles name, else to the country the context evokes.
func (a *attacher) fillContextCountries(roles []news.Role) {
	own := ""
	for _, r := range roles {
		if r.Country == "" || a.contextual[r.Start] {
			continue
		}
		if own != "" && own != r.Country {
			own = ""
			break
		}
		own = r.Country
	}
	for i := range roles {
		if !a.contextual[roles[i].Start] || roles[i].Country != "" {
			continue
		}
		if own != "" {
			roles[i].Country = own
		} else {
			roles[i].Country = a.contextCountry(roles[i].Start)
		}
	}
}

// inheritCountry gives coordinated titles without a country the country of
// their siblings ("Secretary of Russia’s Security Council and former Defense
// Minister").
func inheritCountry(roles []news.Role) {
	country := ""
	for _, r := range roles {
		if r.Country != "" {
			country = r.Country
			break
		}
	}
	for i := range roles {
		if roles[i].Country == "" {
			roles[i].Country = country
		}
	}
}
