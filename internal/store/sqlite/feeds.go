package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

const feedColumns = `id, url, title, etag, last_modified, next_poll_at, error_count, last_error, paused, paused_reason`

func scanFeed(row scanner) (news.Feed, error) {
	var (
		f          news.Feed
		nextPollAt string
	)
	if err := row.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &nextPollAt,
		&f.ErrorCount, &f.LastError, &f.Paused, &f.PausedReason); err != nil {
		return news.Feed{}, err
	}
	var err error
	f.NextPollAt, err = parseInstant(nextPollAt)
	return f, err
}

// errFeedExists carries the ID of the feed that already has a URL.
type errFeedExists struct{ id int64 }

func (e errFeedExists) Error() string { return fmt.Sprintf("feed %d has this URL", e.id) }
func (e errFeedExists) Unwrap() error { return news.ErrConflict }

// PutFeed adds a feed (f.ID == 0) or updates one.
func (s *Store) PutFeed(ctx context.Context, f news.Feed) (int64, error) {
	if f.URL == "" {
		return 0, fmt.Errorf("sqlite: put feed: empty URL: %w", news.ErrInvalidInput)
	}
	id := f.ID
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ? AND id <> ?`, f.URL, f.ID).Scan(&other)
		switch {
		case err == nil:
			return errFeedExists{other}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		fields := []any{f.URL, f.Title, f.ETag, f.LastModified, formatInstant(f.NextPollAt),
			f.ErrorCount, f.LastError, f.Paused, f.PausedReason}
		if id == 0 {
			return tx.QueryRowContext(ctx, `
				INSERT INTO feeds (url, title, etag, last_modified, next_poll_at, error_count, last_error, paused, paused_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, fields...).Scan(&id)
		}
		res, err := tx.ExecContext(ctx, `
			UPDATE feeds SET url = ?, title = ?, etag = ?, last_modified = ?, next_poll_at = ?,
				error_count = ?, last_error = ?, paused = ?, paused_reason = ?
			WHERE id = ?`, append(fields, id)...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return notFound(sql.ErrNoRows, "feed", id)
		}
		return nil
	})
	var exists errFeedExists
	if errors.As(err, &exists) {
		return exists.id, fmt.Errorf("sqlite: put feed %s: %w", f.URL, err)
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: put feed %s: %w", f.URL, err)
	}
	return id, nil
}

// Feed returns one feed.
func (s *Store) Feed(ctx context.Context, id int64) (news.Feed, error) {
	f, err := scanFeed(s.read.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	if err != nil {
		return news.Feed{}, fmt.Errorf("sqlite: %w", notFound(err, "feed", id))
	}
	return f, nil
}

// Feeds lists all feeds by ID.
func (s *Store) Feeds(ctx context.Context) ([]news.Feed, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: feeds: %w", err)
	}
	defer rows.Close()
	var list []news.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: feeds: %w", err)
		}
		list = append(list, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: feeds: %w", err)
	}
	return list, nil
}

// DeleteFeed removes a feed; its seen items go with it (ON DELETE CASCADE).
func (s *Store) DeleteFeed(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete feed %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("sqlite: delete %w", notFound(sql.ErrNoRows, "feed", id))
	}
	return nil
}

// MarkItemSeen records an item key of a feed and reports whether it was new.
func (s *Store) MarkItemSeen(ctx context.Context, feedID int64, key string) (bool, error) {
	if key == "" {
		return false, fmt.Errorf("sqlite: mark item of feed %d: empty key: %w", feedID, news.ErrInvalidInput)
	}
	var isNew bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ?`, feedID).Scan(&exists); err != nil {
			return notFound(err, "feed", feedID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feed_items (feed_id, key, seen_at) VALUES (?, ?, ?)
			ON CONFLICT (feed_id, key) DO NOTHING`, feedID, key, formatInstant(time.Now()))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		isNew = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: mark item %q of feed %d: %w", key, feedID, err)
	}
	return isNew, nil
}
