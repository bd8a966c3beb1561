package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// articleColumns is the select list that scanArticle reads.
const articleColumns = `a.id, a.document_id, a.source, a.url, a.title, a.byline, a.outlet,
	a.published_at, a.published_flags, a.updated_at, a.updated_flags, a.language,
	a.text, a.text_sha256, a.warnings::text, a.from_feed_content`

func scanArticle(row pgx.Row) (news.Article, error) {
	var (
		a                            news.Article
		published, updated           *string
		publishedFlags, updatedFlags int16
		warnings                     string
	)
	err := row.Scan(&a.ID, &a.DocumentID, &a.Source, &a.URL, &a.Title, &a.Byline, &a.Outlet,
		&published, &publishedFlags, &updated, &updatedFlags, &a.Language,
		&a.Text, &a.TextSHA256, &warnings, &a.FromFeedContent)
	if err != nil {
		return news.Article{}, err
	}
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

// PutArticle upserts the one article of a document. "xmax = 0" is true
// only for a row this statement inserted, which tells created apart from
// replaced without a separate read.
func (s *Store) PutArticle(ctx context.Context, a news.Article) (id int64, created bool, err error) {
	if a.DocumentID <= 0 {
		return 0, false, fmt.Errorf("postgres: put article: no document ID: %w", news.ErrInvalidInput)
	}
	if a.TextSHA256 == "" {
		sum := sha256.Sum256([]byte(a.Text))
		a.TextSHA256 = hex.EncodeToString(sum[:])
	}
	warnings, err := json.Marshal(a.Warnings)
	if err != nil {
		return 0, false, fmt.Errorf("postgres: put article: %w", err)
	}
	published, publishedFlags := encodeTimestamp(a.PublishedAt)
	updated, updatedFlags := encodeTimestamp(a.UpdatedAt)
	var publishedAt *time.Time
	if a.PublishedAt != nil {
		publishedAt = &a.PublishedAt.Time
	}
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO articles (document_id, source, url, title, byline, outlet, published_at, published_flags,
				updated_at, updated_flags, language, text, text_sha256, warnings, from_feed_content, dated_at)
			SELECT d.id, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint,
				$9::text, $10::smallint, $11::text, $12::text, $13::text, $14::jsonb, $15::boolean,
				COALESCE($16::timestamptz, d.fetched_at)
			FROM documents d WHERE d.id = $1
			ON CONFLICT (document_id) DO UPDATE SET
				source = EXCLUDED.source, url = EXCLUDED.url, title = EXCLUDED.title, byline = EXCLUDED.byline,
				outlet = EXCLUDED.outlet, published_at = EXCLUDED.published_at,
				published_flags = EXCLUDED.published_flags, updated_at = EXCLUDED.updated_at,
				updated_flags = EXCLUDED.updated_flags, language = EXCLUDED.language, text = EXCLUDED.text,
				text_sha256 = EXCLUDED.text_sha256, warnings = EXCLUDED.warnings,
				from_feed_content = EXCLUDED.from_feed_content, dated_at = EXCLUDED.dated_at
			RETURNING id, xmax = 0`,
			a.DocumentID, a.Source, a.URL, a.Title, a.Byline, a.Outlet, published, publishedFlags,
			updated, updatedFlags, a.Language, a.Text, a.TextSHA256, string(warnings), a.FromFeedContent,
			publishedAt).Scan(&id, &created)
		if err != nil {
			return classify(err, "document", a.DocumentID)
		}
		// Offsets of annotations made for another text would point nowhere.
		_, err = tx.Exec(ctx, `DELETE FROM annotations WHERE article_id = $1 AND text_sha256 <> $2`, id, a.TextSHA256)
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("postgres: put article of document %d: %w", a.DocumentID, err)
	}
	return id, created, nil
}

// Article returns one article.
func (s *Store) Article(ctx context.Context, id int64) (news.Article, error) {
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if err != nil {
		return news.Article{}, fmt.Errorf("postgres: %w", classify(err, "article", id))
	}
	return a, nil
}

// ArticleByDocument returns the article of a document.
func (s *Store) ArticleByDocument(ctx context.Context, documentID int64) (news.Article, error) {
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.document_id = $1`, documentID))
	if err != nil {
		return news.Article{}, fmt.Errorf("postgres: %w", classify(err, "article of document", documentID))
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
			return nil, "", fmt.Errorf("postgres: articles: %w", err)
		}
		where.add("a.id < ?", after)
	}
	where.articleFilters(q.Outlet, q.From, q.To)
	limit := sqlcodec.PageLimit(q.Limit)
	query := `SELECT ` + articleColumns + ` FROM articles a` + where.sql() + ` ORDER BY a.id DESC LIMIT ` + where.next(limit+1)
	list, err := s.queryArticles(ctx, query, where.args...)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: articles: %w", err)
	}
	list, next := sqlcodec.NextPage(list, limit, func(last news.Article) string { return sqlcodec.EncodeIntCursor(last.ID) })
	return list, next, nil
}

func (s *Store) queryArticles(ctx context.Context, query string, args ...any) ([]news.Article, error) {
	rows, err := s.pool.Query(ctx, query, args...)
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
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count articles: %w", err)
	}
	return n, nil
}
