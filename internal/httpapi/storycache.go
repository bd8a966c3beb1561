package httpapi

import (
	"fmt"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// storyCacheSize bounds the comparisons kept in memory; storyCacheTTL
// bounds how long a comparison may lag behind re-read annotations (a
// membership change is seen at once: it changes the fingerprint).
const (
	storyCacheSize = 512
	storyCacheTTL  = time.Minute
)

// storyCache keeps recent story details, comparison included: comparing a
// story costs far more than loading its row, and story pages are read far
// more often than stories change.
type storyCache struct {
	mu      sync.Mutex
	entries map[int64]cachedStory
}

type cachedStory struct {
	fingerprint string
	detail      StoryDetail
	at          time.Time
}

// fingerprint identifies a story's state: its members, in order, and the
// time of its latest article.
func fingerprint(st news.Story) string {
	return fmt.Sprint(st.ArticleIDs, st.LastSeen.UnixNano(), st.Title)
}

func (c *storyCache) get(st news.Story, now time.Time) (StoryDetail, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[st.ID]
	if !ok || e.fingerprint != fingerprint(st) || now.Sub(e.at) > storyCacheTTL {
		return StoryDetail{}, false
	}
	return e.detail, true
}

func (c *storyCache) put(d StoryDetail, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[int64]cachedStory{}
	}
	if len(c.entries) >= storyCacheSize {
		var oldest int64
		var oldestAt time.Time
		for id, e := range c.entries {
			if oldestAt.IsZero() || e.at.Before(oldestAt) {
				oldest, oldestAt = id, e.at
			}
		}
		delete(c.entries, oldest)
	}
	c.entries[d.ID] = cachedStory{fingerprint: fingerprint(d.Story), detail: d, at: now}
}
