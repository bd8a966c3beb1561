package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“Unclosed quote, he said.",
		"Closing only” said Smith.",
		"'Single \"mixed' quotes\" here, Jones said.",
		"„German“ and »Danish« and «French» and ‘British’ ones",
		"“Para one\n\n“Para two\n\nno mark",
		"''NYT style,'' she said. ''Unclosed",
		"According to, said, told that: “”",
		"MOSCOW, Nov 25 /TASS/ - \"",
		"\xff\xfe“bad utf8”\xff said X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ents := []news.Entity{{ID: "x", Mentions: []news.Mention{{Start: 0, End: min(len(text), 3)}}}}
		res := Find(text, nil, ents)
		for _, q := range res.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || q.Text != text[q.Start:q.End] {
				t.Fatalf("quote span %d:%d out of text (len %d)", q.Start, q.End, len(text))
			}
			if q.SpeakerStart < 0 || q.SpeakerEnd > len(text) || q.SpeakerStart > q.SpeakerEnd {
				t.Fatalf("speaker span %d:%d out of text", q.SpeakerStart, q.SpeakerEnd)
			}
		}
		for _, c := range res.Citations {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				t.Fatalf("citation span %d:%d out of text", c.Start, c.End)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(string(text), nil, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkFindLong runs Find on the wire text repeated to the length of
// a median PolNeAR article (about 3.9 KB), the learned tagger included.
func BenchmarkFindLong(b *testing.B) {
	text, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat(string(text)+"\n", 6)
	Find(long, nil, nil) // decode the embedded model outside the loop
	b.SetBytes(int64(len(long)))
	b.ReportAllocs()
	for b.Loop() {
		Find(long, nil, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
