package natsqueue_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/queue/natsqueue"
	"github.com/parallax-news/parallax/internal/queue/natsqueue/natstest"
	"github.com/parallax-news/parallax/internal/queue/queuetest"
)

func open(t *testing.T, url string, retry queue.Retry) *natsqueue.Queue {
	t.Helper()
	q, err := natsqueue.Open(context.Background(), natsqueue.Config{URL: url, Retry: retry, AckWait: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(t *testing.T, retry queue.Retry) queue.Queue {
		return open(t, natstest.Start(t).URL(), retry)
	})
}

// TestServerRestart publishes, restarts the server (same port and store
// directory) and publishes again: the connected consumer gets every
// message, including those stored before the restart.
func TestServerRestart(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL(), queue.DefaultRetry())
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for i := range 5 {
		if err := q.Publish(ctx, "jobs", []byte(fmt.Sprint(i)), fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	srv.Restart()
	for i := 5; i < 10; i++ {
		if err := q.Publish(ctx, "jobs", []byte(fmt.Sprint(i)), fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	seen := map[string]int{}
	all := make(chan struct{})
	cctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- q.Consume(cctx, "jobs", "workers", func(_ context.Context, m queue.Message) error {
			mu.Lock()
			defer mu.Unlock()
			seen[string(m.Data)]++
			if len(seen) == 10 {
				close(all)
			}
			return nil
		})
	}()
	select {
	case <-all:
	case <-ctx.Done():
		t.Fatalf("got %d of 10 messages", len(seen))
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("message %s handled %d times", k, n)
		}
	}
}

// TestReopen shows that messages outlive the client: a second connection
// consumes what the first published.
func TestReopen(t *testing.T) {
	srv := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	first := open(t, srv.URL(), queue.DefaultRetry())
	if err := first.Publish(ctx, "jobs", []byte("kept"), ""); err != nil {
		t.Fatal(err)
	}
	first.Close()
	second := open(t, srv.URL(), queue.DefaultRetry())
	got := make(chan string, 1)
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	go second.Consume(cctx, "jobs", "workers", func(_ context.Context, m queue.Message) error {
		got <- string(m.Data)
		return nil
	})
	select {
	case m := <-got:
		if m != "kept" {
			t.Errorf("got %q, want kept", m)
		}
	case <-ctx.Done():
		t.Fatal("message lost across connections")
	}
}
