package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/store"
)

func newServeCmd(e *env) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the JSON API (/api/v1)",
		Long: "Serve the web UI and the JSON API over the store. Write endpoints need\n" +
			"\"Authorization: Bearer TOKEN\" when PARALLAX_TOKEN is set; listening beyond\n" +
			"loopback requires a token.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := checkListen(addr, e.cfg.Token); err != nil {
				return err
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				p, err := e.newPipeline(ctx, st)
				if err != nil {
					return err
				}
				h, err := e.newHandler(st, p)
				if err != nil {
					return err
				}
				return serveHTTP(ctx, addr, h, func(url string) { fmt.Fprintf(e.stdout, "serving %s\n", url) })
			})
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address")
	return cmd
}
