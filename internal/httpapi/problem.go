package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/parallax-news/parallax/internal/news"
)

// statuses is the one table from error kind to HTTP status; internal/app
// has the matching table for CLI exit codes.
var statuses = []struct {
	err    error
	status int
}{
	{news.ErrNotFound, http.StatusNotFound},
	{news.ErrInvalidInput, http.StatusBadRequest},
	{news.ErrConflict, http.StatusConflict},
	{news.ErrUnauthorized, http.StatusUnauthorized},
	{news.ErrTooLarge, http.StatusRequestEntityTooLarge},
	{news.ErrUnavailable, http.StatusServiceUnavailable},
}

// Status maps an error to its HTTP status: a sentinel from internal/news
// picks its row, a body over the size limit is 413, anything else 500.
func Status(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	for _, m := range statuses {
		if errors.Is(err, m.err) {
			return m.status
		}
	}
	return http.StatusInternalServerError
}

// Problem is an RFC 9457 problem details object.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
}

// Detail is what a client may read about err: the error text for client
// errors, nothing for server errors (their internals stay in the log).
func Detail(err error, status int) string {
	if status >= 500 {
		return ""
	}
	return err.Error()
}

// writeProblem writes err as application/problem+json.
func writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	status := Status(err)
	logError(r, err, status)
	p := Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: Detail(err, status), Instance: r.URL.Path}
	w.Header().Set("Content-Type", "application/problem+json")
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

// logError records server errors in full; client errors at debug level.
func logError(r *http.Request, err error, status int) {
	level := slog.LevelDebug
	if status >= 500 {
		level = slog.LevelError
	}
	slog.Log(context.WithoutCancel(r.Context()), level, "request failed", "method", r.Method, "path", r.URL.Path, "status", status, "error", err)
}
