package app

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// newEvalCmd groups the quality evaluations. Each task is a subcommand
// taking --data PATH and printing one JSON object of metrics with --json.
func newEvalCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score a component on a public data set",
	}
	cmd.AddCommand(evalCommands(e)...)
	return cmd
}

// evalCommands lists the eval tasks, one file eval_<task>.go each.
func evalCommands(e *env) []*cobra.Command {
	return []*cobra.Command{
		newEvalClusterCmd(e),
		newEvalResolveCmd(e),
		newEvalExtractCmd(e),
		newEvalNERCmd(e),
		newEvalTimeCmd(e),
		newEvalQuotesCmd(e),
		newEvalCompareCmd(e),
		newEvalEventsCmd(e),
		newEvalTextCmd(e),
	}
}

// printMetrics writes metrics as one JSON object (--json) or indented JSON
// for people; metrics are always JSON-shaped.
func printMetrics(e *env, asJSON bool, v any) error {
	var b []byte
	var err error
	if asJSON {
		b, err = json.Marshal(v)
	} else {
		b, err = json.MarshalIndent(v, "", "  ")
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, string(b))
	return err
}
