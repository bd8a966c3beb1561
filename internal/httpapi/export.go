package httpapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// exportTable streams one export table: GET /export/{table}?format=jsonl|csv
// with the outlet, from and to filters of the article list. An error before
// the first row is a problem response; one after it cuts the body short
// (the client sees a truncated download, the server logs why).
func (a *API) exportTable(w http.ResponseWriter, r *http.Request) error {
	table, err := export.Lookup(r.PathValue("table"))
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = export.FormatJSONL
	}
	var f export.Filter
	f.Outlet = r.URL.Query().Get("outlet")
	if f.From, err = TimeParam(r, "from"); err != nil {
		return err
	}
	if f.To, err = TimeParam(r, "to"); err != nil {
		return err
	}
	body := &firstWrite{ResponseWriter: w, before: func(h http.Header) {
		h.Set("Content-Type", export.ContentType(format))
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"parallax-%s.%s\"", table.Name, format))
	}}
	tw, err := export.NewWriter(format, body)
	if err != nil {
		return err
	}
	return export.Write(r.Context(), serviceSource{a.svc.Store, a.svc}, table, f, tw)
}

// firstWrite sets the download's headers when its first byte is written,
// so that an error before then is answered as a plain problem.
type firstWrite struct {
	http.ResponseWriter
	before  func(http.Header)
	started bool
}

func (f *firstWrite) Write(b []byte) (int, error) {
	if !f.started {
		f.started = true
		f.before(f.Header())
	}
	return f.ResponseWriter.Write(b)
}

// serviceSource reads exports from the service's store and its (cached)
// story comparisons.
type serviceSource struct {
	store.Store
	svc *Service
}

func (s serviceSource) Comparison(ctx context.Context, storyID int64) (compare.Comparison, error) {
	d, err := s.svc.Story(ctx, storyID)
	if err != nil {
		return compare.Comparison{}, err
	}
	return d.Comparison, nil
}
