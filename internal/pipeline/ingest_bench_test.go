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

// benchPipeline is a pipeline over a fresh SQLite store with the real
// reader and story assigner.
func benchPipeline(b *testing.B) *pipeline.Pipeline {
	b.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	r, err := reader.New()
	if err != nil {
		b.Fatal(err)
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	return &pipeline.Pipeline{Store: st, Extract: pipeline.Formats{}, Reader: r, Assigner: stories}
}

// benchInput is the i-th small text dump; distinct events (port x cargo)
// keep stories news-sized.
func benchInput(i int) pipeline.Input {
	port, cargo := benchPorts[i%len(benchPorts)], benchCargo[(i/len(benchPorts))%len(benchCargo)]
	raw := []byte(fmt.Sprintf("%s receives %s shipment %d\n\nBy Staff Writer\n\nThe %s port authority said on Monday that ship number %d arrived with %d containers of %s, the first such delivery this month.\n\n“We expect more %s this week,” a spokeswoman for the %s harbour told reporters.\n",
		port, cargo, i, port, i, 100+i, cargo, cargo, port))
	return pipeline.Input{Source: fmt.Sprintf("bench/%d.txt", i), Raw: raw}
}

// BenchmarkIngest measures the whole embedded ingest path per page-dump
// file: raw bytes stored, cleaned, read, clustered and written to SQLite.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	p := benchPipeline(b)
	var total int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := benchInput(i)
		total += int64(len(in.Raw))
		for _, out := range p.Ingest(ctx, in) {
			if out.Err != nil {
				b.Fatal(out.Err)
			}
		}
	}
	b.SetBytes(total / int64(b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkIngestMany is BenchmarkIngest with the files handed over 32 at
// a time, as `parallax ingest DIR` does.
func BenchmarkIngestMany(b *testing.B) {
	ctx := context.Background()
	p := benchPipeline(b)
	var total int64
	b.ResetTimer()
	for from := 0; from < b.N; from += 32 {
		var ins []pipeline.Input
		for i := from; i < min(from+32, b.N); i++ {
			ins = append(ins, benchInput(i))
			total += int64(len(ins[len(ins)-1].Raw))
		}
		for _, outs := range p.IngestMany(ctx, ins) {
			for _, out := range outs {
				if out.Err != nil {
					b.Fatal(out.Err)
				}
			}
		}
	}
	b.SetBytes(total / int64(b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
