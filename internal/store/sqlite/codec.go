package sqlite

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
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

// Timestamp precision flags, stored next to the timestamp's text.
const (
	flagDateOnly = 1 << iota
	flagFloating
)

// encodeTimestamp keeps a news.Timestamp exactly: RFC 3339 with its offset
// and nanoseconds, plus its precision flags.
func encodeTimestamp(ts *news.Timestamp) (value sql.NullString, flags int) {
	if ts == nil {
		return sql.NullString{}, 0
	}
	if ts.DateOnly {
		flags |= flagDateOnly
	}
	if ts.Floating {
		flags |= flagFloating
	}
	return sql.NullString{String: ts.Time.Format(time.RFC3339Nano), Valid: true}, flags
}

func decodeTimestamp(value sql.NullString, flags int) (*news.Timestamp, error) {
	if !value.Valid {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339Nano, value.String)
	if err != nil {
		return nil, fmt.Errorf("stored timestamp %q: %w", value.String, err)
	}
	return &news.Timestamp{Time: t, DateOnly: flags&flagDateOnly != 0, Floating: flags&flagFloating != 0}, nil
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

// Cursors are base64url text so callers treat them as opaque tokens.
func encodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "|")))
}

func decodeCursor(cursor string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	parts := strings.Split(string(b), "|")
	if err != nil || len(parts) != n {
		return nil, fmt.Errorf("cursor %q: %w", cursor, news.ErrInvalidInput)
	}
	return parts, nil
}

// decodeIntCursor reads a one-part cursor holding a non-negative integer.
func decodeIntCursor(cursor string) (int64, error) {
	parts, err := decodeCursor(cursor, 1)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("cursor %q: %w", cursor, news.ErrInvalidInput)
	}
	return n, nil
}

// pageLimit applies the contract's default page size.
func pageLimit(limit int) int {
	if limit <= 0 {
		return 50
	}
	return limit
}

// searchTerms splits user text into words (runs of letters, digits and
// combining marks). Everything else, including every FTS operator
// character, separates words, so user text can never be query syntax.
func searchTerms(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
