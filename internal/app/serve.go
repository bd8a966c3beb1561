package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/ingest/feed"
	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// newHandler wires the JSON API and the HTML UI over one store and pipeline.
func (e *env) newHandler(st store.Store, p *pipeline.Pipeline) (http.Handler, error) {
	svc := &httpapi.Service{Store: st, Ingest: p, Fetch: envFetcher{e}, Feeds: feedProber{e}}
	cfg := httpapi.Config{Token: e.cfg.Token, MaxBodyBytes: e.cfg.MaxInputBytes + 1<<20}
	ui, err := web.New(cfg, svc)
	if err != nil {
		return nil, err
	}
	return httpapi.NewHandler(cfg, httpapi.NewAPI(cfg, svc).Routes(), ui.Routes()), nil
}

// checkListen refuses to expose write endpoints beyond loopback without a
// token.
func checkListen(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %v: %w", addr, err, news.ErrInvalidInput)
	}
	if token != "" {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("refusing to listen on non-loopback address %q without a token: set PARALLAX_TOKEN (write endpoints then need it) or use 127.0.0.1: %w", addr, news.ErrInvalidInput)
}

// serveHTTP listens on addr and serves h until ctx is cancelled, then
// shuts down gracefully. ready, when set, gets the URL once listening.
func serveHTTP(ctx context.Context, addr string, h http.Handler, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down", "addr", ln.Addr().String())
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

type envFetcher struct{ e *env }

func (f envFetcher) FetchURL(ctx context.Context, url string) (pipeline.Input, error) {
	return f.e.fetchURL(ctx, url)
}

// feedProber fetches a feed once so that adding a broken URL fails early.
type feedProber struct{ e *env }

func (f feedProber) ProbeFeed(ctx context.Context, url string) (string, error) {
	resp, err := f.e.fetcher().Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return "", fmt.Errorf("fetch feed: %w", err)
	}
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return "", fmt.Errorf("parse feed: %w", err)
	}
	return parsed.Title, nil
}
