package compare

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Outlets name one person differently ("Trump", "Donald Trump"; "Dick
// Durbin", "Richard J. Durbin"): a story's findings use the fullest name
// any of its articles gives, so one person reads as one person.

// fullName returns the fullest name of the person called name in the
// story: the compatible variant with the most words (then the most
// frequent), or name itself. A surname alone is completed only when every
// full name with that surname in the story is the same person, so that
// "Clinton" stays "Clinton" in a story about Bill and Hillary Clinton.
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
	words := personWords(name)
	if len(words) == 0 {
		return name
	}
	best, bestWords, bestCount := name, words, s.people[name]
	var firsts []string
	for other, count := range s.people {
		ow := personWords(other)
		if len(ow) < 2 || ow[len(ow)-1] != words[len(words)-1] {
			continue
		}
		if !slices.ContainsFunc(firsts, func(f string) bool { return sameFirstName(f, ow[0]) }) {
			firsts = append(firsts, ow[0])
		}
		if len(words) > 1 && !sameFirstName(words[0], ow[0]) {
			continue
		}
		if len(ow) > len(bestWords) || len(ow) == len(bestWords) && len(bestWords) > 1 && (count > bestCount || count == bestCount && other < best) {
			best, bestWords, bestCount = other, ow, count
		}
	}
	if len(words) == 1 && len(firsts) > 1 {
		return name
	}
	return best
}

// personWords are the lower-cased words of a person's name without a
// possessive: "Donald Trump’s" -> [donald trump].
func personWords(name string) []string {
	f := strings.Fields(strings.ToLower(name))
	if n := len(f); n > 0 {
		for _, suffix := range []string{"’s", "'s"} {
			f[n-1] = strings.TrimSuffix(f[n-1], suffix)
		}
	}
	return f
}

// sameFirstName says two first names can name one person: equal, one the
// initial of the other ("J." and "John"), or a common English short form
// ("Dick" and "Richard", "Chuck" and "Charles").
func sameFirstName(a, b string) bool {
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a != "" && b != "" && a[0] == b[0]
	}
	return shortForms[a] == b || shortForms[b] == a || shortForms[a] != "" && shortForms[a] == shortForms[b]
}

// shortForms maps common English short forms of first names to the full
// name.
var shortForms = map[string]string{
	"al": "albert", "alex": "alexander", "andy": "andrew", "ben": "benjamin", "bernie": "bernard",
	"beth": "elizabeth", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
	"chris": "christopher", "chuck": "charles", "charlie": "charles", "dan": "daniel", "danny": "daniel",
	"dave": "david", "dick": "richard", "don": "donald", "ed": "edward", "eddie": "edward",
	"fred": "frederick", "greg": "gregory", "jim": "james", "jimmy": "james", "joe": "joseph",
	"jon": "jonathan", "ken": "kenneth", "kate": "katherine", "kathy": "katherine", "larry": "lawrence",
	"liz": "elizabeth", "matt": "matthew", "mike": "michael", "mitch": "mitchell", "nick": "nicholas",
	"pat": "patrick", "pete": "peter", "rick": "richard", "rob": "robert", "ron": "ronald",
	"sam": "samuel", "steve": "steven", "sue": "susan", "ted": "edward", "tim": "timothy",
	"tom": "thomas", "tony": "anthony", "vlad": "vladimir", "will": "william",
}
