// Package sqlite is the embedded store.Store backend: one SQLite file
// through the pure-Go modernc.org/sqlite driver, so Parallax needs neither
// cgo nor a database server. Full-text search uses FTS5.
//
// SQLite allows one writer at a time. The store funnels every write through
// a single connection (so concurrent callers queue in Go instead of failing
// with SQLITE_BUSY) and serves reads from a pool, which WAL mode lets run
// alongside the writer.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"

	// Registers the "sqlite" database/sql driver.
	_ "modernc.org/sqlite"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Store is a store.Store on one SQLite file.
type Store struct {
	write *sql.DB // exactly one connection: SQLite's single writer
	read  *sql.DB
}

var _ store.Store = (*Store)(nil)

// busyTimeoutMillis bounds how long a connection waits for a lock held by
// another process (this process's writes are already serialised).
const busyTimeoutMillis = 10000

// Open opens or creates the database file at path and migrates it to the
// newest schema. A database written by a newer Parallax is refused with an
// error wrapping store.ErrSchemaTooNew.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsRune(path, '?') || strings.HasPrefix(path, "file:") || strings.Contains(path, ":memory:") {
		return nil, fmt.Errorf("sqlite: open %q: need a plain file path: %w", path, news.ErrInvalidInput)
	}
	pragmas := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)", busyTimeoutMillis)
	write, err := sql.Open("sqlite", path+"?"+pragmas+"&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	return &Store{write: write, read: read}, nil
}

// Close closes both connection pools.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// inTx runs fn in a write transaction (BEGIN IMMEDIATE on the single
// writer connection) and commits when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, rollback(tx))
	}
	return tx.Commit()
}

func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return err
	}
	return nil
}

// notFound turns sql.ErrNoRows into a news.ErrNotFound naming what was
// missing; other errors pass through.
func notFound(err error, what string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %v: %w", what, id, news.ErrNotFound)
	}
	return err
}
