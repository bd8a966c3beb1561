package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// UI serves the HTML pages over a Service.
type UI struct {
	svc   *httpapi.Service
	cfg   httpapi.Config
	pages map[string]*template.Template
}

// New parses the templates and returns the UI.
func New(cfg httpapi.Config, svc *httpapi.Service) (*UI, error) {
	funcs := template.FuncMap{
		"deref":     news.Deref,
		"day":       day,
		"join":      strings.Join,
		"inc":       func(i int) int { return i + 1 },
		"anchor":    func(kind string, i, k int) string { return anchor(kind, i, k) },
		"valueText": valueText,
		"attribute": attributeWords,
		"relation":  relationWords,
		"excerpt":   excerpt,
	}
	ui := &UI{svc: svc, cfg: cfg, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		ui.pages[base] = t
	}
	return ui, nil
}

// Routes is the UI's route table.
func (ui *UI) Routes() []Route {
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	return []Route{
		ui.get("/{$}", ui.stories),
		ui.get("/stories/{id}", ui.story),
		ui.get("/articles/{id}", ui.article),
		ui.get("/entities/{id}", ui.entity),
		ui.get("/search", ui.search),
		ui.get("/feeds", ui.feeds),
		ui.post("/feeds", ui.addFeed),
		ui.post("/feeds/{id}/delete", ui.deleteFeed),
		ui.post("/feeds/{id}/pause", ui.pauseFeed(true)),
		ui.post("/feeds/{id}/resume", ui.pauseFeed(false)),
		ui.get("/add", ui.addForm),
		ui.post("/add", ui.add),
		ui.postFiles("/upload", ui.upload),
		{Method: http.MethodGet, Pattern: "/static/", Handle: func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Cache-Control", "public, max-age=3600")
			files.ServeHTTP(w, r)
			return nil
		}},
	}
}

// Route is httpapi's route type; the UI's routes share the API's middleware.
type Route = httpapi.Route

func (ui *UI) get(p string, h httpapi.HandlerFunc) Route {
	return Route{Method: http.MethodGet, Pattern: p, Handle: h, OnError: ui.writeError}
}

// post guards form handlers with the CSRF checks and, when the server has
// a token, the token field of the form.
func (ui *UI) post(p string, h httpapi.HandlerFunc) Route {
	return Route{Method: http.MethodPost, Pattern: p, OnError: ui.writeError, Handle: func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return formError(err)
		}
		if err := checkForm(r); err != nil {
			return err
		}
		if err := ui.cfg.CheckToken(r.PostFormValue("token")); err != nil {
			return err
		}
		return h(w, r)
	}}
}

// postFiles is post for multipart forms that carry files: the form is
// parsed as multipart (parts beyond 8 MiB spill to temporary files, the
// body stays capped by the server) before the same checks.
func (ui *UI) postFiles(p string, h httpapi.HandlerFunc) Route {
	return Route{Method: http.MethodPost, Pattern: p, OnError: ui.writeError, Handle: func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return formError(err)
		}
		defer r.MultipartForm.RemoveAll()
		if err := checkForm(r); err != nil {
			return err
		}
		if err := ui.cfg.CheckToken(r.PostFormValue("token")); err != nil {
			return err
		}
		return h(w, r)
	}}
}

func formError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return fmt.Errorf("form: %w", news.ErrTooLarge)
	}
	return fmt.Errorf("form: %v: %w", err, news.ErrInvalidInput)
}

// page is what every template gets besides its own data.
type page struct {
	Title     string
	CSRF      string
	NeedToken bool
	Query     string
	Data      any
}

func (ui *UI) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) error {
	p := page{Title: title, CSRF: csrfToken(w, r), NeedToken: ui.cfg.Token != "", Query: r.URL.Query().Get("q"), Data: data}
	var buf bytes.Buffer
	if err := ui.pages[name].Execute(&buf, p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// writeError renders an error page with the status from httpapi's table.
func (ui *UI) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := httpapi.Status(err)
	if status >= 500 {
		slog.Error("page failed", "path", r.URL.Path, "status", status, "error", err)
	}
	data := struct {
		Status int
		Text   string
		Detail string
	}{status, http.StatusText(status), httpapi.Detail(err, status)}
	if rerr := ui.render(w, r, status, "error", http.StatusText(status), data); rerr != nil {
		http.Error(w, http.StatusText(status), status)
	}
}

func day(v any) string {
	switch t := v.(type) {
	case *news.Timestamp:
		if t != nil {
			return t.Day()
		}
	case *time.Time:
		if t != nil {
			return t.Format(time.DateOnly)
		}
	case time.Time:
		return t.Format(time.DateOnly)
	}
	return ""
}

func seeOther(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

func (ui *UI) stories(w http.ResponseWriter, r *http.Request) error {
	q := store.StoryQuery{Cursor: r.URL.Query().Get("cursor"), Limit: 50}
	list, next, err := ui.svc.Stories(r.Context(), q)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "stories", "Stories", map[string]any{"Stories": list, "Next": next})
}

func (ui *UI) feeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := ui.svc.Store.Feeds(r.Context())
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	return ui.render(w, r, http.StatusOK, "feeds", "Feeds", feeds)
}

func (ui *UI) addFeed(w http.ResponseWriter, r *http.Request) error {
	if _, err := ui.svc.AddFeed(r.Context(), r.PostFormValue("url")); err != nil {
		return err
	}
	return seeOther(w, r, "/feeds")
}

func (ui *UI) deleteFeed(w http.ResponseWriter, r *http.Request) error {
	id, err := httpapi.PathID(r)
	if err != nil {
		return err
	}
	if err := ui.svc.Store.DeleteFeed(r.Context(), id); err != nil {
		return fmt.Errorf("delete feed %d: %w", id, err)
	}
	return seeOther(w, r, "/feeds")
}

func (ui *UI) pauseFeed(paused bool) httpapi.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := httpapi.PathID(r)
		if err != nil {
			return err
		}
		if _, err := ui.svc.SetFeedPaused(r.Context(), id, paused); err != nil {
			return err
		}
		return seeOther(w, r, "/feeds")
	}
}

func (ui *UI) addForm(w http.ResponseWriter, r *http.Request) error {
	return ui.render(w, r, http.StatusOK, "add", "Add an article", nil)
}

// upload ingests the files of the upload form (pages, texts, JSON Lines,
// compressed files and archives) and lists what became of each.
func (ui *UI) upload(w http.ResponseWriter, r *http.Request) error {
	files := r.MultipartForm.File["files"]
	if len(files) == 0 {
		return fmt.Errorf("upload: choose at least one file: %w", news.ErrInvalidInput)
	}
	var items []httpapi.UploadOutcome
	var problems []string
	for _, fh := range files {
		f, err := fh.Open()
		if err != nil {
			return fmt.Errorf("upload %s: %w", fh.Filename, err)
		}
		outs, err := ui.svc.IngestUpload(r.Context(), fh.Filename, f)
		f.Close()
		items = append(items, outs...)
		if err != nil {
			if httpapi.Status(err) >= 500 {
				return err
			}
			problems = append(problems, err.Error())
		}
	}
	if len(items) == 1 && len(problems) == 0 && items[0].ArticleID != 0 {
		return seeOther(w, r, "/articles/"+strconv.FormatInt(items[0].ArticleID, 10))
	}
	return ui.render(w, r, http.StatusOK, "uploaded", "Uploaded", map[string]any{"Items": items, "Problems": problems})
}

func (ui *UI) add(w http.ResponseWriter, r *http.Request) error {
	req := httpapi.IngestRequest{
		URL: strings.TrimSpace(r.PostFormValue("url")), Text: r.PostFormValue("text"),
		Title: r.PostFormValue("title"), Outlet: r.PostFormValue("outlet"), PublishedAt: r.PostFormValue("published_at"),
	}
	res, err := ui.svc.IngestInput(r.Context(), req)
	if err != nil {
		return err
	}
	return seeOther(w, r, "/articles/"+strconv.FormatInt(res.ArticleID, 10))
}
