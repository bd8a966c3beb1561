package export

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// fakeSource is an in-memory Source that pages like a store: articles
// newest (highest ID) first, pages of q.Limit, cursors are the next index.
type fakeSource struct {
	articles    []news.Article // ascending IDs
	annotations map[int64]news.Annotations
	stories     []news.Story
	comparisons map[int64]compare.Comparison
}

func page[T any](items []T, limit int, cursor string) ([]T, string) {
	start := 0
	if cursor != "" {
		fmt.Sscan(cursor, &start)
	}
	end := min(start+limit, len(items))
	next := ""
	if end < len(items) {
		next = fmt.Sprint(end)
	}
	return items[start:end], next
}

func (f *fakeSource) Articles(_ context.Context, q store.ArticleQuery) ([]news.Article, string, error) {
	var sel []news.Article
	for _, a := range slices.Backward(f.articles) {
		if q.Outlet != "" && news.Deref(a.Outlet) != q.Outlet {
			continue
		}
		sel = append(sel, a)
	}
	list, next := page(sel, q.Limit, q.Cursor)
	return list, next, nil
}

func (f *fakeSource) Article(_ context.Context, id int64) (news.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return news.Article{}, news.ErrNotFound
}

func (f *fakeSource) Annotations(_ context.Context, id int64) (news.Annotations, error) {
	ann, ok := f.annotations[id]
	if !ok {
		return news.Annotations{}, news.ErrNotFound
	}
	return ann, nil
}

func (f *fakeSource) StoryOfArticle(_ context.Context, id int64) (news.Story, error) {
	for _, s := range f.stories {
		if slices.Contains(s.ArticleIDs, id) {
			return s, nil
		}
	}
	return news.Story{}, news.ErrNotFound
}

func (f *fakeSource) Stories(_ context.Context, q store.StoryQuery) ([]news.Story, string, error) {
	list, next := page(f.stories, q.Limit, q.Cursor)
	return list, next, nil
}

func (f *fakeSource) Comparison(_ context.Context, id int64) (compare.Comparison, error) {
	c, ok := f.comparisons[id]
	if !ok {
		return compare.Comparison{}, news.ErrNotFound
	}
	return c, nil
}

func fixture() *fakeSource {
	textA := `Moscow's envoy, Deputy Minister Ivan Petrov, said on Monday: "Talks, "hard" ones, went well," according to TASS.`
	textB := "Ivan Petrov visited Kabul on Tuesday, =HYPERLINK(\"x\") the agency said.\nA second line."
	pub := &news.Timestamp{Time: time.Date(2024, 11, 26, 9, 30, 0, 0, time.UTC)}
	day := &news.Timestamp{Time: time.Date(2024, 11, 27, 0, 0, 0, 0, time.UTC), DateOnly: true}
	span := func(text, sub string) (int, int) {
		i := strings.Index(text, sub)
		return i, i + len(sub)
	}
	ps, pe := span(textA, "Ivan Petrov")
	ts, te := span(textA, "Deputy Minister")
	qs, qe := span(textA, `Talks, "hard" ones, went well,`)
	cs, ce := span(textA, "TASS")
	ms, me := span(textA, "on Monday")
	bs, be := span(textB, "Ivan Petrov")
	vs, ve := span(textB, "visited")
	ks, ke := span(textB, "Kabul")
	petrov := news.Entity{ID: "per:ivan_petrov", Name: "Ivan Petrov", Type: news.PER, Aliases: []string{"Ivan Petrov"},
		Mentions: []news.Mention{{Start: ps, End: pe, Text: "Ivan Petrov", Kind: "name"}},
		Roles:    []news.Role{{Title: "Deputy Minister", Normalized: "deputy minister", Start: ts, End: te}}}
	moscow := news.Entity{ID: "loc:moscow", Name: "Moscow", Type: news.LOC, Refers: "gov:russia",
		Mentions: []news.Mention{{Start: 0, End: 6, Text: "Moscow", Kind: "name"}}}
	f := &fakeSource{
		articles: []news.Article{
			{ID: 1, Source: "a.txt", Outlet: news.Str("Outlet A"), Title: news.Str(`A "quoted", title`), PublishedAt: pub, Text: textA, TextSHA256: "aa"},
			{ID: 2, Source: "b.html", URL: news.Str("https://b.example/x"), Outlet: news.Str("Outlet B"), PublishedAt: day, Language: news.Str("en"), Text: textB, TextSHA256: "bb"},
			{ID: 3, Source: "unread.txt", Text: "Not read yet."},
		},
		annotations: map[int64]news.Annotations{
			1: {Entities: []news.Entity{moscow, petrov}, EventDate: "2024-11-25",
				Timexes:   []news.Timex{{Text: "on Monday", Start: ms, End: me, Type: "DATE", Value: "2024-11-25"}},
				Quotes:    []news.Quote{{Text: textA[qs:qe], Start: qs, End: qe, Direct: true, Speaker: &news.Speaker{EntityID: petrov.ID, Name: petrov.Name}, SpeakerStart: ps, SpeakerEnd: pe, Cue: "said", Via: []string{"TASS"}}, {Text: "went well", Start: 0, End: 9}},
				Citations: []news.Citation{{Source: "TASS", Start: cs, End: ce}}},
			2: {Entities: []news.Entity{{ID: petrov.ID, Name: petrov.Name, Type: news.PER, Mentions: []news.Mention{{Start: bs, End: be, Text: "Ivan Petrov", Kind: "name"}}}},
				Events: []news.Event{
					{Action: "CONSULT", Cue: "visited", Start: vs, End: ve, Actor: petrov.Name, ActorID: petrov.ID, ActorSpan: &news.Span{Start: bs, End: be},
						Target: "Kabul", TargetID: "loc:kabul", TargetSpan: &news.Span{Start: ks, End: ke}, Date: "2024-11-26"},
					{Action: "REJECT", Negated: true, Cue: "went", Start: 9000, End: 9004}, // outside the text: left out
				}},
		},
		stories: []news.Story{{ID: 7, Title: "Petrov in Kabul", EventDate: "2024-11-25", FirstSeen: pub.Time, LastSeen: day.Time, ArticleIDs: []int64{1, 2}, Sources: 2}},
	}
	f.comparisons = map[int64]compare.Comparison{7: {
		Shared:    []compare.Shared{{Claim: "Petrov visited", Support: []compare.Evidence{{ArticleID: 1, Text: "Ivan Petrov", Start: ps, End: pe}, {ArticleID: 2, Text: "Ivan Petrov", Start: bs, End: be}}}},
		Unique:    []compare.Unique{{ArticleID: 2, Claim: "A second line.", Text: "A second line.", Start: len(textB) - 14, End: len(textB)}},
		Conflicts: []compare.Conflict{{Subject: "Ivan Petrov", Attribute: compare.AttrDate, Values: []compare.Value{{Value: "2024-11-25", ArticleID: 1, Text: "on Monday", Start: ms, End: me}, {Value: "2024-11-26", ArticleID: 2, Text: "on Tuesday", Start: 26, End: 36}}}},
		Quotes: []compare.QuoteGroup{
			{Speaker: "Ivan Petrov", Relation: compare.RelVariant, Variants: []compare.QuoteVariant{{ArticleID: 1, Text: "Talks", Start: qs, End: qs + 5, Via: []string{"TASS"}}, {ArticleID: 2, Text: "visited", Start: 12, End: 19}}},
			{Speaker: "Ivan Petrov", Relation: compare.RelSingle, Variants: []compare.QuoteVariant{{ArticleID: 1, Text: "went well"}}},
		},
	}}
	return f
}

// TestTablesGolden writes every table in both formats from a fixture
// with quotes, commas, newlines, a formula-like cell, unknown values, an
// unread article and a story comparison, and compares with golden files.
func TestTablesGolden(t *testing.T) {
	for _, table := range Tables {
		for _, format := range []string{FormatJSONL, FormatCSV} {
			t.Run(table.Name+"."+format, func(t *testing.T) {
				var buf bytes.Buffer
				w, err := NewWriter(format, &buf)
				if err != nil {
					t.Fatal(err)
				}
				if err := Write(context.Background(), fixture(), table, Filter{}, w); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", table.Name+"."+format+".golden")
				if *update {
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("output differs from %s:\n%s", golden, buf.String())
				}
			})
		}
	}
}

func TestPagingVisitsEveryArticleOnce(t *testing.T) {
	f := &fakeSource{annotations: map[int64]news.Annotations{}}
	for i := range pageSize*2 + 3 {
		f.articles = append(f.articles, news.Article{ID: int64(i + 1), Text: "x"})
	}
	seen := map[int64]int{}
	err := eachArticle(context.Background(), f, Filter{}, func(a news.Article, _ news.Annotations) error {
		seen[a.ID]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(f.articles) {
		t.Fatalf("visited %d of %d articles", len(seen), len(f.articles))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("article %d visited %d times", id, n)
		}
	}
}

func TestFilterSelectsStoriesByTheirArticles(t *testing.T) {
	f := fixture()
	f.stories = append(f.stories, news.Story{ID: 8, Title: "only C", ArticleIDs: []int64{3}})
	var got []int64
	table, _ := Lookup("stories")
	w := &rowsWriter{}
	if err := Write(context.Background(), f, table, Filter{Outlet: "Outlet B"}, w); err != nil {
		t.Fatal(err)
	}
	for _, r := range w.rows {
		got = append(got, r[0].(int64))
	}
	if !slices.Equal(got, []int64{7}) {
		t.Errorf("stories with an Outlet B article = %v, want [7]", got)
	}
}

type rowsWriter struct{ rows [][]any }

func (r *rowsWriter) Header([]string) error { return nil }
func (r *rowsWriter) Row(v []any) error     { r.rows = append(r.rows, slices.Clone(v)); return nil }
func (r *rowsWriter) Flush() error          { return nil }

func TestBadNamesAreInvalidInput(t *testing.T) {
	if _, err := Lookup("nope"); !errors.Is(err, news.ErrInvalidInput) || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("Lookup(nope) = %v", err)
	}
	if _, err := NewWriter("xml", &bytes.Buffer{}); !errors.Is(err, news.ErrInvalidInput) || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("NewWriter(xml) = %v", err)
	}
}

type failingSource struct{ *fakeSource }

func (failingSource) Comparison(context.Context, int64) (compare.Comparison, error) {
	return compare.Comparison{}, fmt.Errorf("disk on fire: %w", news.ErrUnavailable)
}

func TestSourceErrorsNameTheStory(t *testing.T) {
	table, _ := Lookup("claims")
	err := Write(context.Background(), failingSource{fixture()}, table, Filter{}, &rowsWriter{})
	if !errors.Is(err, news.ErrUnavailable) || !strings.Contains(err.Error(), "story 7") {
		t.Errorf("err = %v", err)
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1 555 0100 call", "'+1 555 0100 call"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tpadded", "'\tpadded"},
		{[]string{"=1+1", "b"}, "'=1+1; b"},
		{"-3.5", "-3.5"},
		{"+7", "+7"},
		{"plain text = fine", "plain text = fine"},
		{"", ""},
		{int64(-4), "-4"},
	}
	for _, tt := range tests {
		if got := csvCell(tt.in); got != tt.want {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
