// Command parallax is the one Parallax binary: CLI, server and workers.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/parallax-news/parallax/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
