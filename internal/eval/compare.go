package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// CompareGold is one hand-annotated story (docs/EVAL-COMPARE.md).
type CompareGold struct {
	ID       string        `json:"id"`
	Articles []GoldArticle `json:"articles"`
	Copies   []news.Copy   `json:"copies"`
	Shared   []GoldItem    `json:"shared"`
	Unique   []GoldSpan    `json:"unique"`
	Conflict []GoldItem    `json:"conflicts"`
	Quotes   []GoldItem    `json:"quotes"`
}

// GoldArticle is an article of a gold story; IDs are 1..n.
type GoldArticle struct {
	ID          int64  `json:"id"`
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	PublishedAt string `json:"published_at"`
	Text        string `json:"text"`
}

// GoldItem is a set of evidence spans expressing one claim, one conflict
// (with its attribute) or one quote in several wordings.
type GoldItem struct {
	Attribute string     `json:"attribute,omitempty"`
	Spans     []GoldSpan `json:"spans"`
}

// GoldSpan is a byte span of one article; Text is checked on load.
type GoldSpan struct {
	Article int64  `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// CompareMetrics is the result of EvalCompare.
type CompareMetrics struct {
	Stories  int            `json:"stories"`
	Shared   CompareScore   `json:"shared"`
	Unique   CompareScore   `json:"unique"`
	Conflict CompareScore   `json:"conflict"`
	Quote    CompareScore   `json:"quote"`
	Counts   map[string]int `json:"predicted_counts"`
}

// CompareScore is precision, recall and F1 with their counts.
type CompareScore struct {
	PRF
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// minOverlap is the share of the shorter of two spans that must overlap
// for them to count as the same evidence.
const minOverlap = 0.5

// Reader reads an article; *reader.Reader satisfies it.
type Reader interface {
	Read(news.Article) news.Annotations
}

// LoadCompareGold reads every *.json gold story of dir, checking that each
// span's text is the article text it points at.
func LoadCompareGold(dir string) ([]CompareGold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no gold stories in %s: %w", dir, news.ErrNotFound)
	}
	sort.Strings(files)
	var out []CompareGold
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var g CompareGold
		if err := json.Unmarshal(raw, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		text := map[int64]string{}
		for _, a := range g.Articles {
			text[a.ID] = a.Text
		}
		var spans []GoldSpan
		spans = append(spans, g.Unique...)
		for _, list := range [][]GoldItem{g.Shared, g.Conflict, g.Quotes} {
			for _, it := range list {
				spans = append(spans, it.Spans...)
			}
		}
		for _, s := range spans {
			t := text[s.Article]
			if s.Start < 0 || s.End > len(t) || s.Start >= s.End || t[s.Start:s.End] != s.Text {
				return nil, fmt.Errorf("%s: span %d:%d of article %d is not %q: %w", f, s.Start, s.End, s.Article, s.Text, news.ErrInvalidInput)
			}
		}
		out = append(out, g)
	}
	return out, nil
}

// EvalCompare reads, compares and scores every gold story of dir.
func EvalCompare(dir string, r Reader) (CompareMetrics, error) {
	golds, err := LoadCompareGold(dir)
	if err != nil {
		return CompareMetrics{}, err
	}
	m := CompareMetrics{Stories: len(golds), Counts: map[string]int{}}
	var shared, unique, conflict, quote [3]int
	for _, g := range golds {
		c := compare.Compare(CompareInput(g, r))
		m.Counts["shared"] += len(c.Shared)
		m.Counts["unique"] += len(c.Unique)
		m.Counts["conflicts"] += len(c.Conflicts)
		m.Counts["quotes"] += len(c.Quotes)
		add(&shared, matchItems(g.Shared, predShared(c), ""))
		add(&unique, matchItems(wrapSpans(goldUnique(g)), wrapUnique(c), ""))
		add(&conflict, matchItems(g.Conflict, predConflicts(c), "attribute"))
		add(&quote, matchItems(g.Quotes, predQuotes(c), ""))
	}
	m.Shared, m.Unique, m.Conflict, m.Quote = score(shared), score(unique), score(conflict), score(quote)
	return m, nil
}

// CompareInput reads the articles of a gold story into the comparison's input.
func CompareInput(g CompareGold, r Reader) compare.Input {
	copyOf := map[int64]int64{}
	for _, c := range g.Copies {
		copyOf[c.ArticleID] = c.CopyOf
	}
	var in compare.Input
	for _, ga := range g.Articles {
		a := news.Article{ID: ga.ID, Outlet: news.Str(ga.Outlet), Title: news.Str(ga.Title), Text: ga.Text}
		if ts, err := news.ParseTimestamp(ga.PublishedAt); err == nil {
			a.PublishedAt = &ts
		}
		in.Articles = append(in.Articles, compare.Article{ID: ga.ID, Outlet: ga.Outlet, Text: ga.Text, Annotations: r.Read(a), CopyOf: copyOf[ga.ID]})
	}
	return in
}

func add(acc *[3]int, c [3]int) {
	for i := range acc {
		acc[i] += c[i]
	}
}

func score(c [3]int) CompareScore {
	return CompareScore{PRF: NewPRF(c[0], c[1], c[2]), TP: c[0], FP: c[1], FN: c[2]}
}

// goldUnique is the explicit unique list, or else every sentence of an
// article that no gold shared span covers: the annotator marks shared
// claims exhaustively, so the rest is what one source says alone.
func goldUnique(g CompareGold) []GoldSpan {
	if len(g.Unique) > 0 {
		return g.Unique
	}
	var out []GoldSpan
	for _, a := range g.Articles {
		for _, s := range tokenize.Sentences(a.Text) {
			sent := GoldSpan{Article: a.ID, Start: s.Start, End: s.End}
			covered := false
			for _, it := range g.Shared {
				for _, sp := range it.Spans {
					covered = covered || overlaps(sent, sp)
				}
			}
			if !covered && s.End-s.Start >= 20 {
				out = append(out, sent)
			}
		}
	}
	return out
}

func wrapSpans(spans []GoldSpan) []GoldItem {
	out := make([]GoldItem, len(spans))
	for i, s := range spans {
		out[i] = GoldItem{Spans: []GoldSpan{s}}
	}
	return out
}

func wrapUnique(c compare.Comparison) []GoldItem {
	out := make([]GoldItem, len(c.Unique))
	for i, u := range c.Unique {
		out[i] = GoldItem{Spans: []GoldSpan{{Article: u.ArticleID, Start: u.Start, End: u.End}}}
	}
	return out
}

func predShared(c compare.Comparison) []GoldItem {
	var out []GoldItem
	for _, s := range c.Shared {
		it := GoldItem{}
		for _, e := range s.Support {
			it.Spans = append(it.Spans, GoldSpan{Article: e.ArticleID, Start: e.Start, End: e.End})
		}
		out = append(out, it)
	}
	return out
}

func predConflicts(c compare.Comparison) []GoldItem {
	var out []GoldItem
	for _, x := range c.Conflicts {
		it := GoldItem{Attribute: x.Attribute}
		for _, v := range x.Values {
			it.Spans = append(it.Spans, GoldSpan{Article: v.ArticleID, Start: v.Start, End: v.End})
		}
		out = append(out, it)
	}
	return out
}

// predQuotes keeps the quote groups with wordings from two or more
// articles: a quote only one article has is not a cross-source item.
func predQuotes(c compare.Comparison) []GoldItem {
	var out []GoldItem
	for _, q := range c.Quotes {
		it := GoldItem{}
		arts := map[int64]bool{}
		for _, v := range q.Variants {
			arts[v.ArticleID] = true
			it.Spans = append(it.Spans, GoldSpan{Article: v.ArticleID, Start: v.Start, End: v.End})
		}
		if len(arts) >= 2 {
			out = append(out, it)
		}
	}
	return out
}

// matchItems pairs gold and predicted items one-to-one, gold in order, and
// returns true positives, false positives and false negatives. A pair
// matches when evidence overlaps in at least two articles (one for
// single-span items) and, when key is "attribute", the attributes agree.
func matchItems(gold, pred []GoldItem, key string) [3]int {
	used := make([]bool, len(pred))
	tp := 0
	for _, g := range gold {
		need := min(2, len(g.Spans))
		for i, p := range pred {
			if used[i] || (key == "attribute" && p.Attribute != g.Attribute) {
				continue
			}
			arts := map[int64]bool{}
			for _, gs := range g.Spans {
				for _, ps := range p.Spans {
					if overlaps(gs, ps) {
						arts[gs.Article] = true
					}
				}
			}
			if len(arts) >= need {
				used[i] = true
				tp++
				break
			}
		}
	}
	return [3]int{tp, len(pred) - tp, len(gold) - tp}
}

// overlaps says two spans of the same article share at least minOverlap of
// the shorter one.
func overlaps(a, b GoldSpan) bool {
	if a.Article != b.Article {
		return false
	}
	ov := min(a.End, b.End) - max(a.Start, b.Start)
	shorter := min(a.End-a.Start, b.End-b.Start)
	return ov > 0 && shorter > 0 && float64(ov) >= minOverlap*float64(shorter)
}
