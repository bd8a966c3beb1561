package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/ingest/html"
	"github.com/parallax-news/parallax/internal/news"
)

// newEvalExtractCmd scores HTML main-text and metadata extraction on a
// folder holding cases.jsonl (see eval.ExtractCase).
func newEvalExtractCmd(e *env) *cobra.Command {
	var data, extractor string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "extract",
		Short: "Score HTML article extraction (shingle, snippet and per-document snippet P/R/F1, length sanity, title/author/date accuracy)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval extract: --data is required: %w", news.ErrInvalidInput)
			}
			cases, err := eval.LoadExtractCases(data)
			if err != nil {
				return fmt.Errorf("eval extract: %w", err)
			}
			opts := html.Options{Extractor: extractor}
			run := func(page []byte, pageURL string) (news.Article, error) {
				return html.Extract(pageURL, page, pageURL, opts)
			}
			if _, err := run([]byte("<html></html>"), ""); err != nil {
				return fmt.Errorf("eval extract: %w", err)
			}
			return printMetrics(e, asJSON, eval.ScoreExtract(data, cases, run))
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "folder with cases.jsonl and the pages it names")
	cmd.Flags().StringVar(&extractor, "extractor", html.DefaultExtractor, fmt.Sprintf("main-text engine: %v", html.Extractors()))
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
