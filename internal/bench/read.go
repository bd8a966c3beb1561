package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/text"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
)

// ReadConfig sizes the read-stage benchmark.
type ReadConfig struct {
	DataDir  string // shared data folder with reuters21578/ and bbc-news/
	Articles int    // articles to read (the corpus is cycled)
	Workers  int    // goroutines; <= 0 means GOMAXPROCS
}

// ReadReport is the throughput of the clean and read stages.
type ReadReport struct {
	Articles              int     `json:"articles"`
	Workers               int     `json:"workers"`
	MeanArticleBytes      int     `json:"mean_article_bytes"`
	CleanFilesPerSecond   float64 `json:"clean_files_per_second"`
	CleanMBPerSecond      float64 `json:"clean_mb_per_second"`
	ReadArticlesPerSecond float64 `json:"read_articles_per_second"`
	ReadMBPerSecond       float64 `json:"read_mb_per_second"`
	PeakHeapMB            float64 `json:"peak_heap_mb"`
}

// Read measures, over real Reuters and BBC texts, the text cleaner (page
// dump -> article) and the whole read stage (sentences, NER, resolution,
// roles, dates, quotes) with the given number of workers.
func Read(ctx context.Context, cfg ReadConfig) (ReadReport, error) {
	if cfg.Articles <= 0 {
		return ReadReport{}, fmt.Errorf("bench read: articles must be positive: %w", news.ErrInvalidInput)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	texts, err := loadCorpus(cfg.DataDir)
	if err != nil {
		return ReadReport{}, err
	}
	r, err := reader.New()
	if err != nil {
		return ReadReport{}, err
	}
	dumps := make([]string, cfg.Articles)
	total := 0
	for i := range dumps {
		t := texts[(i*7919)%len(texts)]
		dumps[i] = t.title + "\n\n" + t.body
		total += len(dumps[i])
	}
	rep := ReadReport{Articles: cfg.Articles, Workers: cfg.Workers, MeanArticleBytes: total / cfg.Articles}
	published := &news.Timestamp{Time: time.Date(2024, 11, 27, 0, 0, 0, 0, time.UTC), DateOnly: true}

	articles := make([]news.Article, cfg.Articles)
	cleanSecs, err := parallel(ctx, cfg, func(i int) {
		a := text.Extract(fmt.Sprintf("bench/%d.txt", i), dumps[i], text.Options{})
		a.PublishedAt = published
		articles[i] = a
	})
	if err != nil {
		return rep, err
	}
	rep.CleanFilesPerSecond = float64(cfg.Articles) / cleanSecs
	rep.CleanMBPerSecond = float64(total) / (1 << 20) / cleanSecs

	var peak atomic.Uint64
	readSecs, err := parallel(ctx, cfg, func(i int) {
		r.Read(articles[i])
		if i%64 == 0 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	})
	if err != nil {
		return rep, err
	}
	rep.ReadArticlesPerSecond = float64(cfg.Articles) / readSecs
	rep.ReadMBPerSecond = float64(total) / (1 << 20) / readSecs
	rep.PeakHeapMB = mb(peak.Load())
	return rep, nil
}

// parallel runs fn(0..n-1) on cfg.Workers goroutines and returns the wall
// time in seconds.
func parallel(ctx context.Context, cfg ReadConfig, fn func(i int)) (float64, error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= cfg.Articles {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	return time.Since(start).Seconds(), ctx.Err()
}
