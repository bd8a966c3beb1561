package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// migrationFiles holds the schema history, one NNNN_name.sql per version.
// Files are never edited once released: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]sqlcodec.Migration, error) {
	return sqlcodec.LoadMigrations(migrationFiles, "migrations")
}

// migrate brings the database to the newest embedded version, one
// transaction per migration. The version is re-read inside each
// transaction, so two processes opening the same file apply each
// migration once.
func migrate(ctx context.Context, db *sql.DB) error {
	migrations, err := loadMigrations()
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for {
		done, err := migrateStep(ctx, db, migrations)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next pending migration in its own transaction
// and reports whether the schema was already current.
func migrateStep(ctx context.Context, db *sql.DB, migrations []sqlcodec.Migration) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	done, err = applyNext(ctx, tx, migrations)
	if err != nil || done {
		return done, errors.Join(err, rollback(tx))
	}
	return false, tx.Commit()
}

func applyNext(ctx context.Context, tx *sql.Tx, migrations []sqlcodec.Migration) (done bool, err error) {
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	pending, err := sqlcodec.Pending(migrations, current)
	if err != nil || len(pending) == 0 {
		return err == nil, err
	}
	m := pending[0]
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, formatInstant(time.Now())); err != nil {
		return false, fmt.Errorf("record migration %s: %w", m.Name, err)
	}
	return false, nil
}
