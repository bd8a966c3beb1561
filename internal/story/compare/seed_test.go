package compare_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/story/compare"
)

const seedDir = "/work/shared/seeds"

// readSeeds extracts and reads the seed articles, IDs 1..n in file order.
func readSeeds(t testing.TB) compare.Input {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) < 2 {
		t.Skipf("seed articles not found in %s", seedDir)
	}
	r, err := reader.New()
	if err != nil {
		t.Fatal(err)
	}
	var in compare.Input
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := pipeline.Formats{}.Extract(f, raw, "")
		if err != nil {
			t.Fatal(err)
		}
		in.Articles = append(in.Articles, compare.Article{ID: int64(i + 1), Outlet: derefOr(a.Outlet), Text: a.Text, Annotations: r.Read(a)})
	}
	return in
}

func derefOr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestSeedStory(t *testing.T) {
	in := readSeeds(t)
	c := compare.Compare(in)
	checkSpans(t, in, c)

	var coop *compare.QuoteGroup
	for i, g := range c.Quotes {
		if slices.ContainsFunc(g.Variants, func(v compare.QuoteVariant) bool { return strings.Contains(v.Text, "bilateral cooperation") }) {
			coop = &c.Quotes[i]
		}
	}
	if coop == nil || len(coop.Variants) != 2 || coop.Relation != compare.RelVariant || !strings.Contains(coop.Speaker, "Shoigu") {
		t.Errorf("cooperation quotes: got %+v, want one Shoigu group of two variants", coop)
	}

	if !slices.ContainsFunc(c.Conflicts, func(x compare.Conflict) bool {
		return x.Attribute == compare.AttrRole && strings.Contains(x.Subject, "Shoigu") &&
			hasValue(x, "Secretary of Russia’s National Security Council") && hasValue(x, "National Security Advisor")
	}) {
		t.Errorf("no role conflict for Shoigu's titles in %+v", c.Conflicts)
	}
	if !slices.ContainsFunc(c.Conflicts, func(x compare.Conflict) bool {
		return x.Attribute == compare.AttrTopic && hasValue(x, "security cooperation") && hasValue(x, "energy issues")
	}) {
		t.Errorf("no topic conflict for the talks in %+v", c.Conflicts)
	}

	tass := 0
	for _, ct := range c.Citations {
		if ct.ArticleID == 2 && ct.Source == "TASS" {
			tass++
		}
	}
	if tass < 2 {
		t.Errorf("TASS citations of the Khaama Press article: got %d, want >= 2", tass)
	}

	if !hasUnique(c, 1, "withholding Afghan assets") {
		t.Errorf("US assets criticism is not unique to article 1")
	}
	if !hasUnique(c, 2, "intra-Afghan") {
		t.Errorf("intra-Afghan negotiations are not unique to article 2")
	}
	for _, sh := range c.Shared {
		if strings.Contains(sh.Claim, "withholding Afghan assets") || strings.Contains(sh.Claim, "intra-Afghan") {
			t.Errorf("unique content reported as shared: %q", sh.Claim)
		}
	}
	if !slices.ContainsFunc(c.Shared, func(sh compare.Shared) bool {
		return slices.ContainsFunc(sh.Support, func(e compare.Evidence) bool { return strings.Contains(e.Text, "unexpected visit to Kabul") }) &&
			slices.ContainsFunc(sh.Support, func(e compare.Evidence) bool { return strings.Contains(e.Text, "highly publicized visit to Kabul") })
	}) {
		t.Errorf("the visit to Kabul is not a shared claim")
	}
}

func hasValue(c compare.Conflict, text string) bool {
	return slices.ContainsFunc(c.Values, func(v compare.Value) bool { return strings.Contains(v.Text, text) })
}

func hasUnique(c compare.Comparison, article int64, text string) bool {
	return slices.ContainsFunc(c.Unique, func(u compare.Unique) bool { return u.ArticleID == article && strings.Contains(u.Text, text) })
}

// checkSpans asserts that every evidence span is the text it claims to be.
func checkSpans(t *testing.T, in compare.Input, c compare.Comparison) {
	t.Helper()
	text := map[int64]string{}
	for _, a := range in.Articles {
		text[a.ID] = a.Text
	}
	check := func(kind string, id int64, s string, start, end int) {
		if start < 0 || end > len(text[id]) || start > end || text[id][start:end] != s {
			t.Errorf("%s: span [%d,%d) of article %d is not %q", kind, start, end, id, s)
		}
	}
	for _, x := range c.Shared {
		for _, e := range x.Support {
			check("shared", e.ArticleID, e.Text, e.Start, e.End)
		}
	}
	for _, x := range c.Unique {
		check("unique", x.ArticleID, x.Text, x.Start, x.End)
	}
	for _, x := range c.Conflicts {
		for _, v := range x.Values {
			check("conflict", v.ArticleID, v.Text, v.Start, v.End)
		}
	}
	for _, g := range c.Quotes {
		for _, v := range g.Variants {
			check("quote", v.ArticleID, v.Text, v.Start, v.End)
		}
	}
	for _, x := range c.Citations {
		check("citation", x.ArticleID, x.Text, x.Start, x.End)
	}
}
