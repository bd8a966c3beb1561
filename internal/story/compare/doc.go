// Package compare lines up what the articles of one story say: the claims
// several independent sources share, what only one source reports, where
// they conflict (titles, numbers, dates, places, topic lists), the variants
// of the same quote and the sources each article cites. It is a pure stage:
// articles and their annotations in, a Comparison out, every item carrying
// the byte span of its evidence.
//
// Sentences are the unit of alignment. Two sentences of different articles
// express the same claim when their stemmed content words and canonical
// entity IDs overlap enough and their numbers agree; sentences are matched
// one-to-one per article pair (greedy, best pair first) and the matches are
// joined across articles into claims. Wire copies do not confirm their
// original: a claim is shared only when articles from at least two copy
// groups support it.
package compare

import "github.com/parallax-news/parallax/internal/news"

// Article is one member of the story with what the read stage found in it.
// CopyOf is the ID of the article this one is a (near-)copy of, or 0.
type Article struct {
	ID          int64
	Outlet      string
	Text        string
	Annotations news.Annotations
	CopyOf      int64
}

// Input is a story to compare: its articles, earliest first. The first
// article supporting a claim gives the claim its wording.
type Input struct {
	Articles []Article
}

// Evidence is a span of one article; Text == article.Text[Start:End].
type Evidence struct {
	ArticleID int64  `json:"article_id"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Shared is a claim reported by at least two independent sources.
type Shared struct {
	Claim   string     `json:"claim"`
	Support []Evidence `json:"support"`
}

// Unique is a claim only one source (and its copies) reports.
type Unique struct {
	ArticleID int64  `json:"article_id"`
	Claim     string `json:"claim"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Attributes a conflict can be about.
const (
	AttrRole   = "role"
	AttrNumber = "number"
	AttrDate   = "date"
	AttrPlace  = "place"
	AttrTopic  = "topic"
	AttrOther  = "other"
)

// Value is one side of a conflict with its evidence.
type Value struct {
	Value     string `json:"value"`
	ArticleID int64  `json:"article_id"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Conflict is an attribute of the same subject that sources give differently.
type Conflict struct {
	Subject   string  `json:"subject"`
	Attribute string  `json:"attribute"`
	Values    []Value `json:"values"`
}

// Quote relations, from closest to loosest.
const (
	RelIdentical = "identical"
	RelTrimmed   = "trimmed"
	RelVariant   = "variant"
	RelSingle    = "single"
)

// QuoteVariant is one article's wording of a quote.
type QuoteVariant struct {
	ArticleID int64    `json:"article_id"`
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Via       []string `json:"via"`
}

// QuoteGroup gathers the wordings of one statement by one speaker.
type QuoteGroup struct {
	Speaker  string         `json:"speaker"`
	Relation string         `json:"relation"`
	Variants []QuoteVariant `json:"variants"`
}

// Citation is a source an article says it relies on.
type Citation struct {
	ArticleID int64  `json:"article_id"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Copy says an article is a copy of another member.
type Copy struct {
	ArticleID int64 `json:"article_id"`
	CopyOf    int64 `json:"copy_of"`
}

// Comparison is the result of Compare. Slices are never nil.
type Comparison struct {
	Shared    []Shared     `json:"shared"`
	Unique    []Unique     `json:"unique"`
	Conflicts []Conflict   `json:"conflicts"`
	Quotes    []QuoteGroup `json:"quotes"`
	Citations []Citation   `json:"citations"`
	Copies    []Copy       `json:"copies"`
}
