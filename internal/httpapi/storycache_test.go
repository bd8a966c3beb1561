package httpapi

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestStoryCache(t *testing.T) {
	var c storyCache
	now := time.Date(2024, 11, 27, 12, 0, 0, 0, time.UTC)
	st := news.Story{ID: 7, Title: "Visit", ArticleIDs: []int64{1, 2}}
	c.put(StoryDetail{Story: st}, now)
	if _, ok := c.get(st, now.Add(time.Second)); !ok {
		t.Error("fresh entry missed")
	}
	grown := st
	grown.ArticleIDs = []int64{1, 2, 3}
	if _, ok := c.get(grown, now.Add(time.Second)); ok {
		t.Error("entry served after the story gained an article")
	}
	if _, ok := c.get(st, now.Add(storyCacheTTL+time.Second)); ok {
		t.Error("entry served after its TTL")
	}
	for i := range storyCacheSize + 10 {
		c.put(StoryDetail{Story: news.Story{ID: int64(100 + i)}}, now.Add(time.Duration(i)*time.Millisecond))
	}
	if len(c.entries) > storyCacheSize {
		t.Errorf("cache holds %d entries, bound is %d", len(c.entries), storyCacheSize)
	}
}
