package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// newEvalClusterCmd scores online story clustering (B-cubed and pairwise)
// on an ECB+ corpus directory or a JSONL file with gold labels.
func newEvalClusterCmd(e *env) *cobra.Command {
	var data string
	var asJSON bool
	var half int
	var showErrors bool
	var shuffles int
	cfg := cluster.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Score story clustering on ECB+ (directory) or JSONL {id,text,title,published_at,outlet,gold}",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval cluster: --data is required: %w", news.ErrInvalidInput)
			}
			if shuffles < 0 {
				return fmt.Errorf("eval cluster: --shuffle must be 0 or more: %w", news.ErrInvalidInput)
			}
			if half < -1 || half > 1 {
				return fmt.Errorf("eval cluster: --half must be -1, 0 or 1: %w", news.ErrInvalidInput)
			}
			docs, err := eval.LoadClusterDocs(data)
			if err != nil {
				return fmt.Errorf("eval cluster: %w", err)
			}
			if half >= 0 {
				docs = eval.SelectHalf(docs, half)
			}
			if showErrors {
				return printMetrics(e, asJSON, eval.ClusterErrors(docs, cfg))
			}
			return printMetrics(e, asJSON, eval.EvalClusterShuffled(docs, cfg, shuffles))
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "ECB+ corpus directory or JSONL file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().IntVar(&half, "half", -1, "score only even (0) or odd (1) gold topics, for split-half tuning checks")
	cmd.Flags().IntVar(&shuffles, "shuffle", 0, "also score N seeded random input orders and report their mean, min and max F1")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list the merged stories and split gold clusters instead of the scores")
	cmd.Flags().Float64Var(&cfg.Threshold, "threshold", cfg.Threshold, "minimum score to join a story")
	cmd.Flags().Float64Var(&cfg.MergeThreshold, "merge-threshold", cfg.MergeThreshold, "minimum score to a second story to merge it")
	return cmd
}
