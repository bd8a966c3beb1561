package app

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func newStoriesCmd(e *env) *cobra.Command {
	var asJSON bool
	var q store.StoryQuery
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories, most recently active first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				list, next, err := st.Stories(ctx, q)
				if err != nil {
					return err
				}
				if asJSON {
					return json.NewEncoder(e.stdout).Encode(map[string]any{"stories": orEmpty(list), "next": next})
				}
				printStories(e, list)
				if next != "" {
					fmt.Fprintf(e.stdout, "more: --cursor %s\n", next)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&q.Limit, "limit", 50, "stories per page")
	cmd.Flags().StringVar(&q.Cursor, "cursor", "", "continue after a previous page")
	return cmd
}

func printStories(e *env, list []news.Story) {
	for _, s := range list {
		date := s.EventDate
		if date == "" {
			date = "-"
		}
		fmt.Fprintf(e.stdout, "%5d  %-10s  %2d article(s), %2d source(s)  %s\n", s.ID, date, len(s.ArticleIDs), s.Sources, s.Title)
	}
}

// printStorySummary lists the first page of stories (used after loading).
func printStorySummary(ctx context.Context, e *env, st store.Store) error {
	list, _, err := st.Stories(ctx, store.StoryQuery{Limit: 20})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d stor(ies):\n", len(list))
	printStories(e, list)
	return nil
}

// storyArticle is an article as listed in a story.
type storyArticle struct {
	ID          int64           `json:"id"`
	Source      string          `json:"source"`
	Outlet      *string         `json:"outlet"`
	Title       *string         `json:"title"`
	URL         *string         `json:"url"`
	PublishedAt *news.Timestamp `json:"published_at"`
}

func newStoryCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its articles and how they compare (shared, unique, conflicts, quotes)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("story ID", args[0])
			if err != nil {
				return err
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				rep, err := loadStoryReport(ctx, st, id)
				if err != nil {
					return err
				}
				if asJSON {
					enc := json.NewEncoder(e.stdout)
					enc.SetEscapeHTML(false)
					return enc.Encode(rep)
				}
				fmt.Fprintf(e.stdout, "first seen: %s  last seen: %s  %d independent source(s)\n",
					rep.Story.FirstSeen.Format("2006-01-02"), rep.Story.LastSeen.Format("2006-01-02"), rep.Story.Sources)
				printReport(e.stdout, rep)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
