package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

const shoigu = "per:sergei_shoigu"

// seedAnnotations is a realistic annotation set with nil and empty
// collections, a quote without a speaker and a metonym.
func seedAnnotations() news.Annotations {
	return news.Annotations{
		Sentences: []news.Span{{Start: 0, End: 42}, {Start: 43, End: 120}},
		Entities: []news.Entity{
			{
				ID: shoigu, Name: "Sergei Shoigu", Type: news.PER,
				Aliases:  []string{"Shoigu", "Сергей Шойгу"},
				Mentions: []news.Mention{{Start: 0, End: 13, Text: "Sergei Shoigu", Kind: "name"}, {Start: 43, End: 45, Text: "He", Kind: "pronoun"}},
				Roles:    []news.Role{{Title: "former Defense Minister", Normalized: "defense minister", Former: true, Country: "RU", Start: 15, End: 38}},
			},
			{
				ID: "loc:moscow", Name: "Moscow", Type: news.LOC, Refers: "gov:russia",
				Mentions: []news.Mention{{Start: 50, End: 56, Text: "Moscow"}},
				Roles:    []news.Role{},
			},
		},
		Timexes: []news.Timex{{Text: "Monday", Start: 30, End: 36, Type: "DATE", Value: "2024-11-25"}},
		Quotes: []news.Quote{
			{Text: "We are aimed at developing relations", Start: 60, End: 96, Direct: true,
				Speaker: &news.Speaker{EntityID: shoigu, Name: "Sergei Shoigu"}, SpeakerStart: 0, SpeakerEnd: 13,
				Cue: "said", Via: []string{"TASS"}},
			{Text: "unattributed words", Start: 100, End: 118, Cue: "reportedly"},
		},
		Citations: []news.Citation{},
		EventDate: "2024-11-25",
	}
}

func testAnnotations(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := putArticle(t, s, simpleArticle("Shoigu in Kabul", "Caspian News", "Sergei Shoigu arrived."))
	want := seedAnnotations()
	if err := s.PutAnnotations(ctx, a.ID, want); err != nil {
		t.Fatalf("PutAnnotations: %v", err)
	}
	got, err := s.Annotations(ctx, a.ID)
	if err != nil {
		t.Fatalf("Annotations: %v", err)
	}
	// Exact: nil and empty collections, nil pointers all survive.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Annotations round trip (-want +got):\n%s", diff)
	}

	replaced := news.Annotations{Sentences: []news.Span{{Start: 0, End: 22}}}
	if err := s.PutAnnotations(ctx, a.ID, replaced); err != nil {
		t.Fatalf("PutAnnotations again: %v", err)
	}
	got, err = s.Annotations(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(replaced, got); diff != "" {
		t.Errorf("replaced annotations (-want +got):\n%s", diff)
	}
	occ, err := s.EntityMentions(ctx, shoigu, 0)
	if err != nil || len(occ) != 0 {
		t.Errorf("EntityMentions after replacement = %v, %v; want none", occ, err)
	}
}

func testAnnotationsDroppedOnNewText(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := putArticle(t, s, simpleArticle("T", "O", "Old text."))
	if err := s.PutAnnotations(ctx, a.ID, seedAnnotations()); err != nil {
		t.Fatal(err)
	}
	same := a
	same.Title = news.Str("New title, same text")
	if _, _, err := s.PutArticle(ctx, same); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Annotations(ctx, a.ID); err != nil {
		t.Errorf("annotations lost though the text did not change: %v", err)
	}
	changed := a
	changed.Text, changed.TextSHA256 = "New text with other offsets.", ""
	if _, _, err := s.PutArticle(ctx, changed); err != nil {
		t.Fatal(err)
	}
	_, err := s.Annotations(ctx, a.ID)
	wantErr(t, "annotations after text change", err, news.ErrNotFound)
	if occ, err := s.EntityMentions(ctx, shoigu, 0); err != nil || len(occ) != 0 {
		t.Errorf("EntityMentions after text change = %v, %v; want none", occ, err)
	}
}

func testEntityMentions(t *testing.T, s store.Store) {
	ctx := t.Context()
	day := func(d int) *news.Timestamp {
		return &news.Timestamp{Time: time.Date(2024, 11, d, 0, 0, 0, 0, time.UTC), DateOnly: true}
	}
	// Stored newest first so that ID order and date order disagree.
	late := simpleArticle("Late", "O", "late text")
	late.PublishedAt = day(27)
	early := simpleArticle("Early", "O", "early text")
	early.PublishedAt = day(24)
	unrelated := simpleArticle("Unrelated", "O", "other text")
	sLate, sEarly, sUnrelated := putArticle(t, s, late), putArticle(t, s, early), putArticle(t, s, unrelated)
	ann := seedAnnotations()
	for _, id := range []int64{sLate.ID, sEarly.ID} {
		if err := s.PutAnnotations(ctx, id, ann); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutAnnotations(ctx, sUnrelated.ID, news.Annotations{Entities: []news.Entity{{ID: "per:someone_else", Name: "Someone"}}}); err != nil {
		t.Fatal(err)
	}

	got, err := s.EntityMentions(ctx, shoigu, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.EntityOccurrence{
		{ArticleID: sEarly.ID, Title: "Early", PublishedAt: early.PublishedAt, Entity: ann.Entities[0], Quotes: ann.Quotes[:1]},
		{ArticleID: sLate.ID, Title: "Late", PublishedAt: late.PublishedAt, Entity: ann.Entities[0], Quotes: ann.Quotes[:1]},
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("EntityMentions (-want +got):\n%s", diff)
	}

	limited, err := s.EntityMentions(ctx, shoigu, 1)
	if err != nil || len(limited) != 1 || limited[0].ArticleID != sEarly.ID {
		t.Errorf("EntityMentions(limit 1) = %+v, %v", limited, err)
	}
	// A metonym involves what it refers to.
	viaRefers, err := s.EntityMentions(ctx, "gov:russia", 0)
	if err != nil || len(viaRefers) != 2 || viaRefers[0].Entity.Name != "Moscow" || len(viaRefers[0].Quotes) != 0 {
		t.Errorf("EntityMentions(gov:russia) = %+v, %v; want the Moscow entity twice, no quotes", viaRefers, err)
	}
	none, err := s.EntityMentions(ctx, "per:nobody", 0)
	if err != nil || len(none) != 0 {
		t.Errorf("EntityMentions(unknown) = %v, %v; want none", none, err)
	}
}

func testPersonIDs(t *testing.T, s store.Store) {
	ctx := t.Context()
	ids := []string{"per:trump", "per:donald_trump", "per:donald_j_trump", "per:trumpet", "per:trump_organization_x",
		"org:trump", "per:notrump", "per:ivanka_trump"}
	for i, id := range ids {
		a := putArticle(t, s, simpleArticle(fmt.Sprint("A", i), "O", fmt.Sprint("text ", i)))
		if err := s.PutAnnotations(ctx, a.ID, news.Annotations{Entities: []news.Entity{{ID: id, Name: id, Type: news.PER}}}); err != nil {
			t.Fatal(err)
		}
	}
	// A second article with the same ID lists it once.
	a := putArticle(t, s, simpleArticle("Again", "O", "again"))
	if err := s.PutAnnotations(ctx, a.ID, news.Annotations{Entities: []news.Entity{{ID: "per:donald_trump", Name: "Donald Trump", Type: news.PER}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.PersonIDs(ctx, "trump", 0)
	want := []string{"per:donald_j_trump", "per:donald_trump", "per:ivanka_trump", "per:trump"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("PersonIDs(trump) = %q, %v; want %q", got, err, want)
	}
	if got, err := s.PersonIDs(ctx, "trump", 2); err != nil || len(got) != 2 {
		t.Errorf("PersonIDs(trump, limit 2) = %q, %v", got, err)
	}
	// LIKE metacharacters in the surname are literal.
	if got, err := s.PersonIDs(ctx, "%", 0); err != nil || len(got) != 0 {
		t.Errorf("PersonIDs(%%) = %q, %v; want none", got, err)
	}
}
