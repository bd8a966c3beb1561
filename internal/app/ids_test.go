package app

import (
	"errors"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestParseID(t *testing.T) {
	if id, err := parseID("story ID", "42"); err != nil || id != 42 {
		t.Errorf("parseID(42) = %d, %v", id, err)
	}
	for _, arg := range []string{"", "abc", "4.2", "99999999999999999999"} {
		_, err := parseID("story ID", arg)
		if want := `story ID "` + arg + `": invalid input`; !errors.Is(err, news.ErrInvalidInput) || err.Error() != want {
			t.Errorf("parseID(%q) = %v, want %q wrapping ErrInvalidInput", arg, err, want)
		}
	}
}
