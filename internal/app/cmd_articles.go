package app

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func newArticlesCmd(e *env) *cobra.Command {
	var asJSON bool
	var q store.ArticleQuery
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				list, next, err := st.Articles(ctx, q)
				if err != nil {
					return err
				}
				if asJSON {
					return json.NewEncoder(e.stdout).Encode(map[string]any{"articles": orEmpty(list), "next": next})
				}
				for _, a := range list {
					pub := "-"
					if a.PublishedAt != nil {
						pub = a.PublishedAt.Day()
					}
					fmt.Fprintf(e.stdout, "%6d  %-10s  %-20.20s  %s\n", a.ID, pub, orDash(news.Deref(a.Outlet)), orDash(news.Deref(a.Title)))
				}
				if next != "" {
					fmt.Fprintf(e.stdout, "more: --cursor %s\n", next)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&q.Limit, "limit", 50, "articles per page")
	cmd.Flags().StringVar(&q.Cursor, "cursor", "", "continue after a previous page")
	cmd.Flags().StringVar(&q.Outlet, "outlet", "", "only this outlet")
	return cmd
}

func newShowCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one stored article with its annotations",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("article ID", args[0])
			if err != nil {
				return err
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				a, err := st.Article(ctx, id)
				if err != nil {
					return fmt.Errorf("article %d: %w", id, err)
				}
				ann, err := st.Annotations(ctx, id)
				if err != nil {
					ann = news.Annotations{}
				}
				if asJSON {
					return json.NewEncoder(e.stdout).Encode(readView(a, ann))
				}
				printArticle(e, a)
				printAnnotations(e, a, ann)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
