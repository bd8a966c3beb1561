package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// newEvalNERCmd scores the shipped NER tagger on a CoNLL-2003 column file
// (IOB1 or IOB2, optionally gzipped) with exact-span matching.
func newEvalNERCmd(e *env) *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Score named-entity recognition on a CoNLL-2003 file (precision, recall, F1 per type)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval ner: --data is required: %w", news.ErrInvalidInput)
			}
			docs, err := conll.ReadFile(data)
			if err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			tagger, err := ner.Load()
			if err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			return printMetrics(e, asJSON, eval.NER(docs, tagger))
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "CoNLL-2003 file (token ... tag columns; .gz accepted)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
