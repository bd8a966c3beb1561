package roles

import (
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

// FuzzAttach checks that arbitrary text and spans never panic and that every
// role's span lies inside the text and matches its title.
func FuzzAttach(f *testing.F) {
	f.Add("Sergei Shoigu, Secretary of Russia’s National Security Council and former Defense Minister, left.", 0, 13)
	f.Add("U.S. President Joe Biden", 15, 24)
	f.Add("Sen. X, the country’s ex-minister of", 5, 6)
	f.Add(", the , and ,", 0, 1)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		ents := resolve.Resolve(text, nil, []resolve.Name{{Start: start, End: end, Type: "PER"}})
		// A mention pointing outside the text must be ignored, not panic.
		ents = append(ents, news.Entity{ID: "per:x", Type: news.PER, Mentions: []news.Mention{{Start: end, End: start + 1, Kind: "name"}}})
		for _, e := range Attach(text, nil, ents) {
			for _, r := range e.Roles {
				if r.Start < 0 || r.End > len(text) || r.Start >= r.End || text[r.Start:r.End] != r.Title {
					t.Fatalf("bad role %+v in %q", r, text)
				}
			}
		}
	})
}
