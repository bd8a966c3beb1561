package ner

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustLoad(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tg
}

func TestLoadOnce(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Tagger, 4)
	for i := range got {
		wg.Go(func() { got[i] = mustLoad(t) })
	}
	wg.Wait()
	for _, tg := range got[1:] {
		if tg != got[0] {
			t.Fatal("Load returned different taggers")
		}
	}
}

func TestTag(t *testing.T) {
	tg := mustLoad(t)
	tests := []struct {
		tokens []string
		want   []string
	}{
		{[]string{"Sergei", "Shoigu", "arrived", "in", "Kabul", "on", "Monday", "."},
			[]string{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"}},
		{[]string{"The", "European", "Union", "rejected", "the", "German", "proposal", "."},
			[]string{"O", "B-ORG", "I-ORG", "O", "O", "B-MISC", "O", "O"}},
		{[]string{}, []string{}},
	}
	for _, tt := range tests {
		if got := tg.Tag(tt.tokens); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("Tag(%q) = %v, want %v", tt.tokens, got, tt.want)
		}
	}
}

func TestEntitiesNewsText(t *testing.T) {
	tg := mustLoad(t)
	tests := []struct {
		name, text string
		want       []string // "TYPE:text"
	}{
		{"typographic possessive", "Russia’s security chief met officials in Kabul.",
			[]string{"LOC:Russia", "LOC:Kabul"}},
		{"ascii possessive", "Russia's security chief arrived in Kabul.", []string{"LOC:Russia", "LOC:Kabul"}},
		{"all-caps headline", "RUSSIA’S SHOIGU ARRIVES IN KABUL\n\nSergei Shoigu arrived in Kabul on Monday.",
			[]string{"LOC:RUSSIA", "PER:SHOIGU", "LOC:KABUL", "PER:Sergei Shoigu", "LOC:Kabul"}},
		{"surname before full name", "Shoigu highlighted the importance of stability.\n\nOn Monday, Sergei Shoigu made an unexpected visit to Kabul.",
			[]string{"PER:Shoigu", "PER:Sergei Shoigu", "LOC:Kabul"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range tg.Entities(tt.text, nil) {
				if s.Text != tt.text[s.Start:s.End] {
					t.Fatalf("span %+v text does not match offsets", s)
				}
				got = append(got, s.Type+":"+s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Entities = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokenizeSplitsPossessives(t *testing.T) {
	var got []string
	for _, tk := range Tokenize("Russia’s and NATO's allies' aims") {
		got = append(got, tk.Text)
	}
	want := []string{"Russia", "’s", "and", "NATO", "'s", "allies", "'", "aims"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}

func TestEntitiesGolden(t *testing.T) {
	tg := mustLoad(t)
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(tg.Entities(string(text), tokenize.Sentences(string(text))), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "article.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("entities differ from %s (run go test -update to accept):\n%s", golden, got)
	}
}

func TestViterbiRespectsBILOU(t *testing.T) {
	// Emissions prefer I-PER everywhere; a valid path must open with
	// B-PER and close with L-PER.
	iPER, bORG := labelOf(0, kindI), labelOf(1, kindB)
	em := make([]float32, 3*numLabels)
	for i := range 3 {
		em[i*numLabels+iPER] = 5
		em[i*numLabels+bORG] = 1
	}
	trans := make([]float32, (numLabels+1)*numLabels)
	var got []string
	for _, l := range Viterbi(em, trans, 3) {
		got = append(got, Labels[l])
	}
	want := []string{"B-PER", "I-PER", "L-PER"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Viterbi = %v, want %v", got, want)
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tests := []struct {
		iob2, bilou []string
		valid       bool // the IOB2 tags come back unchanged
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-MISC", "I-MISC", "I-MISC"},
			[]string{"B-PER", "L-PER", "O", "U-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC"}, true},
		{[]string{"I-ORG", "O", "X-FOO"}, []string{"U-ORG", "O", "O"}, false},
		{nil, nil, true},
	}
	for _, tt := range tests {
		enc := EncodeIOB2(tt.iob2)
		var got []string
		for _, l := range enc {
			got = append(got, Labels[l])
		}
		if !reflect.DeepEqual(got, tt.bilou) {
			t.Errorf("EncodeIOB2(%q) = %q, want %q", tt.iob2, got, tt.bilou)
		}
		if back := IOB2(enc); tt.valid && len(back) > 0 && !reflect.DeepEqual(back, tt.iob2) {
			t.Errorf("IOB2(EncodeIOB2(%q)) = %q", tt.iob2, back)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	weights := make([]float32, 2*numLabels)
	for i := range weights {
		weights[i] = float32(i) / 4
	}
	trans := make([]float32, (numLabels+1)*numLabels)
	trans[3] = -1.5
	m, err := NewModel([]uint64{42, 7}, weights, trans, GazetteerMap{"new york": 4, "reuters": 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.index, m.index) && back.Features() != 2 {
		t.Fatalf("index mismatch: %v vs %v", back.index, m.index)
	}
	for k, r := range m.index {
		br := back.index[k]
		if !reflect.DeepEqual(m.weights[r*numLabels:(r+1)*numLabels], back.weights[br*numLabels:(br+1)*numLabels]) {
			t.Errorf("row %d differs", k)
		}
	}
	if !reflect.DeepEqual(back.trans, trans) || !reflect.DeepEqual(back.gazetteer, m.gazetteer) {
		t.Error("transitions or gazetteer differ after round trip")
	}
	if _, err := DecodeModel(strings.NewReader("not gzip")); err == nil {
		t.Error("DecodeModel accepted garbage")
	}
}

func TestClustersRoundTrip(t *testing.T) {
	c := NewClusters([]int{4, 2}, map[string][]int16{"Kabul": {3, 1}, "said": {0, 0}})
	var buf bytes.Buffer
	if err := EncodeClusters(&buf, c); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeClusters(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip = %+v, want %+v", back, c)
	}
	if got := back.Lookup("KABUL"); !reflect.DeepEqual(got, []int16{3, 1}) {
		t.Errorf("Lookup(KABUL) = %v, want the title-case entry", got)
	}
}

func FuzzEntities(f *testing.F) {
	for _, s := range []string{"Russia’s Shoigu in Kabul.", "U.S. \xff NATO's\n\nEU", "’s 's", ""} {
		f.Add(s)
	}
	tg := mustLoad(f)
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range tg.Entities(text, nil) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) || s.Text != text[s.Start:s.End] {
				t.Fatalf("bad span %+v (prev end %d, len %d)", s, prev, len(text))
			}
			prev = s.End
		}
	})
}

func BenchmarkEntities(b *testing.B) {
	tg := mustLoad(b)
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	sents := tokenize.Sentences(string(text))
	tokens := len(tokenize.Tokens(string(text)))
	b.ReportAllocs()
	for b.Loop() {
		tg.Entities(string(text), sents)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestAverage(t *testing.T) {
	row := func(v float32) []float32 {
		r := make([]float32, numLabels)
		r[1] = v
		return r
	}
	trans := make([]float32, (numLabels+1)*numLabels)
	a, err := NewModel([]uint64{1, 2}, append(row(2), row(4)...), trans, GazetteerMap{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewModel([]uint64{2, 3}, append(row(6), row(8)...), trans, GazetteerMap{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Average(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]float32{1: 1, 2: 5, 3: 4}
	for k, v := range want {
		r := m.table.Lookup(k)
		if r < 0 || m.weights[int(r)*numLabels+1] != v {
			t.Errorf("key %d: row %d, want weight %v", k, r, v)
		}
	}
	if _, err := Average(); err == nil {
		t.Error("Average() of nothing succeeded")
	}
}

func TestPossessiveCut(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"Russia’s", len("Russia")}, {"NATO's", 4}, {"NATO'S", 4}, {"SHOIGU’S", len("SHOIGU")},
		{"'s", 0}, {"’s", 0}, {"a's", 1}, {"is", 0}, {"allies'", 0}, {"s", 0}, {"", 0}, {"Paris", 0},
	}
	for _, tt := range tests {
		if got := possessiveCut(tt.word); got != tt.want {
			t.Errorf("possessiveCut(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}
