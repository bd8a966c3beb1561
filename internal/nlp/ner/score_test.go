package ner

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// TestScorerMatchesExtractor checks the cached fast path against the
// feature keys the trainer sees: both must give every token the same
// scores.
func TestScorerMatchesExtractor(t *testing.T) {
	tg := mustLoad(t)
	doc := [][]string{
		{"RUSSIA", "'S", "SHOIGU", "ARRIVES", "IN", "KABUL"},
		{"Sergei", "Shoigu", "arrived", "in", "Kabul", "on", "Monday", "."},
		{"The", "New", "York", "Stock", "Exchange", "said", "Shoigu", "’s", "visit", "—", "his", "first", "—", "ended", "."},
		{"Kabul"},
		{},
	}
	cache := newWordCache()
	for _, words := range doc {
		_, got := tg.scorer.static(cache, words)
		_, feats := tg.extractor.Extract(words, tg.model.gazetteer, nil)
		for i, keys := range feats {
			var want scoreRow
			tg.model.addAll(&want, keys)
			for l := range want {
				if d := math.Abs(float64(got[i*numLabels+l] - want[l])); d > 1e-3 {
					t.Fatalf("%q token %d label %s: scorer %v, extractor %v", words, i, Labels[l], got[i*numLabels+l], want[l])
				}
			}
		}
	}
}

func TestWordCacheEmptiesWhenFull(t *testing.T) {
	var p cachePool
	c := p.get()
	c.index["x"] = 0
	c.entries = make([]wordEntry, maxCachedWords+1)
	p.put(c)
	if len(c.entries) != 0 || len(c.index) != 0 {
		t.Errorf("full cache kept %d entries, %d keys", len(c.entries), len(c.index))
	}
}

// devFile is CoNLL-2003 testa in the shared data folder beside the
// repository, when it is there.
func devFile(tb testing.TB) []conll.Document {
	tb.Helper()
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "conll2003", "eng.testa.gz")
	if _, err := os.Stat(path); err != nil {
		tb.Skip("no CoNLL-2003 dev file beside the repository")
	}
	docs, err := conll.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

func documentWords(d conll.Document) [][]string {
	words := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		words[i] = s.Tokens
	}
	return words
}

// TestShippedModelDevF1 guards the shipped model's dev score.
func TestShippedModelDevF1(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole dev set")
	}
	docs := devFile(t)
	tg := mustLoad(t)
	c := conll.NewCounts()
	for _, d := range docs {
		for i, pred := range tg.TagDocument(documentWords(d)) {
			c.Add(d.Sentences[i].Tags, pred)
		}
	}
	if f1 := c.MicroF1(); f1 < 0.93 {
		t.Errorf("dev F1 %.4f, want >= 0.93", f1)
	}
}

func BenchmarkTagDocumentDev(b *testing.B) {
	docs := devFile(b)
	tg := mustLoad(b)
	var words [][][]string
	tokens := 0
	for _, d := range docs {
		words = append(words, documentWords(d))
		for _, s := range d.Sentences {
			tokens += len(s.Tokens)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, ws := range words {
			tg.TagDocument(ws)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
