package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// PutAnnotations replaces an article's annotations and its rows in the
// entity index. Locking the article row serialises this with concurrent
// replacements of the same article or its text.
func (s *Store) PutAnnotations(ctx context.Context, articleID int64, ann news.Annotations) error {
	body, err := json.Marshal(ann)
	if err != nil {
		return fmt.Errorf("postgres: put annotations of article %d: %w", articleID, err)
	}
	index := sqlcodec.EntityIndex(ann.Entities)
	entityIDs := make([]string, 0, len(index))
	positions := make([]int32, 0, len(index))
	for id, position := range index {
		entityIDs = append(entityIDs, id)
		positions = append(positions, int32(position))
	}
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		var textSHA string
		if err := tx.QueryRow(ctx, `SELECT text_sha256 FROM articles WHERE id = $1 FOR UPDATE`, articleID).Scan(&textSHA); err != nil {
			return classify(err, "article", articleID)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM annotations WHERE article_id = $1`, articleID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO annotations (article_id, text_sha256, body) VALUES ($1, $2, $3)`,
			articleID, textSHA, string(body)); err != nil {
			return classify(err, "article", articleID)
		}
		_, err := tx.Exec(ctx, `
			INSERT INTO article_entities (entity_id, article_id, position)
			SELECT e.id, $1, e.position FROM unnest($2::text[], $3::int[]) AS e (id, position)`,
			articleID, entityIDs, positions)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: put annotations of article %d: %w", articleID, err)
	}
	return nil
}

// Annotations returns an article's annotations.
func (s *Store) Annotations(ctx context.Context, articleID int64) (news.Annotations, error) {
	var body string
	err := s.pool.QueryRow(ctx, `SELECT body::text FROM annotations WHERE article_id = $1`, articleID).Scan(&body)
	if err != nil {
		return news.Annotations{}, fmt.Errorf("postgres: %w", classify(err, "annotations of article", articleID))
	}
	var ann news.Annotations
	if err := json.Unmarshal([]byte(body), &ann); err != nil {
		return news.Annotations{}, fmt.Errorf("postgres: annotations of article %d: %w", articleID, err)
	}
	return ann, nil
}

// EntityMentions lists the articles involving an entity, oldest first.
func (s *Store) EntityMentions(ctx context.Context, entityID string, limit int) ([]store.EntityOccurrence, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT a.id, a.title, a.published_at, a.published_flags, e.position, n.body::text
		FROM article_entities e
		JOIN articles a ON a.id = e.article_id
		JOIN annotations n ON n.article_id = e.article_id
		WHERE e.entity_id = $1
		ORDER BY a.dated_at, a.id
		LIMIT $2`, entityID, sqlcodec.PageLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: mentions of %s: %w", entityID, err)
	}
	defer rows.Close()
	var list []store.EntityOccurrence
	for rows.Next() {
		var (
			occ       store.EntityOccurrence
			title     *string
			published *string
			flags     int16
			position  int
			body      string
		)
		if err := rows.Scan(&occ.ArticleID, &title, &published, &flags, &position, &body); err != nil {
			return nil, fmt.Errorf("postgres: mentions of %s: %w", entityID, err)
		}
		occ.Title = news.Deref(title)
		if occ.PublishedAt, err = decodeTimestamp(published, flags); err != nil {
			return nil, fmt.Errorf("postgres: mentions of %s: %w", entityID, err)
		}
		if occ.Entity, occ.Quotes, err = sqlcodec.DecodeMention(occ.ArticleID, body, position, entityID); err != nil {
			return nil, fmt.Errorf("postgres: mentions of %s: %w", entityID, err)
		}
		list = append(list, occ)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: mentions of %s: %w", entityID, err)
	}
	return list, nil
}

// PersonIDs lists the person IDs with a surname token.
func (s *Store) PersonIDs(ctx context.Context, surname string, limit int) ([]string, error) {
	exact, like := sqlcodec.PersonIDPatterns(surname)
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT entity_id FROM article_entities
		WHERE entity_id >= 'per:' AND entity_id < 'per;' AND (entity_id = $1 OR entity_id LIKE $2 ESCAPE '\')
		ORDER BY entity_id LIMIT $3`, exact, like, sqlcodec.PersonIDLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: person IDs of %q: %w", surname, err)
	}
	defer rows.Close()
	ids, err := sqlcodec.ScanStrings(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: person IDs of %q: %w", surname, err)
	}
	return ids, nil
}
