package sqlite

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// instantLayout is fixed-width so that text order is time order; the
// contract keeps plain instants to the microsecond.
const instantLayout = "2006-01-02T15:04:05.000000Z"

func formatInstant(t time.Time) string { return t.UTC().Format(instantLayout) }

func parseInstant(s string) (time.Time, error) {
	t, err := time.Parse(instantLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored instant %q: %w", s, err)
	}
	return t, nil
}

// encodeTimestamp and decodeTimestamp carry sqlcodec's timestamp encoding
// in database/sql's nullable strings.
func encodeTimestamp(ts *news.Timestamp) (sql.NullString, int) {
	text, flags := sqlcodec.EncodeTimestamp(ts)
	return nullString(text), flags
}

func decodeTimestamp(value sql.NullString, flags int) (*news.Timestamp, error) {
	return sqlcodec.DecodeTimestamp(stringPtr(value), flags)
}

func nullString(p *string) sql.NullString {
	if p == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: *p, Valid: true}
}

func stringPtr(v sql.NullString) *string {
	if !v.Valid {
		return nil
	}
	return &v.String
}
