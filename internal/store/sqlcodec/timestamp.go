// Package sqlcodec holds the driver-independent encodings both SQL
// backends (sqlite, postgres) share: news timestamps with their precision
// flags, opaque page cursors, search words, the entity index and the
// annotation bodies it points into, document digests and the embedded
// migration files. Dialect-specific SQL and driver calls stay in each
// backend.
package sqlcodec

import (
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Timestamp precision flags, stored next to the timestamp's text.
const (
	flagDateOnly = 1 << iota
	flagFloating
)

// EncodeTimestamp keeps a news.Timestamp exactly: RFC 3339 with its offset
// and nanoseconds, plus its precision flags. A nil timestamp is nil text.
func EncodeTimestamp(ts *news.Timestamp) (text *string, flags int) {
	if ts == nil {
		return nil, 0
	}
	if ts.DateOnly {
		flags |= flagDateOnly
	}
	if ts.Floating {
		flags |= flagFloating
	}
	value := ts.Time.Format(time.RFC3339Nano)
	return &value, flags
}

// DecodeTimestamp reads what EncodeTimestamp wrote; nil text is no timestamp.
func DecodeTimestamp(text *string, flags int) (*news.Timestamp, error) {
	if text == nil {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *text)
	if err != nil {
		return nil, fmt.Errorf("stored timestamp %q: %w", *text, err)
	}
	return &news.Timestamp{Time: t, DateOnly: flags&flagDateOnly != 0, Floating: flags&flagFloating != 0}, nil
}
