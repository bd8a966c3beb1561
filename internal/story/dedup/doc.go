// Package dedup finds exact duplicates, near duplicates and partial copies
// (a wire story republished with a local paragraph added) in a stream of
// articles. It is a pure, in-memory stage: documents in, copy relations out.
//
// Every document is reduced to a set of sampled word shingles (Broder's
// modular sampling: a shingle is kept when its hash is divisible by the
// sample rate, so two documents keep the same shingles wherever the text is
// the same). One inverted index over the sampled shingles of the live
// originals answers both questions that matter: resemblance (Jaccard of the
// samples, for near duplicates) and containment (share of the shorter
// document found in the longer one, for partial copies). A hash of the
// normalised word sequence catches exact duplicates, including short texts
// that have too few shingles to sample.
//
// Within a copy group the earliest article (by Published, then arrival) is
// the original. Memory is bounded by a time window: documents older than the
// window relative to the newest article seen are evicted.
package dedup

import "time"

// Doc is the input of the index. Published may be zero (unknown): the
// document then takes the time of the newest article seen so far.
type Doc struct {
	ID        int64
	Text      string
	Published time.Time
}

// Config tunes the index. The zero value of a field means its default.
type Config struct {
	// ShingleSize is the number of words per shingle (default 4).
	ShingleSize int
	// SampleRate keeps one shingle in SampleRate, chosen by hash (default 4).
	SampleRate int
	// NearThreshold is the minimum resemblance (Jaccard of the sampled
	// shingles) of a near duplicate (default 0.8).
	NearThreshold float64
	// ContainmentThreshold is the minimum share of the shorter document's
	// sampled shingles found in the longer one for a partial copy (default 0.8).
	ContainmentThreshold float64
	// MinShingles is the smallest sample matched by shingles; shorter texts
	// are only matched exactly (default 5).
	MinShingles int
	// MaxPostings drops from candidate retrieval the shingles shared by more
	// live originals than this: boilerplate, not evidence (default 200).
	MaxPostings int
	// Window bounds memory: documents older than the newest minus Window
	// are evicted (default 72h).
	Window time.Duration
}

// DefaultConfig returns the defaults documented on Config.
func DefaultConfig() Config {
	return Config{
		ShingleSize:          4,
		SampleRate:           4,
		NearThreshold:        0.8,
		ContainmentThreshold: 0.8,
		MinShingles:          5,
		MaxPostings:          200,
		Window:               72 * time.Hour,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.ShingleSize <= 0 {
		c.ShingleSize = d.ShingleSize
	}
	if c.SampleRate <= 0 {
		c.SampleRate = d.SampleRate
	}
	if c.NearThreshold <= 0 {
		c.NearThreshold = d.NearThreshold
	}
	if c.ContainmentThreshold <= 0 {
		c.ContainmentThreshold = d.ContainmentThreshold
	}
	if c.MinShingles <= 0 {
		c.MinShingles = d.MinShingles
	}
	if c.MaxPostings <= 0 {
		c.MaxPostings = d.MaxPostings
	}
	if c.Window <= 0 {
		c.Window = d.Window
	}
	return c
}
