package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/parallax-news/parallax/internal/config"
	"github.com/parallax-news/parallax/internal/ingest/feed"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/queue/memqueue"
	"github.com/parallax-news/parallax/internal/queue/natsqueue"
	"github.com/parallax-news/parallax/internal/store"
)

// Subjects of the scaled-out pipeline. "ingest" carries raw inputs to the
// workers; "assign.<partition>" carries read articles to the one story
// assigner of their partition.
const (
	subjectIngest = "ingest"
	assignPrefix  = "assign."
	// partitionAll is the single partition used when no languages are
	// named: one assigner clusters every language, as the embedded mode does.
	partitionAll = "all"
	// partitionOther takes the languages not named in the partition list.
	partitionOther = "other"
)

// addDeployFlags registers the global flags of the scaled-out mode:
// --store (an alias of --db) and --queue.
func addDeployFlags(flags *pflag.FlagSet, cfg *config.Config) {
	flags.StringVar(&cfg.DB, "store", cfg.DB, "alias of --db: SQLite file path or postgres:// URL (env PARALLAX_DB)")
	flags.StringVar(&cfg.Queue, "queue", cfg.Queue, `work queue: "" in-process, or a nats:// URL (env PARALLAX_QUEUE)`)
}

// openQueue picks the queue backend: in-process when url is empty,
// NATS JetStream for nats:// URLs. It is the one place that does.
func openQueue(ctx context.Context, url string) (queue.Queue, error) {
	switch {
	case url == "":
		return memqueue.New(memqueue.Config{}), nil
	case strings.HasPrefix(url, "nats://") || strings.HasPrefix(url, "tls://"):
		return natsqueue.Open(ctx, natsqueue.Config{URL: url})
	default:
		return nil, fmt.Errorf("queue %q: want a nats:// URL or nothing: %w", url, news.ErrInvalidInput)
	}
}

// ingestMessage is the body of an "ingest" message: one raw input.
type ingestMessage struct {
	Source      string        `json:"source"`
	Raw         []byte        `json:"raw"`
	ContentType string        `json:"content_type,omitempty"`
	FetchedAt   time.Time     `json:"fetched_at"`
	Article     *news.Article `json:"article,omitempty"`
}

// assignMessage is the body of an "assign.<partition>" message.
type assignMessage struct {
	ArticleID int64 `json:"article_id"`
}

// PublishInput queues one input for the workers instead of processing it
// inline; serve, poll and ingest call it when a queue is configured. The
// SHA-256 of the raw bytes is the deduplication ID, so publishing the same
// input twice within the window queues it once (and the store would keep
// it once anyway).
func PublishInput(ctx context.Context, q queue.Queue, in pipeline.Input) error {
	if in.FetchedAt.IsZero() {
		in.FetchedAt = time.Now().UTC()
	}
	body, err := json.Marshal(ingestMessage{Source: in.Source, Raw: in.Raw, ContentType: in.ContentType, FetchedAt: in.FetchedAt, Article: in.Article})
	if err != nil {
		return fmt.Errorf("queue %s: %w", in.Source, err)
	}
	key := in.Raw
	if len(key) == 0 {
		key = []byte("source:" + in.Source) // a feed item known only by its content
	}
	sum := sha256.Sum256(key)
	return q.Publish(ctx, subjectIngest, body, hex.EncodeToString(sum[:]))
}

// pollIngest is what `poll` does with a new feed item: publish it for the
// workers when a queue is configured, else ingest it inline.
func (e *env) pollIngest(ctx context.Context, st store.Store) (feed.IngestFunc, func(), error) {
	if e.cfg.Queue == "" {
		p, err := e.newPipeline(ctx, st)
		if err != nil {
			return nil, nil, err
		}
		return ingestPage(p), func() {}, nil
	}
	q, err := openQueue(ctx, e.cfg.Queue)
	if err != nil {
		return nil, nil, err
	}
	publish := func(ctx context.Context, pg feed.Page) error {
		return PublishInput(ctx, q, pipeline.Input{Source: pg.Source, Raw: pg.Raw, ContentType: pg.ContentType, FetchedAt: pg.FetchedAt, Article: pg.Article})
	}
	return publish, func() { q.Close() }, nil
}

// partitions routes articles to story assigners by language. Every
// process of a deployment must be given the same list.
type partitions []string

// parsePartitions reads a comma-separated language list; empty means the
// single partition "all".
func parsePartitions(list string) partitions {
	var p partitions
	for _, lang := range strings.Split(list, ",") {
		if lang = strings.ToLower(strings.TrimSpace(lang)); lang != "" && !slices.Contains(p, lang) {
			p = append(p, lang)
		}
	}
	return p
}

// of returns the partition of a language.
func (p partitions) of(language *string) string {
	if len(p) == 0 {
		return partitionAll
	}
	lang := strings.ToLower(news.Deref(language))
	if slices.Contains(p, lang) && lang != partitionOther {
		return lang
	}
	return partitionOther
}

// names lists every partition an assigner may consume.
func (p partitions) names() []string {
	if len(p) == 0 {
		return []string{partitionAll}
	}
	names := slices.Clone([]string(p))
	if !slices.Contains(names, partitionOther) {
		names = append(names, partitionOther)
	}
	return names
}

// publishSources is `ingest --queue`: it loads each source and publishes
// it for the workers instead of processing it here.
func (e *env) publishSources(ctx context.Context, sources []source, loadErrs []error) error {
	q, err := openQueue(ctx, e.cfg.Queue)
	if err != nil {
		return err
	}
	defer q.Close()
	queued, failed := 0, len(loadErrs)
	for _, err := range loadErrs {
		fmt.Fprintf(e.stderr, "FAILED %v\n", err)
	}
	for _, src := range sources {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		e.eachInput(ctx, src, func(in pipeline.Input, err error) bool {
			if err == nil {
				err = PublishInput(ctx, q, in)
			}
			if err != nil {
				failed++
				fmt.Fprintf(e.stderr, "FAILED %v\n", err)
				return ctx.Err() == nil
			}
			queued++
			return ctx.Err() == nil
		})
	}
	fmt.Fprintf(e.stdout, "queued %d, failed %d\n", queued, failed)
	if failed > 0 {
		return errReported
	}
	return nil
}

// statusQueued reports an input handed to the workers rather than
// processed: its article ID is not known yet.
const statusQueued pipeline.Status = "queued"

// QueuedIngester satisfies the API's ingest dependency when a queue is
// configured: `serve --queue` publishes inputs for the workers and answers
// "queued" without an article ID.
type QueuedIngester struct{ Queue queue.Queue }

// Ingest publishes in and reports it queued, or failed with the reason.
func (qi QueuedIngester) Ingest(ctx context.Context, in pipeline.Input) []pipeline.Outcome {
	if err := PublishInput(ctx, qi.Queue, in); err != nil {
		return []pipeline.Outcome{{Source: in.Source, Status: pipeline.Failed, Err: err}}
	}
	return []pipeline.Outcome{{Source: in.Source, Status: statusQueued}}
}
