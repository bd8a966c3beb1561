package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// fakeIngester stores pasted articles without reading them.
type fakeIngester struct{ st *sqlite.Store }

func (f fakeIngester) Ingest(ctx context.Context, in pipeline.Input) []pipeline.Outcome {
	out := pipeline.Outcome{Source: in.Source, Status: pipeline.Failed}
	docID, _, err := f.st.PutDocument(ctx, news.Document{SourceURI: in.Source, FetchedAt: in.FetchedAt, Raw: in.Raw})
	if err != nil {
		out.Err = err
		return []pipeline.Outcome{out}
	}
	var a news.Article
	switch {
	case in.Article != nil:
		a = *in.Article
	case bytes.IndexByte(in.Raw, 0) >= 0:
		out.Err = fmt.Errorf("%s: binary: %w", in.Source, news.ErrInvalidInput)
		return []pipeline.Outcome{out}
	default:
		a = news.Article{Source: in.Source, Text: string(in.Raw), Warnings: []string{}}
	}
	a.DocumentID = docID
	id, created, err := f.st.PutArticle(ctx, a)
	out.ArticleID, out.Err = id, err
	if err == nil {
		out.Status = pipeline.Unchanged
		if created {
			out.Status = pipeline.Ingested
		}
	}
	return []pipeline.Outcome{out}
}

// newServer returns an API over a store holding one story of two articles.
func newServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var ids []int64
	for i, text := range []string{"Shoigu arrived in Kabul on Monday, officials said.", "Russia's Shoigu visited Kabul on Tuesday."} {
		doc, _, err := st.PutDocument(ctx, news.Document{SourceURI: "test", FetchedAt: time.Now(), Raw: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		pub := news.Timestamp{Time: time.Date(2024, 11, 25+i, 0, 0, 0, 0, time.UTC), DateOnly: true}
		id, _, err := st.PutArticle(ctx, news.Article{DocumentID: doc, Source: "test", Title: news.Str("Visit " + text[:6]), Outlet: news.Str([]string{"A", "B"}[i]), PublishedAt: &pub, Text: text, Warnings: []string{}})
		if err != nil {
			t.Fatal(err)
		}
		ann := news.Annotations{Entities: []news.Entity{{ID: "per:sergei_shoigu", Name: "Shoigu", Type: news.PER, Mentions: []news.Mention{{Start: strings.Index(text, "Shoigu"), End: strings.Index(text, "Shoigu") + 6, Text: "Shoigu"}}}}}
		if err := st.PutAnnotations(ctx, id, ann); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if _, err := st.PutStory(ctx, news.Story{Title: "Shoigu in Kabul", FirstSeen: time.Now(), LastSeen: time.Now(), ArticleIDs: ids, Sources: 2}); err != nil {
		t.Fatal(err)
	}
	cfg := httpapi.Config{Token: token, MaxBodyBytes: 4096}
	svc := &httpapi.Service{Store: st, Ingest: fakeIngester{st}}
	srv := httptest.NewServer(httpapi.NewHandler(cfg, httpapi.NewAPI(cfg, svc).Routes()))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, method, url, token, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestStatusTable(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{news.ErrNotFound, 404}, {news.ErrInvalidInput, 400}, {news.ErrConflict, 409},
		{news.ErrUnauthorized, 401}, {news.ErrTooLarge, 413}, {news.ErrUnavailable, 503},
		{io.ErrUnexpectedEOF, 500}, {&http.MaxBytesError{Limit: 1}, 413},
	}
	for _, tt := range tests {
		if got := httpapi.Status(tt.err); got != tt.want {
			t.Errorf("Status(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestProblems(t *testing.T) {
	srv := newServer(t, "secret")
	tests := []struct {
		name, method, path, token, body string
		want                            int
	}{
		{"missing story", "GET", "/api/v1/stories/999", "", "", 404},
		{"bad id", "GET", "/api/v1/articles/x", "", "", 400},
		{"bad limit", "GET", "/api/v1/articles?limit=0", "", "", 400},
		{"bad date", "GET", "/api/v1/search?q=kabul&from=yesterday", "", "", 400},
		{"unknown route", "GET", "/api/v1/nothing", "", "", 404},
		{"write without token", "POST", "/api/v1/ingest", "", `{"text":"x"}`, 401},
		{"write with wrong token", "POST", "/api/v1/ingest", "nope", `{"text":"x"}`, 401},
		{"unknown field", "POST", "/api/v1/ingest", "secret", `{"txt":"x"}`, 400},
		{"empty ingest", "POST", "/api/v1/ingest", "secret", `{}`, 400},
		{"too large", "POST", "/api/v1/ingest", "secret", `{"text":"` + strings.Repeat("a", 5000) + `"}`, 413},
		{"bad feed url", "POST", "/api/v1/feeds", "secret", `{"url":"javascript:alert(1)"}`, 400},
		{"delete missing feed", "DELETE", "/api/v1/feeds/42", "secret", "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, srv.URL+tt.path, tt.token, tt.body)
			if resp.StatusCode != tt.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.want, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("content type %q", ct)
			}
			var p httpapi.Problem
			if err := json.Unmarshal(body, &p); err != nil || p.Status != tt.want || p.Title == "" {
				t.Fatalf("problem %s: %v", body, err)
			}
		})
	}
}

func TestIngestFeedsAndSearch(t *testing.T) {
	srv := newServer(t, "secret")
	resp, body := do(t, "POST", srv.URL+"/api/v1/ingest", "secret", `{"text":"Pasted report about Kabul.","title":"Pasted","outlet":"C","published_at":"2024-11-28"}`)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("ingest: %d %s", resp.StatusCode, body)
	}
	var res httpapi.IngestResult
	if err := json.Unmarshal(body, &res); err != nil || res.ArticleID == 0 {
		t.Fatalf("ingest result %s", body)
	}
	resp, body = do(t, "GET", srv.URL+"/api/v1/search?q=kabul&outlet=C", "", "")
	var page struct {
		Items []news.Article `json:"items"`
	}
	if err := json.Unmarshal(body, &page); err != nil || resp.StatusCode != 200 || len(page.Items) != 1 || page.Items[0].ID != res.ArticleID {
		t.Fatalf("search: %d %s", resp.StatusCode, body)
	}
	resp, body = do(t, "POST", srv.URL+"/api/v1/feeds", "secret", `{"url":"https://example.com/feed.xml"}`)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("add feed: %d %s", resp.StatusCode, body)
	}
	if resp, body = do(t, "POST", srv.URL+"/api/v1/feeds", "secret", `{"url":"https://example.com/feed.xml"}`); resp.StatusCode != http.StatusConflict {
		t.Fatalf("duplicate feed: %d %s", resp.StatusCode, body)
	}
	var f news.Feed
	resp, body = do(t, "POST", srv.URL+"/api/v1/feeds/1/pause", "secret", "")
	if err := json.Unmarshal(body, &f); err != nil || !f.Paused {
		t.Fatalf("pause: %d %s", resp.StatusCode, body)
	}
	if resp, body = do(t, "DELETE", srv.URL+"/api/v1/feeds/1", "secret", ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %d %s", resp.StatusCode, body)
	}
}

func TestPagination(t *testing.T) {
	srv := newServer(t, "")
	seen := map[int64]bool{}
	next := ""
	for pages := 0; ; pages++ {
		_, body := do(t, "GET", srv.URL+"/api/v1/articles?limit=1&cursor="+next, "", "")
		var page struct {
			Items []news.Article `json:"items"`
			Next  string         `json:"next"`
		}
		if err := json.Unmarshal(body, &page); err != nil || len(page.Items) > 1 || pages > 3 {
			t.Fatalf("page %d: %s", pages, body)
		}
		for _, a := range page.Items {
			if seen[a.ID] {
				t.Fatalf("article %d repeated", a.ID)
			}
			seen[a.ID] = true
		}
		if next = page.Next; next == "" {
			break
		}
	}
	if len(seen) != 2 {
		t.Fatalf("saw %d articles, want 2", len(seen))
	}
}

func TestSecurityHeadersAndMetrics(t *testing.T) {
	srv := newServer(t, "")
	resp, _ := do(t, "GET", srv.URL+"/api/v1/stories", "", "")
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q", h, got)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	_, body := do(t, "GET", srv.URL+"/metrics", "", "")
	if !strings.Contains(string(body), `parallax_http_requests_total{method="GET",route="/api/v1/stories",status="200"} 1`) {
		t.Errorf("metrics lack the stories request:\n%.2000s", body)
	}
}
