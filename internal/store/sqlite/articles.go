package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// articleColumns is the select list that scanArticle reads.
const articleColumns = `a.id, a.document_id, a.source, a.url, a.title, a.byline, a.outlet,
	a.published_at, a.published_flags, a.updated_at, a.updated_flags, a.language,
	a.text, a.text_sha256, a.warnings, a.from_feed_content`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(row scanner) (news.Article, error) {
	var (
		a                            news.Article
		url, title, byline, outlet   sql.NullString
		published, updated, language sql.NullString
		publishedFlags, updatedFlags int
		warnings                     string
	)
	err := row.Scan(&a.ID, &a.DocumentID, &a.Source, &url, &title, &byline, &outlet,
		&published, &publishedFlags, &updated, &updatedFlags, &language,
		&a.Text, &a.TextSHA256, &warnings, &a.FromFeedContent)
	if err != nil {
		return news.Article{}, err
	}
	a.URL, a.Title, a.Byline, a.Outlet, a.Language = stringPtr(url), stringPtr(title), stringPtr(byline), stringPtr(outlet), stringPtr(language)
	if a.PublishedAt, err = decodeTimestamp(published, publishedFlags); err != nil {
		return news.Article{}, err
	}
	if a.UpdatedAt, err = decodeTimestamp(updated, updatedFlags); err != nil {
		return news.Article{}, err
	}
	if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
		return news.Article{}, fmt.Errorf("article %d warnings: %w", a.ID, err)
	}
	return a, nil
}

// PutArticle inserts or replaces the one article of a document.
func (s *Store) PutArticle(ctx context.Context, a news.Article) (id int64, created bool, err error) {
	if a.DocumentID <= 0 {
		return 0, false, fmt.Errorf("sqlite: put article: no document ID: %w", news.ErrInvalidInput)
	}
	if a.TextSHA256 == "" {
		sum := sha256.Sum256([]byte(a.Text))
		a.TextSHA256 = hex.EncodeToString(sum[:])
	}
	warnings, err := json.Marshal(a.Warnings)
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: put article: %w", err)
	}
	published, publishedFlags := encodeTimestamp(a.PublishedAt)
	updated, updatedFlags := encodeTimestamp(a.UpdatedAt)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var datedAt string
		err := tx.QueryRowContext(ctx, `SELECT fetched_at FROM documents WHERE id = ?`, a.DocumentID).Scan(&datedAt)
		if err != nil {
			return notFound(err, "document", a.DocumentID)
		}
		if a.PublishedAt != nil {
			datedAt = formatInstant(a.PublishedAt.Time)
		}
		args := []any{a.Source, nullString(a.URL), nullString(a.Title), nullString(a.Byline), nullString(a.Outlet),
			published, publishedFlags, updated, updatedFlags, nullString(a.Language),
			a.Text, a.TextSHA256, string(warnings), a.FromFeedContent, datedAt, a.DocumentID}
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE document_id = ?`, a.DocumentID).Scan(&id)
		switch {
		case err == sql.ErrNoRows:
			created = true
			err = tx.QueryRowContext(ctx, `
				INSERT INTO articles (source, url, title, byline, outlet, published_at, published_flags,
					updated_at, updated_flags, language, text, text_sha256, warnings, from_feed_content,
					dated_at, document_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				RETURNING id`, args...).Scan(&id)
			return err
		case err != nil:
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE articles SET source = ?, url = ?, title = ?, byline = ?, outlet = ?,
				published_at = ?, published_flags = ?, updated_at = ?, updated_flags = ?, language = ?,
				text = ?, text_sha256 = ?, warnings = ?, from_feed_content = ?, dated_at = ?
			WHERE document_id = ?`, args...); err != nil {
			return err
		}
		// Offsets of annotations made for another text would point nowhere.
		_, err = tx.ExecContext(ctx, `DELETE FROM annotations WHERE article_id = ? AND text_sha256 <> ?`, id, a.TextSHA256)
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: put article of document %d: %w", a.DocumentID, err)
	}
	return id, created, nil
}

// Article returns one article.
func (s *Store) Article(ctx context.Context, id int64) (news.Article, error) {
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if err != nil {
		return news.Article{}, fmt.Errorf("sqlite: %w", notFound(err, "article", id))
	}
	return a, nil
}

// ArticleByDocument returns the article of a document.
func (s *Store) ArticleByDocument(ctx context.Context, documentID int64) (news.Article, error) {
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.document_id = ?`, documentID))
	if err != nil {
		return news.Article{}, fmt.Errorf("sqlite: %w", notFound(err, "article of document", documentID))
	}
	return a, nil
}

// Articles lists articles by ID descending; the cursor is the last ID
// returned, so later inserts (higher IDs) never shift a walk in progress.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, string, error) {
	var where filter
	if q.Cursor != "" {
		after, err := sqlcodec.DecodeIntCursor(q.Cursor)
		if err != nil {
			return nil, "", fmt.Errorf("sqlite: articles: %w", err)
		}
		where.add("a.id < ?", after)
	}
	where.articleFilters(q.Outlet, q.From, q.To)
	limit := sqlcodec.PageLimit(q.Limit)
	list, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a`+where.sql()+
		` ORDER BY a.id DESC LIMIT ?`, append(where.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: articles: %w", err)
	}
	list, next := sqlcodec.NextPage(list, limit, func(last news.Article) string { return sqlcodec.EncodeIntCursor(last.ID) })
	return list, next, nil
}

func (s *Store) queryArticles(ctx context.Context, query string, args ...any) ([]news.Article, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	return list, rows.Err()
}

// CountArticles returns the number of stored articles.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	return n, nil
}

// filter accumulates AND-ed WHERE conditions with their arguments.
type filter struct {
	conds []string
	args  []any
}

func (f *filter) add(cond string, args ...any) {
	f.conds = append(f.conds, cond)
	f.args = append(f.args, args...)
}

// articleFilters adds the outlet and date-window filters shared by
// Articles and Search.
func (f *filter) articleFilters(outlet string, from, to time.Time) {
	if outlet != "" {
		f.add("a.outlet = ?", outlet)
	}
	if !from.IsZero() {
		f.add("a.dated_at >= ?", formatInstant(from))
	}
	if !to.IsZero() {
		f.add("a.dated_at < ?", formatInstant(to))
	}
}

func (f *filter) sql() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}
