package app

import (
	"fmt"
	"strconv"

	"github.com/parallax-news/parallax/internal/news"
)

// parseID reads a command's numeric ID argument; what names the argument
// in the error ("article ID", "feeds remove"), which wraps
// news.ErrInvalidInput so the command exits as for any bad input.
func parseID(what, arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", what, arg, news.ErrInvalidInput)
	}
	return id, nil
}
