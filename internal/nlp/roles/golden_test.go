package roles

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readNames reads a ".names" file of "TYPE<TAB>surface" lines.
func readNames(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for line := range strings.SplitSeq(strings.TrimSpace(string(b)), "\n") {
		typ, surface, _ := strings.Cut(line, "\t")
		items = append(items, typ+":"+surface)
	}
	return items
}

// goldenEntity is the reviewable shape of an entity in golden files.
type goldenEntity struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Type     string      `json:"type"`
	Refers   string      `json:"refers,omitempty"`
	Aliases  []string    `json:"aliases"`
	Mentions []string    `json:"mentions"`
	Roles    []news.Role `json:"roles,omitempty"`
}

func golden(ents []news.Entity) []goldenEntity {
	out := make([]goldenEntity, 0, len(ents))
	for _, e := range ents {
		g := goldenEntity{ID: e.ID, Name: e.Name, Type: e.Type, Refers: e.Refers, Aliases: e.Aliases, Roles: e.Roles}
		for _, m := range e.Mentions {
			g.Mentions = append(g.Mentions, fmt.Sprintf("%s %q @%d", m.Kind, m.Text, m.Start))
		}
		out = append(out, g)
	}
	return out
}

// TestGoldenArticles runs resolve and Attach over whole articles with
// hand-made NER spans and compares the result with testdata/articles/*.golden.
func TestGoldenArticles(t *testing.T) {
	paths, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles: %v", err)
	}
	for _, path := range paths {
		base := strings.TrimSuffix(path, ".txt")
		t.Run(filepath.Base(base), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			sentences := tokenize.Sentences(text)
			ents := Attach(text, sentences, resolve.Resolve(text, sentences, spans(text, readNames(t, base+".names")...)))
			got, err := json.MarshalIndent(golden(ents), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if err := os.WriteFile(base+".golden", got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(base + ".golden")
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s.golden (run with -update and review the diff):\n%s", base, got)
			}
		})
	}
}
