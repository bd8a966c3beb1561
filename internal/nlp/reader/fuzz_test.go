package reader

import (
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/compare"
)

var fuzzReader = sync.OnceValues(New)

// FuzzRead runs every reading stage on arbitrary text, and the story
// comparison on two readings: no panic, and every span of every
// annotation lies inside the text on rune boundaries.
func FuzzRead(f *testing.F) {
	f.Add("Title\n\n“We will win,” Sen. John Cornyn, R-Texas, said on Monday. He told TASS: «Yes».")
	f.Add("According to Reuters, about 300 people died on 12 March 2024, officials said; \"unbalanced")
	f.Add("WASHINGTON — \"A,\" she said, \"B.\"\n\nPENCE: Well.\n\nQ: What?")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 1<<14 {
			t.Skip()
		}
		r, err := fuzzReader()
		if err != nil {
			t.Fatal(err)
		}
		ann := r.Read(news.Article{Text: text})
		check := func(what string, s, e int) {
			if s < 0 || e > len(text) || s > e || !utf8.RuneStart(text[min(s, len(text)-1)]) && s < len(text) {
				t.Fatalf("%s span [%d,%d) outside the text or off a rune boundary (len %d)", what, s, e, len(text))
			}
		}
		for _, s := range ann.Sentences {
			check("sentence", s.Start, s.End)
		}
		for _, e := range ann.Entities {
			for _, m := range e.Mentions {
				check("mention", m.Start, m.End)
			}
			for _, ro := range e.Roles {
				check("role", ro.Start, ro.End)
			}
		}
		for _, x := range ann.Timexes {
			check("timex", x.Start, x.End)
		}
		for _, q := range ann.Quotes {
			check("quote", q.Start, q.End)
			if q.Speaker != nil && q.SpeakerEnd > q.SpeakerStart {
				check("speaker", q.SpeakerStart, q.SpeakerEnd)
			}
		}
		for _, c := range ann.Citations {
			check("citation", c.Start, c.End)
		}
		a := compare.Article{ID: 1, Text: text, Annotations: ann}
		b := compare.Article{ID: 2, Text: text + "\n\nMore text, officials said.", Annotations: r.Read(news.Article{Text: text + "\n\nMore text, officials said."})}
		_ = compare.Compare(compare.Input{Articles: []compare.Article{a, b}})
	})
}
