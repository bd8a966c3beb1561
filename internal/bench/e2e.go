package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// Inputs returns n distinct plain-text articles ("Title\n\nBody\n") built
// from the Reuters and BBC texts under dataDir (exact repeats dropped, the
// rest in a fixed shuffled order), skipping the first skip texts so that
// successive runs use disjoint inputs. Texts repeat with a numbered title
// when skip+n exceeds the corpus; every input's bytes differ.
func Inputs(dataDir string, skip, n int) ([]pipeline.Input, error) {
	texts, err := loadCorpus(dataDir)
	if err != nil {
		return nil, err
	}
	var usable []baseText
	seen := map[string]bool{}
	for _, t := range texts {
		if t.title != "" && len(t.body) > 200 && !seen[t.title+"\x00"+t.body] {
			seen[t.title+"\x00"+t.body] = true
			usable = append(usable, t)
		}
	}
	if len(usable) == 0 {
		return nil, fmt.Errorf("bench inputs %s: no titled texts: %w", dataDir, news.ErrNotFound)
	}
	// A fixed shuffle mixes the corpora, so disjoint slices (one per run)
	// have the same mix of short wire items and long features.
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(usable), func(i, j int) { usable[i], usable[j] = usable[j], usable[i] })
	out := make([]pipeline.Input, 0, n)
	for i := skip; i < skip+n; i++ {
		t := usable[i%len(usable)]
		title := t.title
		if round := i / len(usable); round > 0 {
			title = fmt.Sprintf("%s (%d)", title, round+1)
		}
		out = append(out, pipeline.Input{
			Source:      fmt.Sprintf("bench/%06d.txt", i),
			Raw:         []byte(title + "\n\n" + t.body + "\n"),
			ContentType: "text/plain",
		})
	}
	return out, nil
}

// E2EBackend is one deployment to measure: how to get an empty store and
// queue, and how to run workers on them. internal/app supplies these, as
// only it may pick backends and wire the worker roles.
type E2EBackend struct {
	Name string
	// Open returns the store and queue for one run and a cleanup.
	Open func(ctx context.Context) (store.Store, queue.Queue, func(), error)
	// Start runs the given number of ingest workers and the story assigner
	// until ctx is done, calling ready once the models are loaded (the
	// clock starts then).
	Start func(ctx context.Context, st store.Store, q queue.Queue, workers int, ready func()) error
	// Publish queues one input.
	Publish func(ctx context.Context, q queue.Queue, in pipeline.Input) error
}

// E2EConfig selects the runs.
type E2EConfig struct {
	Articles int
	DataDir  string
	Workers  []int // worker counts to measure, e.g. 1 and 2
	Backends []E2EBackend
	// Timeout bounds one run (10 minutes when zero).
	Timeout time.Duration
}

// E2ERun is the result of one backend and worker count.
type E2ERun struct {
	Backend        string  `json:"backend"`
	Workers        int     `json:"workers"`
	Articles       int     `json:"articles"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// CPUSeconds is the CPU time this process spent (user plus system, from
	// the operating system; 0 where unknown), excluding the database and
	// broker processes.
	// ArticlesPerCPUSec does not depend on how busy the machine is, so it
	// gives the capacity of one dedicated core.
	CPUSeconds        float64 `json:"cpu_seconds"`
	ArticlesPerCPUSec float64 `json:"articles_per_cpu_sec"`
}

// E2EReport lists the runs in order.
type E2EReport struct {
	Runs []E2ERun `json:"runs"`
}

// E2E publishes Articles inputs and measures the time until every one is
// stored, read and in a story, for each backend and worker count. Each run
// uses its own inputs so runs sharing a database do not see each other's
// work as done.
func E2E(ctx context.Context, cfg E2EConfig) (E2EReport, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Minute
	}
	var rep E2EReport
	skip := 0
	for _, b := range cfg.Backends {
		for _, workers := range cfg.Workers {
			inputs, err := Inputs(cfg.DataDir, skip, cfg.Articles)
			if err != nil {
				return rep, err
			}
			skip += cfg.Articles
			run, err := e2eRun(ctx, cfg.Timeout, b, workers, inputs)
			if err != nil {
				return rep, fmt.Errorf("bench e2e %s with %d workers: %w", b.Name, workers, err)
			}
			rep.Runs = append(rep.Runs, run)
		}
	}
	return rep, nil
}

func e2eRun(ctx context.Context, timeout time.Duration, b E2EBackend, workers int, inputs []pipeline.Input) (E2ERun, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	st, q, cleanup, err := b.Open(ctx)
	if err != nil {
		return E2ERun{}, err
	}
	defer cleanup()
	before, err := assignedArticles(ctx, st)
	if err != nil {
		return E2ERun{}, err
	}
	workerCtx, stopWorkers := context.WithCancel(ctx)
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() { done <- b.Start(workerCtx, st, q, workers, func() { close(ready) }) }()
	defer func() { stopWorkers(); <-done }()
	select {
	case <-ready:
	case err := <-done:
		return E2ERun{}, fmt.Errorf("workers did not start: %w", err)
	}
	start, cpuStart := time.Now(), cpuSeconds()
	for _, in := range inputs {
		if err := b.Publish(ctx, q, in); err != nil {
			return E2ERun{}, err
		}
	}
	for {
		n, err := assignedArticles(ctx, st)
		if err != nil {
			return E2ERun{}, err
		}
		if n-before >= len(inputs) {
			break
		}
		select {
		case err := <-done:
			return E2ERun{}, fmt.Errorf("workers stopped with %d of %d articles done: %w", n-before, len(inputs), err)
		case <-ctx.Done():
			return E2ERun{}, fmt.Errorf("%d of %d articles done: %w", n-before, len(inputs), ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpuStart
	run := E2ERun{Backend: b.Name, Workers: workers, Articles: len(inputs), Seconds: secs, ArticlesPerSec: float64(len(inputs)) / secs, CPUSeconds: cpu}
	if cpu > 0 {
		run.ArticlesPerCPUSec = float64(len(inputs)) / cpu
	}
	return run, nil
}

// assignedArticles counts the articles that belong to a story.
func assignedArticles(ctx context.Context, st store.Store) (int, error) {
	n := 0
	q := store.StoryQuery{Limit: 1000}
	for {
		list, next, err := st.Stories(ctx, q)
		if err != nil {
			return 0, err
		}
		for _, s := range list {
			n += len(s.ArticleIDs)
		}
		if next == "" {
			return n, nil
		}
		q.Cursor = next
	}
}
