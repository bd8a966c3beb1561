// Package natsqueue implements queue.Queue on NATS JetStream for the
// scaled-out mode: each subject is a file-backed stream with work-queue
// retention, each durable name a pull consumer with explicit
// acknowledgement. Handler errors are negatively acknowledged with the
// retry backoff; a crashed consumer's messages come back after AckWait
// (growing by the consumer's BackOff); the last failure is published to
// "<subject>.dead", a stream with limits retention kept for inspection.
package natsqueue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/queue"
)

// Config tunes the queue; zero fields take defaults.
type Config struct {
	// URL is the NATS server, e.g. nats://localhost:4222 (several may be
	// comma-separated).
	URL string
	// Retry is the redelivery policy (queue.DefaultRetry when zero).
	Retry queue.Retry
	// AckWait is how long a delivered message may go without an ack or a
	// progress signal before it is redelivered (30s when zero). Handlers
	// that run longer are kept alive by progress signals.
	AckWait time.Duration
	// DedupWindow is how long JetStream remembers Nats-Msg-Id values
	// (2 minutes when zero).
	DedupWindow time.Duration
	// Batch is how many messages one consumer fetches at a time (1 when
	// zero); larger batches cut round trips but hold messages back from
	// other consumers.
	Batch int
	// Replicas is the stream replication factor in a cluster (1 when zero).
	Replicas int
	// PublishTimeout bounds the retries of one Publish while the server is
	// unreachable (1 minute when zero).
	PublishTimeout time.Duration
}

// Queue implements queue.Queue on JetStream. It is safe for concurrent use.
type Queue struct {
	cfg     Config
	nc      *nats.Conn
	js      jetstream.JetStream
	mu      sync.Mutex
	streams map[string]jetstream.Stream
}

// Open connects to the server. The connection reconnects forever, so a
// restarted server is picked up without restarting the process.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	if cfg.Retry.MaxDeliveries <= 0 {
		cfg.Retry = queue.DefaultRetry()
	}
	if cfg.AckWait <= 0 {
		cfg.AckWait = 30 * time.Second
	}
	if cfg.DedupWindow <= 0 {
		cfg.DedupWindow = 2 * time.Minute
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 1
	}
	if cfg.Replicas <= 0 {
		cfg.Replicas = 1
	}
	if cfg.PublishTimeout <= 0 {
		cfg.PublishTimeout = time.Minute
	}
	nc, err := nats.Connect(cfg.URL,
		nats.Name("parallax"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(true),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				slog.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { slog.Info("nats reconnected", "url", c.ConnectedUrl()) }),
	)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w: %w", cfg.URL, news.ErrUnavailable, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream %s: %w", cfg.URL, err)
	}
	return &Queue{cfg: cfg, nc: nc, js: js, streams: map[string]jetstream.Stream{}}, nil
}

// streamName derives a valid stream name from a subject.
func streamName(subject string) string {
	r := strings.NewReplacer(".", "_", "*", "_", ">", "_", " ", "_")
	return "PARALLAX_" + strings.ToUpper(r.Replace(subject))
}

// stream creates or finds the stream holding subject.
func (q *Queue) stream(ctx context.Context, subject string) (jetstream.Stream, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if s, ok := q.streams[subject]; ok {
		return s, nil
	}
	cfg := jetstream.StreamConfig{
		Name:       streamName(subject),
		Subjects:   []string{subject},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: q.cfg.DedupWindow,
		Replicas:   q.cfg.Replicas,
	}
	if strings.HasSuffix(subject, queue.DeadSuffix) {
		cfg.Retention = jetstream.LimitsPolicy
	}
	s, err := q.js.CreateOrUpdateStream(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", cfg.Name, err)
	}
	q.streams[subject] = s
	return s, nil
}

// Publish implements queue.Queue. The dedupID becomes the Nats-Msg-Id
// header. While the server is unreachable it retries up to PublishTimeout,
// which is safe when dedupID is set.
func (q *Queue) Publish(ctx context.Context, subject string, msg []byte, dedupID string) error {
	var opts []jetstream.PublishOpt
	if dedupID != "" {
		opts = append(opts, jetstream.WithMsgID(dedupID))
	}
	giveUp := time.Now().Add(q.cfg.PublishTimeout)
	wait := 100 * time.Millisecond
	for {
		if q.nc.IsClosed() {
			return queue.ErrClosed
		}
		err := q.publishOnce(ctx, subject, msg, opts)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil || time.Now().After(giveUp) {
			return fmt.Errorf("publish %s: %w: %w", subject, news.ErrUnavailable, err)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("publish %s: %w", subject, ctx.Err())
		}
		wait = min(2*wait, 2*time.Second)
	}
}

func (q *Queue) publishOnce(ctx context.Context, subject string, msg []byte, opts []jetstream.PublishOpt) error {
	if _, err := q.stream(ctx, subject); err != nil {
		return err
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := q.js.Publish(pctx, subject, msg, opts...)
	if err != nil {
		q.forget(subject) // the server may have lost the stream
	}
	return err
}

func (q *Queue) forget(subject string) {
	q.mu.Lock()
	delete(q.streams, subject)
	q.mu.Unlock()
}

// consumerConfig is the durable pull consumer for subject. The server
// redelivers once more than Retry.MaxDeliveries so that a consumer that
// crashes on the last attempt still gets to dead-letter the message.
func (q *Queue) consumerConfig(subject, durable string) jetstream.ConsumerConfig {
	backoff := []time.Duration{q.cfg.AckWait, 2 * q.cfg.AckWait, 4 * q.cfg.AckWait}
	maxDeliver := q.cfg.Retry.MaxDeliveries + 1
	if len(backoff) > maxDeliver {
		backoff = backoff[:maxDeliver]
	}
	return jetstream.ConsumerConfig{
		Durable:       durable,
		FilterSubject: subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		BackOff:       backoff,
		MaxDeliver:    maxDeliver,
		MaxAckPending: 1000,
	}
}

// Consume implements queue.Queue. Connection and server errors are logged
// and retried, so a consumer outlives a server restart.
func (q *Queue) Consume(ctx context.Context, subject, durable string, handler func(context.Context, queue.Message) error) error {
	var cons jetstream.Consumer
	wait := 100 * time.Millisecond
	for ctx.Err() == nil {
		if q.nc.IsClosed() {
			return queue.ErrClosed
		}
		if cons == nil {
			var err error
			cons, err = q.consumer(ctx, subject, durable)
			if err != nil {
				slog.Warn("queue consumer unavailable", "subject", subject, "durable", durable, "err", err)
				sleep(ctx, wait)
				wait = min(2*wait, 2*time.Second)
				continue
			}
		}
		if err := q.fetch(ctx, cons, handler); err != nil {
			if ctx.Err() != nil {
				break
			}
			slog.Warn("queue fetch failed", "subject", subject, "durable", durable, "err", err)
			cons = nil
			q.forget(subject)
			sleep(ctx, wait)
			wait = min(2*wait, 2*time.Second)
			continue
		}
		wait = 100 * time.Millisecond
	}
	return nil
}

func (q *Queue) consumer(ctx context.Context, subject, durable string) (jetstream.Consumer, error) {
	s, err := q.stream(ctx, subject)
	if err != nil {
		return nil, err
	}
	c, err := s.CreateOrUpdateConsumer(ctx, q.consumerConfig(subject, durable))
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", durable, err)
	}
	return c, nil
}

// fetch pulls one batch and handles it. An empty batch (nothing to do
// within the wait) is not an error.
func (q *Queue) fetch(ctx context.Context, cons jetstream.Consumer, handler func(context.Context, queue.Message) error) error {
	fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	batch, err := cons.Fetch(q.cfg.Batch, jetstream.FetchContext(fctx))
	if err != nil {
		return err
	}
	for msg := range batch.Messages() {
		q.handle(ctx, msg, handler)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) && !errors.Is(err, nats.ErrTimeout) {
		return err
	}
	return nil
}

// handle runs the handler on one message, signalling progress while it
// runs, and settles the message: ack, delayed nak, or dead letter.
func (q *Queue) handle(ctx context.Context, msg jetstream.Msg, handler func(context.Context, queue.Message) error) {
	if ctx.Err() != nil {
		_ = msg.Nak()
		return
	}
	deliveries := 1
	if md, err := msg.Metadata(); err == nil {
		deliveries = int(md.NumDelivered)
	}
	stopProgress := q.keepAlive(msg)
	err := handler(ctx, queue.Message{Subject: msg.Subject(), Data: msg.Data(), Deliveries: deliveries})
	stopProgress()
	switch {
	case err == nil:
		if aerr := msg.Ack(); aerr != nil {
			slog.Warn("queue ack failed; the message will be redelivered", "subject", msg.Subject(), "err", aerr)
		}
	case ctx.Err() != nil:
		_ = msg.Nak()
	case deliveries >= q.cfg.Retry.MaxDeliveries:
		q.deadLetter(ctx, msg, deliveries, err)
	default:
		_ = msg.NakWithDelay(q.cfg.Retry.Delay(deliveries))
	}
}

// keepAlive tells the server the message is still being worked on, so a
// long handler is not mistaken for a crash.
func (q *Queue) keepAlive(msg jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(q.cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()
	return func() { close(done) }
}

func (q *Queue) deadLetter(ctx context.Context, msg jetstream.Msg, deliveries int, cause error) {
	body, _ := json.Marshal(queue.DeadLetter{Subject: msg.Subject(), Data: msg.Data(), Deliveries: deliveries, Error: cause.Error()})
	if err := q.Publish(ctx, msg.Subject()+queue.DeadSuffix, body, ""); err != nil {
		slog.Error("queue dead letter failed; the message will be redelivered", "subject", msg.Subject(), "err", err)
		_ = msg.NakWithDelay(q.cfg.Retry.Delay(deliveries))
		return
	}
	slog.Warn("queue message dead-lettered", "subject", msg.Subject(), "deliveries", deliveries, "err", cause)
	_ = msg.Term()
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

// Close drains nothing: unacknowledged messages stay on the server.
func (q *Queue) Close() error {
	q.nc.Close()
	return nil
}
