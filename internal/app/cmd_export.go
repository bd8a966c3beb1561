package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

func newExportCmd(e *env) *cobra.Command {
	var format, out, outlet, from, to string
	var help strings.Builder
	for _, t := range export.Tables {
		fmt.Fprintf(&help, "  %-10s %s\n", t.Name, t.About)
	}
	cmd := &cobra.Command{
		Use:   "export TABLE",
		Short: "Write a stored table (articles, mentions, roles, quotes, timexes, events, citations, stories, claims) as JSON Lines or CSV",
		Long: "export streams one table of the store to standard output or --out, as JSON Lines (one object per row,\n" +
			"null for unknown values) or CSV (a header row, empty cells for unknown values, lists joined by \"; \").\n" +
			"Rows from text carry the article ID and byte span. Tables:\n\n" + help.String(),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			table, err := export.Lookup(args[0])
			if err != nil {
				return err
			}
			var f export.Filter
			f.Outlet = outlet
			if f.From, err = dateFlag("--from", from); err != nil {
				return err
			}
			if f.To, err = dateFlag("--to", to); err != nil {
				return err
			}
			// A file export is written beside its target and renamed into
			// place when complete, so a failed run leaves no partial file.
			var w io.Writer = e.stdout
			var file *os.File
			if out != "" {
				if file, err = os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*"); err != nil {
					return fmt.Errorf("export %s: %w", out, err)
				}
				defer os.Remove(file.Name())
				defer file.Close()
				w = file
			}
			tw, err := export.NewWriter(format, w)
			if err != nil {
				return err
			}
			err = withStore(ctx, e.cfg.DB, func(st store.Store) error {
				return export.Write(ctx, exportSource{st}, table, f, tw)
			})
			if err != nil {
				return err
			}
			if file == nil {
				return nil
			}
			if err := file.Chmod(0o644); err != nil {
				return fmt.Errorf("export %s: %w", out, err)
			}
			if err := file.Close(); err != nil {
				return fmt.Errorf("export %s: %w", out, err)
			}
			if err := os.Rename(file.Name(), out); err != nil {
				return fmt.Errorf("export %s: %w", out, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", export.FormatJSONL, "jsonl or csv")
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&outlet, "outlet", "", "only articles of this outlet (stories and claims: stories with one)")
	cmd.Flags().StringVar(&from, "from", "", "only articles published at or after (YYYY-MM-DD or RFC 3339)")
	cmd.Flags().StringVar(&to, "to", "", "only articles published before (YYYY-MM-DD or RFC 3339)")
	return cmd
}

// dateFlag parses an optional date or RFC 3339 flag.
func dateFlag(name, value string) (t time.Time, err error) {
	if value == "" {
		return t, nil
	}
	ts, err := news.ParseTimestamp(value)
	if err != nil {
		return t, fmt.Errorf("%s %q: %w", name, value, err)
	}
	return ts.Time, nil
}

// exportSource gives the export the store and the comparison of stored
// stories that `parallax story` prints.
type exportSource struct{ store.Store }

func (s exportSource) Comparison(ctx context.Context, storyID int64) (compare.Comparison, error) {
	rep, err := loadStoryReport(ctx, s.Store, storyID)
	if err != nil {
		return compare.Comparison{}, err
	}
	return rep.Comparison, nil
}
