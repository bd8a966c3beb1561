package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
)

// newEvalCompareCmd scores the cross-source comparison on hand-annotated
// stories (docs/EVAL-COMPARE.md).
func newEvalCompareCmd(e *env) *cobra.Command {
	var (
		data   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Score shared/unique claims, conflicts and quote variants on gold stories",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval compare: --data is required: %w", news.ErrInvalidInput)
			}
			r, err := reader.New()
			if err != nil {
				return err
			}
			m, err := eval.EvalCompare(data, r)
			if err != nil {
				return fmt.Errorf("eval compare: %w", err)
			}
			return printMetrics(e, asJSON, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "folder of gold story JSON files (e.g. internal/eval/testdata/compare)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
