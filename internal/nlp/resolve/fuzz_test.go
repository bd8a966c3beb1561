package resolve

import (
	"testing"
	"unicode/utf8"
)

// FuzzResolve checks that arbitrary text and spans never panic and that
// every mention lies inside the text and matches its bytes.
func FuzzResolve(f *testing.F) {
	f.Add("Sergei Shoigu, the country’s National Security Advisor, visited Kabul. He said Moscow’s aid would come.", 0, 13, 85, 90)
	f.Add("the Islamic State (IS) said IS", 4, 17, 0, 3)
	f.Add("“He said,” she", 0, 2, 3, 20)
	f.Add("Mr. X's", 0, 7, 4, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		names := []Name{{Start: s1, End: e1, Type: "PER"}, {Start: s2, End: e2, Type: "LOC"}}
		if utf8.ValidString(text) && len(text) > 3 {
			names = append(names, Name{Start: 0, End: len(text) / 2, Type: "ORG"})
		}
		for _, e := range Resolve(text, nil, names) {
			if len(e.Mentions) == 0 || e.ID == "" {
				t.Fatalf("empty entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, text)
				}
			}
		}
	})
}
