package jsonl

import (
	"errors"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestParse(t *testing.T) {
	raw := `{"id":"a1","title":" Hello ","text":"Body one.","outlet":"Wire","published_at":"2024-11-25"}

{"text":"Body two.","published_at":"2024-11-25T10:00:00+01:00","updated_at":"2024-11-25 12:00"}
not json
{"title":"no text"}
{"text":"Body three.","published_at":"someday"}
`
	items := Parse("in.jsonl", []byte(raw))
	if len(items) != 5 {
		t.Fatalf("got %d items, want 5", len(items))
	}
	first := items[0].Article
	if items[0].Err != nil || first.Source != "in.jsonl#a1" || news.Deref(first.Title) != "Hello" || news.Deref(first.Outlet) != "Wire" {
		t.Errorf("first item = %+v, err %v", first, items[0].Err)
	}
	if first.PublishedAt == nil || first.PublishedAt.String() != "2024-11-25" {
		t.Errorf("first published = %v", first.PublishedAt)
	}
	second := items[1].Article
	if second.Source != "in.jsonl:3" || second.PublishedAt.String() != "2024-11-25T10:00:00+01:00" {
		t.Errorf("second = %+v", second)
	}
	if second.UpdatedAt == nil || !second.UpdatedAt.Floating || len(second.Warnings) != 1 {
		t.Errorf("second updated = %v, warnings %v", second.UpdatedAt, second.Warnings)
	}
	for _, k := range []int{2, 3} {
		if !errors.Is(items[k].Err, news.ErrInvalidInput) || !strings.Contains(items[k].Err.Error(), "in.jsonl: line") {
			t.Errorf("item %d err = %v", k, items[k].Err)
		}
	}
	if items[4].Err != nil || items[4].Article.PublishedAt != nil || len(items[4].Article.Warnings) != 1 {
		t.Errorf("item 4 = %+v err %v", items[4].Article, items[4].Err)
	}
}

func TestLooks(t *testing.T) {
	for in, want := range map[string]bool{
		`{"text":"x"}` + "\n":    true,
		"\ufeff{\"text\":\"x\"}": true,
		`{"title":"x"}`:          false,
		"plain text":             false,
		"":                       false,
	} {
		if got := Looks([]byte(in)); got != want {
			t.Errorf("Looks(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"text":"a","published_at":"2024-01-01"}`))
	f.Add([]byte("{\"text\":\"\xff\"}\n{}"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, it := range Parse("fuzz", raw) {
			if it.Err == nil && it.Article.Text == "" {
				t.Fatal("article without text")
			}
		}
	})
}
