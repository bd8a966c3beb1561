package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest/feed"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// pollIdleMax bounds how long `poll` sleeps between rounds, so feeds added
// meanwhile are picked up.
const pollIdleMax = 5 * time.Minute

// newPollCmd polls due feeds and ingests their new items, once or forever.
func newPollCmd(e *env) *cobra.Command {
	var once bool
	var workers int
	cmd := &cobra.Command{
		Use:   "poll",
		Short: "Poll due feeds and ingest their new items",
		Long: "Poll fetches every due feed (bounded concurrency, polite per host), fetches and extracts each new item's page,\n" +
			"falls back to the item's content when the page cannot be fetched, and stores each feed's next poll time,\n" +
			"error count and pause reason. Without --once it keeps polling until interrupted.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				ingest, closeIngest, err := e.pollIngest(ctx, st)
				if err != nil {
					return err
				}
				defer closeIngest()
				poller := &feed.Poller{Store: st, Fetch: e.fetcher(), Ingest: ingest, Workers: workers}
				for {
					sum, err := poller.PollDue(ctx)
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "polled %d feeds (%d failed), %d new items (%d from feed content), %d item errors\n",
						sum.Polled, sum.Failed, sum.NewItems, sum.FromFeedContent, sum.ItemErrors)
					if once {
						return nil
					}
					if err := sleepUntilDue(ctx, st); err != nil {
						return err
					}
				}
			})
		},
	}
	cmd.Flags().BoolVar(&once, "once", false, "poll the due feeds once and exit")
	cmd.Flags().IntVar(&workers, "workers", 4, "feeds polled at once")
	return cmd
}

// ingestPage adapts the pipeline to the poller's callback.
func ingestPage(p *pipeline.Pipeline) feed.IngestFunc {
	return func(ctx context.Context, pg feed.Page) error {
		var errs []error
		for _, out := range p.Ingest(ctx, pipeline.Input{Source: pg.Source, Raw: pg.Raw, ContentType: pg.ContentType, FetchedAt: pg.FetchedAt, Article: pg.Article}) {
			if out.Status == pipeline.Failed {
				errs = append(errs, out.Err)
			}
		}
		return errors.Join(errs...)
	}
}

// sleepUntilDue waits until the next feed is due, at most pollIdleMax.
func sleepUntilDue(ctx context.Context, st store.Store) error {
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("poll: %w", err)
	}
	wait := pollIdleMax
	now := time.Now()
	for _, f := range feeds {
		if !f.Paused {
			wait = min(wait, max(f.NextPollAt.Sub(now), time.Second))
		}
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(wait):
		return nil
	}
}
