package reader

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/parallax-news/parallax/internal/news"
)

// ReadAll reads a batch of articles on up to workers goroutines (all
// cores when workers <= 0) and returns their annotations in the order of
// articles, the same as calling Read on each. The stage is CPU-bound, so
// more workers than cores gain nothing. When ctx is cancelled before
// every article is read, the workers stop at their next article and
// ReadAll returns ctx's error.
func (r *Reader) ReadAll(ctx context.Context, articles []news.Article, workers int) ([]news.Annotations, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(articles))
	out := make([]news.Annotations, len(articles))
	// Workers claim articles one at a time: lengths vary tenfold, so a
	// fixed split would leave a core idle at the end of a batch.
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(articles) {
					return
				}
				out[i] = r.Read(articles[i])
				done.Add(1)
			}
		})
	}
	wg.Wait()
	if n := int(done.Load()); n < len(articles) {
		return nil, fmt.Errorf("read articles: stopped after %d of %d: %w", n, len(articles), context.Cause(ctx))
	}
	return out, nil
}
