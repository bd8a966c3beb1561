package eval

import (
	"math"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/story/cluster"
)

func TestScoreClusters(t *testing.T) {
	tests := []struct {
		name              string
		pred, gold        []string
		bcubedP, bcubedR  float64
		pairwiseP, pairwR float64
	}{
		{"perfect", []string{"1", "1", "2"}, []string{"a", "a", "b"}, 1, 1, 1, 1},
		{"all singletons", []string{"1", "2", "3"}, []string{"a", "a", "b"}, 1, 2.0 / 3, 0, 0},
		{"one cluster", []string{"1", "1", "1"}, []string{"a", "a", "b"}, (2.0/3*2 + 1.0/3) / 3, 1, 1.0 / 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ScoreClusters(tt.pred, tt.gold)
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"bcubed precision", m.BCubedPrecision, tt.bcubedP},
				{"bcubed recall", m.BCubedRecall, tt.bcubedR},
				{"pairwise precision", m.PairwisePrecision, tt.pairwiseP},
				{"pairwise recall", m.PairwiseRecall, tt.pairwR},
			} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
				}
			}
		})
	}
}

func TestReadECBPlus(t *testing.T) {
	docs, err := ReadECBPlus("testdata/ecbplus")
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, d := range docs {
		got = append(got, [3]string{d.ID, d.Gold, d.Text})
	}
	want := [][3]string{
		{"1_1ecb.xml", "1_ecb", "Tara Reid checked into rehab .\nHer rep confirmed it ."},
		{"1_1ecbplus.xml", "1_ecbplus", "Lindsay Lohan left Betty Ford ."},
		{"1_2ecb.xml", "1_ecb", "Reid & her rep spoke ."},
		{"2_1ecb.xml", "2_ecb", "Oscars host named ."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := ReadECBPlus("testdata/none"); err == nil {
		t.Error("empty directory gave no error")
	}
}

func TestReadClusterJSONL(t *testing.T) {
	docs, err := LoadClusterDocs("testdata/cluster.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || docs[1].ID != "7" || docs[1].Gold != "3" || docs[0].Title != "Storm hits coast" {
		t.Fatalf("docs = %+v", docs)
	}
	m := EvalCluster(docs, cluster.DefaultConfig())
	if m.Docs != 3 || m.GoldClusters != 2 {
		t.Errorf("metrics = %+v", m)
	}
}

func TestSelectHalf(t *testing.T) {
	docs := []ClusterDoc{{Gold: "1_ecb"}, {Gold: "1_ecbplus"}, {Gold: "2_ecb"}, {Gold: "3_ecb"}}
	even, odd := SelectHalf(docs, 0), SelectHalf(docs, 1)
	if len(even) != 3 || len(odd) != 1 || odd[0].Gold != "2_ecb" {
		t.Errorf("even=%v odd=%v", even, odd)
	}
}

func TestProxyEntities(t *testing.T) {
	got := ProxyEntities("On Monday Sergei Shoigu arrived in Kabul. The Taliban's leaders met Shoigu, said TASS.")
	want := []string{"ent:sergei_shoigu", "ent:shoigu", "ent:kabul", "ent:taliban", "ent:tass"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func FuzzProxyEntities(f *testing.F) {
	f.Add("Sergei Shoigu in Kabul")
	f.Add("É O'Neil-Smith's \xff")
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, id := range ProxyEntities(text) {
			if len(id) <= len("ent:") || seen[id] {
				t.Fatalf("bad or repeated id %q", id)
			}
			seen[id] = true
		}
	})
}

func TestDisagreements(t *testing.T) {
	// Story 1 holds gold a and one document of b; gold b spans stories 1 and 2.
	pred := []string{"1", "1", "1", "2", "2"}
	gold := []string{"a", "a", "b", "b", "b"}
	ids := []string{"d1", "d2", "d3", "d4", "d5"}
	got := disagreements(pred, gold, ids)
	want := []ClusterError{
		{Kind: "merged", Key: "1", Parts: []ClusterPart{{"a", []string{"d1", "d2"}}, {"b", []string{"d3"}}}},
		{Kind: "split", Key: "b", Parts: []ClusterPart{{"2", []string{"d4", "d5"}}, {"1", []string{"d3"}}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := disagreements([]string{"1", "2"}, []string{"a", "b"}, []string{"x", "y"}); len(got) != 0 {
		t.Errorf("perfect clustering: got %+v, want none", got)
	}
}

// TestEvalClusterShuffled checks that the given order's scores are those
// of EvalCluster, that the spread is ordered and that the shuffles are
// the same on every run.
func TestEvalClusterShuffled(t *testing.T) {
	docs, err := ReadECBPlus("testdata/ecbplus")
	if err != nil {
		t.Fatal(err)
	}
	cfg := cluster.DefaultConfig()
	plain := EvalCluster(docs, cfg)
	m := EvalClusterShuffled(docs, cfg, 3)
	if m.BCubedF1 != plain.BCubedF1 || m.Shuffled == nil || m.Shuffled.Orders != 3 {
		t.Fatalf("metrics = %+v, plain %+v", m, plain)
	}
	if s := m.Shuffled.BCubedF1; s.Min > s.Mean || s.Mean > s.Max || s.Max > 1 || s.Min <= 0 {
		t.Errorf("bcubed spread %+v", s)
	}
	if again := EvalClusterShuffled(docs, cfg, 3); *again.Shuffled != *m.Shuffled {
		t.Errorf("shuffles differ between runs: %+v vs %+v", again.Shuffled, m.Shuffled)
	}
	if none := EvalClusterShuffled(docs, cfg, 0); none.Shuffled != nil {
		t.Errorf("no orders asked, got %+v", none.Shuffled)
	}
}
