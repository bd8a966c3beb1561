package app

import (
	"errors"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest/feed"
	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// newFeedsCmd manages feed subscriptions: add, list, import, export, remove.
func newFeedsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Manage subscribed RSS/Atom/JSON feeds",
	}
	cmd.AddCommand(newFeedsAddCmd(e), newFeedsListCmd(e), newFeedsImportCmd(e), newFeedsExportCmd(e), newFeedsRemoveCmd(e))
	return cmd
}

func newFeedsAddCmd(e *env) *cobra.Command {
	var title string
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed (polled by `parallax poll`)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if _, err := fetch.Canonical(args[0]); err != nil {
				return fmt.Errorf("feeds add: %w", err)
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				id, err := st.PutFeed(ctx, news.Feed{URL: args[0], Title: title, NextPollAt: time.Now().UTC()})
				if err != nil {
					return fmt.Errorf("feeds add %s (id %d): %w", args[0], id, err)
				}
				fmt.Fprintf(e.stdout, "added feed %d %s\n", id, args[0])
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "name to show until the feed gives its own")
	return cmd
}

func newFeedsListCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subscribed feeds with their polling state",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				feeds, err := st.Feeds(ctx)
				if err != nil {
					return fmt.Errorf("feeds list: %w", err)
				}
				if asJSON {
					if feeds == nil {
						feeds = []news.Feed{}
					}
					return printMetrics(e, true, feeds)
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tURL\tTITLE\tNEXT POLL\tERRORS\tSTATE")
				for _, f := range feeds {
					state := "active"
					if f.Paused {
						state = "paused: " + f.PausedReason
					} else if f.LastError != "" {
						state = "last error: " + f.LastError
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", f.ID, f.URL, f.Title, f.NextPollAt.Format(time.RFC3339), f.ErrorCount, state)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func newFeedsImportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Subscribe to every feed of an OPML file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			data, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("feeds import: %w", err)
			}
			subs, err := feed.ParseOPML(data)
			if err != nil {
				return fmt.Errorf("feeds import %s: %w", args[0], err)
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				var added, existing, failed int
				now := time.Now().UTC()
				for _, s := range subs {
					_, err := st.PutFeed(ctx, news.Feed{URL: s.URL, Title: s.Title, NextPollAt: now})
					switch {
					case err == nil:
						added++
					case errors.Is(err, news.ErrConflict):
						existing++
					default:
						failed++
						fmt.Fprintf(e.stderr, "FAILED %s: %v\n", s.URL, err)
					}
				}
				fmt.Fprintf(e.stdout, "added %d, already subscribed %d, failed %d\n", added, existing, failed)
				if failed > 0 {
					return errReported
				}
				return nil
			})
		},
	}
}

func newFeedsExportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the subscriptions as OPML to stdout",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				feeds, err := st.Feeds(ctx)
				if err != nil {
					return fmt.Errorf("feeds export: %w", err)
				}
				subs := make([]feed.Subscription, 0, len(feeds))
				for _, f := range feeds {
					subs = append(subs, feed.Subscription{URL: f.URL, Title: f.Title})
				}
				return feed.WriteOPML(e.stdout, "Parallax feeds", time.Now(), subs)
			})
		},
	}
}

func newFeedsRemoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID",
		Short: "Unsubscribe from a feed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("feeds remove", args[0])
			if err != nil {
				return err
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				if err := st.DeleteFeed(ctx, id); err != nil {
					return fmt.Errorf("feeds remove %d: %w", id, err)
				}
				fmt.Fprintf(e.stdout, "removed feed %d\n", id)
				return nil
			})
		},
	}
}
