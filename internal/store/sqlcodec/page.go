package sqlcodec

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// EncodeCursor joins a page's keys into base64url text, so callers treat
// cursors as opaque tokens.
func EncodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "|")))
}

// DecodeCursor splits a cursor made by EncodeCursor into its n parts; any
// other text is news.ErrInvalidInput.
func DecodeCursor(cursor string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	parts := strings.Split(string(b), "|")
	if err != nil || len(parts) != n {
		return nil, fmt.Errorf("cursor %q: %w", cursor, news.ErrInvalidInput)
	}
	return parts, nil
}

// EncodeIntCursor makes a one-part cursor holding an integer (an ID or an
// offset).
func EncodeIntCursor(n int64) string {
	return EncodeCursor(strconv.FormatInt(n, 10))
}

// DecodeIntCursor reads a one-part cursor holding a non-negative integer.
func DecodeIntCursor(cursor string) (int64, error) {
	parts, err := DecodeCursor(cursor, 1)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("cursor %q: %w", cursor, news.ErrInvalidInput)
	}
	return n, nil
}

// PageLimit applies the store contract's default page size.
func PageLimit(limit int) int {
	if limit <= 0 {
		return 50
	}
	return limit
}

// NextPage trims a page fetched with limit+1 rows to limit and returns the
// cursor that after makes from its last row, or "" when no row follows.
func NextPage[T any](list []T, limit int, after func(last T) string) ([]T, string) {
	if len(list) <= limit {
		return list, ""
	}
	list = list[:limit]
	return list, after(list[limit-1])
}
