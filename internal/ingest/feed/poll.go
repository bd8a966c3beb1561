package feed

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// PollConfig bounds how often a feed is polled.
type PollConfig struct {
	MinInterval     time.Duration // never poll more often (default 10m)
	MaxInterval     time.Duration // never wait longer while healthy (default 24h)
	DefaultInterval time.Duration // when the feed gives no history (default 1h)
	MaxBackoff      time.Duration // longest wait after errors (default 48h)
	PauseAfter      int           // consecutive failures that pause a feed (default 10)
	HistoryWindow   time.Duration // item times older than this are ignored (default 30 days)
}

func (c PollConfig) withDefaults() PollConfig {
	set := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	set(&c.MinInterval, 10*time.Minute)
	set(&c.MaxInterval, 24*time.Hour)
	set(&c.DefaultInterval, time.Hour)
	set(&c.MaxBackoff, 48*time.Hour)
	set(&c.HistoryWindow, 30*24*time.Hour)
	if c.PauseAfter <= 0 {
		c.PauseAfter = 10
	}
	return c
}

// NextPoll returns when to poll a feed again. A healthy feed is polled
// about twice per typical gap between its recent items (so a feed posting
// hourly is read every half hour), never sooner than its TTL or
// cfg.MinInterval nor later than cfg.MaxInterval; a feed whose newest item
// is old slows down further. After errorCount consecutive failures the
// interval doubles per failure, up to cfg.MaxBackoff.
func NextPoll(now time.Time, itemTimes []time.Time, ttl time.Duration, errorCount int, cfg PollConfig) time.Time {
	cfg = cfg.withDefaults()
	interval := updateInterval(now, itemTimes, cfg)
	interval = max(interval, ttl)
	interval = min(max(interval, cfg.MinInterval), cfg.MaxInterval)
	if errorCount > 0 {
		backoff := float64(interval) * math.Pow(2, float64(min(errorCount, 30)))
		interval = time.Duration(min(backoff, float64(cfg.MaxBackoff)))
		interval = max(interval, cfg.MinInterval)
	}
	return now.Add(interval)
}

// updateInterval estimates the polling interval from recent item times.
func updateInterval(now time.Time, itemTimes []time.Time, cfg PollConfig) time.Duration {
	var recent []time.Time
	for _, t := range itemTimes {
		if !t.IsZero() && !t.After(now) && now.Sub(t) <= cfg.HistoryWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) < 2 {
		if len(recent) == 1 {
			// One item: wait a fraction of its age, bounded by the default.
			return min(now.Sub(recent[0])/4, cfg.DefaultInterval)
		}
		return cfg.DefaultInterval
	}
	slices.SortFunc(recent, func(a, b time.Time) int { return a.Compare(b) })
	span := recent[len(recent)-1].Sub(recent[0])
	meanGap := span / time.Duration(len(recent)-1)
	interval := meanGap / 2
	// A feed that has gone quiet since its last item slows down.
	if silence := now.Sub(recent[len(recent)-1]); silence > 2*meanGap {
		interval = max(interval, silence/4)
	}
	return interval
}

// Outcome is the result of one poll, applied to a feed's state by Apply.
type Outcome struct {
	Err        error
	ItemTimes  []time.Time   // times of all items in the fetched feed
	TTL        time.Duration // RSS ttl or HTTP max-age, the longer
	RetryAfter time.Duration // server-requested delay (429/503)
}

// State is the polling state of a feed (a subset of news.Feed).
type State struct {
	NextPollAt   time.Time
	ErrorCount   int
	LastError    string
	Paused       bool
	PausedReason string
}

// Apply returns the state after a poll at now: success resets the error
// count; failure increments it, backs off, and after cfg.PauseAfter
// consecutive failures pauses the feed with the reason.
func Apply(now time.Time, prev State, out Outcome, cfg PollConfig) State {
	cfg = cfg.withDefaults()
	next := State{}
	if out.Err != nil {
		next.ErrorCount = prev.ErrorCount + 1
		next.LastError = out.Err.Error()
		if next.ErrorCount >= cfg.PauseAfter {
			next.Paused = true
			next.PausedReason = fmt.Sprintf("%d consecutive failures, last: %v", next.ErrorCount, out.Err)
		}
	}
	next.NextPollAt = NextPoll(now, out.ItemTimes, out.TTL, next.ErrorCount, cfg)
	if retry := now.Add(out.RetryAfter); retry.After(next.NextPollAt) {
		next.NextPollAt = retry
	}
	return next
}
