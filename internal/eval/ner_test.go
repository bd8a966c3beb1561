package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// cannedTagger returns fixed IOB1 tags, exercising the IOB1->IOB2 path.
type cannedTagger struct{ tags [][]string }

func (c cannedTagger) TagDocument(sentences [][]string) [][]string {
	out := make([][]string, len(sentences))
	for i := range sentences {
		out[i] = append([]string(nil), c.tags[i]...)
	}
	return out
}

func TestNER(t *testing.T) {
	const data = `-DOCSTART- -X- -X- O

Sergei NNP I-NP I-PER
Shoigu NNP I-NP I-PER
visited VBD I-VP O
Kabul NNP I-NP I-LOC
. . O O

TASS NNP I-NP I-ORG
reported VBD I-VP O
`
	docs, err := conll.Read(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// PER right, Kabul typed wrong (ORG), TASS missed.
	tagger := cannedTagger{tags: [][]string{
		{"I-PER", "I-PER", "O", "I-ORG", "O"},
		{"O", "O"},
	}}
	res := NER(docs, tagger)
	if res.Tokens != 7 {
		t.Errorf("tokens = %d, want 7", res.Tokens)
	}
	// tp=1 fp=1 fn=2
	want := map[string]float64{"precision": 0.5, "recall": 1.0 / 3, "f1": 0.4}
	got := map[string]float64{"precision": res.Precision, "recall": res.Recall, "f1": res.F1}
	for k, v := range want {
		if math.Abs(got[k]-v) > 1e-9 {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if res.PerType["PER"].F1 != 1 || res.PerType["LOC"].Recall != 0 || res.PerType["ORG"].Precision != 0 {
		t.Errorf("per type = %+v", res.PerType)
	}
}
