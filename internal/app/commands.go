package app

import "github.com/spf13/cobra"

// commands lists the top-level commands. Each lives in its own cmd_*.go file.
func commands(e *env) []*cobra.Command {
	return []*cobra.Command{
		newExtractCmd(e),
		newIngestCmd(e),
		newArticlesCmd(e),
		newShowCmd(e),
		newReadCmd(e),
		newReprocessCmd(e),
		newFeedsCmd(e),
		newPollCmd(e),
		newStoriesCmd(e),
		newStoryCmd(e),
		newCompareCmd(e),
		newExportCmd(e),
		newDemoCmd(e),
		newServeCmd(e),
		newWorkerCmd(e),
		newEvalCmd(e),
		newBenchCmd(e),
	}
}
