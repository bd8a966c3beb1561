package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/bench"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// newBenchE2ECmd measures whole-pipeline throughput through the queue:
// the embedded default always, PostgreSQL + NATS when both are given.
func newBenchE2ECmd(e *env) *cobra.Command {
	var asJSON bool
	var pgDSN, natsURL string
	cfg := bench.E2EConfig{Articles: 500, DataDir: defaultDataDir(), Workers: []int{1, 2}}
	cmd := &cobra.Command{
		Use:   "e2e",
		Short: "End-to-end articles/s through queue, workers and story assigner, with 1 and 2 workers",
		Long: "e2e publishes --n plain-text articles built from the shared data and times until each is stored,\n" +
			"read and in a story. It always measures the embedded default (a fresh SQLite file and the\n" +
			"in-process queue); with --pg and --nats it also measures PostgreSQL + NATS JetStream (runs use\n" +
			"disjoint articles, so one database serves them all). Workers are consumers in this process.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.Articles <= 0 {
				return fmt.Errorf("bench e2e: --n must be positive: %w", news.ErrInvalidInput)
			}
			if (pgDSN == "") != (natsURL == "") {
				return fmt.Errorf("bench e2e: give both --pg and --nats, or neither: %w", news.ErrInvalidInput)
			}
			cfg.Backends = []bench.E2EBackend{e.embeddedBackend()}
			if pgDSN != "" {
				cfg.Backends = append(cfg.Backends, e.scaledBackend(pgDSN, natsURL))
			}
			rep, err := bench.E2E(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			return printMetrics(e, asJSON, rep)
		},
	}
	cmd.Flags().IntVar(&cfg.Articles, "n", cfg.Articles, "articles per run")
	cmd.Flags().IntSliceVar(&cfg.Workers, "workers", cfg.Workers, "worker counts to measure")
	cmd.Flags().StringVar(&cfg.DataDir, "data", cfg.DataDir, "shared data folder with reuters21578/ and bbc-news/")
	cmd.Flags().StringVar(&pgDSN, "pg", "", "postgres:// URL of a database for the scaled-out runs")
	cmd.Flags().StringVar(&natsURL, "nats", "", "nats:// URL of a JetStream server for the scaled-out runs")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

func (e *env) embeddedBackend() bench.E2EBackend {
	return bench.E2EBackend{
		Name: "sqlite+memqueue",
		Open: func(ctx context.Context) (store.Store, queue.Queue, func(), error) {
			dir, err := os.MkdirTemp("", "parallax-e2e-")
			if err != nil {
				return nil, nil, nil, err
			}
			st, err := openStore(ctx, filepath.Join(dir, "bench.db"))
			if err != nil {
				os.RemoveAll(dir)
				return nil, nil, nil, err
			}
			q, err := openQueue(ctx, "")
			if err != nil {
				st.Close()
				os.RemoveAll(dir)
				return nil, nil, nil, err
			}
			return st, q, func() { q.Close(); st.Close(); os.RemoveAll(dir) }, nil
		},
		Start:   e.startWorkers,
		Publish: PublishInput,
	}
}

func (e *env) scaledBackend(pgDSN, natsURL string) bench.E2EBackend {
	return bench.E2EBackend{
		Name: "postgres+nats",
		Open: func(ctx context.Context) (store.Store, queue.Queue, func(), error) {
			st, err := openStore(ctx, pgDSN)
			if err != nil {
				return nil, nil, nil, err
			}
			q, err := openQueue(ctx, natsURL)
			if err != nil {
				st.Close()
				return nil, nil, nil, err
			}
			return st, q, func() { q.Close(); st.Close() }, nil
		},
		Start:   e.startWorkers,
		Publish: PublishInput,
	}
}
