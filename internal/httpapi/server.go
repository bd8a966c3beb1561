package httpapi

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parallax-news/parallax/internal/news"
)

// HandlerFunc is a handler that returns its error instead of writing it.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ErrorWriter writes a handler's error to the client.
type ErrorWriter func(w http.ResponseWriter, r *http.Request, err error)

// Route is one method and path pattern of the server.
type Route struct {
	Method  string // GET, POST, DELETE ...
	Pattern string // Go 1.22 path pattern, e.g. "/api/v1/stories/{id}"
	Handle  HandlerFunc
	// OnError writes errors; nil means RFC 9457 problem details.
	OnError ErrorWriter
}

// Config tunes the server.
type Config struct {
	// Token, when set, is required as "Authorization: Bearer TOKEN" by
	// write endpoints.
	Token string
	// MaxBodyBytes caps request bodies (default 12 MiB: a maximal input
	// plus form overhead).
	MaxBodyBytes int64
}

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 12 << 20
	}
	return c
}

// CheckToken reports whether got matches the configured token in constant
// time; with no token configured every request passes.
func (c Config) CheckToken(got string) error {
	if c.Token == "" {
		return nil
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(c.Token)) != 1 {
		return fmt.Errorf("missing or wrong token: %w", news.ErrUnauthorized)
	}
	return nil
}

// bearer returns the token of an "Authorization: Bearer TOKEN" header.
func bearer(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// Metrics counts requests and their latency by route and status.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// NewMetrics creates the request metrics in their own registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parallax_http_requests_total",
			Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "parallax_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern and status.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method", "status"}),
	}
	m.registry.MustRegister(m.requests, m.latency, prometheus.NewGoCollector())
	return m
}

// NewHandler builds the server from route tables: every route gets the
// security headers, the body limit, metrics and one error writer. It adds
// /healthz and /metrics.
func NewHandler(cfg Config, routes ...[]Route) http.Handler {
	cfg = cfg.withDefaults()
	m := NewMetrics()
	mux := http.NewServeMux()
	all := []Route{
		{Method: http.MethodGet, Pattern: "/healthz", Handle: func(w http.ResponseWriter, _ *http.Request) error {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_, err := w.Write([]byte("ok\n"))
			return err
		}},
	}
	for _, list := range routes {
		all = append(all, list...)
	}
	for _, rt := range all {
		mux.Handle(strings.TrimSpace(rt.Method+" "+rt.Pattern), m.instrument(rt.Pattern, serve(cfg, rt)))
	}
	mux.Handle("GET /metrics", m.instrument("/metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})))
	return secure(mux)
}

// serve adapts a Route to http.Handler: it limits the body and writes the
// returned error once. An error after the response has started (a client
// that hung up mid-body) or from a request whose client is gone cannot be
// answered: it is logged, not written over a half-sent response.
func serve(cfg Config, rt Route) http.Handler {
	onError := rt.OnError
	if onError == nil {
		onError = writeProblem
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec, ok := w.(*statusRecorder)
		if !ok {
			rec = &statusRecorder{ResponseWriter: w}
		}
		r.Body = http.MaxBytesReader(rec, r.Body, cfg.MaxBodyBytes)
		err := rt.Handle(rec, r)
		switch {
		case err == nil:
		case rec.status != 0:
			slog.Info("response cut short", "method", r.Method, "path", r.URL.Path, "status", rec.status, "error", err)
		case r.Context().Err() != nil:
			slog.Debug("client gone", "method", r.Method, "path", r.URL.Path, "error", err)
			rec.WriteHeader(statusClientClosed)
		default:
			onError(rec, r, err)
		}
	})
}

// statusClientClosed is the status metrics record for a request whose
// client left before the answer (nginx's 499); no client reads it.
const statusClientClosed = 499

// secure sets the headers every response carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
		// on form posts, which would defeat the UI's Origin check.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (m *Metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				slog.Error("handler panic", "route", route, "panic", v)
				if rec.status == 0 {
					writeProblem(rec, r, fmt.Errorf("panic: %v", v))
				}
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			code := strconv.Itoa(status)
			m.requests.WithLabelValues(route, r.Method, code).Inc()
			m.latency.WithLabelValues(route, r.Method, code).Observe(time.Since(start).Seconds())
		}()
		next.ServeHTTP(rec, r)
	})
}
