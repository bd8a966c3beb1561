package html

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// TestDevSet scores every engine on an extraction data set named by
// PARALLAX_EXTRACT_DATA (e.g. /work/shared/data/trafilatura-eval); it is
// how the comparison in docs/BENCHMARKS.md was produced. PARALLAX_EXTRACTORS
// (comma-separated) limits the engines.
func TestDevSet(t *testing.T) {
	dir := os.Getenv("PARALLAX_EXTRACT_DATA")
	if dir == "" {
		t.Skip("set PARALLAX_EXTRACT_DATA to a folder with cases.jsonl")
	}
	cases, err := eval.LoadExtractCases(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := Extractors()
	if only := os.Getenv("PARALLAX_EXTRACTORS"); only != "" {
		names = strings.Split(only, ",")
	}
	for _, name := range names {
		m := eval.ScoreExtract(dir, cases, func(page []byte, pageURL string) (news.Article, error) {
			return Extract(pageURL, page, pageURL, Options{Extractor: name})
		})
		b, _ := json.Marshal(m)
		t.Logf("%s %s", name, b)
	}
}
