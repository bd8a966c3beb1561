// Package queue defines the work-queue contract that lets Parallax's stages
// run on many workers. Implementations live in child packages: memqueue
// (in-process, the embedded default) and natsqueue (NATS JetStream, for
// scale-out). Both must pass the conformance suite in queuetest. Only
// internal/app picks one.
package queue

import (
	"context"
	"errors"
	"time"
)

// ErrClosed is returned by Publish and Consume once the queue is closed.
var ErrClosed = errors.New("queue closed")

// DeadSuffix is appended to a subject to name its dead-letter subject.
const DeadSuffix = ".dead"

// Message is one delivery of a published message.
type Message struct {
	Subject string
	Data    []byte
	// Deliveries counts how many times this message has been handed to a
	// handler, this delivery included (1 on the first).
	Deliveries int
}

// DeadLetter is the JSON body published to "<subject>.dead" when a message
// exhausted its deliveries.
type DeadLetter struct {
	Subject    string `json:"subject"`
	Data       []byte `json:"data"`
	Deliveries int    `json:"deliveries"`
	Error      string `json:"error"`
}

// Queue is a durable work queue.
//
// Delivery is at least once: a message is removed only when a handler
// returns nil for it. A handler error, a crash or a lost connection before
// that brings the message back after a backoff, so handlers must be
// idempotent (Parallax keys documents by SHA-256 and skips articles that
// already have a story). After MaxDeliveries failed deliveries the message
// is published to Subject+DeadSuffix as a DeadLetter with the last error
// and removed from its subject.
//
// Consumers sharing a durable name share the work: each message goes to
// one of them at a time. No ordering is guaranteed across consumers, nor
// after a redelivery; a consumer that needs order (story assignment) must
// be the only consumer of its subject.
//
// Publish with a non-empty dedupID drops a message whose dedupID was
// already published within the queue's deduplication window, so a
// publisher may retry after an uncertain failure without doubling work.
type Queue interface {
	// Publish adds a message to subject.
	Publish(ctx context.Context, subject string, msg []byte, dedupID string) error
	// Consume hands subject's messages to handler until ctx is done, then
	// returns nil (or the error that stopped it). The durable name
	// identifies the consumer's position: consumers with the same name on
	// the same subject share one stream of work. Handlers of one Consume
	// call run one at a time.
	Consume(ctx context.Context, subject, durable string, handler func(ctx context.Context, m Message) error) error
	// Close releases the queue; pending unacknowledged messages of a
	// durable queue survive it.
	Close() error
}

// Retry is the redelivery policy shared by the implementations.
type Retry struct {
	// MaxDeliveries is how many times a message is handed to handlers
	// before it is dead-lettered.
	MaxDeliveries int
	// Backoff is the wait before each redelivery: Backoff[i] before
	// delivery i+2; the last value repeats.
	Backoff []time.Duration
}

// DefaultRetry tolerates a store or broker outage of about two minutes
// before a message is dead-lettered.
func DefaultRetry() Retry {
	return Retry{
		MaxDeliveries: 10,
		Backoff: []time.Duration{
			500 * time.Millisecond, time.Second, 2 * time.Second, 5 * time.Second,
			10 * time.Second, 20 * time.Second, 30 * time.Second,
		},
	}
}

// Delay returns the wait before redelivering a message that has been
// delivered n times.
func (r Retry) Delay(n int) time.Duration {
	if len(r.Backoff) == 0 {
		return 0
	}
	i := n - 1
	if i < 0 {
		i = 0
	}
	if i >= len(r.Backoff) {
		i = len(r.Backoff) - 1
	}
	return r.Backoff[i]
}
