package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Prefix is the path of the JSON API.
const Prefix = "/api/v1"

// maxLimit caps the page size a client may ask for.
const maxLimit = 200

// API is the JSON API over a Service.
type API struct {
	svc *Service
	cfg Config
}

// NewAPI returns the JSON API.
func NewAPI(cfg Config, svc *Service) *API { return &API{svc: svc, cfg: cfg.withDefaults()} }

// Routes is the API's route table; the OpenAPI document lists the same
// routes (a test keeps them in step).
func (a *API) Routes() []Route {
	get := func(p string, h HandlerFunc) Route {
		return Route{Method: http.MethodGet, Pattern: Prefix + p, Handle: h}
	}
	write := func(m, p string, h HandlerFunc) Route {
		return Route{Method: m, Pattern: Prefix + p, Handle: a.authorized(h)}
	}
	return []Route{
		get("/openapi.json", serveOpenAPI),
		get("/articles", a.listArticles),
		get("/articles/{id}", a.getArticle),
		get("/stories", a.listStories),
		get("/stories/{id}", a.getStory),
		get("/entities/{id}", a.getEntity),
		get("/search", a.search),
		get("/export/{table}", a.exportTable),
		get("/feeds", a.listFeeds),
		write(http.MethodPost, "/feeds", a.addFeed),
		write(http.MethodDelete, "/feeds/{id}", a.deleteFeed),
		write(http.MethodPost, "/feeds/{id}/pause", a.pauseFeed(true)),
		write(http.MethodPost, "/feeds/{id}/resume", a.pauseFeed(false)),
		write(http.MethodPost, "/ingest", a.ingest),
		write(http.MethodPost, "/upload", a.upload),
		{Method: "", Pattern: Prefix + "/", Handle: notFound},
	}
}

func notFound(_ http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("no route %s %s: %w", r.Method, r.URL.Path, news.ErrNotFound)
}

// authorized requires the bearer token on write endpoints.
func (a *API) authorized(h HandlerFunc) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := a.cfg.CheckToken(bearer(r)); err != nil {
			return err
		}
		return h(w, r)
	}
}

// Page is a list response with the cursor of the next page ("" at the end).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

func page[T any](items []T, next string) Page[T] {
	if items == nil {
		items = []T{}
	}
	return Page[T]{Items: items, Next: next}
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// PathID parses the {id} path value.
func PathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("id %q: %w", r.PathValue("id"), news.ErrInvalidInput)
	}
	return id, nil
}

// Limit parses the limit query parameter (default 0: the store's default).
func Limit(r *http.Request) (int, error) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, fmt.Errorf("limit %q: want 1..%d: %w", s, maxLimit, news.ErrInvalidInput)
	}
	return n, nil
}

// TimeParam parses a date (2006-01-02) or RFC 3339 query parameter.
func TimeParam(r *http.Request, name string) (time.Time, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	ts, err := news.ParseTimestamp(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", name, err)
	}
	return ts.Time, nil
}

// SearchQuery reads q, outlet, entity, from, to, limit and cursor.
func SearchQuery(r *http.Request) (store.SearchQuery, error) {
	q := r.URL.Query()
	sq := store.SearchQuery{Text: strings.TrimSpace(q.Get("q")), Outlet: q.Get("outlet"), EntityID: q.Get("entity"), Cursor: q.Get("cursor")}
	var err error
	if sq.Limit, err = Limit(r); err != nil {
		return sq, err
	}
	if sq.From, err = TimeParam(r, "from"); err != nil {
		return sq, err
	}
	sq.To, err = TimeParam(r, "to")
	return sq, err
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request) error {
	q := store.ArticleQuery{Outlet: r.URL.Query().Get("outlet"), Cursor: r.URL.Query().Get("cursor")}
	var err error
	if q.Limit, err = Limit(r); err != nil {
		return err
	}
	if q.From, err = TimeParam(r, "from"); err != nil {
		return err
	}
	if q.To, err = TimeParam(r, "to"); err != nil {
		return err
	}
	list, next, err := a.svc.Store.Articles(r.Context(), q)
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	return writeJSON(w, http.StatusOK, page(list, next))
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := PathID(r)
	if err != nil {
		return err
	}
	d, err := a.svc.Article(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (a *API) listStories(w http.ResponseWriter, r *http.Request) error {
	q := store.StoryQuery{Cursor: r.URL.Query().Get("cursor")}
	var err error
	if q.Limit, err = Limit(r); err != nil {
		return err
	}
	list, next, err := a.svc.Stories(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page(list, next))
}

func (a *API) getStory(w http.ResponseWriter, r *http.Request) error {
	id, err := PathID(r)
	if err != nil {
		return err
	}
	d, err := a.svc.Story(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (a *API) getEntity(w http.ResponseWriter, r *http.Request) error {
	limit, err := Limit(r)
	if err != nil {
		return err
	}
	d, err := a.svc.Entity(r.Context(), r.PathValue("id"), limit)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (a *API) search(w http.ResponseWriter, r *http.Request) error {
	q, err := SearchQuery(r)
	if err != nil {
		return err
	}
	list, next, err := a.svc.Search(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page(list, next))
}

func (a *API) listFeeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := a.svc.Store.Feeds(r.Context())
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	return writeJSON(w, http.StatusOK, page(feeds, ""))
}

// decode reads a JSON body into v, rejecting unknown fields and trailing data.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return fmt.Errorf("request body: %w", news.ErrTooLarge)
		}
		return fmt.Errorf("request body: %v: %w", err, news.ErrInvalidInput)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("request body: trailing data: %w", news.ErrInvalidInput)
	}
	return nil
}

func (a *API) addFeed(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		URL string `json:"url"`
	}
	if err := decode(r, &body); err != nil {
		return err
	}
	f, err := a.svc.AddFeed(r.Context(), body.URL)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/feeds/%d", Prefix, f.ID))
	return writeJSON(w, http.StatusCreated, f)
}

func (a *API) deleteFeed(w http.ResponseWriter, r *http.Request) error {
	id, err := PathID(r)
	if err != nil {
		return err
	}
	if err := a.svc.Store.DeleteFeed(r.Context(), id); err != nil {
		return fmt.Errorf("delete feed %d: %w", id, err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) pauseFeed(paused bool) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := PathID(r)
		if err != nil {
			return err
		}
		f, err := a.svc.SetFeedPaused(r.Context(), id, paused)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, f)
	}
}

func (a *API) ingest(w http.ResponseWriter, r *http.Request) error {
	var req IngestRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	res, err := a.svc.IngestInput(r.Context(), req)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if res.Status != "ingested" {
		status = http.StatusOK
	}
	w.Header().Set("Location", fmt.Sprintf("%s/articles/%d", Prefix, res.ArticleID))
	return writeJSON(w, status, res)
}

// UploadResult lists what became of each file of an upload; Error is set
// when the upload broke off (corrupt, over the limits) after the files
// listed.
type UploadResult struct {
	Items []UploadOutcome `json:"items"`
	Error string          `json:"error,omitempty"`
}

// upload ingests the request body as a file named by the name parameter:
// a page, a text, JSON Lines, or a compressed file or archive of them.
func (a *API) upload(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		return fmt.Errorf("upload: the name parameter (the file's name, e.g. pages.zip) is required: %w", news.ErrInvalidInput)
	}
	items, err := a.svc.IngestUpload(r.Context(), name, r.Body)
	if err != nil && len(items) == 0 {
		return err
	}
	res := UploadResult{Items: items}
	if err != nil {
		res.Error = Detail(err, Status(err))
	}
	return writeJSON(w, http.StatusOK, res)
}
