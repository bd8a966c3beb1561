package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// Column weights for bm25: a word in the title counts ten times a word in
// the body, so an article about X ranks above one that mentions X.
const (
	titleWeight = 10.0
	textWeight  = 1.0
)

// Search runs an FTS5 query (every word must occur, porter-stemmed) with
// filters. The cursor is an offset into the ranked results.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]news.Article, string, error) {
	var offset int64
	if q.Cursor != "" {
		var err error
		if offset, err = sqlcodec.DecodeIntCursor(q.Cursor); err != nil {
			return nil, "", fmt.Errorf("sqlite: search: %w", err)
		}
	}
	var where filter
	from := `articles a`
	order := `a.id DESC`
	if strings.TrimSpace(q.Text) != "" {
		terms := sqlcodec.SearchTerms(q.Text)
		if len(terms) == 0 {
			return nil, "", fmt.Errorf("sqlite: search %q: no searchable word: %w", q.Text, news.ErrInvalidInput)
		}
		from = `articles_fts JOIN articles a ON a.id = articles_fts.rowid`
		where.add("articles_fts MATCH ?", ftsQuery(terms))
		order = fmt.Sprintf(`bm25(articles_fts, %g, %g), a.id DESC`, titleWeight, textWeight)
	}
	where.articleFilters(q.Outlet, q.From, q.To)
	if cond, args := sqlcodec.EntityFilter(q.EntityID, q.EntityIDs); cond != "" {
		where.add(cond, args...)
	}
	limit := sqlcodec.PageLimit(q.Limit)
	list, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM `+from+where.sql()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(where.args, limit+1, offset)...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: search %q: %w", q.Text, err)
	}
	list, next := sqlcodec.NextPage(list, limit, func(news.Article) string { return sqlcodec.EncodeIntCursor(offset + int64(limit)) })
	return list, next, nil
}

// ftsQuery quotes every word so FTS5 reads it as a literal string (then
// stems it), never as an operator; juxtaposed strings are AND-ed.
func ftsQuery(terms []string) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + t + `"`
	}
	return strings.Join(quoted, " ")
}
