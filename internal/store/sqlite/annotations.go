package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// PutAnnotations replaces an article's annotations and its rows in the
// entity index.
func (s *Store) PutAnnotations(ctx context.Context, articleID int64, ann news.Annotations) error {
	body, err := json.Marshal(ann)
	if err != nil {
		return fmt.Errorf("sqlite: put annotations of article %d: %w", articleID, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var textSHA string
		err := tx.QueryRowContext(ctx, `SELECT text_sha256 FROM articles WHERE id = ?`, articleID).Scan(&textSHA)
		if err != nil {
			return notFound(err, "article", articleID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM annotations WHERE article_id = ?`, articleID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO annotations (article_id, text_sha256, body) VALUES (?, ?, ?)`,
			articleID, textSHA, string(body)); err != nil {
			return err
		}
		for entityID, position := range sqlcodec.EntityIndex(ann.Entities) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_entities (entity_id, article_id, position) VALUES (?, ?, ?)`,
				entityID, articleID, position); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: put annotations of article %d: %w", articleID, err)
	}
	return nil
}

// Annotations returns an article's annotations.
func (s *Store) Annotations(ctx context.Context, articleID int64) (news.Annotations, error) {
	var body string
	err := s.read.QueryRowContext(ctx, `SELECT body FROM annotations WHERE article_id = ?`, articleID).Scan(&body)
	if err != nil {
		return news.Annotations{}, fmt.Errorf("sqlite: %w", notFound(err, "annotations of article", articleID))
	}
	var ann news.Annotations
	if err := json.Unmarshal([]byte(body), &ann); err != nil {
		return news.Annotations{}, fmt.Errorf("sqlite: annotations of article %d: %w", articleID, err)
	}
	return ann, nil
}

// EntityMentions lists the articles involving an entity, oldest first.
func (s *Store) EntityMentions(ctx context.Context, entityID string, limit int) ([]store.EntityOccurrence, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT a.id, a.title, a.published_at, a.published_flags, e.position, n.body
		FROM article_entities e
		JOIN articles a ON a.id = e.article_id
		JOIN annotations n ON n.article_id = e.article_id
		WHERE e.entity_id = ?
		ORDER BY a.dated_at, a.id
		LIMIT ?`, entityID, sqlcodec.PageLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: mentions of %s: %w", entityID, err)
	}
	defer rows.Close()
	var list []store.EntityOccurrence
	for rows.Next() {
		var (
			occ       store.EntityOccurrence
			title     sql.NullString
			published sql.NullString
			flags     int
			position  int
			body      string
		)
		if err := rows.Scan(&occ.ArticleID, &title, &published, &flags, &position, &body); err != nil {
			return nil, fmt.Errorf("sqlite: mentions of %s: %w", entityID, err)
		}
		occ.Title = news.Deref(stringPtr(title))
		if occ.PublishedAt, err = decodeTimestamp(published, flags); err != nil {
			return nil, fmt.Errorf("sqlite: mentions of %s: %w", entityID, err)
		}
		if occ.Entity, occ.Quotes, err = sqlcodec.DecodeMention(occ.ArticleID, body, position, entityID); err != nil {
			return nil, fmt.Errorf("sqlite: mentions of %s: %w", entityID, err)
		}
		list = append(list, occ)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: mentions of %s: %w", entityID, err)
	}
	return list, nil
}

// PersonIDs lists the person IDs with a surname token.
func (s *Store) PersonIDs(ctx context.Context, surname string, limit int) ([]string, error) {
	exact, like := sqlcodec.PersonIDPatterns(surname)
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT entity_id FROM article_entities
		WHERE entity_id >= 'per:' AND entity_id < 'per;' AND (entity_id = ? OR entity_id LIKE ? ESCAPE '\')
		ORDER BY entity_id LIMIT ?`, exact, like, sqlcodec.PersonIDLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: person IDs of %q: %w", surname, err)
	}
	defer rows.Close()
	ids, err := sqlcodec.ScanStrings(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: person IDs of %q: %w", surname, err)
	}
	return ids, nil
}
