package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// searchCorpus stores four articles: one about Shoigu in its title, one
// that mentions him in passing, and two about other things.
func searchCorpus(t *testing.T, s store.Store) (title, body, energy, weather news.Article) {
	t.Helper()
	day := func(d int) *news.Timestamp {
		return &news.Timestamp{Time: time.Date(2024, 11, d, 0, 0, 0, 0, time.UTC), DateOnly: true}
	}
	a := simpleArticle("Shoigu visits Kabul for security talks", "Caspian News",
		"The Russian delegation and Taliban officials met near the Afghan capital on Monday.")
	a.PublishedAt = day(25)
	b := simpleArticle("Regional roundup", "Khaama Press",
		"Several envoys travelled this week. Among them, Shoigu was seen in Kabul, "+
			"while trade ministers discussed tariffs, grain corridors, pipelines and the weather in detail.")
	b.PublishedAt = day(26)
	c := simpleArticle("Energy cooperation", "Khaama Press", "Kabul and Moscow discussed energy projects and visiting engineers.")
	c.PublishedAt = day(20)
	d := simpleArticle("Snow expected", "Caspian News", "Heavy snow is expected across the region.")
	d.PublishedAt = day(27)
	title, body, energy, weather = putArticle(t, s, a), putArticle(t, s, b), putArticle(t, s, c), putArticle(t, s, d)
	if err := s.PutAnnotations(t.Context(), body.ID, news.Annotations{Entities: []news.Entity{{ID: shoigu, Name: "Shoigu"}}}); err != nil {
		t.Fatal(err)
	}
	// The energy article names the same person by surname only.
	if err := s.PutAnnotations(t.Context(), energy.ID, news.Annotations{Entities: []news.Entity{{ID: "per:shoigu", Name: "Shoigu"}}}); err != nil {
		t.Fatal(err)
	}
	return title, body, energy, weather
}

func search(t *testing.T, s store.Store, q store.SearchQuery) []int64 {
	t.Helper()
	list, _, err := s.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return ids(list)
}

func testSearchRanking(t *testing.T, s store.Store) {
	title, body, energy, _ := searchCorpus(t, s)
	tests := []struct {
		name string
		text string
		want []int64
	}{
		{"title match beats body mention", "Shoigu", []int64{title.ID, body.ID}},
		{"all words must occur", "Shoigu delegation", []int64{title.ID}},
		{"case and stemming", "VISITING kabul", []int64{title.ID, energy.ID}},
		{"no match", "volcano", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, search(t, s, store.SearchQuery{Text: tc.text}), cmpOpts...); diff != "" {
				t.Errorf("Search(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
	list, _, err := s.Search(t.Context(), store.SearchQuery{Text: "Shoigu"})
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	if diff := cmp.Diff(title, list[0]); diff != "" {
		t.Errorf("search result is not the full article (-want +got):\n%s", diff)
	}
}

func testSearchFilters(t *testing.T, s store.Store) {
	title, body, energy, weather := searchCorpus(t, s)
	tests := []struct {
		name string
		q    store.SearchQuery
		want []int64
	}{
		{"outlet", store.SearchQuery{Text: "Kabul", Outlet: "Khaama Press"}, []int64{body.ID, energy.ID}},
		{"from", store.SearchQuery{Text: "Kabul", From: time.Date(2024, 11, 26, 0, 0, 0, 0, time.UTC)}, []int64{body.ID}},
		{"to", store.SearchQuery{Text: "Kabul", To: time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC)}, []int64{energy.ID}},
		{"entity", store.SearchQuery{Text: "Kabul", EntityID: shoigu}, []int64{body.ID}},
		{"entity without text", store.SearchQuery{EntityID: shoigu}, []int64{body.ID}},
		{"filters only, newest first", store.SearchQuery{Outlet: "Caspian News"}, []int64{weather.ID, title.ID}},
		{"unknown entity", store.SearchQuery{Text: "Kabul", EntityID: "per:nobody"}, nil},
		{"entity aliases", store.SearchQuery{Text: "Kabul", EntityID: shoigu, EntityIDs: []string{"per:shoigu", shoigu}}, []int64{body.ID, energy.ID}},
		{"aliases alone", store.SearchQuery{EntityIDs: []string{"per:shoigu"}}, []int64{energy.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := search(t, s, tc.q)
			if tc.q.Text != "" {
				// Ranking among body matches is backend-specific: compare sets.
				slices.Sort(got)
				slices.Sort(tc.want)
			}
			if diff := cmp.Diff(tc.want, got, cmpOpts...); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// testSearchQuerySyntax feeds user text that is operator syntax in common
// full-text engines; it must be searched as words, never fail as syntax.
func testSearchQuerySyntax(t *testing.T, s store.Store) {
	title, _, _, _ := searchCorpus(t, s)
	for _, text := range []string{`"Shoigu" security`, `Shoigu AND (security`, `security* -Shoigu:`, `NEAR(shoigu security)`, `shoigu: "security`} {
		list, _, err := s.Search(t.Context(), store.SearchQuery{Text: text})
		if err != nil {
			t.Errorf("Search(%q): %v", text, err)
			continue
		}
		if len(list) != 1 || list[0].ID != title.ID {
			t.Errorf("Search(%q) = %v, want [%d]", text, ids(list), title.ID)
		}
	}
	_, _, err := s.Search(t.Context(), store.SearchQuery{Text: "!!! ..."})
	wantErr(t, "no searchable word", err, news.ErrInvalidInput)
	_, _, err = s.Search(t.Context(), store.SearchQuery{Text: "Kabul", Cursor: "nope"})
	wantErr(t, "bad cursor", err, news.ErrInvalidInput)
}

func testSearchPagination(t *testing.T, s store.Store) {
	searchCorpus(t, s)
	want := search(t, s, store.SearchQuery{Text: "Kabul"})
	if len(want) != 3 {
		t.Fatalf("Search(Kabul) = %v, want 3 results", want)
	}
	var got []int64
	cursor := ""
	for page := 0; page < 5; page++ {
		list, next, err := s.Search(t.Context(), store.SearchQuery{Text: "Kabul", Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(list)...)
		if next == "" {
			break
		}
		cursor = next
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paged search (-want +got):\n%s", diff)
	}
}

// testSearchFollowsReplace checks the index follows PutArticle replacements.
func testSearchFollowsReplace(t *testing.T, s store.Store) {
	a := putArticle(t, s, simpleArticle("Glacier melt", "O", "Ice shelves are retreating."))
	if got := search(t, s, store.SearchQuery{Text: "glacier"}); len(got) != 1 {
		t.Fatalf("Search(glacier) = %v, want [%d]", got, a.ID)
	}
	a.Title, a.Text, a.TextSHA256 = news.Str("Harvest report"), "Wheat yields rose.", ""
	if _, _, err := s.PutArticle(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if got := search(t, s, store.SearchQuery{Text: "glacier"}); len(got) != 0 {
		t.Errorf("Search(glacier) after replace = %v, want none", got)
	}
	if got := search(t, s, store.SearchQuery{Text: "wheat"}); len(got) != 1 || got[0] != a.ID {
		t.Errorf("Search(wheat) after replace = %v, want [%d]", got, a.ID)
	}
}
