package train

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

func TestInduceClustersGroupsSubstitutableWords(t *testing.T) {
	var sents [][]string
	for range 50 {
		for _, city := range []string{"Paris", "Berlin", "Madrid"} {
			sents = append(sents, strings.Fields("officials in "+city+" said on Monday"))
		}
		for _, verb := range []string{"rose", "fell", "climbed"} {
			sents = append(sents, strings.Fields("shares "+verb+" sharply today"))
		}
	}
	c := InduceClusters(sents, ClusterConfig{Sizes: []int{8, 3}, MinCount: 1, Iterations: 10})
	if c.Len() == 0 {
		t.Fatal("no words clustered")
	}
	same := func(a, b string) bool { return c.Lookup(a)[0] == c.Lookup(b)[0] }
	if !same("Paris", "Berlin") || !same("Berlin", "Madrid") {
		t.Errorf("cities split: %v %v %v", c.Lookup("Paris"), c.Lookup("Berlin"), c.Lookup("Madrid"))
	}
	if !same("rose", "fell") || !same("fell", "climbed") {
		t.Errorf("verbs split: %v %v %v", c.Lookup("rose"), c.Lookup("fell"), c.Lookup("climbed"))
	}
	if same("Paris", "rose") {
		t.Error("cities and verbs share a cluster")
	}
}

func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	data := `-DOCSTART- O

Putin B-PER
visited O
Paris B-LOC
. O

-DOCSTART- O

Merkel B-PER
visited O
Berlin B-LOC
with O
Reuters B-ORG
. O

-DOCSTART- O

Macron B-PER
left O
Madrid B-LOC
. O
`
	docs, err := conll.Read(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Epochs: 5, Seed: 7, Gazetteer: ner.GazetteerMap{}}
	a := Train(cfg, docs, docs, nil)
	b := Train(cfg, docs, docs, nil)
	if len(a.DevF1) != 5 || a.DevF1[4] != 1 {
		t.Fatalf("dev F1 per epoch = %v, want 1 at the end", a.DevF1)
	}
	var ba, bb strings.Builder
	if err := a.Model.Encode(&ba); err != nil {
		t.Fatal(err)
	}
	if err := b.Model.Encode(&bb); err != nil {
		t.Fatal(err)
	}
	if ba.String() != bb.String() {
		t.Error("two runs with the same seed gave different models")
	}
	if got := a.Model.Gazetteer()["reuters"]; got != 1<<1 {
		t.Errorf("gazetteer[reuters] = %b, want the ORG bit", got)
	}
}
