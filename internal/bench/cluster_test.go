package bench

import (
	"context"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/story/cluster"
)

const dataDir = "/work/shared/data"

func needData(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		tb.Skipf("shared data folder %s not present", dataDir)
	}
}

func TestClusterSmallStream(t *testing.T) {
	needData(t)
	rep, err := Cluster(context.Background(), ClusterConfig{Articles: 3000, DataDir: dataDir, Seed: 1, Cluster: cluster.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 3000 || rep.BaseTexts < 20000 {
		t.Errorf("articles=%d base texts=%d", rep.Articles, rep.BaseTexts)
	}
	// About 30% of the stream is copies by construction; some fresh reports
	// of a text reused within the dedup window are copies too.
	if rep.Copies < 3000*25/100 || rep.Copies > 3000*45/100 {
		t.Errorf("copies = %d, want roughly 30%% of 3000", rep.Copies)
	}
	if len(rep.Memory) != 4 || rep.Memory[3].Percent != 100 {
		t.Errorf("memory points = %+v", rep.Memory)
	}
	if rep.LatencyP50Micros > rep.LatencyP99Micros {
		t.Errorf("p50 %.0f > p99 %.0f", rep.LatencyP50Micros, rep.LatencyP99Micros)
	}
}

func TestStreamDeterministic(t *testing.T) {
	texts := []baseText{{"A", "alpha one\nalpha two"}, {"B", "beta one\nbeta two"}, {"C", "gamma"}}
	a, b := newStream(texts, 100, 7), newStream(texts, 100, 7)
	for range 100 {
		x, y := a.next(), b.next()
		if x.ID != y.ID || x.Text != y.Text || !x.Published.Equal(y.Published) {
			t.Fatalf("streams diverge: %+v vs %+v", x, y)
		}
	}
}

func BenchmarkClusterStream(b *testing.B) {
	needData(b)
	texts, err := loadCorpus(dataDir)
	if err != nil {
		b.Fatal(err)
	}
	gen := newStream(texts, 1_000_000, 1)
	c := cluster.New(cluster.DefaultConfig())
	b.ReportAllocs()
	for b.Loop() {
		c.Add(gen.next())
	}
}
