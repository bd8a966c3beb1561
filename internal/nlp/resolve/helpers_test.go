package resolve

import (
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// spans marks every word-bounded occurrence of the given surface forms as
// names, longer forms first, the way a NER tagger would tag them. Each item
// is "TYPE:surface".
func spans(text string, items ...string) []Name {
	sort.SliceStable(items, func(i, j int) bool { return len(items[i]) > len(items[j]) })
	var out []Name
	for _, it := range items {
		typ, surface, _ := strings.Cut(it, ":")
		for pos := 0; pos < len(text); {
			i := strings.Index(text[pos:], surface)
			if i < 0 {
				break
			}
			s, e := pos+i, pos+i+len(surface)
			pos = e
			if isWordBoundary(text, s, e) && !covered(out, s, e) {
				out = append(out, Name{Start: s, End: e, Type: typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// find returns the entity with the given ID and Refers.
func find(t *testing.T, ents []news.Entity, id, refers string) news.Entity {
	t.Helper()
	for _, e := range ents {
		if e.ID == id && e.Refers == refers {
			return e
		}
	}
	t.Fatalf("no entity %s (refers %q) in %v", id, refers, ids(ents))
	return news.Entity{}
}

func ids(ents []news.Entity) []string {
	var out []string
	for _, e := range ents {
		out = append(out, e.ID+"->"+e.Refers)
	}
	return out
}

// mentionOf returns the entity holding a mention at byte offset pos.
func mentionOf(ents []news.Entity, pos int) (news.Entity, news.Mention, bool) {
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Start == pos {
				return e, m, true
			}
		}
	}
	return news.Entity{}, news.Mention{}, false
}
