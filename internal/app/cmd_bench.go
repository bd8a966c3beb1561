package app

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/bench"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// newBenchCmd groups the performance benchmarks. Each stage is a
// subcommand printing one JSON object of throughput, latency and memory.
func newBenchCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure throughput, latency and memory of pipeline stages",
	}
	cmd.AddCommand(benchCommands(e)...)
	return cmd
}

// benchCommands lists the benchmarks, one subcommand each.
func benchCommands(e *env) []*cobra.Command {
	return []*cobra.Command{
		newBenchClusterCmd(e),
		newBenchReadCmd(e),
		newBenchE2ECmd(e),
		newBenchAPICmd(e),
	}
}

// defaultDataDir is the shared data folder next to the project, else the
// one in the development machine layout.
func defaultDataDir() string {
	for _, dir := range []string{"../shared/data", "/work/shared/data"} {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return "../shared/data"
}

func newBenchClusterCmd(e *env) *cobra.Command {
	var asJSON bool
	cfg := bench.ClusterConfig{Articles: 1_000_000, DataDir: defaultDataDir(), Seed: 1, Cluster: cluster.DefaultConfig()}
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Stream real texts re-dated across a year through dedup and clustering",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.Articles <= 0 {
				return fmt.Errorf("bench cluster: --n must be positive: %w", news.ErrInvalidInput)
			}
			rep, err := bench.Cluster(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			return printMetrics(e, asJSON, rep)
		},
	}
	cmd.Flags().IntVar(&cfg.Articles, "n", cfg.Articles, "number of articles in the stream")
	cmd.Flags().StringVar(&cfg.DataDir, "data", cfg.DataDir, "shared data folder with reuters21578/ and bbc-news/")
	cmd.Flags().Uint64Var(&cfg.Seed, "seed", cfg.Seed, "stream seed")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

func newBenchReadCmd(e *env) *cobra.Command {
	var asJSON bool
	cfg := bench.ReadConfig{Articles: 2000, DataDir: defaultDataDir()}
	cmd := &cobra.Command{
		Use:   "read",
		Short: "Clean and read real news texts: files/s and articles/s per stage",
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := bench.Read(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			return printMetrics(e, asJSON, rep)
		},
	}
	cmd.Flags().IntVar(&cfg.Articles, "n", cfg.Articles, "number of articles")
	cmd.Flags().IntVar(&cfg.Workers, "workers", 0, "goroutines (default GOMAXPROCS)")
	cmd.Flags().StringVar(&cfg.DataDir, "data", cfg.DataDir, "shared data folder with reuters21578/ and bbc-news/")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
