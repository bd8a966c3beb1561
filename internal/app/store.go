package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// openStore opens the store named by dsn: PostgreSQL for postgres:// and
// postgresql:// URLs, otherwise a SQLite file (its directory is created).
// It is the one place that picks a concrete store.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		return nil, fmt.Errorf("open store: empty location: %w", news.ErrInvalidInput)
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	if dir := filepath.Dir(dsn); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	return sqlite.Open(ctx, dsn)
}

// withStore opens the store named by dsn, runs fn with it and closes it:
// the frame of every command that works on the store. Commands check
// their arguments first, so bad input never creates a database file.
func withStore(ctx context.Context, dsn string, fn func(st store.Store) error) error {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}
