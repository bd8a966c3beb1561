// Package queuetest is the conformance suite every queue.Queue
// implementation must pass: delivery, acknowledgement, redelivery with
// backoff, dead-lettering, shared durable consumers, publish
// deduplication and redelivery after a consumer stops mid-message.
package queuetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/queue"
)

// NewQueue returns a fresh queue using retry; the suite closes it.
type NewQueue func(t *testing.T, retry queue.Retry) queue.Queue

// testRetry keeps the suite fast: three deliveries, short waits.
var testRetry = queue.Retry{MaxDeliveries: 3, Backoff: []time.Duration{20 * time.Millisecond, 50 * time.Millisecond}}

// deadline bounds every wait so a broken implementation fails instead of
// hanging; it is generous because test machines are shared.
const deadline = 60 * time.Second

// Run runs the suite against queues made by newQueue.
func Run(t *testing.T, newQueue NewQueue) {
	tests := []struct {
		name string
		run  func(t *testing.T, q queue.Queue)
	}{
		{"Delivery", testDelivery},
		{"Ack", testAck},
		{"Redelivery", testRedelivery},
		{"DeadLetter", testDeadLetter},
		{"SharedDurable", testSharedDurable},
		{"Dedup", testDedup},
		{"ConsumerRestart", testConsumerRestart},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newQueue(t, testRetry)
			t.Cleanup(func() { q.Close() })
			tt.run(t, q)
		})
	}
}

// consume runs Consume in the background until the test ends or stop is
// called; stop waits for Consume to return.
func consume(t *testing.T, q queue.Queue, subject, durable string, h func(context.Context, queue.Message) error) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- q.Consume(ctx, subject, durable, h) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil && !errors.Is(err, context.Canceled) {
					t.Errorf("Consume returned %v", err)
				}
			case <-time.After(deadline):
				t.Errorf("Consume did not return after its context was cancelled")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func publish(t *testing.T, q queue.Queue, subject, data, dedupID string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	if err := q.Publish(ctx, subject, []byte(data), dedupID); err != nil {
		t.Fatalf("Publish(%s, %q): %v", subject, data, err)
	}
}

// receive waits for the next message on ch.
func receive(t *testing.T, ch <-chan queue.Message) queue.Message {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(deadline):
		t.Fatalf("no message within %v", deadline)
		return queue.Message{}
	}
}

// forward is a handler that passes every message to a channel and acks it.
func forward(ch chan<- queue.Message) func(context.Context, queue.Message) error {
	return func(ctx context.Context, m queue.Message) error {
		select {
		case ch <- m:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func testDelivery(t *testing.T, q queue.Queue) {
	want := []string{"one", "two", "three"}
	for _, d := range want {
		publish(t, q, "work", d, "")
	}
	got := make(chan queue.Message, 10)
	consume(t, q, "work", "workers", forward(got))
	seen := map[string]bool{}
	for range want {
		m := receive(t, got)
		if m.Subject != "work" || m.Deliveries != 1 {
			t.Errorf("message %q: subject %q deliveries %d, want work and 1", m.Data, m.Subject, m.Deliveries)
		}
		seen[string(m.Data)] = true
	}
	for _, d := range want {
		if !seen[d] {
			t.Errorf("message %q not delivered", d)
		}
	}
}

// testAck shows an acknowledged message is gone: after a restart of the
// consumer the next message delivered is the one published later.
func testAck(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "first", "")
	got := make(chan queue.Message, 10)
	stop := consume(t, q, "work", "workers", forward(got))
	if m := receive(t, got); string(m.Data) != "first" {
		t.Fatalf("got %q, want first", m.Data)
	}
	stop()
	publish(t, q, "work", "second", "")
	consume(t, q, "work", "workers", forward(got))
	if m := receive(t, got); string(m.Data) != "second" {
		t.Fatalf("after restart got %q (deliveries %d), want second: the acked message came back", m.Data, m.Deliveries)
	}
}

func testRedelivery(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "flaky", "")
	got := make(chan queue.Message, 10)
	consume(t, q, "work", "workers", func(ctx context.Context, m queue.Message) error {
		got <- m
		if m.Deliveries == 1 {
			return errors.New("transient failure")
		}
		return nil
	})
	first, second := receive(t, got), receive(t, got)
	if string(first.Data) != "flaky" || string(second.Data) != "flaky" {
		t.Fatalf("got %q then %q, want the same message twice", first.Data, second.Data)
	}
	if first.Deliveries != 1 || second.Deliveries != 2 {
		t.Errorf("deliveries %d then %d, want 1 then 2", first.Deliveries, second.Deliveries)
	}
}

func testDeadLetter(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "poison", "")
	var mu sync.Mutex
	attempts := 0
	consume(t, q, "work", "workers", func(context.Context, queue.Message) error {
		mu.Lock()
		defer mu.Unlock()
		attempts++
		return fmt.Errorf("cannot handle attempt %d", attempts)
	})
	dead := make(chan queue.Message, 10)
	consume(t, q, "work"+queue.DeadSuffix, "inspect", forward(dead))
	m := receive(t, dead)
	var dl queue.DeadLetter
	if err := json.Unmarshal(m.Data, &dl); err != nil {
		t.Fatalf("dead letter %q: %v", m.Data, err)
	}
	want := queue.DeadLetter{Subject: "work", Data: []byte("poison"), Deliveries: testRetry.MaxDeliveries,
		Error: fmt.Sprintf("cannot handle attempt %d", testRetry.MaxDeliveries)}
	if dl.Subject != want.Subject || string(dl.Data) != string(want.Data) || dl.Deliveries != want.Deliveries || dl.Error != want.Error {
		t.Errorf("dead letter %+v, want %+v", dl, want)
	}
}

// testSharedDurable runs two consumers on one durable. The first blocks on
// its first message until the second has handled one, so the test only
// finishes if both receive work; every message must be handled once.
func testSharedDurable(t *testing.T, q queue.Queue) {
	const n = 20
	for i := range n {
		publish(t, q, "work", fmt.Sprint(i), "")
	}
	var mu sync.Mutex
	counts := map[string]int{}
	total := make(chan struct{}, 2*n)
	secondBusy := make(chan struct{})
	var secondOnce sync.Once
	record := func(m queue.Message) {
		mu.Lock()
		counts[string(m.Data)]++
		mu.Unlock()
		total <- struct{}{}
	}
	consume(t, q, "work", "workers", func(ctx context.Context, m queue.Message) error {
		select {
		case <-secondBusy:
		case <-ctx.Done():
			return ctx.Err()
		}
		record(m)
		return nil
	})
	consume(t, q, "work", "workers", func(ctx context.Context, m queue.Message) error {
		record(m)
		secondOnce.Do(func() { close(secondBusy) })
		return nil
	})
	for range n {
		select {
		case <-total:
		case <-time.After(deadline):
			t.Fatalf("handled %d distinct messages of %d", len(counts), n)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for i := range n {
		if c := counts[fmt.Sprint(i)]; c != 1 {
			t.Errorf("message %d handled %d times, want 1", i, c)
		}
	}
}

// testDedup publishes a duplicate between two distinct messages; a single
// consumer sees its subject in publish order, so the duplicate would show
// before the closing marker.
func testDedup(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "original", "id-1")
	publish(t, q, "work", "duplicate", "id-1")
	publish(t, q, "work", "other", "id-2")
	publish(t, q, "work", "marker", "")
	got := make(chan queue.Message, 10)
	consume(t, q, "work", "workers", forward(got))
	var seen []string
	for {
		m := receive(t, got)
		seen = append(seen, string(m.Data))
		if string(m.Data) == "marker" {
			break
		}
	}
	if fmt.Sprint(seen) != "[original other marker]" {
		t.Errorf("delivered %q, want [original other marker]", seen)
	}
}

// testConsumerRestart stops a consumer while its handler holds a message;
// the message comes back to the next consumer.
func testConsumerRestart(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "in-flight", "")
	holding := make(chan struct{})
	var once sync.Once
	stop := consume(t, q, "work", "workers", func(ctx context.Context, m queue.Message) error {
		once.Do(func() { close(holding) })
		<-ctx.Done()
		return ctx.Err()
	})
	select {
	case <-holding:
	case <-time.After(deadline):
		t.Fatal("first consumer got no message")
	}
	stop()
	got := make(chan queue.Message, 10)
	consume(t, q, "work", "workers", forward(got))
	m := receive(t, got)
	if string(m.Data) != "in-flight" || m.Deliveries != 2 {
		t.Errorf("after restart got %q delivery %d, want in-flight delivery 2", m.Data, m.Deliveries)
	}
}
