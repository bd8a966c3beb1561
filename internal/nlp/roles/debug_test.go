package roles

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

func spans(text string, items ...string) []resolve.Name {
	sort.SliceStable(items, func(i, j int) bool { return len(items[i]) > len(items[j]) })
	var out []resolve.Name
	for _, it := range items {
		typ, surface, _ := strings.Cut(it, ":")
		for pos := 0; pos < len(text); {
			i := strings.Index(text[pos:], surface)
			if i < 0 {
				break
			}
			s, e := pos+i, pos+i+len(surface)
			pos = e
			ok := true
			for _, n := range out {
				if s < n.End && n.Start < e {
					ok = false
				}
			}
			if ok {
				out = append(out, resolve.Name{Start: s, End: e, Type: typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func TestDebugSeeds(t *testing.T) {
	for _, f := range []string{"/work/shared/seeds/000_f9bd5f106b571614.txt", "/work/shared/seeds/002_cddb92abe5f04e79.txt"} {
		b, _ := os.ReadFile(f)
		text := string(b)
		names := spans(text, "PER:Sergei Shoigu", "PER:Shoigu", "PER:Abdul Ghani Baradar", "PER:Baradar", "PER:Vusala Abbasova",
			"LOC:Russia", "LOC:Kabul", "LOC:Afghanistan", "ORG:Taliban", "LOC:Moscow", "LOC:Washington", "LOC:United States", "LOC:U.S.",
			"ORG:National Security Council", "MISC:Russian", "MISC:Afghan", "MISC:Afghans", "LOC:Russian Federation", "MISC:Western",
			"ORG:Islamic State", "LOC:Central Asia", "LOC:Tajikistan", "LOC:Ukraine", "LOC:Asia", "LOC:West", "ORG:TASS", "ORG:Khaama Press")
		ents := resolve.Resolve(text, nil, names)
		for _, e := range Attach(text, nil, ents) {
			for _, r := range e.Roles {
				fmt.Printf("%s: %+v\n", e.ID, r)
			}
		}
	}
}
