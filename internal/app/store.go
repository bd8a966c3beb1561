package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// openStore is the one place a concrete store is chosen: SQLite for a file
// path (parent directories are created).
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if dir := filepath.Dir(dsn); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database directory %s: %w", dir, err)
		}
	}
	st, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", dsn, err)
	}
	return st, nil
}
