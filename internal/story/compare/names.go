package compare

import (
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

// Outlets name one person differently ("Trump", "Donald Trump"; "Dick
// Durbin", "Richard J. Durbin"): a story's findings use the fullest name
// any of its articles gives, so one person reads as one person.

// fullName returns the fullest name of the person called name in the
// story: among the names its articles give that resolve.SamePerson matches
// with name, the one with the most words (then the most mentions). When
// those names are more than one person ("Clinton" in a story about Bill
// and Hillary Clinton), name stays as written.
func (s *story) fullName(name string) string {
	if s.people == nil {
		s.people = map[string]int{}
		for _, a := range s.in.Articles {
			for _, e := range a.Annotations.Entities {
				if e.Type == news.PER {
					s.people[e.Name] += max(1, len(e.Mentions))
				}
			}
		}
	}
	toks := resolve.PersonTokens(name)
	if len(toks) == 0 {
		return name
	}
	best, bestToks, bestCount := name, toks, s.people[name]
	var fits [][]string
	for other, count := range s.people {
		ot := resolve.PersonTokens(other)
		if len(ot) < 2 || !resolve.SamePerson(toks, ot) {
			continue
		}
		for _, f := range fits {
			if !resolve.SamePerson(f, ot) {
				return name
			}
		}
		fits = append(fits, ot)
		if len(ot) > len(bestToks) || len(ot) == len(bestToks) && (count > bestCount || count == bestCount && other < best) {
			best, bestToks, bestCount = other, ot, count
		}
	}
	return best
}
