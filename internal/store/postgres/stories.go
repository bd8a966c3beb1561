package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// storyColumns selects a story with its members in order.
const storyColumns = `s.id, s.title, s.event_date, s.first_seen, s.last_seen, s.sources,
	ARRAY(SELECT article_id FROM story_articles WHERE story_id = s.id ORDER BY position)`

func scanStory(row pgx.Row) (news.Story, error) {
	var st news.Story
	if err := row.Scan(&st.ID, &st.Title, &st.EventDate, &st.FirstSeen, &st.LastSeen, &st.Sources, &st.ArticleIDs); err != nil {
		return news.Story{}, err
	}
	st.FirstSeen, st.LastSeen = st.FirstSeen.UTC(), st.LastSeen.UTC()
	return st, nil
}

// PutStory creates or replaces a story; its members leave other stories.
func (s *Store) PutStory(ctx context.Context, st news.Story) (int64, error) {
	if id, ok := sqlcodec.RepeatedID(st.ArticleIDs); ok {
		return 0, fmt.Errorf("postgres: put story %q: article %d listed twice: %w", st.Title, id, news.ErrInvalidInput)
	}
	members := st.ArticleIDs
	if members == nil {
		members = []int64{}
	}
	id := st.ID
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if id == 0 {
			if err := tx.QueryRow(ctx, `
				INSERT INTO stories (title, event_date, first_seen, last_seen, sources)
				VALUES ($1, $2, $3, $4, $5) RETURNING id`,
				st.Title, st.EventDate, st.FirstSeen, st.LastSeen, st.Sources).Scan(&id); err != nil {
				return err
			}
		} else {
			tag, err := tx.Exec(ctx, `
				UPDATE stories SET title = $1, event_date = $2, first_seen = $3, last_seen = $4, sources = $5
				WHERE id = $6`, st.Title, st.EventDate, st.FirstSeen, st.LastSeen, st.Sources, id)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return classify(pgx.ErrNoRows, "story", id)
			}
			if _, err := tx.Exec(ctx, `DELETE FROM story_articles WHERE story_id = $1`, id); err != nil {
				return err
			}
		}
		if err := missingArticle(ctx, tx, members); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `
			INSERT INTO story_articles (article_id, story_id, position)
			SELECT m.article_id, $2, m.ord - 1 FROM unnest($1::bigint[]) WITH ORDINALITY AS m (article_id, ord)
			ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, position = EXCLUDED.position`,
			members, id)
		return classify(err, "story member of story", id)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: put story %q: %w", st.Title, err)
	}
	return id, nil
}

// missingArticle reports the first of ids that is not a stored article.
func missingArticle(ctx context.Context, tx pgx.Tx, ids []int64) error {
	rows, err := tx.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	found, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !slices.Contains(found, id) {
			return classify(pgx.ErrNoRows, "article", id)
		}
	}
	return nil
}

// DeleteStory removes a story; its articles become free.
func (s *Store) DeleteStory(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM stories WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete story %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: delete %w", classify(pgx.ErrNoRows, "story", id))
	}
	return nil
}

// Story returns one story with its members.
func (s *Store) Story(ctx context.Context, id int64) (news.Story, error) {
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = $1`, id))
	if err != nil {
		return news.Story{}, fmt.Errorf("postgres: %w", classify(err, "story", id))
	}
	return st, nil
}

// StoryOfArticle returns the story an article belongs to.
func (s *Store) StoryOfArticle(ctx context.Context, articleID int64) (news.Story, error) {
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyColumns+`
		FROM story_articles m JOIN stories s ON s.id = m.story_id WHERE m.article_id = $1`, articleID))
	if err != nil {
		return news.Story{}, fmt.Errorf("postgres: %w", classify(err, "story of article", articleID))
	}
	return st, nil
}

// Stories lists stories by LastSeen then ID, both descending; the cursor is
// the (last_seen, id) of the last story returned.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, string, error) {
	where, limit, err := storyPage(q)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: stories: %w", err)
	}
	query := `SELECT ` + storyColumns + ` FROM stories s` + where.sql() +
		` ORDER BY s.last_seen DESC, s.id DESC LIMIT ` + where.next(limit+1)
	rows, err := s.pool.Query(ctx, query, where.args...)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: stories: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (news.Story, error) { return scanStory(row) })
	if err != nil {
		return nil, "", fmt.Errorf("postgres: stories: %w", err)
	}
	list, next := storyNext(list, limit, func(st news.Story) news.Story { return st })
	return list, next, nil
}

// storyPage turns a story query into the keyset condition after its cursor
// (the (last_seen, id) of the previous page's last story) and the limit.
func storyPage(q store.StoryQuery) (filter, int, error) {
	var where filter
	if q.Cursor != "" {
		parts, err := sqlcodec.DecodeCursor(q.Cursor, 2)
		if err != nil {
			return where, 0, err
		}
		afterID, err := strconv.ParseInt(parts[1], 10, 64)
		lastSeen, terr := time.Parse(time.RFC3339Nano, parts[0])
		if err != nil || terr != nil {
			return where, 0, fmt.Errorf("cursor %q: %w", q.Cursor, news.ErrInvalidInput)
		}
		where.add("(s.last_seen, s.id) < (?, ?)", lastSeen, afterID)
	}
	return where, sqlcodec.PageLimit(q.Limit), nil
}

// storyNext trims a page fetched with limit+1 rows to limit and returns the
// cursor after its last story, "" when there is no more.
func storyNext[T any](list []T, limit int, story func(T) news.Story) ([]T, string) {
	return sqlcodec.NextPage(list, limit, func(row T) string {
		last := story(row)
		return sqlcodec.EncodeCursor(last.LastSeen.Format(time.RFC3339Nano), strconv.FormatInt(last.ID, 10))
	})
}

// PutCopy records that an article copies another; the pair is the key and
// the foreign keys report unknown articles.
func (s *Store) PutCopy(ctx context.Context, c news.Copy) error {
	if c.ArticleID == c.CopyOf {
		return fmt.Errorf("postgres: put copy: article %d cannot copy itself: %w", c.ArticleID, news.ErrInvalidInput)
	}
	_, err := s.pool.Exec(ctx, `
		INSERT INTO copies (article_id, copy_of, score) VALUES ($1, $2, $3)
		ON CONFLICT (article_id, copy_of) DO UPDATE SET score = EXCLUDED.score`,
		c.ArticleID, c.CopyOf, c.Score)
	if err != nil {
		return fmt.Errorf("postgres: put copy %d of %d: %w", c.ArticleID, c.CopyOf, classify(err, "article pair", fmt.Sprint(c.ArticleID, "/", c.CopyOf)))
	}
	return nil
}

// Copies lists the copy records of the given articles.
func (s *Store) Copies(ctx context.Context, ids []int64) ([]news.Copy, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `
		SELECT article_id, copy_of, score FROM copies WHERE article_id = ANY($1)
		ORDER BY article_id, copy_of`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: copies: %w", err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[news.Copy])
	if err != nil {
		return nil, fmt.Errorf("postgres: copies: %w", err)
	}
	return list, nil
}
