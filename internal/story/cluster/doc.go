// Package cluster groups articles that report the same real-world event
// into stories, online: each article is assigned as it arrives, in one
// pass, with memory bounded by a time window.
//
// An article is compared with the live stories found through an inverted
// index over the top terms and entities of each story (never a scan of all
// stories). The similarity combines
//   - the cosine of TF-IDF weighted stemmed terms (Snowball English; the
//     IDF is learned online from the stream) against the story centroid,
//   - the cosine of IDF weighted entity IDs,
//   - the cosine of title terms,
//
// weighted and renormalised over the components both sides have, then
// multiplied by a date factor: a publication or event date far from the
// story's span pushes the article away, so the same actors in a different
// event (a minister's visit in November, his speech six months later) make
// two stories. Event dates come from the text and are noisy, so they count
// only against a story with at least two dated members, by the gap to the
// nearest member's date beyond a month's grace. Copies found by the dedup
// stage join their original's story without adding weight to it. An
// article above the threshold for two stories bridges them: they are
// merged; a story of one or two articles is merged at a lower score
// (SmallMergeThreshold), since it is most often a report of the same event
// that missed the threshold on arrival.
//
// A single article decides little: the second event of an actor often
// scores above the threshold against a young story about the first (same
// names, same vocabulary), and every later article of either event then
// follows. So each time a story of up to 64 live members grows, its
// members are re-checked: Ward's clustering bisects them by pairwise
// similarity (of terms with the lead weighted up: the lead states the
// event, the body shares background with the actors' other events), and
// when both halves hold at least SplitMinGroup articles and the halves are
// much less alike than each half is within (SplitRatio) and not alike in
// absolute terms (SplitMaxLink), the half without the story's first
// article moves to a new story, reported in Assignment.Split.
//
// The Clusterer is deterministic for a given input order and not safe for
// concurrent use (clustering is a single writer per partition).
package cluster

import (
	"time"

	"github.com/parallax-news/parallax/internal/story/dedup"
)

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID     int64
	Title  string
	Text   string
	Outlet string
	// Published is the publication time; zero means unknown.
	Published time.Time
	// EventDate is the day the reported event happened, "YYYY-MM-DD", or "".
	EventDate string
	// Entities are canonical entity IDs such as "per:sergei_shoigu"; may be empty.
	Entities []string
}

// Assignment is the clusterer's decision for one article, with the
// evidence for it.
type Assignment struct {
	StoryID int64   `json:"story_id"`
	Score   float64 `json:"score"` // similarity to the story (best candidate's when New)
	New     bool    `json:"new"`
	// Merged lists the stories merged into StoryID because this article
	// bridged them.
	Merged         []int64  `json:"merged,omitempty"`
	SharedTerms    []string `json:"shared_terms,omitempty"`
	SharedEntities []string `json:"shared_entities,omitempty"`
	// CopyOf is the original this article copies (0 when it is not a copy).
	CopyOf int64 `json:"copy_of,omitempty"`
	// Split is set when this arrival showed its story to hold two events
	// and part of it moved to a new story (StoryID is the article's story
	// after the split).
	Split *Split `json:"split,omitempty"`
}

// StorySummary describes a live story.
type StorySummary struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	// Members are the article IDs still in the window, in arrival order;
	// Articles counts all members, including those that left the window.
	Members   []int64   `json:"members"`
	Articles  int       `json:"articles"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	EventDate string    `json:"event_date,omitempty"`
	// Sources counts independent articles: copies of another article don't count.
	Sources int `json:"sources"`
}

// Config tunes the clusterer. Zero fields take the value of DefaultConfig;
// when all three weights are zero the default weights apply.
type Config struct {
	// Threshold is the minimum score to join a story.
	Threshold float64
	// MergeThreshold is the minimum score to a second story for the article
	// to bridge (merge) it into the first.
	MergeThreshold float64
	// SmallMergeThreshold is the lower bar for bridging a second story of
	// one or two articles. Such a story is usually a report of a running
	// event that missed the threshold on arrival (it led with background,
	// or came before the vocabulary knew its words), and a later report
	// that joins the event and also scores well against the splinter
	// shows it; a large story keeps MergeThreshold, because merging it on
	// one article's say moves many articles.
	SmallMergeThreshold float64
	// TermWeight, EntityWeight and TitleWeight weigh the similarity components.
	TermWeight, EntityWeight, TitleWeight float64
	// DateGrace is the date gap that costs nothing; beyond it the score
	// decays as exp(-(gap-DateGrace)/DateDecay).
	DateGrace, DateDecay time.Duration
	// EventGrace is the gap between an article's event date and the
	// nearest event date of a story's members that costs nothing; beyond
	// it the score decays like a publication gap beyond DateGrace.
	EventGrace time.Duration
	// Window evicts stories whose newest article is older than the newest
	// article seen minus Window.
	Window time.Duration
	// QueryTerms is how many top terms of an article are looked up in the
	// inverted index; StoryKeys caps the index keys kept per story.
	QueryTerms, StoryKeys int
	// MaxCandidates caps the stories scored per article.
	MaxCandidates int
	// MaxStoryTerms caps a story's centroid; beyond it the weakest terms go.
	MaxStoryTerms int
	// SplitRatio and SplitMinGroup tune the story re-check: a story whose
	// members fall into two groups of at least SplitMinGroup articles, with
	// a mean similarity across them below SplitRatio times the mean within
	// the looser group, is split in two. A negative SplitRatio disables it.
	// Halves whose mean similarity reaches SplitMaxLink stay together
	// however tight each half is: they are one story told two ways.
	SplitRatio, SplitMaxLink float64
	SplitMinGroup            int
	// Dedup configures copy detection.
	Dedup dedup.Config
}

// DefaultConfig returns the tuned defaults (see docs/BENCHMARKS.md for how
// they were chosen). Entities weigh little against terms: linked IDs miss
// and split names, and shared names are what the same actors' different
// events have in common.
func DefaultConfig() Config {
	return Config{
		Threshold:           0.16,
		MergeThreshold:      0.5,
		SmallMergeThreshold: 0.3,
		TermWeight:          0.8,
		EntityWeight:        0.1,
		TitleWeight:         0.1,
		DateGrace:           48 * time.Hour,
		DateDecay:           72 * time.Hour,
		EventGrace:          30 * 24 * time.Hour,
		Window:              7 * 24 * time.Hour,
		QueryTerms:          32,
		StoryKeys:           256,
		MaxCandidates:       12,
		MaxStoryTerms:       500,
		SplitRatio:          0.8,
		SplitMaxLink:        0.25,
		SplitMinGroup:       5,
		Dedup:               dedup.DefaultConfig(),
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Threshold <= 0 {
		c.Threshold = d.Threshold
	}
	if c.MergeThreshold <= 0 {
		c.MergeThreshold = d.MergeThreshold
	}
	if c.SmallMergeThreshold <= 0 {
		c.SmallMergeThreshold = d.SmallMergeThreshold
	}
	if c.TermWeight <= 0 && c.EntityWeight <= 0 && c.TitleWeight <= 0 {
		c.TermWeight, c.EntityWeight, c.TitleWeight = d.TermWeight, d.EntityWeight, d.TitleWeight
	}
	if c.DateGrace <= 0 {
		c.DateGrace = d.DateGrace
	}
	if c.DateDecay <= 0 {
		c.DateDecay = d.DateDecay
	}
	if c.EventGrace <= 0 {
		c.EventGrace = d.EventGrace
	}
	if c.Window <= 0 {
		c.Window = d.Window
	}
	if c.QueryTerms <= 0 {
		c.QueryTerms = d.QueryTerms
	}
	if c.StoryKeys <= 0 {
		c.StoryKeys = d.StoryKeys
	}
	if c.MaxCandidates <= 0 {
		c.MaxCandidates = d.MaxCandidates
	}
	if c.MaxStoryTerms <= 0 {
		c.MaxStoryTerms = d.MaxStoryTerms
	}
	if c.SplitRatio == 0 {
		c.SplitRatio = d.SplitRatio
	}
	if c.SplitMaxLink <= 0 {
		c.SplitMaxLink = d.SplitMaxLink
	}
	if c.SplitMinGroup < 2 {
		c.SplitMinGroup = d.SplitMinGroup
	}
	return c
}
