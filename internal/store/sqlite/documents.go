package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// PutDocument stores raw bytes in their own committed transaction,
// idempotently on their SHA-256.
func (s *Store) PutDocument(ctx context.Context, doc news.Document) (id int64, created bool, err error) {
	digest, err := sqlcodec.DocumentDigest(doc)
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: put document %s: %w", doc.SourceURI, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO documents (source_uri, fetched_at, content_type, sha256, raw)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (sha256) DO NOTHING
			RETURNING id`,
			doc.SourceURI, formatInstant(doc.FetchedAt), doc.ContentType, digest, doc.Raw).Scan(&id)
		if err == nil {
			created = true
			return nil
		}
		if err != sql.ErrNoRows {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, digest).Scan(&id)
	})
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: put document %s: %w", doc.SourceURI, err)
	}
	return id, created, nil
}

// Document returns a stored document with its raw bytes.
func (s *Store) Document(ctx context.Context, id int64) (news.Document, error) {
	doc := news.Document{ID: id}
	var fetchedAt string
	err := s.read.QueryRowContext(ctx, `
		SELECT source_uri, fetched_at, content_type, sha256, raw FROM documents WHERE id = ?`, id).
		Scan(&doc.SourceURI, &fetchedAt, &doc.ContentType, &doc.SHA256, &doc.Raw)
	if err != nil {
		return news.Document{}, fmt.Errorf("sqlite: %w", notFound(err, "document", id))
	}
	if doc.FetchedAt, err = parseInstant(fetchedAt); err != nil {
		return news.Document{}, fmt.Errorf("sqlite: document %d: %w", id, err)
	}
	return doc, nil
}
