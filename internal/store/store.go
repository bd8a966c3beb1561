// Package store defines the persistence contract of Parallax. Backends live
// in child packages (sqlite, postgres) and must pass the conformance suite in
// storetest. Only internal/app chooses a backend.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrSchemaTooNew is returned by a backend's Open when the database was
// migrated by a newer Parallax than the running binary: writing to it could
// corrupt data the newer schema relies on.
var ErrSchemaTooNew = errors.New("database schema is newer than this binary")

// Store is the persistence contract. All methods are safe for concurrent use.
// Errors wrap news sentinels: a missing row is news.ErrNotFound, a bad
// argument news.ErrInvalidInput.
//
// Articles and annotations round-trip exactly: nil optional fields stay
// nil, nil and empty slices stay distinct, and news.Timestamp keeps its
// precision flags, its nanoseconds and its UTC offset. Lists the store
// builds (story members, query results) may come back empty rather than
// nil. Plain instants (Document.FetchedAt,
// Story.FirstSeen/LastSeen, Feed.NextPollAt) are kept to the microsecond
// and come back in UTC.
//
// Cursors are opaque strings produced by the store; a cursor the store did
// not produce is news.ErrInvalidInput.
type Store interface {
	// PutDocument stores raw input bytes before any processing, in its own
	// committed transaction. It is idempotent on the SHA-256 of Raw: storing
	// the same bytes again (even concurrently) returns the existing
	// document's ID and created=false. doc.SHA256 is computed by the store
	// when empty; a non-empty one that does not match Raw, or empty Raw, is
	// news.ErrInvalidInput.
	PutDocument(ctx context.Context, doc news.Document) (id int64, created bool, err error)
	// Document returns a stored document with its raw bytes.
	Document(ctx context.Context, id int64) (news.Document, error)

	// PutArticle stores the article extracted from a document. At most one
	// article exists per document: storing again for the same DocumentID
	// replaces its fields and returns created=false. Article.TextSHA256 is
	// computed when empty; a.ID is ignored. A replacement whose text differs
	// drops the article's annotations, whose offsets no longer apply. An
	// unknown DocumentID is news.ErrNotFound.
	PutArticle(ctx context.Context, a news.Article) (id int64, created bool, err error)
	// Article returns one article.
	Article(ctx context.Context, id int64) (news.Article, error)
	// ArticleByDocument returns the article of a document.
	ArticleByDocument(ctx context.Context, documentID int64) (news.Article, error)
	// Articles lists articles newest first (by ID descending) with cursor
	// pagination: pass the returned next cursor to continue; next is "" at
	// the end. Pages never repeat or skip an article, even when articles
	// are stored between calls (new ones only appear on a fresh listing).
	Articles(ctx context.Context, q ArticleQuery) (list []news.Article, next string, err error)
	// CountArticles returns the number of stored articles.
	CountArticles(ctx context.Context) (int, error)

	// PutAnnotations replaces the annotations of an article; an unknown
	// article is news.ErrNotFound.
	PutAnnotations(ctx context.Context, articleID int64, ann news.Annotations) error
	// Annotations returns an article's annotations; ErrNotFound if it has none.
	Annotations(ctx context.Context, articleID int64) (news.Annotations, error)
	// EntityMentions lists, over all articles, the annotations that involve
	// the canonical entity ID, oldest article first (by published time,
	// else fetch time, then ID). An entity involves the ID when its own ID
	// or its Refers equals it; Quotes are those whose speaker is that
	// entity. limit <= 0 means 50.
	EntityMentions(ctx context.Context, entityID string, limit int) ([]EntityOccurrence, error)
	// PersonIDs lists the distinct indexed person IDs with the given
	// surname token: "per:trump" and every "per:..._trump", sorted, at most
	// limit (<= 0 means 100). It is how the entity page finds the other
	// names one person goes by across articles.
	PersonIDs(ctx context.Context, surname string, limit int) ([]string, error)

	// PutStory creates (ID 0) or replaces a story and its membership.
	// Membership is exclusive: an article belongs to at most one story, so
	// adding it here removes it from any other story (whose other fields,
	// such as Sources, are left for the caller to update). Replacing an
	// unknown ID or naming an unknown article is news.ErrNotFound.
	PutStory(ctx context.Context, s news.Story) (int64, error)
	// DeleteStory removes a story (after a merge); its articles become free.
	DeleteStory(ctx context.Context, id int64) error
	// Story returns one story with its member IDs in the order given to
	// PutStory.
	Story(ctx context.Context, id int64) (news.Story, error)
	// Stories lists stories by LastSeen descending (then ID descending)
	// with cursor pagination.
	Stories(ctx context.Context, q StoryQuery) (list []news.Story, next string, err error)
	// StorySummaries lists the same pages as Stories (same order, same
	// cursors) with what a story list shows of each story's members: their
	// count, distinct non-empty outlets in member order, and the span of
	// their publication instants (nil when no member has one). One query
	// per page, whatever the number of stories or members.
	StorySummaries(ctx context.Context, q StoryQuery) (list []StorySummary, next string, err error)
	// StoryOfArticle returns the story an article belongs to;
	// news.ErrNotFound when it belongs to none.
	StoryOfArticle(ctx context.Context, articleID int64) (news.Story, error)
	// PutCopy records that an article is a copy of another; idempotent
	// (storing the pair again updates its score). Unknown articles are
	// news.ErrNotFound.
	PutCopy(ctx context.Context, c news.Copy) error
	// Copies lists copy records whose article is in ids, by ArticleID then
	// CopyOf.
	Copies(ctx context.Context, ids []int64) ([]news.Copy, error)

	// Search runs a full-text query over titles and texts, best match first:
	// every word of Text must occur (stemmed), and a match in the title
	// ranks above a match in the body. Empty Text lists the articles that
	// pass the filters, newest first; Text with no searchable word is
	// news.ErrInvalidInput. Search cursors are offsets: results are ranked
	// against the whole corpus, so a page boundary may shift under writes.
	Search(ctx context.Context, q SearchQuery) (list []news.Article, next string, err error)

	// PutFeed adds a feed, or updates it when f.ID is set. Adding a URL that
	// exists returns the existing ID and news.ErrConflict; so does changing
	// a feed's URL to another feed's. Updating an unknown ID is
	// news.ErrNotFound.
	PutFeed(ctx context.Context, f news.Feed) (int64, error)
	// Feed returns one feed.
	Feed(ctx context.Context, id int64) (news.Feed, error)
	// Feeds lists all feeds by ID.
	Feeds(ctx context.Context) ([]news.Feed, error)
	// DeleteFeed removes a feed and its seen-item records.
	DeleteFeed(ctx context.Context, id int64) error
	// MarkItemSeen records a feed item key (GUID or canonical URL) and
	// reports whether it was new. Unknown feeds are news.ErrNotFound.
	MarkItemSeen(ctx context.Context, feedID int64, key string) (isNew bool, err error)

	// Close releases the backend.
	Close() error
}

// ArticleQuery selects articles.
type ArticleQuery struct {
	Outlet string
	From   time.Time // published or fetched at or after, zero = unbounded
	To     time.Time // before, zero = unbounded
	Limit  int       // <= 0 means 50
	Cursor string
}

// StoryQuery selects stories.
type StoryQuery struct {
	Limit  int // <= 0 means 50
	Cursor string
}

// StorySummary is a story as listed: who covered it and over what span.
type StorySummary struct {
	news.Story
	Articles int        `json:"article_count"`
	Outlets  []string   `json:"outlets"`
	From     *time.Time `json:"from"` // earliest member publication instant, UTC
	To       *time.Time `json:"to"`   // latest
}

// SearchQuery is a full-text query with filters.
type SearchQuery struct {
	Text     string
	Outlet   string
	EntityID string
	// EntityIDs widens EntityID to articles involving any of these IDs
	// (a person's aliases across articles).
	EntityIDs []string
	From      time.Time // as in ArticleQuery
	To        time.Time
	Limit     int // <= 0 means 50
	Cursor    string
}

// EntityOccurrence is one article's view of an entity.
type EntityOccurrence struct {
	ArticleID   int64           `json:"article_id"`
	Title       string          `json:"title"`
	PublishedAt *news.Timestamp `json:"published_at"`
	Entity      news.Entity     `json:"entity"`
	Quotes      []news.Quote    `json:"quotes"`
}
