package web

import (
	"testing"
	"unicode/utf8"
)

func TestExcerpt(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  string
	}{
		{`“We really have no choice but to build a wall,”`, 100, "We really have no choice but to build a wall"},
		{`"very quickly or as soon as possible."`, 100, "very quickly or as soon as possible."},
		{"one two three four five six", 15, "one two three…"},
		{"averyveryverylongwordwithoutspaces", 10, "averyveryv…"},
		{"déjà vu déjà vu", 2, "d…"}, // never cuts inside a rune
		{"  ", 10, ""},
	}
	for _, tc := range tests {
		got := excerpt(tc.text, tc.limit)
		if got != tc.want || !utf8.ValidString(got) {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tc.text, tc.limit, got, tc.want)
		}
	}
}
