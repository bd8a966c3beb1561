package feed

import (
	"errors"
	"testing"
	"time"
)

func TestNextPoll(t *testing.T) {
	now := time.Date(2024, 11, 25, 12, 0, 0, 0, time.UTC)
	every := func(gap time.Duration, n int, last time.Time) []time.Time {
		var out []time.Time
		for i := range n {
			out = append(out, last.Add(-time.Duration(i)*gap))
		}
		return out
	}
	cfg := PollConfig{}
	tests := []struct {
		name   string
		items  []time.Time
		ttl    time.Duration
		errors int
		want   time.Duration
	}{
		{"no history uses default", nil, 0, 0, time.Hour},
		{"hourly feed polled every 30m", every(time.Hour, 10, now.Add(-10*time.Minute)), 0, 0, 30 * time.Minute},
		{"very busy feed clamped to min", every(time.Minute, 50, now), 0, 0, 10 * time.Minute},
		{"ttl is respected", every(time.Hour, 10, now), 2 * time.Hour, 0, 2 * time.Hour},
		{"daily feed", every(24*time.Hour, 7, now.Add(-time.Hour)), 0, 0, 12 * time.Hour},
		{"quiet feed slows down", every(time.Hour, 5, now.Add(-40*time.Hour)), 0, 0, 10 * time.Hour},
		{"old items ignored", every(time.Hour, 5, now.Add(-60*24*time.Hour)), 0, 0, time.Hour},
		{"weekly feed capped at max", every(7*24*time.Hour, 4, now), 0, 0, 24 * time.Hour},
		{"one error doubles", every(time.Hour, 10, now), 0, 1, time.Hour},
		{"three errors", every(time.Hour, 10, now), 0, 3, 4 * time.Hour},
		{"many errors capped", every(time.Hour, 10, now), 0, 40, 48 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NextPoll(now, tt.items, tt.ttl, tt.errors, cfg).Sub(now)
			if got != tt.want {
				t.Errorf("interval %s, want %s", got, tt.want)
			}
		})
	}
}

func TestApply(t *testing.T) {
	now := time.Date(2024, 11, 25, 12, 0, 0, 0, time.UTC)
	cfg := PollConfig{PauseAfter: 3}
	boom := errors.New("boom")

	state := State{}
	for i := 1; i <= 3; i++ {
		state = Apply(now, state, Outcome{Err: boom}, cfg)
		if state.ErrorCount != i || state.LastError != "boom" {
			t.Fatalf("after %d failures: %+v", i, state)
		}
	}
	if !state.Paused || state.PausedReason != "3 consecutive failures, last: boom" {
		t.Errorf("not paused after 3 failures: %+v", state)
	}

	ok := Apply(now, state, Outcome{}, cfg)
	if ok.ErrorCount != 0 || ok.Paused || ok.LastError != "" || ok.NextPollAt != now.Add(time.Hour) {
		t.Errorf("success did not reset: %+v", ok)
	}
	retry := Apply(now, State{}, Outcome{Err: boom, RetryAfter: 6 * time.Hour}, cfg)
	if retry.NextPollAt != now.Add(6*time.Hour) {
		t.Errorf("Retry-After ignored: %s", retry.NextPollAt.Sub(now))
	}
}
