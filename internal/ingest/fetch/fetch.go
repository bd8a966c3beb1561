// Package fetch downloads web pages and feeds politely and defensively: it
// identifies itself, honours robots.txt, limits concurrency and request rate
// per host, uses conditional GETs, and protects the process from hostile
// servers (size and decompression bombs, trickling bodies, redirect loops,
// requests aimed at private networks).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// DefaultUserAgent names Parallax and where to learn about it.
const DefaultUserAgent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)"

// Errors returned by Get. Each wraps a news sentinel so callers and the CLI
// can classify it without knowing this package.
var (
	ErrDisallowed        = fmt.Errorf("disallowed by robots.txt: %w", news.ErrInvalidInput)
	ErrBlockedAddress    = fmt.Errorf("address not allowed (private, loopback or reserved): %w", news.ErrInvalidInput)
	ErrTooManyRedirects  = fmt.Errorf("too many redirects: %w", news.ErrInvalidInput)
	ErrRedirectLoop      = fmt.Errorf("redirect loop: %w", news.ErrInvalidInput)
	ErrTooLarge          = fmt.Errorf("response too large: %w", news.ErrTooLarge)
	ErrTooSlow           = fmt.Errorf("response too slow: %w", news.ErrUnavailable)
	ErrUnsupportedScheme = fmt.Errorf("unsupported URL scheme: %w", news.ErrInvalidInput)
)

// RetryError reports a 429 or 503 answer; After is the delay the server
// asked for (0 when it gave none).
type RetryError struct {
	Status int
	After  time.Duration
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("HTTP %d, retry after %s", e.Status, e.After)
}

// Unwrap classifies the error as a temporary unavailability.
func (e *RetryError) Unwrap() error { return news.ErrUnavailable }

// StatusError reports any other non-success HTTP status.
type StatusError struct{ Status int }

func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d", e.Status) }

// Unwrap maps the status to a news sentinel: 404/410 are not found, other
// 4xx invalid input, 5xx unavailable.
func (e *StatusError) Unwrap() error {
	switch {
	case e.Status == http.StatusNotFound || e.Status == http.StatusGone:
		return news.ErrNotFound
	case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
		return news.ErrUnauthorized
	case e.Status >= 500:
		return news.ErrUnavailable
	default:
		return news.ErrInvalidInput
	}
}

// Config tunes a Fetcher. Zero values take the documented defaults.
type Config struct {
	UserAgent string        // default DefaultUserAgent
	Timeout   time.Duration // whole request including body, default 30s
	// ConnectTimeout bounds DNS, TCP connect and TLS handshake (default 10s);
	// HeaderTimeout bounds the wait for response headers (default 15s).
	ConnectTimeout time.Duration
	HeaderTimeout  time.Duration
	// IdleTimeout ends a body that sends nothing for this long (default 10s).
	IdleTimeout time.Duration
	// MinBytesPerSecond ends a body whose average rate stays below it once
	// ThroughputGrace has passed (defaults 2048 B/s and 5s): a server that
	// trickles a byte at a time cannot hold a worker for the full Timeout.
	MinBytesPerSecond int64
	ThroughputGrace   time.Duration
	MaxBytes          int64 // cap on decoded body bytes, default 10 MB
	MaxRedirects      int   // default 5
	// PerHostConcurrency caps simultaneous requests to one host (default 2);
	// PerHostInterval is the minimum gap between request starts to one host
	// (default 1s; robots.txt Crawl-delay may raise it, up to 30s).
	PerHostConcurrency int
	PerHostInterval    time.Duration
	// AllowPrivate permits loopback, private and link-local addresses
	// (tests against httptest servers; never for untrusted URLs).
	AllowPrivate bool
	// IgnoreRobots skips robots.txt (only for URLs a user asked for directly).
	IgnoreRobots bool
	RobotsTTL    time.Duration // how long a robots.txt stays cached, default 1h
}

func (c Config) withDefaults() Config {
	set := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	set(&c.Timeout, 30*time.Second)
	set(&c.ConnectTimeout, 10*time.Second)
	set(&c.HeaderTimeout, 15*time.Second)
	set(&c.IdleTimeout, 10*time.Second)
	set(&c.ThroughputGrace, 5*time.Second)
	set(&c.PerHostInterval, time.Second)
	set(&c.RobotsTTL, time.Hour)
	if c.MinBytesPerSecond <= 0 {
		c.MinBytesPerSecond = 2048
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = 10 << 20
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = 5
	}
	if c.PerHostConcurrency <= 0 {
		c.PerHostConcurrency = 2
	}
	return c
}

// Request is one GET. ETag and LastModified come from an earlier Response
// and make the request conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a fetched resource. Body holds the bytes after content
// decoding (gzip, deflate, br) but before charset decoding; UTF8 converts.
type Response struct {
	URL          string // final URL after redirects, canonical form
	Status       int
	Body         []byte
	ContentType  string // media type without parameters, lower case
	Charset      string // encoding name from header, BOM, <meta> or sniffing
	ETag         string
	LastModified string
	NotModified  bool // 304: the caller's copy is current, Body is empty
	RetryAfter   time.Duration
	CacheMaxAge  time.Duration // from Cache-Control max-age; 0 when absent
	FetchedAt    time.Time
}

// Fetcher performs polite HTTP GETs. It is safe for concurrent use.
type Fetcher struct {
	cfg    Config
	client *http.Client
	hosts  *hostLimits
	robots *robotsCache
}

// New builds a Fetcher from cfg.
func New(cfg Config) *Fetcher {
	cfg = cfg.withDefaults()
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and bypass the address check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		ResponseHeaderTimeout: cfg.HeaderTimeout,
		DisableCompression:    true, // we decode ourselves, with a cap on decoded bytes
		MaxIdleConnsPerHost:   cfg.PerHostConcurrency,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	f := &Fetcher{cfg: cfg, hosts: newHostLimits(cfg.PerHostConcurrency, cfg.PerHostInterval)}
	f.client = &http.Client{Transport: transport, CheckRedirect: f.checkRedirect}
	f.robots = newRobotsCache(cfg.RobotsTTL)
	return f
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("%s: %w", req.URL, ErrRedirectLoop)
		}
	}
	if len(via) > f.cfg.MaxRedirects {
		return fmt.Errorf("more than %d: %w", f.cfg.MaxRedirects, ErrTooManyRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrUnsupportedScheme)
	}
	return nil
}

// Get fetches req.URL. It waits for the host's politeness slot, checks
// robots.txt, and returns the decoded body or an error wrapping a news
// sentinel (see the Err* values, RetryError and StatusError).
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	target, err := parseTarget(req.URL)
	if err != nil {
		return nil, err
	}
	if !f.cfg.IgnoreRobots {
		rules := f.robots.get(ctx, f, target)
		if !rules.allowed(target.EscapedPath() + querySuffix(target)) {
			return nil, fmt.Errorf("fetch %s: %w", req.URL, ErrDisallowed)
		}
		f.hosts.raiseInterval(target.Host, rules.crawlDelay)
	}
	resp, err := f.do(ctx, target, req, f.cfg.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	return resp, nil
}

func parseTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w: %v", raw, news.ErrInvalidInput, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %q: %w", raw, ErrUnsupportedScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %q: no host: %w", raw, news.ErrInvalidInput)
	}
	u.Fragment = ""
	return u, nil
}

func querySuffix(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// do runs one GET under the host's limits and reads the body with guards.
func (f *Fetcher) do(ctx context.Context, target *url.URL, req Request, maxBytes int64) (*Response, error) {
	release, err := f.hosts.acquire(ctx, target.Host)
	if err != nil {
		return nil, err
	}
	defer release()

	ctx, cancelTimeout := context.WithTimeoutCause(ctx, f.cfg.Timeout,
		fmt.Errorf("no complete response within %s: %w", f.cfg.Timeout, ErrTooSlow))
	defer cancelTimeout()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", news.ErrInvalidInput, err)
	}
	hreq.Header.Set("User-Agent", f.cfg.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	hreq.Header.Set("Accept-Encoding", "gzip, deflate, br")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	start := time.Now()
	hresp, err := f.client.Do(hreq)
	if err != nil {
		return nil, classifyTransportError(ctx, err)
	}
	defer hresp.Body.Close()

	resp := &Response{
		URL:          finalURL(hresp.Request.URL),
		Status:       hresp.StatusCode,
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
		RetryAfter:   parseRetryAfter(hresp.Header.Get("Retry-After"), start),
		CacheMaxAge:  parseMaxAge(hresp.Header.Get("Cache-Control")),
		FetchedAt:    start,
	}
	switch {
	case hresp.StatusCode == http.StatusNotModified:
		resp.NotModified = true
		return resp, nil
	case hresp.StatusCode == http.StatusTooManyRequests || hresp.StatusCode == http.StatusServiceUnavailable:
		return nil, &RetryError{Status: hresp.StatusCode, After: resp.RetryAfter}
	case hresp.StatusCode < 200 || hresp.StatusCode > 299:
		return nil, &StatusError{Status: hresp.StatusCode}
	}
	if hresp.ContentLength > maxBytes {
		return nil, fmt.Errorf("content-length %d > %d: %w", hresp.ContentLength, maxBytes, ErrTooLarge)
	}
	watched := newWatchdog(hresp.Body, cancel, f.cfg.IdleTimeout, f.cfg.MinBytesPerSecond, f.cfg.ThroughputGrace)
	defer watched.stop()
	body, err := readBody(watched, hresp.Header.Get("Content-Encoding"), maxBytes)
	if err != nil {
		if cause := context.Cause(ctx); cause != nil && !errors.Is(err, ErrTooLarge) {
			return nil, cause
		}
		return nil, err
	}
	resp.Body = body
	resp.ContentType, resp.Charset = detectType(body, hresp.Header.Get("Content-Type"))
	slog.Debug("fetched", "url", resp.URL, "status", resp.Status, "bytes", len(body), "ms", time.Since(start).Milliseconds())
	return resp, nil
}

// classifyTransportError turns dial and context failures into sentinels.
func classifyTransportError(ctx context.Context, err error) error {
	if errors.Is(err, errPrivateAddress) {
		return fmt.Errorf("%v: %w", err, ErrBlockedAddress)
	}
	for _, known := range []error{ErrRedirectLoop, ErrTooManyRedirects, ErrUnsupportedScheme} {
		if errors.Is(err, known) {
			return err
		}
	}
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, ErrTooSlow) {
		return cause
	}
	return fmt.Errorf("%v: %w", err, news.ErrUnavailable)
}

func finalURL(u *url.URL) string {
	if c, err := Canonical(u.String()); err == nil {
		return c
	}
	return u.String()
}

// agentToken is the product token robots.txt groups are matched against.
func (f *Fetcher) agentToken() string { return productToken(f.cfg.UserAgent) }
