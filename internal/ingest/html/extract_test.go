package html

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testNow fixes "now" so date plausibility checks are reproducible.
var testNow = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)

func TestExtractGolden(t *testing.T) {
	tests := []struct {
		file, url string
	}{
		{"jsonld_graph.html", "https://news.example.com/world/shoigu-kabul"},
		{"opengraph_latin1.html", "https://journal.example.fr/societe/cafes"},
		{"urldate_time.html", "https://wire.example.com/2024/11/25/markets-close-higher/"},
		{"nodate.html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			art, err := Extract(tt.file, page, tt.url, Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(art, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(tt.file, ".html")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(want)) != string(got) {
				t.Errorf("%s differs (run with -update):\n%s", golden, got)
			}
		})
	}
}

func TestExtractBehaviour(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "jsonld_graph.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Extractors() {
		t.Run(name, func(t *testing.T) {
			art, err := Extract("x", page, "https://news.example.com/world/shoigu-kabul", Options{Extractor: name, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(art.Text, "We are aimed at developing relations in all areas") {
				t.Errorf("main text missing:\n%s", art.Text)
			}
			for _, junk := range []string{"Other story one", "All rights reserved"} {
				if strings.Contains(art.Text, junk) {
					t.Errorf("boilerplate %q kept:\n%s", junk, art.Text)
				}
			}
			if !strings.Contains(art.Text, "\n\n") {
				t.Errorf("paragraphs not separated by blank lines:\n%s", art.Text)
			}
		})
	}
	if _, err := Extract("x", page, "", Options{Extractor: "nope"}); err == nil {
		t.Error("unknown extractor accepted")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // Timestamp.String(), "" for nil
	}{
		{"2024-11-25T10:30:00+03:00", "2024-11-25T10:30:00+03:00"},
		{"2024-11-25T10:30:00.123Z", "2024-11-25T10:30:00Z"},
		{"2024-11-25T10:30:00+0300", "2024-11-25T10:30:00+03:00"},
		{"2024-11-25 10:30:00", "2024-11-25T10:30:00"},
		{"2024-11-25T16:45", "2024-11-25T16:45:00"},
		{"2024-11-25", "2024-11-25"},
		{"20241125", "2024-11-25"},
		{"Mon, 25 Nov 2024 10:30:00 GMT", "2024-11-25T10:30:00Z"},
		{"1732530600", "2024-11-25T10:30:00Z"},
		{"2024-11-25T10:30:00+03:00 (Moscow)", "2024-11-25T10:30:00+03:00"},
		{"1970-01-01", ""},
		{"2031-01-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if ts := parseDate(tt.in, testNow); ts != nil {
			got = ts.String()
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := map[string]string{
		"https://x.example/2024/11/25/story/":     "2024-11-25",
		"https://x.example/news/2024-11-25-story": "2024-11-25",
		"https://x.example/20241125/story.html":   "2024-11-25",
		"https://x.example/2024/13/45/story":      "",
		"https://x.example/story-123456789":       "",
	}
	for u, want := range tests {
		got := ""
		if ts := dateFromURL(u, testNow); ts != nil {
			got = ts.String()
		}
		if got != want {
			t.Errorf("dateFromURL(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Headline here | Example News", "Example News", "example.com", "Headline here"},
		{"Example News - Headline here", "Example News", "example.com", "Headline here"},
		{"Headline here - Aerobuzz.de", "", "www.aerobuzz.de", "Headline here"},
		{"Headline here - aerobuzz", "", "www.aerobuzz.de", "Headline here"},
		{"Paris - Drinks by boat to the centre", "Lebensmittel", "lp.de", "Paris - Drinks by boat to the centre"},
		{"Headline here - Aerobuzz Community Forum", "", "forum.aerobuzz.de", "Headline here"},
		{"Aerobuzz's Digital Home | Headline here", "", "aerobuzz.com", "Headline here"},
		{"Aerobuzz warns pilots about the weather over the Alps - Today", "", "aerobuzz.com", "Aerobuzz warns pilots about the weather over the Alps - Today"},
		{"23.01.2022 - Headline here", "", "example.com", "Headline here"},
		{"SITE NEWS|Headline here", "SITE NEWS", "example.com", "Headline here"},
		{"23.01.2022 - Headline here - Example", "", "example.com", "Headline here"},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSiteSuffix(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestCleanHeading(t *testing.T) {
	tests := []struct {
		h1     string
		titles []string
		want   string
	}{
		{"Headline here | Example News", nil, "Headline here"},
		{"Headline: Bridge closes after forty years", []string{"Bridge closes after forty years"}, "Bridge closes after forty years"},
		{"Press release of the ministry : Bridge closes", []string{"Bridge closes"}, "Bridge closes"},
		{"Bridge closes 02.02.2022 • News , Region", []string{"Bridge closes"}, "Bridge closes"},
		{"Traffic chaos: Bridge closes after forty years", []string{"Bridge closes after forty years"}, "Traffic chaos: Bridge closes after forty years"},
		{"Bridge closes: the town loses its crossing", []string{"Bridge closes"}, "Bridge closes: the town loses its crossing"},
	}
	for _, tt := range tests {
		if got := cleanHeading(tt.h1, tt.titles, "Example News", "example.com"); got != tt.want {
			t.Errorf("cleanHeading(%q) = %q, want %q", tt.h1, got, tt.want)
		}
	}
}

func TestHeadlineFromFirstHeading(t *testing.T) {
	m := &pageMeta{meta: map[string]string{}, title: "Valley Blog", headings: []string{"Menu", "Bridge closes after forty years", "Comments"}}
	if got := m.headline("Valley Blog", "valley.example"); got != "Bridge closes after forty years" {
		t.Errorf("headline = %q", got)
	}
	m.title = "Bridge closes | Valley Blog"
	if got := m.headline("Valley Blog", "valley.example"); got != "Bridge closes" {
		t.Errorf("headline with a title = %q", got)
	}
}

func TestShownPart(t *testing.T) {
	headings := []string{"Comments", "Bridge closes after forty years"}
	if got := shownPart("Valley Club - Bridge closes after forty years - News", headings); got != "Bridge closes after forty years" {
		t.Errorf("shownPart = %q", got)
	}
	if got := shownPart("Editor's Letter - bye Baby", []string{"Editor’s Letter – bye Baby"}); got != "Editor’s Letter – bye Baby" {
		t.Errorf("shownPart kept the metadata spelling: %q", got)
	}
	if got := shownPart("Bridge closes after forty years", headings); got != "" {
		t.Errorf("shownPart of a one-part title = %q, want empty", got)
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"jsonld_graph.html", "opengraph_latin1.html", "urldate_time.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[[[{"@type":"NewsArticle","author":[[]]}]]]}</script>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		art, err := Extract("fuzz", page, "https://x.example/2024/01/02/a", Options{Extractor: Heuristic, Now: testNow})
		if err == nil && art.Warnings == nil {
			t.Fatal("nil warnings")
		}
		_ = news.Deref(art.Title)
	})
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "jsonld_graph.html"))
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range Extractors() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := Extract("bench", page, "https://news.example.com/a", Options{Extractor: name, Now: testNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A page whose HTML yields only a teaser takes the main text from its
// JSON-LD articleBody (tags and entities removed, one paragraph a line);
// a page whose HTML holds the article keeps its own text.
func TestArticleBodyFallback(t *testing.T) {
	long := strings.Repeat("The council of Quokkaville approved the harbour plan on Monday after a long debate. ", 15)
	for _, tt := range []struct {
		text, body string
		want       bool
	}{
		{"The council approved the plan.", long, true},
		{"", long, true},
		{"The council approved the plan.", "Too short a body.", false},
		{strings.Repeat("A page with its own article text. ", 20), long + long + long, false},
	} {
		if got := preferArticleBody(tt.text, tt.body); got != tt.want {
			t.Errorf("preferArticleBody(%d runes, %d runes) = %v", len(tt.text), len(tt.body), got)
		}
	}
	m := &pageMeta{jsonLD: []map[string]any{{"@type": "NewsArticle", "articleBody": "First <b>bold</b> paragraph.<p>Second &amp; last.</p>"}}}
	if got := articleBody(m); got != "First bold paragraph.\n\nSecond & last." {
		t.Errorf("articleBody with markup = %q", got)
	}
	m = &pageMeta{jsonLD: []map[string]any{{"@type": "NewsArticle", "articleBody": "One line.\n\n  Two &amp; three.  "}}}
	if got := articleBody(m); got != "One line.\n\nTwo & three." {
		t.Errorf("plain articleBody = %q", got)
	}
}

func TestDisjointTexts(t *testing.T) {
	article := strings.Repeat("the council of quokkaville approved the harbour plan after a long debate on monday ", 30)
	comments := strings.Repeat("reader letters say the shutdown was wrong and masks should be optional for everyone here ", 12)
	for _, tt := range []struct {
		name, a, b string
		want       bool
	}{
		{"comments against the article", comments, article, true},
		{"the same article, longer", article[:len(article)/2], article, false},
		{"a second text no longer", comments, comments + " and more", false},
		{"a whole-page listing", comments, strings.Repeat(article, 8), false},
		{"too short to tell", "a few words only here", article, false},
	} {
		if got := disjointTexts(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: disjointTexts = %v", tt.name, got)
		}
	}
}
