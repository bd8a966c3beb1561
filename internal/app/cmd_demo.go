package app

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func newDemoCmd(e *env) *cobra.Command {
	var dbPath, addr string
	var noServe bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Load the bundled sample corpus into a fresh database and serve it",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if dbPath == "" {
				dbPath = filepath.Join(os.TempDir(), "parallax-demo.db")
			}
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(dbPath + suffix); err != nil && !os.IsNotExist(err) {
					return fmt.Errorf("reset demo database %s: %w", dbPath, err)
				}
			}
			return withStore(ctx, dbPath, func(st store.Store) error {
				p, err := e.newPipeline(ctx, st)
				if err != nil {
					return err
				}
				files, err := demo.Files()
				if err != nil {
					return fmt.Errorf("demo corpus: %w", err)
				}
				var sum summary
				ins := make([]pipeline.Input, len(files))
				for i, f := range files {
					ins[i] = pipeline.Input{Source: f.Name, Raw: f.Raw}
				}
				for _, outs := range p.IngestMany(ctx, ins) {
					for _, out := range outs {
						sum.count(out)
						if out.Err != nil {
							fmt.Fprintf(e.stderr, "FAILED %v\n", out.Err)
						}
					}
				}
				fmt.Fprintf(e.stdout, "demo database %s: ingested %d articles (%d failed)\n", dbPath, sum.ingested, sum.failed)
				if err := printStorySummary(ctx, e, st); err != nil {
					return err
				}
				if noServe {
					return nil
				}
				if err := checkListen(addr, e.cfg.Token); err != nil {
					return err
				}
				h, err := e.newHandler(st, p)
				if err != nil {
					return err
				}
				return serveHTTP(ctx, addr, h, func(url string) { fmt.Fprintf(e.stdout, "serving the demo at %s (Ctrl-C to stop)\n", url) })
			})
		},
	}
	cmd.Flags().StringVar(&dbPath, "demo-db", "", "demo database path (default: parallax-demo.db in the temp dir; recreated)")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().BoolVar(&noServe, "no-serve", false, "only load the corpus, do not serve it")
	return cmd
}
