package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/ingest/feed"
	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/story/cluster"
	"github.com/parallax-news/parallax/internal/web"
)

// testFeedProber fetches feeds with a plain client: test feeds live on
// loopback, which the production fetcher refuses.
type testFeedProber struct{}

func (testFeedProber) ProbeFeed(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	f, err := feed.Parse(body, url)
	if err != nil {
		return "", err
	}
	return f.Title, nil
}

// demoServer is the UI and API over a SQLite store loaded with the demo
// corpus through the real pipeline; built once per test binary.
type demoServer struct {
	URL   string
	Svc   *httpapi.Service
	close func()
}

var (
	demoOnce sync.Once
	demoSrv  *demoServer
	demoErr  error
	demoDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

func startDemo(t *testing.T, token string) *demoServer {
	t.Helper()
	if token != "" {
		return newDemoServer(t, token)
	}
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "parallax-web-test")
		if demoErr == nil {
			demoSrv, demoErr = buildDemo(demoDir, "")
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoSrv
}

func newDemoServer(t *testing.T, token string) *demoServer {
	s, err := buildDemo(t.TempDir(), token)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	return s
}

// buildDemo serves a store in dir; without a token it loads the demo
// corpus first (the token variant only tests the write guards).
func buildDemo(dir, token string) (*demoServer, error) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("demo-%t.db", token != "")))
	if err != nil {
		return nil, err
	}
	r, err := reader.New()
	if err != nil {
		return nil, err
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.Config{})
	if err != nil {
		return nil, err
	}
	p := &pipeline.Pipeline{Store: st, Extract: pipeline.Formats{}, Reader: r, Assigner: stories}
	files, err := demo.Files()
	if err != nil {
		return nil, err
	}
	if token == "" {
		for _, f := range files {
			for _, out := range p.Ingest(ctx, pipeline.Input{Source: f.Name, Raw: f.Raw}) {
				if out.Err != nil {
					return nil, out.Err
				}
			}
		}
	}
	svc := &httpapi.Service{Store: st, Ingest: p, Feeds: testFeedProber{}}
	cfg := httpapi.Config{Token: token}
	ui, err := web.New(cfg, svc)
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(httpapi.NewHandler(cfg, httpapi.NewAPI(cfg, svc).Routes(), ui.Routes()))
	return &demoServer{URL: srv.URL, Svc: svc, close: func() { srv.Close(); st.Close() }}, nil
}
