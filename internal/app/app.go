// Package app is Parallax's composition root: it parses the command line,
// builds the configuration and is the only package that picks concrete
// backends (store, queue) and wires the pure stages together.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/config"
	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

// env carries the process's streams and configuration to the commands.
type env struct {
	cfg    config.Config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	fetch  *fetch.Fetcher // built on first use by fetcher()
}

// Main runs the CLI and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{cfg: config.Default(), stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(stderr, "parallax: %v\n", err)
	}
	return ExitCode(err)
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           "parallax",
		Short:         "See one news event through many outlets",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			var level slog.Level
			if err := level.UnmarshalText([]byte(e.cfg.LogLevel)); err != nil {
				level = slog.LevelInfo
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})))
		},
	}
	root.PersistentFlags().StringVar(&e.cfg.DB, "db", e.cfg.DB, "store: SQLite file path or postgres:// URL (env PARALLAX_DB)")
	addDeployFlags(root.PersistentFlags(), &e.cfg)
	root.PersistentFlags().BoolVar(&e.cfg.AllowPrivate, "allow-private", e.cfg.AllowPrivate, "let fetches reach loopback and private addresses (env PARALLAX_ALLOW_PRIVATE=1)")
	root.PersistentFlags().StringVar(&e.cfg.LogLevel, "log-level", e.cfg.LogLevel, "debug, info, warn or error")
	root.AddCommand(commands(e)...)
	return root
}

// errReported marks a failure whose details were already printed (e.g. some
// inputs of a batch failed); Main then only sets the exit code.
var errReported = errors.New("failures reported above")

// exitCodes is the one table from error kind to CLI exit code; httpapi has
// the matching table for HTTP statuses.
var exitCodes = []struct {
	err  error
	code int
}{
	{news.ErrInvalidInput, 2},
	{news.ErrNotFound, 3},
	{news.ErrConflict, 4},
	{news.ErrUnauthorized, 5},
	{news.ErrTooLarge, 2},
	{news.ErrUnavailable, 6},
}

// ExitCode maps an error to the process exit status.
func ExitCode(err error) int {
	for _, m := range exitCodes {
		if errors.Is(err, m.err) {
			return m.code
		}
	}
	return 1
}
