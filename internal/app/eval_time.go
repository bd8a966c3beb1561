package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// newEvalTimeCmd scores timex recognition and normalisation on TimeML
// files as TempEval-3 Task A.
func newEvalTimeCmd(e *env) *cobra.Command {
	var (
		data   string
		asJSON bool
		errors bool
	)
	cmd := &cobra.Command{
		Use:   "time",
		Short: "Score temporal expressions on TimeML files (TempEval-3 Task A)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval time: --data is required: %w", news.ErrInvalidInput)
			}
			opts := eval.TimeOptions{}
			if errors {
				opts.Errors = e.stderr
			}
			m, err := eval.EvalTime(data, opts)
			if err != nil {
				return fmt.Errorf("eval time: %w", err)
			}
			return printMetrics(e, asJSON, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "directory of TimeML .tml files, searched recursively")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&errors, "errors", false, "list missed, spurious and mis-normalised timexes on stderr")
	return cmd
}
