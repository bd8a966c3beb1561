package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// newEvalQuotesCmd scores quote and attribution finding on a PolNeAR split.
func newEvalQuotesCmd(e *env) *cobra.Command {
	var (
		data      string
		asJSON    bool
		baseline  bool
		agreement bool
		errors    bool
	)
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Score quotes, reported speech and their sources on PolNeAR (brat standoff)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval quotes: --data is required: %w", news.ErrInvalidInput)
			}
			opts := eval.QuoteOptions{Baseline: baseline, Agreement: agreement}
			if errors {
				opts.Errors = e.stderr
			}
			m, err := eval.EvalQuotes(data, opts)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			return printMetrics(e, asJSON, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR split folder with text/ and attributions/")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&baseline, "baseline", false, "score the quoted-span + nearest-name baseline instead")
	cmd.Flags().BoolVar(&agreement, "agreement", false, "score the second annotator against the first, on the articles that have both (the human ceiling)")
	cmd.Flags().BoolVar(&errors, "errors", false, "list missed, spurious and mis-attributed contents on stderr")
	return cmd
}
