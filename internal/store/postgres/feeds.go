package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
)

const feedColumns = `id, url, title, etag, last_modified, next_poll_at, error_count, last_error, paused, paused_reason`

func scanFeed(row pgx.Row) (news.Feed, error) {
	var f news.Feed
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &f.NextPollAt,
		&f.ErrorCount, &f.LastError, &f.Paused, &f.PausedReason)
	f.NextPollAt = f.NextPollAt.UTC()
	return f, err
}

// PutFeed adds a feed (f.ID == 0) or updates one. The unique index on url
// decides conflicts, also between concurrent callers.
func (s *Store) PutFeed(ctx context.Context, f news.Feed) (int64, error) {
	if f.URL == "" {
		return 0, fmt.Errorf("postgres: put feed: empty URL: %w", news.ErrInvalidInput)
	}
	fields := []any{f.URL, f.Title, f.ETag, f.LastModified, f.NextPollAt, f.ErrorCount, f.LastError, f.Paused, f.PausedReason}
	if f.ID == 0 {
		var id int64
		err := s.pool.QueryRow(ctx, `
			INSERT INTO feeds (url, title, etag, last_modified, next_poll_at, error_count, last_error, paused, paused_reason)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (url) DO NOTHING RETURNING id`, fields...).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return s.feedConflict(ctx, f.URL)
		}
		if err != nil {
			return 0, fmt.Errorf("postgres: put feed %s: %w", f.URL, classify(err, "feed", f.URL))
		}
		return id, nil
	}
	tag, err := s.pool.Exec(ctx, `
		UPDATE feeds SET url = $1, title = $2, etag = $3, last_modified = $4, next_poll_at = $5,
			error_count = $6, last_error = $7, paused = $8, paused_reason = $9
		WHERE id = $10`, append(fields, f.ID)...)
	if isUniqueViolation(err) {
		return s.feedConflict(ctx, f.URL)
	}
	if err != nil {
		return 0, fmt.Errorf("postgres: put feed %s: %w", f.URL, classify(err, "feed", f.ID))
	}
	if tag.RowsAffected() == 0 {
		return 0, fmt.Errorf("postgres: put feed %s: %w", f.URL, classify(pgx.ErrNoRows, "feed", f.ID))
	}
	return f.ID, nil
}

// feedConflict reports the feed that already has url.
func (s *Store) feedConflict(ctx context.Context, url string) (int64, error) {
	var id int64
	if err := s.pool.QueryRow(ctx, `SELECT id FROM feeds WHERE url = $1`, url).Scan(&id); err != nil {
		return 0, fmt.Errorf("postgres: put feed %s: %w", url, err)
	}
	return id, fmt.Errorf("postgres: put feed %s: feed %d has this URL: %w", url, id, news.ErrConflict)
}

// Feed returns one feed.
func (s *Store) Feed(ctx context.Context, id int64) (news.Feed, error) {
	f, err := scanFeed(s.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = $1`, id))
	if err != nil {
		return news.Feed{}, fmt.Errorf("postgres: %w", classify(err, "feed", id))
	}
	return f, nil
}

// Feeds lists all feeds by ID.
func (s *Store) Feeds(ctx context.Context) ([]news.Feed, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (news.Feed, error) { return scanFeed(row) })
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	return list, nil
}

// DeleteFeed removes a feed; its seen items go with it (ON DELETE CASCADE).
func (s *Store) DeleteFeed(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM feeds WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete feed %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: delete %w", classify(pgx.ErrNoRows, "feed", id))
	}
	return nil
}

// MarkItemSeen records an item key of a feed and reports whether it was
// new; the foreign key reports an unknown feed.
func (s *Store) MarkItemSeen(ctx context.Context, feedID int64, key string) (bool, error) {
	if key == "" {
		return false, fmt.Errorf("postgres: mark item of feed %d: empty key: %w", feedID, news.ErrInvalidInput)
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO feed_items (feed_id, key) VALUES ($1, $2) ON CONFLICT (feed_id, key) DO NOTHING`, feedID, key)
	if err != nil {
		return false, fmt.Errorf("postgres: mark item %q: %w", key, classify(err, "feed", feedID))
	}
	return tag.RowsAffected() == 1, nil
}
