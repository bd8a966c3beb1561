package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
)

// newEvalEventsCmd scores who-did-what-to-whom event coding (PLOVER
// categories, source and target actors) on gold event records.
func newEvalEventsCmd(e *env) *cobra.Command {
	var data string
	var asJSON, errors bool
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Score event coding (PLOVER category, source, target) on PLOVER gold-standard records",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval events: --data is required: %w", news.ErrInvalidInput)
			}
			r, err := reader.New()
			if err != nil {
				return fmt.Errorf("eval events: %w", err)
			}
			var opts eval.EventOptions
			if errors {
				opts.Errors = e.stderr
			}
			m, err := eval.EvalEvents(data, r, opts)
			if err != nil {
				return fmt.Errorf("eval events: %w", err)
			}
			return printMetrics(e, asJSON, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PLOVER gold-standard JSON file (array of {id, event, text, source, target})")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&errors, "errors", false, "list wrongly coded and uncoded records on stderr")
	return cmd
}
