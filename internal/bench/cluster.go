package bench

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// ClusterConfig sets up the dedup + cluster benchmark.
type ClusterConfig struct {
	// Articles is the length of the stream.
	Articles int
	// DataDir holds reuters21578/ and bbc-news/.
	DataDir string
	// Seed makes the stream reproducible.
	Seed uint64
	// Cluster configures the clusterer (and its dedup index).
	Cluster cluster.Config
}

// MemoryPoint is the live heap (after a collection) at a share of the stream.
type MemoryPoint struct {
	Percent      int     `json:"percent"`
	HeapInuseMB  float64 `json:"heap_inuse_mb"`
	LiveStories  int     `json:"live_stories"`
	LiveArticles int     `json:"live_articles"`
}

// ClusterReport is what `parallax bench cluster` prints.
type ClusterReport struct {
	Articles          int     `json:"articles"`
	BaseTexts         int     `json:"base_texts"`
	Seconds           float64 `json:"seconds"`
	ArticlesPerSecond float64 `json:"articles_per_second"`
	LatencyP50Micros  float64 `json:"latency_p50_us"`
	LatencyP99Micros  float64 `json:"latency_p99_us"`
	LatencyMaxMicros  float64 `json:"latency_max_us"`
	// CPU latencies count only the CPU time of the clustering thread: on a
	// shared machine wall-clock tails mostly measure waiting for a core.
	CPULatencyP50Micros float64       `json:"cpu_latency_p50_us"`
	CPULatencyP99Micros float64       `json:"cpu_latency_p99_us"`
	Copies              int           `json:"copies"`
	NewStories          int           `json:"new_stories"`
	Merges              int           `json:"merges"`
	PeakHeapInuseMB     float64       `json:"peak_heap_inuse_mb"`
	MaxRSSMB            float64       `json:"max_rss_mb"`
	Memory              []MemoryPoint `json:"memory"`
}

// Cluster streams cfg.Articles articles built from real texts, re-dated
// across one year, through dedup and clustering, and measures them.
//
// The stream is deterministic for a seed: 70% of the articles are fresh
// reports (a base text, sometimes without its lead paragraph), 20% exact
// wire copies of a recent article and 10% partial copies (a recent article
// with a local paragraph added). Articles arrive in time order with up to
// an hour of jitter, so some arrive out of order. Latency is the time of
// one Clusterer.Add (dedup + assignment); throughput also counts building
// the entity proxy (eval.ProxyEntities).
func Cluster(ctx context.Context, cfg ClusterConfig) (ClusterReport, error) {
	if cfg.Articles <= 0 {
		return ClusterReport{}, fmt.Errorf("bench cluster: articles must be positive: %w", news.ErrInvalidInput)
	}
	texts, err := loadCorpus(cfg.DataDir)
	if err != nil {
		return ClusterReport{}, fmt.Errorf("bench cluster: %w", err)
	}
	gen := newStream(texts, cfg.Articles, cfg.Seed)
	c := cluster.New(cfg.Cluster)
	rep := ClusterReport{Articles: cfg.Articles, BaseTexts: len(texts)}
	var lat, cpuLat latencies
	runtime.LockOSThread() // so that the thread's CPU clock measures Add
	defer runtime.UnlockOSThread()
	var ms runtime.MemStats
	runtime.GC()
	next := 1
	start := time.Now()
	for i := range cfg.Articles {
		if i%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return rep, fmt.Errorf("bench cluster: %w", err)
			}
			runtime.ReadMemStats(&ms)
			rep.PeakHeapInuseMB = max(rep.PeakHeapInuseMB, mb(ms.HeapInuse))
		}
		doc := gen.next()
		doc.Entities = eval.ProxyEntities(doc.Title + "\n" + doc.Text)
		t0, cpu0 := time.Now(), threadCPU()
		a := c.Add(doc)
		lat.add(time.Since(t0))
		cpuLat.add(threadCPU() - cpu0)
		if a.CopyOf != 0 {
			rep.Copies++
		}
		if a.New {
			rep.NewStories++
		}
		rep.Merges += len(a.Merged)
		if (i+1)*4 >= next*cfg.Articles {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			stories, live := c.Live()
			rep.Memory = append(rep.Memory, MemoryPoint{Percent: next * 25, HeapInuseMB: mb(ms.HeapInuse), LiveStories: stories, LiveArticles: live})
			rep.PeakHeapInuseMB = max(rep.PeakHeapInuseMB, mb(ms.HeapInuse))
			slog.Info("bench cluster progress", "articles", i+1, "heap_inuse_mb", mb(ms.HeapInuse), "live_stories", stories)
			next++
		}
	}
	elapsed := time.Since(start)
	rep.Seconds = elapsed.Seconds()
	rep.ArticlesPerSecond = float64(cfg.Articles) / elapsed.Seconds()
	rep.LatencyP50Micros = lat.quantile(0.50)
	rep.LatencyP99Micros = lat.quantile(0.99)
	rep.LatencyMaxMicros = float64(lat.max.Microseconds())
	rep.CPULatencyP50Micros = cpuLat.quantile(0.50)
	rep.CPULatencyP99Micros = cpuLat.quantile(0.99)
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		rep.MaxRSSMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return rep, nil
}

// threadCPU returns the CPU time of the calling OS thread.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

// latencies is a histogram with 1µs buckets up to 100ms.
type latencies struct {
	buckets [100001]uint32
	n       int
	max     time.Duration
}

func (l *latencies) add(d time.Duration) {
	us := min(int(d.Microseconds()), len(l.buckets)-1)
	l.buckets[us]++
	l.n++
	l.max = max(l.max, d)
}

func (l *latencies) quantile(q float64) float64 {
	want := int(q * float64(l.n))
	seen := 0
	for us, c := range l.buckets {
		seen += int(c)
		if seen > want {
			return float64(us)
		}
	}
	return float64(len(l.buckets) - 1)
}

// stream generates the synthetic article stream.
type stream struct {
	texts  []baseText
	rng    *rand.Rand
	order  []int // permutation of texts for fresh reports
	pos    int
	n      int
	i      int
	start  time.Time
	step   time.Duration
	recent []cluster.Doc // ring of recent articles to copy from
	ring   int           // capacity of recent
}

// copySpan is how far back in stream time a copy reaches: agencies' copies
// appear within hours of the original, and a copy of an article older than
// the dedup window would be counted as a fresh report. The ring holds the
// articles of that span, at most maxRecentRing.
const (
	copySpan      = 12 * time.Hour
	maxRecentRing = 256
)

func newStream(texts []baseText, n int, seed uint64) *stream {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &stream{
		texts: texts,
		rng:   rng,
		order: rng.Perm(len(texts)),
		n:     n,
		start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		step:  365 * 24 * time.Hour / time.Duration(n),
		ring:  recentRing(n),
	}
}

// recentRing sizes the copy ring so that it spans copySpan of a stream of n
// articles over one year.
func recentRing(n int) int {
	return min(max(int(int64(n)*int64(copySpan)/int64(365*24*time.Hour)), 1), maxRecentRing)
}

func (s *stream) next() cluster.Doc {
	s.i++
	jitter := time.Duration(s.rng.Int64N(int64(time.Hour)))
	doc := cluster.Doc{
		ID:        int64(s.i),
		Outlet:    fmt.Sprintf("outlet-%d", s.rng.IntN(200)),
		Published: s.start.Add(time.Duration(s.i)*s.step + jitter),
	}
	roll := s.rng.IntN(10)
	switch {
	case roll < 2 && len(s.recent) > 0:
		src := s.recent[s.rng.IntN(len(s.recent))]
		doc.Title, doc.Text = src.Title, src.Text
	case roll < 3 && len(s.recent) > 0:
		src := s.recent[s.rng.IntN(len(s.recent))]
		local := s.texts[s.rng.IntN(len(s.texts))]
		doc.Title = src.Title
		doc.Text = src.Text + "\n\n" + firstParagraph(local.body)
	default:
		t := s.texts[s.order[s.pos]]
		s.pos = (s.pos + 1) % len(s.order)
		doc.Title, doc.Text = t.title, t.body
		if s.rng.IntN(3) == 0 {
			if _, rest, ok := strings.Cut(t.body, "\n"); ok && strings.TrimSpace(rest) != "" {
				doc.Text = rest
			}
		}
	}
	if len(s.recent) < s.ring {
		s.recent = append(s.recent, doc)
	} else {
		s.recent[s.i%s.ring] = doc
	}
	return doc
}

func firstParagraph(body string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	return p
}
