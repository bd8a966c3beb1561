package app

import (
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func newIngestCmd(e *env) *cobra.Command {
	var inputs inputFlags
	cmd := &cobra.Command{
		Use:   "ingest FILE|DIR|URL...",
		Short: "Store, read and cluster inputs into the database",
		Long: "Ingest stores each input's raw bytes first, then extracts, reads and assigns it to a story.\n" +
			"Running it again on the same inputs reports them unchanged and resumes any that were interrupted.\n" +
			"With --queue nats://... the inputs are published for `parallax worker` processes instead.",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			sources, errs := e.sources(args, &inputs)
			if e.cfg.Queue != "" {
				return e.publishSources(ctx, sources, errs)
			}
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				p, err := e.newPipeline(ctx, st)
				if err != nil {
					return err
				}
				sum := summary{failed: len(errs)}
				for _, err := range errs {
					fmt.Fprintf(e.stderr, "FAILED %v\n", err)
				}
				progress := e.progress(len(sources))
				var ins []pipeline.Input
				flush := func() {
					for _, outs := range p.IngestMany(ctx, ins) {
						for _, out := range outs {
							sum.count(out)
							progress.report(e, out)
						}
						progress.add()
					}
					ins = ins[:0]
				}
				for _, src := range sources {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					n := 0
					e.eachInput(ctx, src, func(in pipeline.Input, err error) bool {
						if n++; n > 1 {
							progress.more() // an archive's members count one each
						}
						if err != nil {
							sum.failed++
							progress.clearLine()
							fmt.Fprintf(e.stderr, "FAILED %v\n", err)
							progress.add()
							return true
						}
						if ins = append(ins, in); len(ins) == ingestGroup {
							flush()
						}
						return ctx.Err() == nil
					})
				}
				flush()
				if ctx.Err() != nil {
					return ctx.Err()
				}
				progress.finish()
				fmt.Fprintf(e.stdout, "ingested %d, unchanged %d, failed %d\n", sum.ingested, sum.unchanged, sum.failed)
				if sum.failed > 0 {
					return errReported
				}
				return nil
			})
		},
	}
	inputs.register(cmd)
	return cmd
}

// ingestGroup is how many inputs ingest loads before handing them to the
// pipeline together, so that small files are read on all cores at once.
const ingestGroup = 32

type summary struct{ ingested, unchanged, failed int }

func (s *summary) count(out pipeline.Outcome) {
	switch out.Status {
	case pipeline.Ingested:
		s.ingested++
	case pipeline.Unchanged:
		s.unchanged++
	default:
		s.failed++
	}
}

// progressReporter draws a bar on a terminal and prints plain lines
// otherwise (logs, pipes, CI).
type progressReporter struct {
	bar *progressbar.ProgressBar
	out io.Writer
}

func (e *env) progress(total int) *progressReporter {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progressReporter{out: e.stdout}
	}
	return &progressReporter{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progressReporter) report(e *env, out pipeline.Outcome) {
	if out.Status == pipeline.Failed {
		p.clearLine()
		fmt.Fprintf(e.stderr, "FAILED %v\n", out.Err)
		return
	}
	if p.bar == nil {
		fmt.Fprintf(p.out, "%-9s %s (article %d)\n", out.Status, out.Source, out.ArticleID)
	}
}

func (p *progressReporter) clearLine() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progressReporter) add() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

// more grows the bar's total by one input.
func (p *progressReporter) more() {
	if p.bar != nil {
		p.bar.ChangeMax(p.bar.GetMax() + 1)
	}
}

func (p *progressReporter) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
