package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// PutDocument stores raw bytes, idempotently on their SHA-256. A
// concurrent insert of the same bytes waits on the unique index and then
// finds the winner's row.
func (s *Store) PutDocument(ctx context.Context, doc news.Document) (id int64, created bool, err error) {
	digest, err := sqlcodec.DocumentDigest(doc)
	if err != nil {
		return 0, false, fmt.Errorf("postgres: put document %s: %w", doc.SourceURI, err)
	}
	err = s.pool.QueryRow(ctx, `
		INSERT INTO documents (source_uri, fetched_at, content_type, sha256, raw)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (sha256) DO NOTHING
		RETURNING id`,
		doc.SourceURI, doc.FetchedAt, doc.ContentType, digest, doc.Raw).Scan(&id)
	switch {
	case err == nil:
		return id, true, nil
	case !errors.Is(err, pgx.ErrNoRows):
		return 0, false, fmt.Errorf("postgres: put document %s: %w", doc.SourceURI, classify(err, "document", digest))
	}
	if err := s.pool.QueryRow(ctx, `SELECT id FROM documents WHERE sha256 = $1`, digest).Scan(&id); err != nil {
		return 0, false, fmt.Errorf("postgres: put document %s: %w", doc.SourceURI, err)
	}
	return id, false, nil
}

// Document returns a stored document with its raw bytes.
func (s *Store) Document(ctx context.Context, id int64) (news.Document, error) {
	doc := news.Document{ID: id}
	err := s.pool.QueryRow(ctx, `
		SELECT source_uri, fetched_at, content_type, sha256, raw FROM documents WHERE id = $1`, id).
		Scan(&doc.SourceURI, &doc.FetchedAt, &doc.ContentType, &doc.SHA256, &doc.Raw)
	if err != nil {
		return news.Document{}, fmt.Errorf("postgres: %w", classify(err, "document", id))
	}
	doc.FetchedAt = doc.FetchedAt.UTC()
	return doc, nil
}
