package fetch

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxCrawlDelay caps what robots.txt Crawl-delay may impose.
const maxCrawlDelay = 30 * time.Second

// hostLimits holds one semaphore and one rate limiter per host.
type hostLimits struct {
	concurrency int
	interval    time.Duration
	mu          sync.Mutex
	hosts       map[string]*hostLimit
}

type hostLimit struct {
	slots    chan struct{}
	limiter  *rate.Limiter
	interval time.Duration
}

func newHostLimits(concurrency int, interval time.Duration) *hostLimits {
	return &hostLimits{concurrency: concurrency, interval: interval, hosts: map[string]*hostLimit{}}
}

func (h *hostLimits) get(host string) *hostLimit {
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	l, ok := h.hosts[host]
	if !ok {
		l = &hostLimit{
			slots:    make(chan struct{}, h.concurrency),
			limiter:  rate.NewLimiter(rate.Every(h.interval), 1),
			interval: h.interval,
		}
		h.hosts[host] = l
	}
	return l
}

// acquire waits for a free slot and the host's next request time; release
// frees the slot.
func (h *hostLimits) acquire(ctx context.Context, host string) (release func(), err error) {
	l := h.get(host)
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	if err := l.limiter.Wait(ctx); err != nil {
		<-l.slots
		return nil, err
	}
	return func() { <-l.slots }, nil
}

// raiseInterval applies a robots.txt Crawl-delay longer than the default.
func (h *hostLimits) raiseInterval(host string, delay time.Duration) {
	delay = min(delay, maxCrawlDelay)
	l := h.get(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if delay > l.interval {
		l.interval = delay
		l.limiter.SetLimit(rate.Every(delay))
	}
}
