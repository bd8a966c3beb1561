// Package postgres is the scaled-out store.Store backend: PostgreSQL through
// a pgx connection pool, full-text search on a weighted tsvector with a GIN
// index. Several Parallax processes may share one database: idempotent
// writes rely on unique constraints (INSERT ... ON CONFLICT), never on
// checks in Go, and migrations take an advisory lock.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Store is a store.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to the database at dsn (a postgres:// URL or key=value
// string) and migrates it to the newest schema. A database migrated by a
// newer Parallax is refused with an error wrapping store.ErrSchemaTooNew.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse DSN: %w: %w", news.ErrInvalidInput, err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect: %w: %w", news.ErrUnavailable, err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// inTx runs fn in a transaction and commits when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// PostgreSQL error codes the store maps to news sentinels.
const (
	codeForeignKeyViolation    = "23503"
	codeUniqueViolation        = "23505"
	codeCharacterNotInCharset  = "22021" // e.g. invalid UTF-8
	codeUntranslatableChar     = "22P05" // e.g. NUL in text or \u0000 in JSON
	codeStringDataRightTruncat = "22001"
)

// classify wraps database errors in the news sentinel they mean: a missing
// row or a dangling reference is ErrNotFound, text PostgreSQL cannot store
// is ErrInvalidInput. what names the missing thing.
func classify(err error, what string, id any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s %v: %w", what, id, news.ErrNotFound)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case codeForeignKeyViolation:
			return fmt.Errorf("%s %v: %w: %w", what, id, news.ErrNotFound, err)
		case codeCharacterNotInCharset, codeUntranslatableChar, codeStringDataRightTruncat:
			return fmt.Errorf("%w: %w", news.ErrInvalidInput, err)
		}
	}
	return err
}

func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == codeUniqueViolation
}
