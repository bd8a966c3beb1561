package postgres

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
)

// encodeTimestamp and decodeTimestamp carry sqlcodec's timestamp encoding
// with the flags in a smallint column.
func encodeTimestamp(ts *news.Timestamp) (*string, int16) {
	text, flags := sqlcodec.EncodeTimestamp(ts)
	return text, int16(flags)
}

func decodeTimestamp(value *string, flags int16) (*news.Timestamp, error) {
	return sqlcodec.DecodeTimestamp(value, int(flags))
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
