package postgres

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// Timestamp precision flags, stored next to the timestamp's text.
const (
	flagDateOnly = 1 << iota
	flagFloating
)

// encodeTimestamp keeps a news.Timestamp exactly: RFC 3339 with its offset
// and nanoseconds, plus its precision flags.
func encodeTimestamp(ts *news.Timestamp) (value *string, flags int16) {
	if ts == nil {
		return nil, 0
	}
	if ts.DateOnly {
		flags |= flagDateOnly
	}
	if ts.Floating {
		flags |= flagFloating
	}
	text := ts.Time.Format(time.RFC3339Nano)
	return &text, flags
}

func decodeTimestamp(value *string, flags int16) (*news.Timestamp, error) {
	if value == nil {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *value)
	if err != nil {
		return nil, fmt.Errorf("stored timestamp %q: %w", *value, err)
	}
	return &news.Timestamp{Time: t, DateOnly: flags&flagDateOnly != 0, Floating: flags&flagFloating != 0}, nil
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
// combining marks), the same words the SQLite backend searches for.
func searchTerms(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// filter accumulates AND-ed WHERE conditions, numbering each "?" in a
// condition as the next $n placeholder.
type filter struct {
	conds []string
	args  []any
}

func (f *filter) add(cond string, args ...any) {
	for _, arg := range args {
		f.args = append(f.args, arg)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(f.args)), 1)
	}
	f.conds = append(f.conds, cond)
}

// next returns the placeholder for one more argument (LIMIT, OFFSET).
func (f *filter) next(arg any) string {
	f.args = append(f.args, arg)
	return "$" + strconv.Itoa(len(f.args))
}

// articleFilters adds the outlet and date-window filters shared by
// Articles and Search.
func (f *filter) articleFilters(outlet string, from, to time.Time) {
	if outlet != "" {
		f.add("a.outlet = ?", outlet)
	}
	if !from.IsZero() {
		f.add("a.dated_at >= ?", from)
	}
	if !to.IsZero() {
		f.add("a.dated_at < ?", to)
	}
}

func (f *filter) sql() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}
