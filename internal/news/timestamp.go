package news

import (
	"encoding/json"
	"fmt"
	"time"
)

// Timestamp is a point in time as precise as the source gave it. A date known
// only to the day is DateOnly; a wall-clock time printed without a zone is
// Floating (kept as written, in UTC fields, never shifted).
type Timestamp struct {
	Time     time.Time
	DateOnly bool
	Floating bool
}

// String renders the timestamp: "2006-01-02" for dates, RFC 3339 for zoned
// times and "2006-01-02T15:04:05" for floating wall times.
func (t Timestamp) String() string {
	switch {
	case t.DateOnly:
		return t.Time.Format(time.DateOnly)
	case t.Floating:
		return t.Time.Format("2006-01-02T15:04:05")
	default:
		return t.Time.Format(time.RFC3339)
	}
}

// Day returns the calendar day of the timestamp, in its own zone.
func (t Timestamp) Day() string { return t.Time.Format(time.DateOnly) }

// ParseTimestamp reads what String writes.
func ParseTimestamp(s string) (Timestamp, error) {
	if ts, err := time.Parse(time.DateOnly, s); err == nil {
		return Timestamp{Time: ts, DateOnly: true}, nil
	}
	if ts, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		return Timestamp{Time: ts, Floating: true}, nil
	}
	ts, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return Timestamp{}, fmt.Errorf("timestamp %q: %w", s, ErrInvalidInput)
	}
	return Timestamp{Time: ts}, nil
}

// MarshalJSON writes the String form.
func (t Timestamp) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// UnmarshalJSON reads the String form.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	ts, err := ParseTimestamp(s)
	if err != nil {
		return err
	}
	*t = ts
	return nil
}
