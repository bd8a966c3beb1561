package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// APIConfig sets up `parallax bench api`: a store of synthetic stories made
// from the demo corpus, the real JSON API and HTML UI on loopback, and
// concurrent clients for a bounded time.
type APIConfig struct {
	Stories  int           // synthetic stories to store (default 10,000)
	Clients  int           // concurrent clients (default 20)
	Duration time.Duration // load time (default 20 s)
	// MaxRequests bounds the requests of the whole run (default 2,000,000)
	// so that the load stops by itself even on a very fast machine.
	MaxRequests int
	Seed        uint64
	// Open opens a fresh store at path; internal/app supplies the backend.
	Open func(ctx context.Context, path string) (store.Store, error)
	// Pipeline reads the demo corpus into st (the real extract, read and
	// cluster stages); its stories are the templates the copies vary.
	Pipeline func(ctx context.Context, st store.Store) (*pipeline.Pipeline, error)
}

func (c APIConfig) withDefaults() APIConfig {
	if c.Stories <= 0 {
		c.Stories = 10_000
	}
	if c.Clients <= 0 {
		c.Clients = 20
	}
	if c.Duration <= 0 {
		c.Duration = 20 * time.Second
	}
	if c.MaxRequests <= 0 {
		c.MaxRequests = 2_000_000
	}
	return c
}

// EndpointStats is the load result of one endpoint.
type EndpointStats struct {
	Path              string  `json:"path"`
	Requests          int     `json:"requests"`
	Errors            int     `json:"errors"`
	RequestsPerSecond float64 `json:"requests_per_second"`
	P50Millis         float64 `json:"p50_ms"`
	P90Millis         float64 `json:"p90_ms"`
	P99Millis         float64 `json:"p99_ms"`
	MeanBytes         int     `json:"mean_bytes"`
}

// APIReport is what `parallax bench api` prints.
type APIReport struct {
	Stories           int                      `json:"stories"`
	Articles          int                      `json:"articles"`
	LoadSeconds       float64                  `json:"load_seconds"`
	DatabaseMB        float64                  `json:"database_mb"`
	Clients           int                      `json:"clients"`
	Seconds           float64                  `json:"seconds"`
	Requests          int                      `json:"requests"`
	RequestsPerSecond float64                  `json:"requests_per_second"`
	Endpoints         map[string]EndpointStats `json:"endpoints"`
}

// API builds the store, serves it on loopback and measures it under load.
func API(ctx context.Context, cfg APIConfig) (APIReport, error) {
	cfg = cfg.withDefaults()
	if cfg.Open == nil || cfg.Pipeline == nil {
		return APIReport{}, fmt.Errorf("bench api: Open and Pipeline are required: %w", news.ErrInvalidInput)
	}
	dir, err := os.MkdirTemp("", "parallax-bench-api")
	if err != nil {
		return APIReport{}, fmt.Errorf("bench api: %w", err)
	}
	defer os.RemoveAll(dir)
	dbPath := filepath.Join(dir, "bench.db")
	st, err := cfg.Open(ctx, dbPath)
	if err != nil {
		return APIReport{}, fmt.Errorf("bench api: open store: %w", err)
	}
	defer st.Close()

	start := time.Now()
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	storyIDs, err := fillStories(ctx, st, cfg, rng)
	if err != nil {
		return APIReport{}, fmt.Errorf("bench api: %w", err)
	}
	rep := APIReport{Stories: len(storyIDs), Clients: cfg.Clients, LoadSeconds: time.Since(start).Seconds()}
	if rep.Articles, err = st.CountArticles(ctx); err != nil {
		return rep, fmt.Errorf("bench api: %w", err)
	}
	rep.DatabaseMB = dirMB(dir)

	svc := &httpapi.Service{Store: st}
	ui, err := web.New(httpapi.Config{}, svc)
	if err != nil {
		return rep, fmt.Errorf("bench api: %w", err)
	}
	handler := httpapi.NewHandler(httpapi.Config{}, httpapi.NewAPI(httpapi.Config{}, svc).Routes(), ui.Routes())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return rep, fmt.Errorf("bench api: listen: %w", err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }() // ErrServerClosed after the Shutdown below
	defer srv.Shutdown(context.Background())

	load := apiLoad{base: "http://" + ln.Addr().String(), stories: storyIDs, words: searchWords, cfg: cfg}
	err = load.run(ctx, &rep)
	return rep, err
}

// searchWords are queries a reader of the demo corpus would type; each
// matches a share of the stored texts, as real queries do.
var searchWords = []string{"Shoigu", "Kabul security", "Christie", "Taliban", "immigration", "Russia", "governor", "Obama", "Afghanistan cooperation", "election"}

// storyTemplate is one demo story: its articles with their annotations.
type storyTemplate struct {
	story    news.Story
	articles []news.Article
	ann      []news.Annotations
}

// fillStories reads the demo corpus through the pipeline, then stores
// cfg.Stories stories copied from its stories: the same texts and
// annotations (so comparisons and highlights are real) under varied
// titles and dates. It returns the story IDs.
func fillStories(ctx context.Context, st store.Store, cfg APIConfig, rng *rand.Rand) ([]int64, error) {
	templates, err := demoTemplates(ctx, st, cfg)
	if err != nil {
		return nil, err
	}
	day0 := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	ids := make([]int64, 0, cfg.Stories)
	for _, tpl := range templates {
		ids = append(ids, tpl.story.ID)
	}
	for n := len(ids); n < cfg.Stories; n++ {
		tpl := templates[rng.IntN(len(templates))]
		at := day0.Add(time.Duration(rng.IntN(365*24*60)) * time.Minute)
		story := news.Story{Title: variedTitle(tpl.story.Title, n, rng), EventDate: at.Format(time.DateOnly),
			FirstSeen: at, Sources: tpl.story.Sources}
		for k, a := range tpl.articles {
			published := at.Add(time.Duration(rng.IntN(36*60)) * time.Minute)
			doc := news.Document{SourceURI: fmt.Sprintf("bench://story/%d/%d", n, k), FetchedAt: published.Add(time.Minute),
				ContentType: "text/plain", Raw: []byte(fmt.Sprintf("bench copy %d.%d\n%s", n, k, a.Text))}
			docID, _, err := st.PutDocument(ctx, doc)
			if err != nil {
				return nil, err
			}
			a.ID, a.DocumentID = 0, docID
			a.Title = news.Str(variedTitle(news.Deref(a.Title), n, rng))
			a.PublishedAt = &news.Timestamp{Time: published}
			id, _, err := st.PutArticle(ctx, a)
			if err != nil {
				return nil, err
			}
			if err := st.PutAnnotations(ctx, id, tpl.ann[k]); err != nil {
				return nil, err
			}
			story.ArticleIDs = append(story.ArticleIDs, id)
			if published.After(story.LastSeen) {
				story.LastSeen = published
			}
		}
		id, err := st.PutStory(ctx, story)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// demoTemplates ingests the demo corpus and returns its stories.
func demoTemplates(ctx context.Context, st store.Store, cfg APIConfig) ([]storyTemplate, error) {
	p, err := cfg.Pipeline(ctx, st)
	if err != nil {
		return nil, err
	}
	files, err := demo.Files()
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		for _, out := range p.Ingest(ctx, pipeline.Input{Source: f.Name, Raw: f.Raw}) {
			if out.Err != nil {
				return nil, fmt.Errorf("demo %s: %w", f.Name, out.Err)
			}
		}
	}
	stories, _, err := st.Stories(ctx, store.StoryQuery{Limit: 200})
	if err != nil {
		return nil, err
	}
	var templates []storyTemplate
	for _, s := range stories {
		tpl := storyTemplate{story: s}
		for _, id := range s.ArticleIDs {
			a, err := st.Article(ctx, id)
			if err != nil {
				return nil, err
			}
			ann, err := st.Annotations(ctx, id)
			if err != nil && !errors.Is(err, news.ErrNotFound) {
				return nil, err
			}
			tpl.articles, tpl.ann = append(tpl.articles, a), append(tpl.ann, ann)
		}
		templates = append(templates, tpl)
	}
	if len(templates) == 0 {
		return nil, fmt.Errorf("demo corpus made no story: %w", news.ErrNotFound)
	}
	return templates, nil
}

var titleAngles = []string{"", "Live: ", "Analysis: ", "Update: ", "Explainer: ", "Opinion: ", "Breaking: "}

// variedTitle keeps the words of a real title (so search still finds it)
// and makes each copy distinct.
func variedTitle(title string, n int, rng *rand.Rand) string {
	if title == "" {
		title = "Untitled"
	}
	return titleAngles[rng.IntN(len(titleAngles))] + title + " (" + strconv.Itoa(n) + ")"
}

func dirMB(dir string) float64 {
	var total int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			total += info.Size()
		}
	}
	return float64(total) / (1 << 20)
}

// apiLoad runs the clients against one server.
type apiLoad struct {
	base    string
	stories []int64
	words   []string
	cfg     APIConfig
}

// endpoint is one kind of request the clients send.
type endpoint struct {
	name, path string
	url        func(rng *rand.Rand) string
}

func (l *apiLoad) endpoints() []endpoint {
	story := func(rng *rand.Rand) string { return strconv.FormatInt(l.stories[rng.IntN(len(l.stories))], 10) }
	return []endpoint{
		{"story_list_html", "/", func(*rand.Rand) string { return l.base + "/" }},
		{"story_list_json", "/api/v1/stories", func(*rand.Rand) string { return l.base + "/api/v1/stories" }},
		{"story_html", "/stories/{id}", func(rng *rand.Rand) string { return l.base + "/stories/" + story(rng) }},
		{"story_json", "/api/v1/stories/{id}", func(rng *rand.Rand) string { return l.base + "/api/v1/stories/" + story(rng) }},
		{"search_json", "/api/v1/search?q=WORDS", func(rng *rand.Rand) string {
			return l.base + "/api/v1/search?q=" + urlQuery(l.words[rng.IntN(len(l.words))])
		}},
	}
}

func urlQuery(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == ' ' {
			b[i] = '+'
		}
	}
	return string(b)
}

// sample is one finished request.
type sample struct {
	endpoint int
	latency  time.Duration
	bytes    int
	failed   bool
}

// run sends requests from cfg.Clients goroutines, each cycling through the
// endpoints from a random start, until the duration or the request cap is
// reached, and fills the report.
func (l *apiLoad) run(ctx context.Context, rep *APIReport) error {
	eps := l.endpoints()
	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: l.cfg.Clients, DisableCompression: true},
	}
	defer client.CloseIdleConnections()
	// Requests in flight at the deadline finish: cutting them off would
	// measure aborted responses.
	deadline := time.Now().Add(l.cfg.Duration)
	var (
		mu      sync.Mutex
		all     []sample
		wg      sync.WaitGroup
		sent    atomic.Int64
		started = time.Now()
	)
	for c := range l.cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(l.cfg.Seed+uint64(c)+1, uint64(c)))
			var mine []sample
			for i := rng.IntN(len(eps)); ; i++ {
				if sent.Add(1) > int64(l.cfg.MaxRequests) || ctx.Err() != nil || time.Now().After(deadline) {
					break
				}
				k := i % len(eps)
				s := get(ctx, client, eps[k].url(rng))
				s.endpoint = k
				mine = append(mine, s)
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(started).Seconds()
	rep.Seconds, rep.Requests = elapsed, len(all)
	rep.RequestsPerSecond = float64(len(all)) / elapsed
	rep.Endpoints = map[string]EndpointStats{}
	for k, ep := range eps {
		var lat []time.Duration
		stats := EndpointStats{Path: ep.path}
		var bytes int
		for _, s := range all {
			if s.endpoint != k {
				continue
			}
			stats.Requests++
			bytes += s.bytes
			if s.failed {
				stats.Errors++
			}
			lat = append(lat, s.latency)
		}
		slices.Sort(lat)
		stats.RequestsPerSecond = float64(stats.Requests) / elapsed
		stats.P50Millis, stats.P90Millis, stats.P99Millis = quantileMillis(lat, 0.50), quantileMillis(lat, 0.90), quantileMillis(lat, 0.99)
		if stats.Requests > 0 {
			stats.MeanBytes = bytes / stats.Requests
		}
		rep.Endpoints[ep.name] = stats
	}
	return nil
}

// get sends one request and reads the whole body; a non-200 answer is a
// failed sample.
func get(ctx context.Context, client *http.Client, url string) sample {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return sample{failed: true}
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return sample{latency: time.Since(start), failed: true}
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return sample{latency: time.Since(start), bytes: int(n), failed: err != nil || resp.StatusCode != http.StatusOK}
}

func quantileMillis(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q * float64(len(sorted)-1))
	return float64(sorted[i].Microseconds()) / 1000
}
