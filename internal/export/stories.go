package export

import (
	"context"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// eachStory calls fn for every story, most recently active first; with a
// filter, only for stories with at least one article the filter selects
// (as the store selects them).
func eachStory(ctx context.Context, src Source, f Filter, fn func(news.Story) error) error {
	var wanted map[int64]bool
	if f.Outlet != "" || !f.From.IsZero() || !f.To.IsZero() {
		var err error
		if wanted, err = selectedArticles(ctx, src, f); err != nil {
			return err
		}
	}
	q := store.StoryQuery{Limit: pageSize}
	for {
		list, next, err := src.Stories(ctx, q)
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		for _, s := range list {
			if wanted != nil && !slices.ContainsFunc(s.ArticleIDs, func(id int64) bool { return wanted[id] }) {
				continue
			}
			if err := fn(s); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		q.Cursor = next
	}
}

// selectedArticles returns the IDs of the articles the filter selects.
func selectedArticles(ctx context.Context, src Source, f Filter) (map[int64]bool, error) {
	ids := map[int64]bool{}
	q := f
	q.Limit, q.Cursor = pageSize, ""
	for {
		list, next, err := src.Articles(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		for _, a := range list {
			ids[a.ID] = true
		}
		if next == "" {
			return ids, nil
		}
		q.Cursor = next
	}
}

func storyRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachStory(ctx, src, f, func(s news.Story) error {
		return emit([]any{s.ID, s.Title, optional(s.EventDate), s.FirstSeen, s.LastSeen, len(s.ArticleIDs), s.Sources, idList(s.ArticleIDs)})
	})
}

// Claim kinds of the claims table.
const (
	KindShared   = "shared"
	KindUnique   = "unique"
	KindConflict = "conflict"
	KindQuote    = "quote"
)

// claimRows flattens each story's comparison: one row per evidence span;
// rows of one shared claim, conflict or quote group have the same item
// number (1-based, per story and kind).
func claimRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachStory(ctx, src, f, func(s news.Story) error {
		c, err := src.Comparison(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("story %d: %w", s.ID, err)
		}
		for _, row := range comparisonRows(s.ID, c) {
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

func comparisonRows(storyID int64, c compare.Comparison) [][]any {
	var rows [][]any
	add := func(kind string, item int, attribute, subject, value any, e compare.Evidence, via []string) {
		rows = append(rows, []any{storyID, kind, item, attribute, subject, value, e.ArticleID, e.Text, e.Start, e.End, list(via)})
	}
	for i, sh := range c.Shared {
		for _, e := range sh.Support {
			add(KindShared, i+1, nil, nil, sh.Claim, e, nil)
		}
	}
	for i, u := range c.Unique {
		add(KindUnique, i+1, nil, nil, u.Claim, compare.Evidence{ArticleID: u.ArticleID, Text: u.Text, Start: u.Start, End: u.End}, nil)
	}
	for i, k := range c.Conflicts {
		for _, v := range k.Values {
			add(KindConflict, i+1, k.Attribute, k.Subject, v.Value, compare.Evidence{ArticleID: v.ArticleID, Text: v.Text, Start: v.Start, End: v.End}, nil)
		}
	}
	// Quotes one article alone reports are in the quotes table; here only
	// the statements several sources word, each with its relation.
	quotes := slices.DeleteFunc(slices.Clone(c.Quotes), func(g compare.QuoteGroup) bool { return g.Relation == compare.RelSingle })
	for i, g := range quotes {
		for _, v := range g.Variants {
			add(KindQuote, i+1, g.Relation, g.Speaker, nil, compare.Evidence{ArticleID: v.ArticleID, Text: v.Text, Start: v.Start, End: v.End}, v.Via)
		}
	}
	return rows
}
