// Package export writes what Parallax has stored and derived as flat
// tables, for researchers who load it into pandas, R, a spreadsheet or a
// warehouse: articles, entity mentions, roles, quotes, dates, citations,
// stories, and each story's comparison (shared, unique, conflicting claims
// and quote variants), one row per evidence span. Every row that comes
// from text carries the article ID and the byte span it came from.
//
// Tables are streamed page by page from a Source, so an export of a large
// store holds one page of articles (or one story) in memory at a time.
package export

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// Source is what an export reads: a subset of store.Store plus the
// comparison of a stored story. Errors wrap news sentinels; a missing
// annotation or story is news.ErrNotFound.
type Source interface {
	Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, string, error)
	Article(ctx context.Context, id int64) (news.Article, error)
	Annotations(ctx context.Context, articleID int64) (news.Annotations, error)
	StoryOfArticle(ctx context.Context, articleID int64) (news.Story, error)
	Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, string, error)
	// Comparison compares the articles of a stored story.
	Comparison(ctx context.Context, storyID int64) (compare.Comparison, error)
}

// Table is one exportable table.
type Table struct {
	Name    string
	About   string
	Columns []string
	// rows streams the table's rows to emit, in Columns order.
	rows func(ctx context.Context, src Source, f Filter, emit func([]any) error) error
}

// Filter selects the articles of the article-based tables (and the
// stories having at least one such article, for stories and claims).
type Filter = store.ArticleQuery

// Tables lists every table, in the order `parallax export --help` shows.
var Tables = []Table{
	{Name: "articles", About: "one row per article: metadata, story and text", Columns: []string{
		"article_id", "story_id", "outlet", "url", "title", "byline", "published_at", "updated_at", "language", "event_date", "source", "text_sha256", "text"},
		rows: articleRows},
	{Name: "mentions", About: "one row per entity mention (names, pronouns, nominals, demonyms)", Columns: []string{
		"article_id", "entity_id", "entity_name", "entity_type", "refers", "kind", "text", "start", "end"},
		rows: mentionRows},
	{Name: "roles", About: "one row per title or role attributed to a person", Columns: []string{
		"article_id", "entity_id", "entity_name", "title", "normalized", "former", "org", "country", "start", "end"},
		rows: roleRows},
	{Name: "quotes", About: "one row per direct or reported quote, with speaker and reporting chain", Columns: []string{
		"article_id", "speaker_entity_id", "speaker", "direct", "cue", "via", "text", "start", "end", "speaker_start", "speaker_end"},
		rows: quoteRows},
	{Name: "timexes", About: "one row per temporal expression, normalised (TIMEX3 value)", Columns: []string{
		"article_id", "type", "value", "text", "start", "end"},
		rows: timexRows},
	{Name: "events", About: "one row per who-did-what-to-whom event (PLOVER category), with actor, target and cue spans", Columns: []string{
		"article_id", "action", "negated", "actor_id", "actor", "target_id", "target", "cue", "date", "location", "start", "end", "actor_start", "actor_end", "target_start", "target_end"},
		rows: eventRows},
	{Name: "citations", About: "one row per cited source (agencies, other outlets)", Columns: []string{
		"article_id", "source", "text", "start", "end"},
		rows: citationRows},
	{Name: "stories", About: "one row per story: event date, span, articles and independent sources", Columns: []string{
		"story_id", "title", "event_date", "first_seen", "last_seen", "articles", "sources", "article_ids"},
		rows: storyRows},
	{Name: "claims", About: "one row per evidence span of each story's comparison: shared and unique claims, conflicts (attribute, subject, value) and quotes several sources word (attribute = identical, trimmed or variant)", Columns: []string{
		"story_id", "kind", "item", "attribute", "subject", "value", "article_id", "text", "start", "end", "via"},
		rows: claimRows},
}

// Lookup returns the table called name.
func Lookup(name string) (Table, error) {
	i := slices.IndexFunc(Tables, func(t Table) bool { return t.Name == name })
	if i < 0 {
		names := make([]string, len(Tables))
		for j, t := range Tables {
			names[j] = t.Name
		}
		return Table{}, fmt.Errorf("export table %q: want one of %s: %w", name, strings.Join(names, ", "), news.ErrInvalidInput)
	}
	return Tables[i], nil
}

// Write streams table t from src to w: the header, then every row.
func Write(ctx context.Context, src Source, t Table, f Filter, w Writer) error {
	if err := w.Header(t.Columns); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	err := t.rows(ctx, src, f, func(row []any) error {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("row of %d values for %d columns", len(row), len(t.Columns))
		}
		return w.Row(row)
	})
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	return nil
}

// pageSize is how many articles an export reads at a time.
const pageSize = 200

// eachArticle calls fn for every article the filter selects, newest first,
// with its annotations (empty when the article was never read).
func eachArticle(ctx context.Context, src Source, f Filter, fn func(news.Article, news.Annotations) error) error {
	q := f
	q.Limit, q.Cursor = pageSize, ""
	for {
		list, next, err := src.Articles(ctx, q)
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		for _, a := range list {
			ann, err := src.Annotations(ctx, a.ID)
			if err != nil && !errors.Is(err, news.ErrNotFound) {
				return fmt.Errorf("annotations of article %d: %w", a.ID, err)
			}
			if err := fn(a, ann); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		q.Cursor = next
	}
}

func articleRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		var storyID any
		s, err := src.StoryOfArticle(ctx, a.ID)
		switch {
		case err == nil:
			storyID = s.ID
		case !errors.Is(err, news.ErrNotFound):
			return fmt.Errorf("story of article %d: %w", a.ID, err)
		}
		return emit([]any{a.ID, storyID, a.Outlet, a.URL, a.Title, a.Byline, a.PublishedAt, a.UpdatedAt, a.Language,
			optional(ann.EventDate), a.Source, optional(a.TextSHA256), a.Text})
	})
}

func mentionRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, e := range ann.Entities {
			for _, m := range e.Mentions {
				if err := emit([]any{a.ID, e.ID, e.Name, e.Type, optional(e.Refers), m.Kind, m.Text, m.Start, m.End}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func roleRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, e := range ann.Entities {
			for _, r := range e.Roles {
				if err := emit([]any{a.ID, e.ID, e.Name, r.Title, r.Normalized, r.Former, optional(r.Org), optional(r.Country), r.Start, r.End}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func quoteRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, q := range ann.Quotes {
			var speakerID, speaker, speakerStart, speakerEnd any
			if q.Speaker != nil {
				speakerID, speaker = optional(q.Speaker.EntityID), q.Speaker.Name
				speakerStart, speakerEnd = q.SpeakerStart, q.SpeakerEnd
			}
			row := []any{a.ID, speakerID, speaker, q.Direct, optional(q.Cue), list(q.Via), q.Text, q.Start, q.End, speakerStart, speakerEnd}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

func timexRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, t := range ann.Timexes {
			if err := emit([]any{a.ID, t.Type, t.Value, t.Text, t.Start, t.End}); err != nil {
				return err
			}
		}
		return nil
	})
}

func eventRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, e := range ann.Events {
			if e.Start < 0 || e.End > len(a.Text) || e.Start > e.End {
				continue
			}
			as, ae := spanEnds(e.ActorSpan)
			ts, te := spanEnds(e.TargetSpan)
			row := []any{a.ID, e.Action, e.Negated, optional(e.ActorID), optional(e.Actor), optional(e.TargetID), optional(e.Target),
				a.Text[e.Start:e.End], optional(e.Date), optional(e.Location), e.Start, e.End, as, ae, ts, te}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// spanEnds gives a span's offsets, null when there is none.
func spanEnds(s *news.Span) (any, any) {
	if s == nil {
		return nil, nil
	}
	return s.Start, s.End
}

func citationRows(ctx context.Context, src Source, f Filter, emit func([]any) error) error {
	return eachArticle(ctx, src, f, func(a news.Article, ann news.Annotations) error {
		for _, c := range ann.Citations {
			if c.Start < 0 || c.End > len(a.Text) || c.Start > c.End {
				continue
			}
			if err := emit([]any{a.ID, c.Source, a.Text[c.Start:c.End], c.Start, c.End}); err != nil {
				return err
			}
		}
		return nil
	})
}

// optional is nil for an empty string, so that unknown values are null in
// JSON Lines and empty in CSV.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// list is a JSON array in JSON Lines, "; "-joined text in CSV.
type list []string

// idList is a JSON array of numbers in JSON Lines, "; "-joined in CSV.
type idList []int64
