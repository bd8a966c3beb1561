package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// summaryColumns adds to storyColumns the member aggregates a story list
// shows, from one lateral join per story. dated_at is the publication
// instant whenever published_at is set, so its min and max over published
// members are the published span.
const summaryColumns = storyColumns + `, agg.pub_from, agg.pub_to,
	ARRAY(SELECT a.outlet FROM story_articles m JOIN articles a ON a.id = m.article_id
		WHERE m.story_id = s.id AND a.outlet <> ''
		GROUP BY a.outlet ORDER BY min(m.position))`

const summaryJoin = ` LEFT JOIN LATERAL (
	SELECT min(a.dated_at) FILTER (WHERE a.published_at IS NOT NULL) AS pub_from,
		max(a.dated_at) FILTER (WHERE a.published_at IS NOT NULL) AS pub_to
	FROM story_articles m JOIN articles a ON a.id = m.article_id
	WHERE m.story_id = s.id) agg ON true`

// StorySummaries lists story pages like Stories, with member aggregates
// computed in the same statement.
func (s *Store) StorySummaries(ctx context.Context, q store.StoryQuery) ([]store.StorySummary, string, error) {
	where, limit, err := storyPage(q)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: story summaries: %w", err)
	}
	query := `SELECT ` + summaryColumns + ` FROM stories s` + summaryJoin + where.sql() +
		` ORDER BY s.last_seen DESC, s.id DESC LIMIT ` + where.next(limit+1)
	rows, err := s.pool.Query(ctx, query, where.args...)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: story summaries: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.StorySummary, error) {
		var (
			sum      store.StorySummary
			from, to *time.Time
		)
		st := &sum.Story
		if err := row.Scan(&st.ID, &st.Title, &st.EventDate, &st.FirstSeen, &st.LastSeen, &st.Sources, &st.ArticleIDs,
			&from, &to, &sum.Outlets); err != nil {
			return sum, err
		}
		st.FirstSeen, st.LastSeen = st.FirstSeen.UTC(), st.LastSeen.UTC()
		sum.Articles = len(st.ArticleIDs)
		sum.From, sum.To = utcPtr(from), utcPtr(to)
		return sum, nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("postgres: story summaries: %w", err)
	}
	list, next := storyNext(list, limit, func(sum store.StorySummary) news.Story { return sum.Story })
	return list, next, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
