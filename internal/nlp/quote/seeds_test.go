package quote

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

const seedDir = "/work/shared/seeds"

func readSeed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(seedDir + "/" + name)
	if err != nil {
		t.Skipf("seed %s not available: %v", name, err)
	}
	return string(b)
}

// mentions builds hand-made mentions of every whole-word occurrence of
// each form; pronouns are kept only at the given occurrences (0-based).
func mentions(text string, names []string, pronoun string, keep ...int) []news.Mention {
	var out []news.Mention
	for _, n := range names {
		for _, loc := range regexp.MustCompile(`\b`+regexp.QuoteMeta(n)+`\b`).FindAllStringIndex(text, -1) {
			out = append(out, news.Mention{Start: loc[0], End: loc[1], Text: n, Kind: "name"})
		}
	}
	if pronoun != "" {
		for i, loc := range regexp.MustCompile(`\b(?:`+pronoun+`)\b`).FindAllStringIndex(text, -1) {
			if slices.Contains(keep, i) {
				out = append(out, news.Mention{Start: loc[0], End: loc[1], Text: text[loc[0]:loc[1]], Kind: "pronoun"})
			}
		}
	}
	return out
}

func seedEntities(text string, shoigu, baradar []int) []news.Entity {
	return []news.Entity{
		{ID: "per:sergei_shoigu", Name: "Sergei Shoigu", Type: news.PER,
			Mentions: mentions(text, []string{"Sergei Shoigu", "Shoigu"}, "[Hh]e|him", shoigu...)},
		{ID: "per:abdul_ghani_baradar", Name: "Abdul Ghani Baradar", Type: news.PER,
			Mentions: mentions(text, []string{"Abdul Ghani Baradar", "Baradar"}, "[Hh]e|him", baradar...)},
		{ID: "org:tass", Name: "TASS", Type: news.ORG, Mentions: mentions(text, []string{"TASS"}, "")},
	}
}

func TestSeedNewsroom(t *testing.T) {
	text := readSeed(t, "000_f9bd5f106b571614.txt")
	// he said, he described, He accused -> Shoigu; He detailed -> Baradar.
	res := Find(text, nil, seedEntities(text, []int{0, 1, 2}, []int{3}))
	checkDirectQuotesHaveSpeakers(t, text, res)
	q := findQuote(t, res, "We are therefore waiting")
	if q.Speaker == nil || q.Speaker.EntityID != "per:abdul_ghani_baradar" {
		t.Errorf("Baradar quote speaker = %+v", q.Speaker)
	}
	q = findQuote(t, res, "This step will allow")
	if q.Speaker == nil || q.Speaker.EntityID != "per:sergei_shoigu" || text[q.SpeakerStart:q.SpeakerEnd] != "he" {
		t.Errorf("pronoun quote speaker = %+v (%q)", q.Speaker, text[q.SpeakerStart:q.SpeakerEnd])
	}
}

func TestSeedKhaamaPress(t *testing.T) {
	text := readSeed(t, "002_cddb92abe5f04e79.txt")
	// he emphasized, him saying, he held -> Shoigu.
	res := Find(text, nil, seedEntities(text, []int{0, 1, 2}, nil))
	checkDirectQuotesHaveSpeakers(t, text, res)
	for _, start := range []string{"We intend to develop", "I confirm that", "to assist the current regime"} {
		q := findQuote(t, res, start)
		if !slices.Contains(q.Via, "TASS") {
			t.Errorf("quote %q via = %v, want TASS", start, q.Via)
		}
	}
	q := findQuote(t, res, "I confirm that")
	if q.Speaker == nil || q.Speaker.EntityID != "per:sergei_shoigu" || text[q.SpeakerStart:q.SpeakerEnd] != "him" {
		t.Errorf("“TASS reported him saying” speaker = %+v", q.Speaker)
	}
	q = findQuote(t, res, "to assist the current regime")
	if q.Speaker == nil || q.Speaker.EntityID != "per:abdul_ghani_baradar" {
		t.Errorf("Baradar claim speaker = %+v", q.Speaker)
	}
	n := 0
	for _, c := range res.Citations {
		if c.Source == "TASS" && text[c.Start:c.End] == "TASS" {
			n++
		}
	}
	if n < 2 {
		t.Errorf("got %d TASS citations, want at least 2: %+v", n, res.Citations)
	}
}

func checkDirectQuotesHaveSpeakers(t *testing.T, text string, res Result) {
	t.Helper()
	direct := 0
	for _, q := range res.Quotes {
		if q.Text != text[q.Start:q.End] {
			t.Errorf("quote text %q does not match its span", q.Text)
		}
		if !q.Direct {
			continue
		}
		direct++
		if q.Speaker == nil || q.SpeakerEnd <= q.SpeakerStart {
			t.Errorf("direct quote %q has no speaker", q.Text)
		}
	}
	if direct == 0 {
		t.Error("no direct quotes found")
	}
}

func findQuote(t *testing.T, res Result, prefix string) news.Quote {
	t.Helper()
	for _, q := range res.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	t.Fatalf("no quote starting %q", prefix)
	return news.Quote{}
}
