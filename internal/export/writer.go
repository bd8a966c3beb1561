package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Writer receives a table: its header once, then its rows.
type Writer interface {
	Header(columns []string) error
	Row(values []any) error
	Flush() error
}

// Formats an export can be written in.
const (
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
)

// NewWriter returns the writer of format ("jsonl" or "csv") on w.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch format {
	case FormatJSONL:
		return &jsonlWriter{w: bufio.NewWriter(w)}, nil
	case FormatCSV:
		return &csvWriter{w: csv.NewWriter(w)}, nil
	}
	return nil, fmt.Errorf("export format %q: want jsonl or csv: %w", format, news.ErrInvalidInput)
}

// ContentType is the media type of format.
func ContentType(format string) string {
	if format == FormatCSV {
		return "text/csv; charset=utf-8"
	}
	return "application/x-ndjson"
}

// jsonlWriter writes one JSON object per row, keys in column order;
// unknown values are null, lists are arrays, times RFC 3339.
type jsonlWriter struct {
	w       *bufio.Writer
	columns [][]byte // JSON-encoded column names
}

func (j *jsonlWriter) Header(columns []string) error {
	j.columns = make([][]byte, len(columns))
	for i, c := range columns {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		j.columns[i] = b
	}
	return nil
}

func (j *jsonlWriter) Row(values []any) error {
	j.w.WriteByte('{')
	for i, v := range values {
		if i > 0 {
			j.w.WriteByte(',')
		}
		j.w.Write(j.columns[i])
		j.w.WriteByte(':')
		b, err := json.Marshal(jsonValue(v))
		if err != nil {
			return fmt.Errorf("column %s: %w", j.columns[i], err)
		}
		j.w.Write(b)
	}
	j.w.WriteByte('}')
	return j.w.WriteByte('\n')
}

func (j *jsonlWriter) Flush() error { return j.w.Flush() }

// jsonValue turns nil pointers into null and lists into arrays.
func jsonValue(v any) any {
	switch x := v.(type) {
	case *string:
		if x == nil {
			return nil
		}
		return *x
	case *news.Timestamp:
		if x == nil {
			return nil
		}
		return x.String()
	case list:
		if x == nil {
			return []string{}
		}
		return []string(x)
	case idList:
		if x == nil {
			return []int64{}
		}
		return []int64(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return v
}

// csvWriter writes RFC 4180 CSV with a header row; unknown values are
// empty cells and lists are "; "-joined. Text cells are defused against
// spreadsheet formula injection (see defuse), since article text, titles
// and quotes come from arbitrary web pages.
type csvWriter struct {
	w   *csv.Writer
	row []string
}

func (c *csvWriter) Header(columns []string) error { return c.w.Write(columns) }

func (c *csvWriter) Row(values []any) error {
	c.row = c.row[:0]
	for _, v := range values {
		c.row = append(c.row, csvCell(v))
	}
	return c.w.Write(c.row)
}

func (c *csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

func csvCell(v any) string {
	switch x := jsonValue(v).(type) {
	case nil:
		return ""
	case string:
		return defuse(x)
	case []string:
		return defuse(strings.Join(x, "; "))
	case []int64:
		parts := make([]string, len(x))
		for i, n := range x {
			parts[i] = strconv.FormatInt(n, 10)
		}
		return strings.Join(parts, "; ")
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	default:
		return fmt.Sprint(x)
	}
}

// defuse prefixes a text cell that a spreadsheet would run as a formula
// (one starting with =, +, -, @, a tab or a carriage return) with an
// apostrophe, as OWASP recommends for CSV exports. Cells that are plain
// numbers ("-3.5") are left alone so numeric columns stay numeric.
func defuse(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
