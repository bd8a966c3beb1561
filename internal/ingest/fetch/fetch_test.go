package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/parallax-news/parallax/internal/news"
)

// testConfig allows loopback servers and keeps politeness delays short.
func testConfig() Config {
	return Config{
		AllowPrivate:      true,
		PerHostInterval:   time.Millisecond,
		Timeout:           5 * time.Second,
		IdleTimeout:       time.Second,
		ThroughputGrace:   300 * time.Millisecond,
		MinBytesPerSecond: 1024,
		MaxBytes:          1 << 20,
	}
}

func get(t *testing.T, f *Fetcher, req Request) (*Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return f.Get(ctx, req)
}

func TestGetConditional(t *testing.T) {
	const etag = `"v1"`
	var sawUA atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		sawUA.Store(r.Header.Get("User-Agent"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Mon, 25 Nov 2024 10:00:00 GMT")
		w.Header().Set("Cache-Control", "public, max-age=300")
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<p>caf\xe9</p>"))
	}))
	defer srv.Close()
	f := New(testConfig())

	first, err := get(t, f, Request{URL: srv.URL + "/a?utm_source=x#frag"})
	if err != nil {
		t.Fatal(err)
	}
	if first.ETag != etag || first.CacheMaxAge != 5*time.Minute || first.NotModified {
		t.Errorf("first response = %+v", first)
	}
	if first.ContentType != "text/html" || first.Charset != "windows-1252" {
		t.Errorf("type %q charset %q", first.ContentType, first.Charset)
	}
	if got := string(first.UTF8()); got != "<p>café</p>" {
		t.Errorf("UTF8() = %q", got)
	}
	if strings.Contains(first.URL, "utm_source") {
		t.Errorf("final URL not canonical: %s", first.URL)
	}
	if ua, _ := sawUA.Load().(string); ua != DefaultUserAgent {
		t.Errorf("User-Agent = %q", ua)
	}

	second, err := get(t, f, Request{URL: srv.URL + "/a", ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Status != http.StatusNotModified || len(second.Body) != 0 {
		t.Errorf("second response = %+v", second)
	}
}

// endless streams zeros until the client goes away; it never buffers.
func endless(w http.ResponseWriter, r *http.Request) {
	chunk := make([]byte, 64<<10)
	for written := 0; written < 1<<30; written += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

func TestGetErrors(t *testing.T) {
	gzipBomb := func() []byte {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zero := make([]byte, 1<<20)
		for range 64 { // 64 MB of zeros in about 64 KB
			zw.Write(zero)
		}
		zw.Close()
		return buf.Bytes()
	}()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nAllow: /private/ok\n\nUser-agent: otherbot\nDisallow: /\n")
	})
	mux.HandleFunc("/huge", endless)
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name string
		path string
		want []error
	}{
		{"1 GB body stops at the cap", "/huge", []error{ErrTooLarge, news.ErrTooLarge}},
		{"gzip bomb stops at the decoded cap", "/bomb", []error{ErrTooLarge}},
		{"redirect loop", "/loop/a", []error{ErrRedirectLoop, news.ErrInvalidInput}},
		{"redirect chain", "/chain/0", []error{ErrTooManyRedirects}},
		{"trickling server", "/trickle", []error{ErrTooSlow, news.ErrUnavailable}},
		{"silent server", "/silent", []error{ErrTooSlow}},
		{"robots disallow", "/private/page", []error{ErrDisallowed, news.ErrInvalidInput}},
		{"gone", "/gone", []error{news.ErrNotFound}},
	}
	f := New(testConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := get(t, f, Request{URL: srv.URL + tt.path})
			if err == nil {
				t.Fatalf("got %d bytes, want error", len(resp.Body))
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("error %v is not %v", err, want)
				}
			}
		})
	}

	t.Run("robots allow overrides", func(t *testing.T) {
		if _, err := get(t, f, Request{URL: srv.URL + "/private/ok"}); errors.Is(err, ErrDisallowed) {
			t.Errorf("/private/ok refused: %v", err)
		}
	})
	t.Run("429 carries Retry-After", func(t *testing.T) {
		_, err := get(t, f, Request{URL: srv.URL + "/busy"})
		var retry *RetryError
		if !errors.As(err, &retry) || retry.After != 2*time.Minute || !errors.Is(err, news.ErrUnavailable) {
			t.Errorf("error = %v, want RetryError after 2m", err)
		}
	})
}

func TestGetRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	cfg := testConfig()
	cfg.AllowPrivate = false
	_, err := get(t, New(cfg), Request{URL: srv.URL + "/"})
	if !errors.Is(err, ErrBlockedAddress) || !errors.Is(err, news.ErrInvalidInput) {
		t.Errorf("error = %v, want ErrBlockedAddress", err)
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
}

func TestContentEncodings(t *testing.T) {
	const page = "<html><body>Hello, encodings</body></html>"
	encode := map[string]func() []byte{
		"gzip": func() []byte {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write([]byte(page))
			zw.Close()
			return b.Bytes()
		},
		"br": func() []byte {
			var b bytes.Buffer
			bw := brotli.NewWriter(&b)
			bw.Write([]byte(page))
			bw.Close()
			return b.Bytes()
		},
		"identity": func() []byte { return []byte(page) },
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		enc := strings.TrimPrefix(r.URL.Path, "/")
		if fn, ok := encode[enc]; ok {
			w.Header().Set("Content-Encoding", enc)
			w.Write(fn())
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	f := New(testConfig())
	for enc := range encode {
		t.Run(enc, func(t *testing.T) {
			resp, err := get(t, f, Request{URL: srv.URL + "/" + enc})
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != page {
				t.Errorf("body = %q", resp.Body)
			}
		})
	}
}

func TestPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.PerHostConcurrency = 2
	cfg.IgnoreRobots = true
	f := New(cfg)
	done := make(chan error)
	for i := range 6 {
		go func() {
			_, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
			done <- err
		}()
	}
	for range 6 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if peak.Load() > 2 {
		t.Errorf("peak concurrency %d > 2", peak.Load())
	}
}
