package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// Worker roles.
const (
	roleIngest = "ingest"
	roleAssign = "assign"
	roleAll    = "all"
)

func newWorkerCmd(e *env) *cobra.Command {
	var role, partitionList, consumeList string
	var concurrency int
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Consume queued work: extract and read inputs, or assign articles to stories",
		Long: "worker --role ingest consumes \"ingest\" messages (raw inputs), stores, extracts and reads them, and\n" +
			"publishes each article to \"assign.<partition>\". Run as many as you like.\n" +
			"worker --role assign runs the story assigner of each partition: exactly ONE such process per\n" +
			"partition in the whole deployment, since stories are built by one in-memory index rebuilt\n" +
			"from the store on start. --role all runs both in one process (a single-machine setup).\n" +
			"Partitions are languages (--partitions en,fr: en, fr and \"other\"); with none, one partition \"all\".",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if e.cfg.Queue == "" {
				return fmt.Errorf("worker: --queue nats://... is required (the in-process queue only lives inside one command): %w", news.ErrInvalidInput)
			}
			if role != roleIngest && role != roleAssign && role != roleAll {
				return fmt.Errorf("worker: --role %q: want ingest, assign or all: %w", role, news.ErrInvalidInput)
			}
			ctx := cmd.Context()
			return withStore(ctx, e.cfg.DB, func(st store.Store) error {
				q, err := openQueue(ctx, e.cfg.Queue)
				if err != nil {
					return err
				}
				defer q.Close()
				w := &worker{store: st, queue: q, parts: parsePartitions(partitionList), concurrency: concurrency}
				if role != roleAssign {
					if w.pipe, err = e.newReadPipeline(st); err != nil {
						return err
					}
				}
				consume := w.parts.names()
				if consumeList != "" {
					consume = parsePartitions(consumeList)
				}
				return w.run(ctx, role, consume)
			})
		},
	}
	cmd.Flags().StringVar(&role, "role", roleIngest, "ingest, assign or all")
	cmd.Flags().IntVar(&concurrency, "concurrency", 1, "ingest messages handled at once by this process")
	cmd.Flags().StringVar(&partitionList, "partitions", "", "comma-separated languages with their own story assigner (same list on every process)")
	cmd.Flags().StringVar(&consumeList, "consume", "", "assign role: the partitions this process assigns (default: all of them)")
	return cmd
}

// worker holds what the roles share.
type worker struct {
	store       store.Store
	queue       queue.Queue
	pipe        *pipeline.Pipeline // read pipeline (no assigner); nil in the assign role
	parts       partitions
	concurrency int
}

// run consumes until ctx is done; the first consumer error stops the rest.
func (w *worker) run(ctx context.Context, role string, assignPartitions []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, w.concurrency+len(assignPartitions))
	start := func(subject, durable string, handler func(context.Context, queue.Message) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.queue.Consume(ctx, subject, durable, handler); err != nil {
				errs <- fmt.Errorf("consume %s: %w", subject, err)
				cancel()
			}
		}()
	}
	if role != roleAssign {
		for range max(w.concurrency, 1) {
			start(subjectIngest, "ingest-workers", w.handleIngest)
		}
		slog.Info("worker consuming", "subject", subjectIngest, "concurrency", max(w.concurrency, 1))
	}
	if role != roleIngest {
		for _, part := range assignPartitions {
			a := &assigner{store: w.store, partition: part, parts: w.parts}
			if err := a.load(ctx); err != nil {
				slog.Warn("story index not loaded yet; retrying on the first message", "partition", part, "err", err)
			}
			start(assignPrefix+part, "assign-"+part, a.handle)
			slog.Info("story assigner consuming", "subject", assignPrefix+part)
		}
	}
	wg.Wait()
	close(errs)
	return errors.Join(collect(errs)...)
}

func collect(errs <-chan error) []error {
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}

// handleIngest stores, extracts and reads one input, then hands each
// article to its partition's assigner. A redelivered input finds its
// document stored and is reported unchanged; its assign message is sent
// again because the first attempt may have died before sending it, and the
// assigner skips articles that already have a story.
func (w *worker) handleIngest(ctx context.Context, m queue.Message) error {
	var msg ingestMessage
	if err := json.Unmarshal(m.Data, &msg); err != nil {
		slog.Error("dropping malformed ingest message", "err", err)
		return nil
	}
	in := pipeline.Input{Source: msg.Source, Raw: msg.Raw, ContentType: msg.ContentType, FetchedAt: msg.FetchedAt, Article: msg.Article}
	var errs []error
	for _, out := range w.pipe.Ingest(ctx, in) {
		if out.Status == pipeline.Failed {
			if permanent(out.Err) {
				slog.Warn("input rejected", "source", out.Source, "err", out.Err)
				continue
			}
			errs = append(errs, out.Err)
			continue
		}
		if err := w.publishAssign(ctx, out.ArticleID); err != nil {
			errs = append(errs, err)
		}
		slog.Debug("input read", "source", out.Source, "status", out.Status, "article_id", out.ArticleID, "delivery", m.Deliveries)
	}
	return errors.Join(errs...)
}

// permanent reports whether retrying cannot help.
func permanent(err error) bool {
	return errors.Is(err, news.ErrInvalidInput) || errors.Is(err, news.ErrTooLarge)
}

func (w *worker) publishAssign(ctx context.Context, articleID int64) error {
	a, err := w.store.Article(ctx, articleID)
	if err != nil {
		return fmt.Errorf("article %d: %w", articleID, err)
	}
	body, _ := json.Marshal(assignMessage{ArticleID: articleID})
	return w.queue.Publish(ctx, assignPrefix+w.parts.of(a.Language), body, fmt.Sprintf("article-%d", articleID))
}

// assigner is the single writer of one partition's stories.
type assigner struct {
	store     store.Store
	partition string
	parts     partitions
	stories   *pipeline.Stories // nil until loaded, and after a failed write
}

// load rebuilds the partition's story index from the store. Replaying
// articles in ID order reproduces the stored stories only if they were
// built in that order, and workers finish articles out of order; so the
// partition's stories are deleted and rebuilt in ID order, leaving store
// and index identical. A crash during the rebuild is repaired by the next
// load, which starts over.
func (a *assigner) load(ctx context.Context) error {
	view := partitionView{Store: a.store, keep: func(art news.Article) bool {
		return a.partition == partitionAll || a.parts.of(art.Language) == a.partition
	}}
	if err := a.clearStories(ctx, view); err != nil {
		return fmt.Errorf("clear stories of partition %s: %w", a.partition, err)
	}
	stories, err := pipeline.LoadStories(ctx, view, storyConfig())
	if err != nil {
		return fmt.Errorf("load stories of partition %s: %w", a.partition, err)
	}
	a.stories = stories
	return nil
}

// clearStories deletes every stored story with a member in the partition.
func (a *assigner) clearStories(ctx context.Context, view partitionView) error {
	members := map[int64]bool{}
	if a.partition != partitionAll {
		q := store.ArticleQuery{Limit: 1000}
		for {
			list, next, err := view.Articles(ctx, q)
			if err != nil {
				return err
			}
			for _, art := range list {
				members[art.ID] = true
			}
			if next == "" {
				break
			}
			q.Cursor = next
		}
	}
	var doomed []int64
	q := store.StoryQuery{Limit: 1000}
	for {
		list, next, err := a.store.Stories(ctx, q)
		if err != nil {
			return err
		}
		for _, s := range list {
			if a.partition == partitionAll || slices.ContainsFunc(s.ArticleIDs, func(id int64) bool { return members[id] }) {
				doomed = append(doomed, s.ID)
			}
		}
		if next == "" {
			break
		}
		q.Cursor = next
	}
	for _, id := range doomed {
		if err := a.store.DeleteStory(ctx, id); err != nil && !errors.Is(err, news.ErrNotFound) {
			return err
		}
	}
	if len(doomed) > 0 {
		slog.Info("stories cleared for an ordered rebuild", "partition", a.partition, "stories", len(doomed))
	}
	return nil
}

// handle assigns one article unless it already has a story. A failed
// write leaves the in-memory index ahead of the store, so the index is
// dropped and rebuilt from the store before the next message.
func (a *assigner) handle(ctx context.Context, m queue.Message) error {
	var msg assignMessage
	if err := json.Unmarshal(m.Data, &msg); err != nil {
		slog.Error("dropping malformed assign message", "err", err)
		return nil
	}
	if a.stories == nil {
		if err := a.load(ctx); err != nil {
			return err
		}
	}
	if _, err := a.store.StoryOfArticle(ctx, msg.ArticleID); err == nil {
		return nil
	} else if !errors.Is(err, news.ErrNotFound) {
		return err
	}
	art, err := a.store.Article(ctx, msg.ArticleID)
	if err != nil {
		return fmt.Errorf("article %d: %w", msg.ArticleID, err)
	}
	ann, err := a.store.Annotations(ctx, msg.ArticleID)
	if err != nil {
		return fmt.Errorf("annotations of article %d: %w", msg.ArticleID, err)
	}
	if err := a.stories.Assign(ctx, art, ann); err != nil {
		a.stories = nil
		return fmt.Errorf("assign article %d: %w", msg.ArticleID, err)
	}
	return nil
}

// partitionView shows LoadStories only the articles of one partition.
type partitionView struct {
	store.Store
	keep func(news.Article) bool
}

// Articles filters each page; the cursor still walks the whole table.
func (v partitionView) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, string, error) {
	list, next, err := v.Store.Articles(ctx, q)
	if err != nil {
		return nil, "", err
	}
	kept := list[:0]
	for _, art := range list {
		if v.keep(art) {
			kept = append(kept, art)
		}
	}
	return kept, next, nil
}

// startWorkers runs ingest consumers and the story assigner of every
// partition in this process, calling ready once the models are loaded:
// the `bench e2e` harness, and a single-machine deployment's equivalent of
// `worker --role all --concurrency N`.
func (e *env) startWorkers(ctx context.Context, st store.Store, q queue.Queue, workers int, ready func()) error {
	pipe, err := e.newReadPipeline(st)
	if err != nil {
		return err
	}
	ready()
	w := &worker{store: st, queue: q, pipe: pipe, concurrency: workers}
	return w.run(ctx, roleAll, w.parts.names())
}
