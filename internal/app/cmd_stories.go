package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

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
			st, err := openStore(ctx, e.cfg.DB)
			if err != nil {
				return err
			}
			defer st.Close()
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

// storyDetail is the JSON shape of `parallax story ID --json`.
type storyDetail struct {
	news.Story
	Articles []storyArticle `json:"articles"`
	Copies   []news.Copy    `json:"copies"`
}

type storyArticle struct {
	ID          int64           `json:"id"`
	Source      string          `json:"source"`
	Outlet      *string         `json:"outlet"`
	Title       *string         `json:"title"`
	URL         *string         `json:"url"`
	PublishedAt *news.Timestamp `json:"published_at"`
}

func loadStoryDetail(ctx context.Context, st store.Store, id int64) (storyDetail, []news.Article, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return storyDetail{}, nil, fmt.Errorf("story %d: %w", id, err)
	}
	d := storyDetail{Story: s, Articles: []storyArticle{}}
	var articles []news.Article
	for _, aid := range s.ArticleIDs {
		a, err := st.Article(ctx, aid)
		if err != nil {
			return d, nil, fmt.Errorf("story %d: article %d: %w", id, aid, err)
		}
		articles = append(articles, a)
		d.Articles = append(d.Articles, storyArticle{ID: a.ID, Source: a.Source, Outlet: a.Outlet, Title: a.Title, URL: a.URL, PublishedAt: a.PublishedAt})
	}
	copies, err := st.Copies(ctx, s.ArticleIDs)
	if err != nil {
		return d, nil, err
	}
	d.Copies = orEmpty(copies)
	return d, articles, nil
}

func newStoryCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its articles, outlets, dates and copies",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("story ID %q: %w", args[0], news.ErrInvalidInput)
			}
			st, err := openStore(ctx, e.cfg.DB)
			if err != nil {
				return err
			}
			defer st.Close()
			d, _, err := loadStoryDetail(ctx, st, id)
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(e.stdout).Encode(d)
			}
			fmt.Fprintf(e.stdout, "story %d: %s\nevent date: %s\nfirst seen: %s  last seen: %s\n%d article(s), %d independent source(s)\n\n",
				d.ID, d.Title, orDash(d.EventDate), d.FirstSeen.Format("2006-01-02"), d.LastSeen.Format("2006-01-02"), len(d.Articles), d.Sources)
			copyOf := map[int64]int64{}
			for _, c := range d.Copies {
				copyOf[c.ArticleID] = c.CopyOf
			}
			for _, a := range d.Articles {
				pub := "-"
				if a.PublishedAt != nil {
					pub = a.PublishedAt.Day()
				}
				note := ""
				if c, ok := copyOf[a.ID]; ok {
					note = fmt.Sprintf("  (copy of %d)", c)
				}
				fmt.Fprintf(e.stdout, "%6d  %-10s  %-20.20s  %s%s\n", a.ID, pub, orDash(news.Deref(a.Outlet)), orDash(news.Deref(a.Title)), note)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
