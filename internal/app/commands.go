package app

import "github.com/spf13/cobra"

// commands lists the top-level commands. Each lives in its own cmd_*.go file.
func commands(e *env) []*cobra.Command {
	return []*cobra.Command{
		newEvalCmd(e),
	}
}
