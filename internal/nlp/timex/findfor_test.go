package timex

import (
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TestFindForIsAnchorThenFind checks that sharing the rule matches
// between the anchor and the final reading changes nothing: FindFor gives
// what finding the anchor with a first Find, then reading with a second,
// gives.
func TestFindForIsAnchorThenFind(t *testing.T) {
	published := &news.Timestamp{Time: time.Date(2024, 11, 27, 15, 4, 0, 0, time.UTC)}
	texts := append([]string{
		"On Tuesday, November 26, officials met; they meet again next week.",
		"The 2019 deal was signed on Monday, March 4. Talks resume on Friday.",
		"No dates here at all.",
	}, scannerTexts...)
	for _, text := range texts {
		for _, pub := range []*news.Timestamp{nil, published} {
			wantAnchor, ok := publishedAnchor(pub)
			if !ok {
				wantAnchor = anchorFromText(Find(text, Anchor{}))
			}
			want := Find(text, wantAnchor)
			anchor, got := FindFor(text, pub)
			if anchor != wantAnchor || !reflect.DeepEqual(got, want) {
				t.Errorf("FindFor(%q, %v) = %v, %v; want %v, %v", text, pub, anchor, got, wantAnchor, want)
			}
		}
	}
}
