package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// summaryColumns adds to storyColumns the member aggregates a story list
// shows. dated_at is the publication instant whenever published_at is set,
// so its min and max over published members are the published span.
const summaryColumns = storyColumns + `,
	(SELECT min(a.dated_at) FROM story_articles m JOIN articles a ON a.id = m.article_id
		WHERE m.story_id = s.id AND a.published_at IS NOT NULL),
	(SELECT max(a.dated_at) FROM story_articles m JOIN articles a ON a.id = m.article_id
		WHERE m.story_id = s.id AND a.published_at IS NOT NULL),
	(SELECT json_group_array(outlet) FROM
		(SELECT a.outlet FROM story_articles m JOIN articles a ON a.id = m.article_id
			WHERE m.story_id = s.id AND a.outlet <> ''
			GROUP BY a.outlet ORDER BY min(m.position)))`

// StorySummaries lists story pages like Stories, with member aggregates
// computed by correlated subqueries in the same statement.
func (s *Store) StorySummaries(ctx context.Context, q store.StoryQuery) ([]store.StorySummary, string, error) {
	where, limit, err := storyPage(q)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: story summaries: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+summaryColumns+` FROM stories s`+where.sql()+
		` ORDER BY s.last_seen DESC, s.id DESC LIMIT ?`, append(where.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: story summaries: %w", err)
	}
	defer rows.Close()
	var list []store.StorySummary
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, "", fmt.Errorf("sqlite: story summaries: %w", err)
		}
		list = append(list, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("sqlite: story summaries: %w", err)
	}
	list, next := storyNext(list, limit, func(sum store.StorySummary) news.Story { return sum.Story })
	return list, next, nil
}

func scanSummary(rows *sql.Rows) (store.StorySummary, error) {
	var (
		sum                 store.StorySummary
		firstSeen, lastSeen string
		members, outlets    string
		from, to            sql.NullString
	)
	st := &sum.Story
	if err := rows.Scan(&st.ID, &st.Title, &st.EventDate, &firstSeen, &lastSeen, &st.Sources, &members,
		&from, &to, &outlets); err != nil {
		return sum, err
	}
	var err error
	if st.FirstSeen, err = parseInstant(firstSeen); err != nil {
		return sum, err
	}
	if st.LastSeen, err = parseInstant(lastSeen); err != nil {
		return sum, err
	}
	if err := json.Unmarshal([]byte(members), &st.ArticleIDs); err != nil {
		return sum, fmt.Errorf("story %d members: %w", st.ID, err)
	}
	if err := json.Unmarshal([]byte(outlets), &sum.Outlets); err != nil {
		return sum, fmt.Errorf("story %d outlets: %w", st.ID, err)
	}
	sum.Articles = len(st.ArticleIDs)
	if sum.From, err = nullInstant(from); err != nil {
		return sum, err
	}
	sum.To, err = nullInstant(to)
	return sum, err
}

func nullInstant(v sql.NullString) (*time.Time, error) {
	if !v.Valid {
		return nil, nil
	}
	t, err := parseInstant(v.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}
