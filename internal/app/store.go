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
