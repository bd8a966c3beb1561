package dedup

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const wire = `KABUL (Reuters) - Sergei Shoigu, secretary of Russia's Security Council, met senior Taliban officials in Kabul on Monday and said Moscow intended to develop relations with Afghanistan in many areas, including trade, energy and security. ` +
	`The visit was the highest-level contact between the two governments since the Taliban returned to power in 2021. Shoigu also discussed the fight against terrorism and drug trafficking with the acting foreign minister. ` +
	`Russia has moved to remove the group from its list of banned terrorist organisations, and officials said a decision was expected before the end of the year.`

const local = `Our correspondent in Tashkent adds that Uzbek officials are watching the talks closely because of planned railway links across the region.`

const unrelated = `The central bank left interest rates unchanged on Thursday, citing persistent inflation in services and a labour market that remains tight, and signalled that cuts were unlikely before the spring. ` +
	`Markets had priced in a small chance of a cut, and the currency rose after the decision was announced by the governor at a press conference in the capital.`

func TestAdd(t *testing.T) {
	day := time.Date(2024, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		text      string
		wantCopy  bool
		wantScore float64 // minimum
	}{
		{"exact", wire, true, 1},
		{"exact modulo case and punctuation", strings.ToUpper(strings.ReplaceAll(wire, ",", " ;")), true, 1},
		{"near", strings.Replace(strings.Replace(wire, "Monday", "Tuesday", 1), "many areas", "all areas", 1), true, 0.8},
		{"partial copy: local paragraph added", wire + "\n\n" + local, true, 0.8},
		{"partial copy: cut to two paragraphs", wire[:strings.Index(wire, "Russia has moved")], true, 0.8},
		{"unrelated", unrelated, false, 0},
		{"too short for shingles, not exact", "Shoigu in Kabul.", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New(Config{})
			if _, _, ok := x.Add(Doc{ID: 1, Text: wire, Published: day}); ok {
				t.Fatal("first document reported as a copy")
			}
			copyOf, score, ok := x.Add(Doc{ID: 2, Text: tt.text, Published: day.Add(time.Hour)})
			if ok != tt.wantCopy {
				t.Fatalf("ok = %v, want %v (score %.3f)", ok, tt.wantCopy, score)
			}
			if !ok {
				return
			}
			if copyOf != 1 || score < tt.wantScore {
				t.Errorf("got copyOf=%d score=%.3f, want 1 and >= %.2f", copyOf, score, tt.wantScore)
			}
		})
	}
}

func TestEarliestIsOriginal(t *testing.T) {
	day := time.Date(2024, 11, 25, 9, 0, 0, 0, time.UTC)
	x := New(Config{})
	x.Add(Doc{ID: 10, Text: wire + " " + local, Published: day.Add(2 * time.Hour)})
	// The wire story arrives later but was published first: it is the original.
	if _, _, ok := x.Add(Doc{ID: 11, Text: wire, Published: day}); ok {
		t.Fatal("earlier article reported as a copy")
	}
	if o, _ := x.Original(10); o != 11 {
		t.Errorf("Original(10) = %d, want 11", o)
	}
	copyOf, _, ok := x.Add(Doc{ID: 12, Text: wire, Published: day.Add(time.Hour)})
	if !ok || copyOf != 11 {
		t.Errorf("third copy: copyOf=%d ok=%v, want 11 true", copyOf, ok)
	}
	// Unknown publication times fall back to arrival order.
	y := New(Config{})
	y.Add(Doc{ID: 1, Text: wire})
	if c, _, ok := y.Add(Doc{ID: 2, Text: wire}); !ok || c != 1 {
		t.Errorf("undated copy: copyOf=%d ok=%v, want 1 true", c, ok)
	}
}

func TestAddTwiceChangesNothing(t *testing.T) {
	x := New(Config{})
	x.Add(Doc{ID: 1, Text: wire})
	c1, s1, ok1 := x.Add(Doc{ID: 2, Text: wire + local})
	c2, s2, ok2 := x.Add(Doc{ID: 2, Text: wire + local})
	if c1 != c2 || s1 != s2 || ok1 != ok2 || x.Len() != 2 {
		t.Errorf("second Add differs: (%d %.3f %v) vs (%d %.3f %v), len %d", c1, s1, ok1, c2, s2, ok2, x.Len())
	}
}

func TestWindowEvicts(t *testing.T) {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	x := New(Config{Window: 48 * time.Hour})
	for i := range 100 {
		text := fmt.Sprintf("%s Item number %d of the series.", unrelated, i)
		x.Add(Doc{ID: int64(i), Text: text, Published: day.Add(time.Duration(i) * 24 * time.Hour)})
	}
	if x.Len() > 3 {
		t.Errorf("live documents = %d, want <= 3 with a two-day window", x.Len())
	}
	if len(x.postings) > 200 {
		t.Errorf("postings = %d, want bounded", len(x.postings))
	}
	// A copy of a story that left the window starts a new group.
	if _, _, ok := x.Add(Doc{ID: 1000, Text: wire, Published: day.Add(200 * 24 * time.Hour)}); ok {
		t.Error("matched an evicted document")
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(wire)
	f.Add("É, ü; 1,000 — ok")
	f.Add("\xff\xfe broken utf8")
	f.Fuzz(func(t *testing.T, text string) {
		fp := makeFingerprint(text, 4, 4)
		for i := 1; i < len(fp.shingles); i++ {
			if fp.shingles[i-1] >= fp.shingles[i] {
				t.Fatal("shingles not sorted and unique")
			}
		}
		if again := makeFingerprint(" "+text+" .", 4, 4); again.exact != fp.exact {
			t.Error("spacing and punctuation changed the exact hash")
		}
		x := New(Config{})
		x.Add(Doc{ID: 1, Text: text})
		if c, _, ok := x.Add(Doc{ID: 2, Text: text}); !ok || c != 1 {
			t.Errorf("identical text not an exact duplicate: %d %v", c, ok)
		}
	})
}

func BenchmarkAdd(b *testing.B) {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	texts := []string{wire, wire + local, unrelated, local + " " + unrelated}
	x := New(Config{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		text := fmt.Sprintf("%s %d", texts[i%len(texts)], i/len(texts)%50)
		x.Add(Doc{ID: int64(i), Text: text, Published: day.Add(time.Duration(i) * time.Second)})
	}
}
