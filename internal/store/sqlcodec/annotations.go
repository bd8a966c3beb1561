package sqlcodec

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// EntityIndex maps each canonical ID an article involves to the position
// of the entity that stands for it: an entity's own ID wins over another
// entity that only Refers to it, and the first entity wins among equals.
// The backends store these pairs as the entity index.
func EntityIndex(entities []news.Entity) map[string]int {
	index := make(map[string]int, len(entities))
	for i, e := range entities {
		if _, ok := index[e.ID]; e.ID != "" && !ok {
			index[e.ID] = i
		}
	}
	for i, e := range entities {
		if _, ok := index[e.Refers]; e.Refers != "" && !ok {
			index[e.Refers] = i
		}
	}
	return index
}

// DecodeMention reads an entity index row: the entity at position in an
// article's stored annotations body, and the quotes whose speaker is the
// indexed ID or that entity's own ID.
func DecodeMention(articleID int64, body string, position int, entityID string) (news.Entity, []news.Quote, error) {
	var ann news.Annotations
	if err := json.Unmarshal([]byte(body), &ann); err != nil || position >= len(ann.Entities) {
		return news.Entity{}, nil, fmt.Errorf("annotations of article %d are inconsistent: %v", articleID, err)
	}
	entity := ann.Entities[position]
	return entity, quotesBy(ann.Quotes, entityID, entity.ID), nil
}

// quotesBy keeps the quotes whose speaker is one of the given entity IDs.
func quotesBy(quotes []news.Quote, entityIDs ...string) []news.Quote {
	var out []news.Quote
	for _, q := range quotes {
		if q.Speaker == nil || q.Speaker.EntityID == "" {
			continue
		}
		for _, id := range entityIDs {
			if q.Speaker.EntityID == id {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// PersonIDPatterns returns the exact ID and the LIKE pattern (escape
// character backslash) of the person IDs with a surname token, for
// Store.PersonIDs.
func PersonIDPatterns(surname string) (exact, like string) {
	esc := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(surname)
	return "per:" + surname, `per:%\_` + esc
}

// PersonIDLimit is the page size of Store.PersonIDs.
func PersonIDLimit(limit int) int {
	if limit <= 0 {
		return 100
	}
	return limit
}

// EntityFilter returns the search condition (with ? placeholders) and its
// arguments for articles involving EntityID or any of EntityIDs, or "" when
// the query names none.
func EntityFilter(id string, more []string) (string, []any) {
	var args []any
	seen := map[string]bool{}
	for _, e := range append([]string{id}, more...) {
		if e != "" && !seen[e] {
			seen[e] = true
			args = append(args, e)
		}
	}
	if len(args) == 0 {
		return "", nil
	}
	return "EXISTS (SELECT 1 FROM article_entities e WHERE e.entity_id IN (?" + strings.Repeat(", ?", len(args)-1) + ") AND e.article_id = a.id)", args
}

// Rows is what ScanStrings needs of database/sql's and pgx's row sets.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanStrings reads a one-column result of strings (the caller closes
// rows).
func ScanStrings(rows Rows) ([]string, error) {
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
