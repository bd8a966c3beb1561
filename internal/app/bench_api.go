package app

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/bench"
	"github.com/parallax-news/parallax/internal/news"
)

// newBenchAPICmd measures the JSON API and the HTML UI under concurrent
// load on a SQLite store of synthetic stories.
func newBenchAPICmd(e *env) *cobra.Command {
	var asJSON bool
	cfg := bench.APIConfig{Stories: 10_000, Clients: 20, Duration: 20 * time.Second, Seed: 1}
	cmd := &cobra.Command{
		Use:   "api",
		Short: "Requests/s and latency of the story list, story page, story JSON and search under concurrent load",
		Long: "api reads the demo corpus, copies its stories (same texts and annotations, varied titles and\n" +
			"dates) into a fresh temporary SQLite store up to --stories, serves the real API and UI on\n" +
			"127.0.0.1 and runs --clients concurrent clients for --duration.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.Stories <= 0 || cfg.Clients <= 0 || cfg.Duration <= 0 {
				return fmt.Errorf("bench api: --stories, --clients and --duration must be positive: %w", news.ErrInvalidInput)
			}
			cfg.Open = openStore
			cfg.Pipeline = e.newPipeline
			rep, err := bench.API(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			return printMetrics(e, asJSON, rep)
		},
	}
	cmd.Flags().IntVar(&cfg.Stories, "stories", cfg.Stories, "synthetic stories in the store")
	cmd.Flags().IntVar(&cfg.Clients, "clients", cfg.Clients, "concurrent clients")
	cmd.Flags().DurationVar(&cfg.Duration, "duration", cfg.Duration, "load time")
	cmd.Flags().Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of titles, dates and request choice")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
