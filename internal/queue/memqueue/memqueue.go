// Package memqueue is the in-process queue of the embedded mode: bounded
// channels per subject and timers for redelivery. Messages live in memory
// only, so they do not survive the process; the pipeline's resume-on-rerun
// covers that in the embedded mode.
package memqueue

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/queue"
)

// Config tunes the queue; zero fields take defaults.
type Config struct {
	// Capacity bounds each subject's buffer; Publish blocks when it is full.
	Capacity int
	// Retry is the redelivery policy (queue.DefaultRetry when zero).
	Retry queue.Retry
	// DedupWindow is how long a dedupID is remembered (2 minutes when zero).
	DedupWindow time.Duration
}

// Queue implements queue.Queue in memory. It is safe for concurrent use.
type Queue struct {
	cfg      Config
	mu       sync.Mutex
	subjects map[string]chan *entry
	seen     map[string]time.Time // subject+"\x00"+dedupID -> publish time
	timers   map[*time.Timer]bool
	closed   chan struct{}
	once     sync.Once
}

type entry struct {
	data       []byte
	deliveries int
}

// New returns an empty queue.
func New(cfg Config) *Queue {
	if cfg.Capacity <= 0 {
		cfg.Capacity = 1024
	}
	if cfg.Retry.MaxDeliveries <= 0 {
		cfg.Retry = queue.DefaultRetry()
	}
	if cfg.DedupWindow <= 0 {
		cfg.DedupWindow = 2 * time.Minute
	}
	return &Queue{
		cfg:      cfg,
		subjects: map[string]chan *entry{},
		seen:     map[string]time.Time{},
		timers:   map[*time.Timer]bool{},
		closed:   make(chan struct{}),
	}
}

func (q *Queue) subject(name string) chan *entry {
	q.mu.Lock()
	defer q.mu.Unlock()
	ch, ok := q.subjects[name]
	if !ok {
		ch = make(chan *entry, q.cfg.Capacity)
		q.subjects[name] = ch
	}
	return ch
}

// Publish implements queue.Queue.
func (q *Queue) Publish(ctx context.Context, subject string, msg []byte, dedupID string) error {
	select {
	case <-q.closed:
		return queue.ErrClosed
	default:
	}
	if dedupID != "" && q.duplicate(subject, dedupID) {
		return nil
	}
	data := append([]byte(nil), msg...)
	select {
	case q.subject(subject) <- &entry{data: data}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("publish %s: %w", subject, ctx.Err())
	case <-q.closed:
		return queue.ErrClosed
	}
}

// duplicate records dedupID and reports whether it was seen within the
// window, forgetting expired IDs as it goes.
func (q *Queue) duplicate(subject, dedupID string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	now := time.Now()
	for k, at := range q.seen {
		if now.Sub(at) > q.cfg.DedupWindow {
			delete(q.seen, k)
		}
	}
	key := subject + "\x00" + dedupID
	if _, ok := q.seen[key]; ok {
		return true
	}
	q.seen[key] = now
	return false
}

// Consume implements queue.Queue. The durable name is not needed in
// memory: every consumer of a subject shares its one buffer.
func (q *Queue) Consume(ctx context.Context, subject, _ string, handler func(context.Context, queue.Message) error) error {
	ch := q.subject(subject)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-q.closed:
			return queue.ErrClosed
		case e := <-ch:
			if ctx.Err() != nil { // both were ready: stopping wins
				q.requeue(ch, e, 0)
				return nil
			}
			e.deliveries++
			err := handler(ctx, queue.Message{Subject: subject, Data: e.data, Deliveries: e.deliveries})
			if err != nil {
				q.failed(ctx, subject, ch, e, err)
			}
		}
	}
}

// failed schedules a redelivery or dead-letters the message. A failure
// caused by the consumer stopping is a crash, not a handler error: the
// message goes straight back for the next consumer.
func (q *Queue) failed(ctx context.Context, subject string, ch chan *entry, e *entry, err error) {
	switch {
	case ctx.Err() != nil:
		q.requeue(ch, e, 0)
	case e.deliveries >= q.cfg.Retry.MaxDeliveries:
		dead, _ := json.Marshal(queue.DeadLetter{Subject: subject, Data: e.data, Deliveries: e.deliveries, Error: err.Error()})
		go func() { _ = q.Publish(context.Background(), subject+queue.DeadSuffix, dead, "") }()
	default:
		q.requeue(ch, e, q.cfg.Retry.Delay(e.deliveries))
	}
}

// requeue puts e back after delay without blocking the consumer.
func (q *Queue) requeue(ch chan *entry, e *entry, delay time.Duration) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var t *time.Timer
	t = time.AfterFunc(delay, func() {
		select {
		case ch <- e:
		case <-q.closed:
		}
		q.mu.Lock()
		delete(q.timers, t)
		q.mu.Unlock()
	})
	q.timers[t] = true
}

// Close stops pending redeliveries and wakes blocked callers; messages
// still buffered are dropped.
func (q *Queue) Close() error {
	q.once.Do(func() {
		close(q.closed)
		q.mu.Lock()
		defer q.mu.Unlock()
		for t := range q.timers {
			t.Stop()
		}
	})
	return nil
}
