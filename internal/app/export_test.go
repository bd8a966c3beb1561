package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExportSeeds ingests the seed articles into a fresh SQLite store and
// exports the story comparison and the quotes: the CSV parses, spans are
// the article text they claim, and the Khaama Press quotes come via TASS.
func TestExportSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("/work/shared/seeds/*.txt")
	if len(seeds) < 2 {
		t.Skip("seed articles not found in /work/shared/seeds")
	}
	db := filepath.Join(t.TempDir(), "p.db")
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Main(t.Context(), append(args, "--db", db, "--log-level", "warn"), strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("parallax %v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
	run(append([]string{"ingest"}, seeds...)...)

	texts := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(run("export", "articles")), "\n") {
		var a struct {
			ID   json.Number `json:"article_id"`
			Text string      `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("articles JSONL line %q: %v", line, err)
		}
		texts[a.ID.String()] = a.Text
	}
	if len(texts) != len(seeds) {
		t.Fatalf("exported %d articles, want %d", len(texts), len(seeds))
	}

	out := filepath.Join(t.TempDir(), "claims.csv")
	run("export", "claims", "--format", "csv", "--out", out)
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatalf("claims CSV: %v", err)
	}
	header := rows[0]
	col := func(name string) int { return slices.Index(header, name) }
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		kinds[r[col("kind")]]++
		text, start, end := r[col("text")], atoi(t, r[col("start")]), atoi(t, r[col("end")])
		if art := texts[r[col("article_id")]]; start < 0 || end > len(art) || art[start:end] != text {
			t.Errorf("claim row %v: span [%d,%d) is not its text in article %s", r, start, end, r[col("article_id")])
		}
	}
	for _, k := range []string{"shared", "unique", "conflict", "quote"} {
		if kinds[k] == 0 {
			t.Errorf("no %s rows in the seed story's claims (%v)", k, kinds)
		}
	}

	via := 0
	for _, line := range strings.Split(strings.TrimSpace(run("export", "quotes", "--outlet", "Khaama Press")), "\n") {
		var q struct {
			Via []string `json:"via"`
		}
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(q.Via, "TASS") {
			via++
		}
	}
	if via == 0 {
		t.Error("no Khaama Press quote exported with via TASS")
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if err := json.Unmarshal([]byte(s), &n); err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}
