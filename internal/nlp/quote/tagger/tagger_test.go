package tagger

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	quotemodel "github.com/parallax-news/parallax/models/quote"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

func lexicon(w string) int {
	if w == "said" || w == "says" {
		return 1
	}
	return 0
}

func TestEncodeKeepsOutermost(t *testing.T) {
	text := `Smith said Jones said it rained.`
	toks := tokenize.Tokens(text)
	gold := Spans{
		Source:  []news.Span{{Start: 0, End: 5}, {Start: 11, End: 16}},
		Cue:     []news.Span{{Start: 6, End: 10}, {Start: 17, End: 21}},
		Content: []news.Span{{Start: 11, End: 31}, {Start: 22, End: 31}},
	}
	got := Encode(toks, gold)
	want := []int{bSource, bCue, bContent, iContent, iContent, iContent, labelO}
	if !slices.Equal(got, want) {
		t.Fatalf("labels %v, want %v", got, want)
	}
	spans := decodeSpans(toks, got)
	if len(spans.Content) != 1 || text[spans.Content[0].Start:spans.Content[0].End] != "Jones said it rained" {
		t.Errorf("content %v", spans.Content)
	}
}

func TestViterbiFollowsTransitions(t *testing.T) {
	em := make([]float32, 2*NumLabels)
	em[bContent] = 1           // token 0 prefers B-CONTENT
	em[NumLabels+labelO] = 0.5 // token 1 slightly prefers O
	trans := make([]float32, (NumLabels+1)*NumLabels)
	trans[bContent*NumLabels+iContent] = 2 // but B-CONTENT -> I-CONTENT is strong
	if got := viterbi(em, trans, 2); !slices.Equal(got, []int{bContent, iContent}) {
		t.Errorf("viterbi %v", got)
	}
}

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	texts := []string{
		"Smith said the plan failed.\nJones said the vote was close.",
		"Brown said taxes rose.\nThe weather was fine.",
	}
	x := NewExtractor(lexicon, nil)
	var examples []Example
	for _, text := range texts {
		d := x.Extract(text)
		var gold Spans
		for _, line := range strings.Split(text, "\n") {
			at := strings.Index(text, line)
			if i := strings.Index(line, " said "); i > 0 {
				gold.Source = append(gold.Source, news.Span{Start: at, End: at + i})
				gold.Cue = append(gold.Cue, news.Span{Start: at + i + 1, End: at + i + 5})
				gold.Content = append(gold.Content, news.Span{Start: at + i + 6, End: at + len(line) - 1})
			}
		}
		examples = append(examples, Example{Doc: d, Labels: Encode(d.Tokens, gold)})
	}
	m := Train(Config{Epochs: 10, Seed: 1, Cues: []string{"stated"}}, examples)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Features() != m.Features() || !slices.Equal(back.Cues, []string{"stated"}) {
		t.Fatalf("round trip: %d features %v, want %d", back.Features(), back.Cues, m.Features())
	}
	text := "Green said the road closed."
	got := back.Tag(back.Extractor(lexicon).Extract(text))
	if len(got.Content) != 1 || text[got.Content[0].Start:got.Content[0].End] != "the road closed" {
		t.Errorf("content %v", got.Content)
	}
	if len(got.Source) != 1 || text[got.Source[0].Start:got.Source[0].End] != "Green" {
		t.Errorf("source %v", got.Source)
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	if _, err := Decode([]byte("not a model")); err == nil {
		t.Error("want an error")
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := Decode(quotemodel.Tagger)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat(string(text)+"\n", 6) // about a median PolNeAR article
	x := m.Extractor(lexicon)
	b.SetBytes(int64(len(long)))
	b.ReportAllocs()
	for b.Loop() {
		m.Tag(x.Extract(long))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestSkipInert checks that only paragraphs without a cue word or a
// quotation mark lose their features, and that the others keep exactly
// the features of a full extraction.
func TestSkipInert(t *testing.T) {
	text := "The weather was fine.\nSmith said it rained.\n“Wet,” was the word.\nNothing here either."
	full := Extractor{Cue: lexicon}.Extract(text)
	sparse := Extractor{Cue: lexicon, SkipInert: true}.Extract(text)
	if len(full.Seqs) != 4 || len(sparse.Seqs) != 4 {
		t.Fatalf("got %d and %d paragraphs, want 4", len(full.Seqs), len(sparse.Seqs))
	}
	for i, want := range []bool{false, true, true, false} {
		if got := sparse.Seqs[i].Feats != nil; got != want {
			t.Errorf("paragraph %d has features %v, want %v", i, got, want)
			continue
		}
		if want && !slices.EqualFunc(full.Seqs[i].Feats, sparse.Seqs[i].Feats, slices.Equal) {
			t.Errorf("paragraph %d features differ from a full extraction", i)
		}
	}
}

// TestExtractHinted checks that hint spans reach the features of the
// tokens they cover only, and make a paragraph without cue words or
// quotation marks worth tagging.
func TestExtractHinted(t *testing.T) {
	text := "The weather was fine.\nIt rained, the forecast held."
	at := strings.Index(text, "It rained")
	hints := Spans{Content: []news.Span{{Start: at, End: at + len("It rained")}}}
	x := Extractor{Cue: lexicon, SkipInert: true}
	plain, hinted := x.Extract(text), x.ExtractHinted(text, hints)
	if plain.Seqs[1].Feats != nil {
		t.Fatal("paragraph without cue or quotation mark has features")
	}
	if hinted.Seqs[0].Feats != nil || hinted.Seqs[1].Feats == nil {
		t.Fatalf("only the hinted paragraph should have features: %v, %v", hinted.Seqs[0].Feats != nil, hinted.Seqs[1].Feats != nil)
	}
	full := Extractor{Cue: lexicon}.Extract(text)
	s := hinted.Seqs[1]
	for i := range s.To - s.From {
		// Tokens 2 and 3 follow the hint closely enough to see it.
		if same := slices.Equal(full.Seqs[1].Feats[i], s.Feats[i]); same == (i <= 3) {
			t.Errorf("token %d %q: features unchanged by the hint = %v", i, hinted.Tokens[s.From+i].Text, same)
		}
	}
}

// TestFeaturesPerToken checks that every token gets featuresPerToken keys
// (one more at a sentence start), so the paragraph's shared backing array
// never grows, and that a token's keys cannot be appended onto the next's.
func TestFeaturesPerToken(t *testing.T) {
	doc := Extractor{Cue: lexicon}.Extract("Officials said the talks went well. “We are ready,” he added.")
	for _, s := range doc.Seqs {
		for i, f := range s.Feats {
			if len(f) != featuresPerToken && len(f) != featuresPerToken+1 {
				t.Errorf("token %d: %d keys, want %d or %d", i, len(f), featuresPerToken, featuresPerToken+1)
			}
			if cap(f) != len(f) {
				t.Errorf("token %d: cap %d > len %d: an append would overwrite the next token's keys", i, cap(f), len(f))
			}
		}
	}
}

// TestTemplateKeyIsOneShotHash checks that a key built on a pre-hashed
// template name equals hashing the name and the values in one go, the
// keys the committed model's weights were trained under.
func TestTemplateKeyIsOneShotHash(t *testing.T) {
	oneShot := func(parts ...string) uint64 {
		h := uint64(fnvOffset)
		for _, p := range parts {
			for i := 0; i < len(p); i++ {
				h = (h ^ uint64(p[i])) * fnvPrime
			}
			h = (h ^ 0xff) * fnvPrime
		}
		return h
	}
	for _, tc := range [][]string{{"bias"}, {"w", "said"}, {"qcue", "in", "none", "4-5"}, {"h-2h+2", "", "3"}, {"w", "“"}} {
		if got, want := newTemplate(tc[0]).key(tc[1:]...), oneShot(tc...); got != want {
			t.Errorf("key%q = %x, one-shot hash %x", tc, got, want)
		}
	}
}
