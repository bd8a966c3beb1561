package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// rankWeights are ts_rank's weights for D, C, B, A labels: title words
// (A) count five times body words (B), so an article about X ranks above
// one that mentions X.
const rankWeights = `'{0, 0, 0.2, 1.0}'`

// Search runs an English full-text query (every word must occur, stemmed)
// with filters. The cursor is an offset into the ranked results.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]news.Article, string, error) {
	var offset int64
	if q.Cursor != "" {
		var err error
		if offset, err = sqlcodec.DecodeIntCursor(q.Cursor); err != nil {
			return nil, "", fmt.Errorf("postgres: search: %w", err)
		}
	}
	var where filter
	order := `a.id DESC`
	if strings.TrimSpace(q.Text) != "" {
		terms := sqlcodec.SearchTerms(q.Text)
		if len(terms) == 0 {
			return nil, "", fmt.Errorf("postgres: search %q: no searchable word: %w", q.Text, news.ErrInvalidInput)
		}
		// plainto_tsquery ignores operators, so the words are AND-ed.
		tsquery := `plainto_tsquery('english', ` + where.next(strings.Join(terms, " ")) + `)`
		where.conds = append(where.conds, `a.search @@ `+tsquery)
		order = fmt.Sprintf(`ts_rank(%s, a.search, %s) DESC, a.id DESC`, rankWeights, tsquery)
	}
	where.articleFilters(q.Outlet, q.From, q.To)
	if cond, args := sqlcodec.EntityFilter(q.EntityID, q.EntityIDs); cond != "" {
		where.add(cond, args...)
	}
	limit := sqlcodec.PageLimit(q.Limit)
	query := `SELECT ` + articleColumns + ` FROM articles a` + where.sql() +
		` ORDER BY ` + order + ` LIMIT ` + where.next(limit+1) + ` OFFSET ` + where.next(offset)
	list, err := s.queryArticles(ctx, query, where.args...)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: search %q: %w", q.Text, err)
	}
	list, next := sqlcodec.NextPage(list, limit, func(news.Article) string { return sqlcodec.EncodeIntCursor(offset + int64(limit)) })
	return list, next, nil
}
