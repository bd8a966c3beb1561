package resolve

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugSeeds(t *testing.T) {
	for _, f := range []string{"/work/shared/seeds/000_f9bd5f106b571614.txt", "/work/shared/seeds/002_cddb92abe5f04e79.txt"} {
		b, _ := os.ReadFile(f)
		text := string(b)
		names := spans(text, "PER:Sergei Shoigu", "PER:Shoigu", "PER:Abdul Ghani Baradar", "PER:Baradar", "PER:Vusala Abbasova",
			"LOC:Russia", "LOC:Kabul", "LOC:Afghanistan", "ORG:Taliban", "LOC:Moscow", "LOC:Washington", "LOC:United States", "LOC:U.S.",
			"ORG:National Security Council", "MISC:Russian", "MISC:Afghan", "MISC:Afghans", "LOC:Russian Federation", "MISC:Western",
			"ORG:Islamic State", "LOC:Central Asia", "LOC:Tajikistan", "LOC:Ukraine", "LOC:Asia", "LOC:West", "ORG:TASS", "ORG:Khaama Press")
		for _, e := range Resolve(text, nil, names) {
			fmt.Printf("%s %s %q refers=%s aliases=%v\n", e.ID, e.Type, e.Name, e.Refers, e.Aliases)
			for _, m := range e.Mentions {
				if m.Kind != "name" {
					fmt.Printf("    %s %q @%d\n", m.Kind, m.Text, m.Start)
				}
			}
		}
	}
}
