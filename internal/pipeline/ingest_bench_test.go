package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

var (
	benchPorts = []string{"Rotterdam", "Hamburg", "Antwerp", "Valencia", "Piraeus", "Gdansk", "Genoa", "Marseille"}
	benchCargo = []string{"grain", "coal", "timber", "steel", "fertiliser"}
)

// BenchmarkIngest measures the whole embedded ingest path per page-dump
// file: raw bytes stored, cleaned, read, clustered and written to SQLite.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r, err := reader.New()
	if err != nil {
		b.Fatal(err)
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	p := &pipeline.Pipeline{Store: st, Extract: pipeline.Formats{}, Reader: r, Assigner: stories}
	var total int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Distinct events (port x cargo) so stories stay news-sized.
		port, cargo := benchPorts[i%len(benchPorts)], benchCargo[(i/len(benchPorts))%len(benchCargo)]
		raw := []byte(fmt.Sprintf("%s receives %s shipment %d\n\nBy Staff Writer\n\nThe %s port authority said on Monday that ship number %d arrived with %d containers of %s, the first such delivery this month.\n\n“We expect more %s this week,” a spokeswoman for the %s harbour told reporters.\n",
			port, cargo, i, port, i, 100+i, cargo, cargo, port))
		total += int64(len(raw))
		for _, out := range p.Ingest(ctx, pipeline.Input{Source: fmt.Sprintf("bench/%d.txt", i), Raw: raw}) {
			if out.Err != nil {
				b.Fatal(out.Err)
			}
		}
	}
	b.SetBytes(total / int64(b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
