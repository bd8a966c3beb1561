package conll

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

const sample = `-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

Kabul NNP I-NP I-LOC
Moscow NNP I-NP B-LOC
`

func TestRead(t *testing.T) {
	docs, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d docs, want 2 with 2 and 1 sentences: %+v", len(docs), docs)
	}
	want := []string{"B-ORG", "O", "B-MISC", "O"}
	if got := docs[0].Sentences[0].Tags; !reflect.DeepEqual(got, want) {
		t.Errorf("tags = %v, want %v", got, want)
	}
	if got := docs[1].Sentences[0].Tags; !reflect.DeepEqual(got, []string{"B-LOC", "B-LOC"}) {
		t.Errorf("adjacent IOB1 entities = %v", got)
	}
}

func TestReadRejectsOneColumn(t *testing.T) {
	_, err := Read(strings.NewReader("word\n"))
	if !errors.Is(err, news.ErrInvalidInput) {
		t.Fatalf("err = %v, want ErrInvalidInput", err)
	}
}

func TestToIOB2(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"I-PER", "I-PER", "O", "I-LOC"}, []string{"B-PER", "I-PER", "O", "B-LOC"}},
		{[]string{"I-PER", "B-PER", "I-PER"}, []string{"B-PER", "B-PER", "I-PER"}},
		{[]string{"I-ORG", "I-LOC"}, []string{"B-ORG", "B-LOC"}},
		{[]string{"B-ORG", "I-ORG"}, []string{"B-ORG", "I-ORG"}},
	}
	for _, tt := range tests {
		if got := ToIOB2(append([]string(nil), tt.in...)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToIOB2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestChunks(t *testing.T) {
	got := Chunks([]string{"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-MISC"})
	want := []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "ORG"}, {5, 6, "MISC"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Chunks = %v, want %v", got, want)
	}
}

func TestCounts(t *testing.T) {
	c := NewCounts()
	c.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-ORG"})
	c.Add([]string{"B-ORG", "I-ORG"}, []string{"B-ORG", "O"})
	if c.TP["PER"] != 1 || c.FP["ORG"] != 2 || c.FN["LOC"] != 1 || c.FN["ORG"] != 1 || c.Tokens != 6 {
		t.Fatalf("counts = %+v", c)
	}
	// tp=1 fp=2 fn=2: F1 = 2/(2+2+2)
	if got := c.MicroF1(); got < 0.333 || got > 0.334 {
		t.Errorf("MicroF1 = %v, want 1/3", got)
	}
}
