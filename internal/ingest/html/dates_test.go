package html

import "testing"

func TestLocalTime(t *testing.T) {
	tests := []struct {
		name   string
		utc    string
		others []string
		want   string
	}{
		{"wall time west of UTC", "2023-11-09T05:30:59Z", []string{"2023-11-08 23:30:59"}, "2023-11-08T23:30:59-06:00"},
		{"same instant with offset", "2024-11-24T22:30:00Z", []string{"2024-11-25T01:30:00+03:00"}, "2024-11-25T01:30:00+03:00"},
		{"unrelated instant", "2024-11-24T22:30:00Z", []string{"2024-11-20T01:30:00+03:00"}, "2024-11-24T22:30:00Z"},
		{"odd offset ignored", "2023-11-09T05:30:59Z", []string{"2023-11-08 23:17:00"}, "2023-11-09T05:30:59Z"},
		{"already local", "2024-11-25T01:30:00+03:00", []string{"2024-11-24 12:00:00"}, "2024-11-25T01:30:00+03:00"},
		{"no other date", "2024-11-24T22:30:00Z", nil, "2024-11-24T22:30:00Z"},
	}
	for _, tt := range tests {
		ts := parseDate(tt.utc, testNow)
		if got := localTime(ts, tt.others, testNow).String(); got != tt.want {
			t.Errorf("%s: localTime = %s, want %s", tt.name, got, tt.want)
		}
	}
}
