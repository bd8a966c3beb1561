package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/store"
)

// articleRead is the JSON shape of `parallax read` and `parallax show`:
// the article's fields followed by its annotations.
type articleRead struct {
	news.Article
	Sentences []news.Span     `json:"sentences"`
	Entities  []news.Entity   `json:"entities"`
	Timexes   []news.Timex    `json:"timexes"`
	Quotes    []news.Quote    `json:"quotes"`
	Citations []news.Citation `json:"citations"`
	Events    []news.Event    `json:"events"`
	EventDate *string         `json:"event_date"`
	NotRead   string          `json:"not_read,omitempty"`
}

func readView(a news.Article, ann news.Annotations) articleRead {
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
	return articleRead{
		Article:   a,
		Sentences: orEmpty(ann.Sentences),
		Entities:  orEmpty(ann.Entities),
		Timexes:   orEmpty(ann.Timexes),
		Quotes:    orEmpty(ann.Quotes),
		Citations: orEmpty(ann.Citations),
		Events:    orEmpty(ann.Events),
		EventDate: news.Str(ann.EventDate),
		NotRead:   ann.NotRead,
	}
}

func newReadCmd(e *env) *cobra.Command {
	var asJSON bool
	var inputs inputFlags
	cmd := &cobra.Command{
		Use:   "read FILE|URL...",
		Short: "Extract and read inputs: entities, roles, dates, quotes (no store)",
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := reader.New()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return e.eachArticle(cmd.Context(), args, &inputs, func(a news.Article) error {
				ann := r.Read(a)
				if asJSON {
					return enc.Encode(readView(a, ann))
				}
				printArticle(e, a)
				printAnnotations(e, a, ann)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	inputs.register(cmd)
	return cmd
}

func newReprocessCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "reprocess [ID...]",
		Short: "Re-read stored articles (all, or the given IDs) after a model update",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				p, err := e.newPipeline(ctx, st)
				if err != nil {
					return err
				}
				ids, err := articleIDs(cmd, st, args)
				if err != nil {
					return err
				}
				failed := 0
				err = p.ReprocessAll(ctx, ids, func(id int64, err error) {
					failed++
					fmt.Fprintf(e.stderr, "FAILED article %d: %v\n", id, err)
				})
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "reprocessed %d, failed %d\n", len(ids)-failed, failed)
				if failed > 0 {
					return errReported
				}
				return nil
			})
		},
	}
}

// articleIDs parses explicit IDs or lists every stored article.
func articleIDs(cmd *cobra.Command, st store.Store, args []string) ([]int64, error) {
	var ids []int64
	for _, a := range args {
		var id int64
		if _, err := fmt.Sscan(a, &id); err != nil {
			return nil, fmt.Errorf("article ID %q: %w", a, news.ErrInvalidInput)
		}
		ids = append(ids, id)
	}
	if len(ids) > 0 {
		return ids, nil
	}
	q := store.ArticleQuery{Limit: 500}
	for {
		list, next, err := st.Articles(cmd.Context(), q)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			ids = append(ids, a.ID)
		}
		if next == "" {
			return ids, nil
		}
		q.Cursor = next
	}
}

// printAnnotations writes a readable summary of what was read.
func printAnnotations(e *env, a news.Article, ann news.Annotations) {
	if ann.NotRead != "" {
		fmt.Fprintf(e.stdout, "not read: %s\n", ann.NotRead)
	}
	if ann.EventDate != "" {
		fmt.Fprintf(e.stdout, "event date: %s\n", ann.EventDate)
	}
	if len(ann.Entities) > 0 {
		fmt.Fprintln(e.stdout, "entities:")
	}
	for _, ent := range ann.Entities {
		var roles []string
		for _, r := range ent.Roles {
			roles = append(roles, r.Title)
		}
		line := fmt.Sprintf("  %-4s %-30s %d mention(s)", ent.Type, ent.Name, len(ent.Mentions))
		if ent.Refers != "" {
			line += " -> " + ent.Refers
		}
		if len(roles) > 0 {
			line += "; " + strings.Join(roles, "; ")
		}
		fmt.Fprintln(e.stdout, line)
	}
	if len(ann.Timexes) > 0 {
		fmt.Fprintln(e.stdout, "dates:")
	}
	for _, t := range ann.Timexes {
		fmt.Fprintf(e.stdout, "  %-30q %-8s %s\n", t.Text, t.Type, t.Value)
	}
	if len(ann.Quotes) > 0 {
		fmt.Fprintln(e.stdout, "quotes:")
	}
	for _, q := range ann.Quotes {
		who := "(unattributed)"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		via := ""
		if len(q.Via) > 0 {
			via = " via " + strings.Join(q.Via, ", ")
		}
		fmt.Fprintf(e.stdout, "  %s%s: %q\n", who, via, q.Text)
	}
	for _, c := range ann.Citations {
		fmt.Fprintf(e.stdout, "cites: %s (%q)\n", c.Source, a.Text[c.Start:c.End])
	}
}
