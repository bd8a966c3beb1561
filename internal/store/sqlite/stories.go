package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// storyColumns selects a story with its members, in order, as a JSON array.
const storyColumns = `s.id, s.title, s.event_date, s.first_seen, s.last_seen, s.sources,
	(SELECT json_group_array(article_id) FROM
		(SELECT article_id FROM story_articles WHERE story_id = s.id ORDER BY position))`

func scanStory(row scanner) (news.Story, error) {
	var (
		st                  news.Story
		firstSeen, lastSeen string
		members             string
	)
	if err := row.Scan(&st.ID, &st.Title, &st.EventDate, &firstSeen, &lastSeen, &st.Sources, &members); err != nil {
		return news.Story{}, err
	}
	var err error
	if st.FirstSeen, err = parseInstant(firstSeen); err != nil {
		return news.Story{}, err
	}
	if st.LastSeen, err = parseInstant(lastSeen); err != nil {
		return news.Story{}, err
	}
	if err := json.Unmarshal([]byte(members), &st.ArticleIDs); err != nil {
		return news.Story{}, fmt.Errorf("story %d members: %w", st.ID, err)
	}
	return st, nil
}

// PutStory creates or replaces a story; its members leave other stories.
func (s *Store) PutStory(ctx context.Context, st news.Story) (int64, error) {
	if id, ok := sqlcodec.RepeatedID(st.ArticleIDs); ok {
		return 0, fmt.Errorf("sqlite: put story %q: article %d listed twice: %w", st.Title, id, news.ErrInvalidInput)
	}
	id := st.ID
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		fields := []any{st.Title, st.EventDate, formatInstant(st.FirstSeen), formatInstant(st.LastSeen), st.Sources}
		if id == 0 {
			if err := tx.QueryRowContext(ctx, `
				INSERT INTO stories (title, event_date, first_seen, last_seen, sources)
				VALUES (?, ?, ?, ?, ?) RETURNING id`, fields...).Scan(&id); err != nil {
				return err
			}
		} else {
			res, err := tx.ExecContext(ctx, `
				UPDATE stories SET title = ?, event_date = ?, first_seen = ?, last_seen = ?, sources = ?
				WHERE id = ?`, append(fields, id)...)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return notFound(sql.ErrNoRows, "story", id)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_articles WHERE story_id = ?`, id); err != nil {
				return err
			}
		}
		// Statements are prepared once per story: a large story rewrites
		// hundreds of rows and per-row preparation dominated its cost.
		exists, err := tx.PrepareContext(ctx, `SELECT 1 FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer exists.Close()
		link, err := tx.PrepareContext(ctx, `
			INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, position = excluded.position`)
		if err != nil {
			return err
		}
		defer link.Close()
		for position, articleID := range st.ArticleIDs {
			var found int
			if err := exists.QueryRowContext(ctx, articleID).Scan(&found); err != nil {
				return notFound(err, "article", articleID)
			}
			if _, err := link.ExecContext(ctx, articleID, id, position); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: put story %q: %w", st.Title, err)
	}
	return id, nil
}

// DeleteStory removes a story; its articles become free.
func (s *Store) DeleteStory(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete story %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("sqlite: delete %w", notFound(sql.ErrNoRows, "story", id))
	}
	return nil
}

// Story returns one story with its members.
func (s *Store) Story(ctx context.Context, id int64) (news.Story, error) {
	st, err := scanStory(s.read.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, id))
	if err != nil {
		return news.Story{}, fmt.Errorf("sqlite: %w", notFound(err, "story", id))
	}
	return st, nil
}

// StoryOfArticle returns the story an article belongs to.
func (s *Store) StoryOfArticle(ctx context.Context, articleID int64) (news.Story, error) {
	st, err := scanStory(s.read.QueryRowContext(ctx, `SELECT `+storyColumns+`
		FROM story_articles m JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?`, articleID))
	if err != nil {
		return news.Story{}, fmt.Errorf("sqlite: %w", notFound(err, "story of article", articleID))
	}
	return st, nil
}

// Stories lists stories by LastSeen then ID, both descending; the cursor is
// the (last_seen, id) of the last story returned.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, string, error) {
	where, limit, err := storyPage(q)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: stories: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories s`+where.sql()+
		` ORDER BY s.last_seen DESC, s.id DESC LIMIT ?`, append(where.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var list []news.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, "", fmt.Errorf("sqlite: stories: %w", err)
		}
		list = append(list, st)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("sqlite: stories: %w", err)
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
		if _, perr := parseInstant(parts[0]); err != nil || perr != nil {
			return where, 0, fmt.Errorf("cursor %q: %w", q.Cursor, news.ErrInvalidInput)
		}
		where.add("(s.last_seen < ? OR (s.last_seen = ? AND s.id < ?))", parts[0], parts[0], afterID)
	}
	return where, sqlcodec.PageLimit(q.Limit), nil
}

// storyNext trims a page fetched with limit+1 rows to limit and returns the
// cursor after its last story, "" when there is no more.
func storyNext[T any](list []T, limit int, story func(T) news.Story) ([]T, string) {
	return sqlcodec.NextPage(list, limit, func(row T) string {
		last := story(row)
		return sqlcodec.EncodeCursor(formatInstant(last.LastSeen), strconv.FormatInt(last.ID, 10))
	})
}

// PutCopy records that an article copies another; the pair is the key.
func (s *Store) PutCopy(ctx context.Context, c news.Copy) error {
	if c.ArticleID == c.CopyOf {
		return fmt.Errorf("sqlite: put copy: article %d cannot copy itself: %w", c.ArticleID, news.ErrInvalidInput)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{c.ArticleID, c.CopyOf} {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&exists); err != nil {
				return notFound(err, "article", id)
			}
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO copies (article_id, copy_of, score) VALUES (?, ?, ?)
			ON CONFLICT (article_id, copy_of) DO UPDATE SET score = excluded.score`,
			c.ArticleID, c.CopyOf, c.Score)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: put copy %d of %d: %w", c.ArticleID, c.CopyOf, err)
	}
	return nil
}

// Copies lists the copy records of the given articles.
func (s *Store) Copies(ctx context.Context, ids []int64) ([]news.Copy, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	idList, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("sqlite: copies: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `
		SELECT article_id, copy_of, score FROM copies
		WHERE article_id IN (SELECT value FROM json_each(?))
		ORDER BY article_id, copy_of`, string(idList))
	if err != nil {
		return nil, fmt.Errorf("sqlite: copies: %w", err)
	}
	defer rows.Close()
	var list []news.Copy
	for rows.Next() {
		var c news.Copy
		if err := rows.Scan(&c.ArticleID, &c.CopyOf, &c.Score); err != nil {
			return nil, fmt.Errorf("sqlite: copies: %w", err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: copies: %w", err)
	}
	return list, nil
}
