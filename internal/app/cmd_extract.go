package app

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func newExtractCmd(e *env) *cobra.Command {
	var asJSON bool
	var inputs inputFlags
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR|URL...",
		Short: "Print the clean article of each input (no store)",
		Long: "Extract title, byline, outlet, dates, language and clean text from page dumps,\n" +
			"HTML pages, URLs and JSONL records. With --json, one JSON object per article (JSON Lines).",
		RunE: func(cmd *cobra.Command, args []string) error {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return e.eachArticle(cmd.Context(), args, &inputs, func(a news.Article) error {
				if asJSON {
					return enc.Encode(a)
				}
				printArticle(e, a)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	inputs.register(cmd)
	return cmd
}

type extracted struct {
	article news.Article
	err     error
}

// extractAll extracts an input that may hold several articles (JSONL).
func extractAll(ex pipeline.Extractor, in pipeline.Input) []extracted {
	if pipeline.Sniff(in.Source, in.ContentType, in.Raw) == pipeline.FormatJSONL {
		var out []extracted
		for _, it := range jsonl.Parse(in.Source, in.Raw) {
			out = append(out, extracted{it.Article, it.Err})
		}
		return out
	}
	a, err := ex.Extract(in.Source, in.Raw, in.ContentType)
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
	return []extracted{{a, err}}
}

// printArticle writes a human-readable article.
func printArticle(e *env, a news.Article) {
	field := func(name string, v string) {
		if v == "" {
			v = "-"
		}
		fmt.Fprintf(e.stdout, "%-10s %s\n", name+":", v)
	}
	ts := func(t *news.Timestamp) string {
		if t == nil {
			return ""
		}
		return t.String()
	}
	field("source", a.Source)
	field("title", news.Deref(a.Title))
	field("byline", news.Deref(a.Byline))
	field("outlet", news.Deref(a.Outlet))
	field("published", ts(a.PublishedAt))
	field("updated", ts(a.UpdatedAt))
	field("language", news.Deref(a.Language))
	for _, w := range a.Warnings {
		field("warning", w)
	}
	fmt.Fprintf(e.stdout, "\n%s\n\n", a.Text)
}
