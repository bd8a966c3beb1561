package cluster

import (
	"math"
	"slices"
	"time"
)

// centroid sums the idf-free unit term vectors of a story's members; IDF
// weights apply at comparison time, so early members are re-weighted as the
// vocabulary learns.
type centroid struct {
	w     map[termID]float64
	norm  float64 // L2 norm of the IDF weighted centroid
	normN int     // vocab.docs when norm was computed; -1 when stale
}

func newCentroid() centroid { return centroid{w: make(map[termID]float64), normN: -1} }

func (c *centroid) add(vec []tw) {
	for _, x := range vec {
		c.w[x.t] += x.w
	}
	c.normN = -1
}

func (c *centroid) merge(o *centroid) {
	for t, w := range o.w {
		c.w[t] += w
	}
	c.normN = -1
}

// refresh recomputes the norm when members changed or the stream grew by
// more than 5% since the last computation.
func (c *centroid) refresh(v *vocab) {
	if c.normN >= 0 && float64(v.docs) <= float64(c.normN)*1.05 {
		return
	}
	var sum float64
	for t, w := range c.w {
		x := w * v.idf(t)
		sum += x * x
	}
	c.norm = math.Sqrt(sum)
	c.normN = v.docs
}

// cosine compares an IDF weighted unit vector with the centroid and
// returns the per-term contributions for explanations when want is set.
func (c *centroid) cosine(v *vocab, q []tw) float64 {
	c.refresh(v)
	if c.norm == 0 {
		return 0
	}
	var dot float64
	for _, x := range q {
		if w, ok := c.w[x.t]; ok {
			dot += x.w * w * v.idf(x.t)
		}
	}
	return dot / c.norm
}

// shared lists the terms of q in the centroid, heaviest contribution first.
func (c *centroid) shared(v *vocab, q []tw, k int) []string {
	var contrib []tw
	for _, x := range q {
		if w, ok := c.w[x.t]; ok {
			contrib = append(contrib, tw{x.t, x.w * w * v.idf(x.t)})
		}
	}
	slices.SortFunc(contrib, byWeightDesc)
	if len(contrib) > k {
		contrib = contrib[:k]
	}
	names := make([]string, len(contrib))
	for i, x := range contrib {
		names[i] = v.names[x.t]
	}
	return names
}

// prune keeps the keep heaviest IDF weighted terms.
func (c *centroid) prune(v *vocab, keep int) {
	all := make([]tw, 0, len(c.w))
	for t, w := range c.w {
		all = append(all, tw{t, w * v.idf(t)})
	}
	slices.SortFunc(all, byWeightDesc)
	for _, x := range all[keep:] {
		delete(c.w, x.t)
	}
	c.normN = -1
}

// member is one article of a story.
type member struct {
	id     int64
	score  float64
	copyOf int64
}

// story is a live story and its index keys.
type story struct {
	id      int64
	title   string
	members []member
	terms   centroid
	ents    centroid
	titles  centroid
	// first and last bound the known publication times; active is the
	// newest time (publication or clock) used for eviction.
	first, last, active time.Time
	eventDates          map[string]int
	keys                map[termID]struct{}
}

func newStory(id int64) *story {
	return &story{
		id:         id,
		terms:      newCentroid(),
		ents:       newCentroid(),
		titles:     newCentroid(),
		eventDates: make(map[string]int),
		keys:       make(map[termID]struct{}),
	}
}

// eventDate is the most frequent event date of the members (earliest on ties).
func (s *story) eventDate() string {
	best, n := "", 0
	for d, c := range s.eventDates {
		if c > n || c == n && d < best {
			best, n = d, c
		}
	}
	return best
}

// seen widens the story's time span with an article's times.
func (s *story) seen(published, at time.Time) {
	if !published.IsZero() {
		if s.first.IsZero() || published.Before(s.first) {
			s.first = published
		}
		if published.After(s.last) {
			s.last = published
		}
	}
	if at.After(s.active) {
		s.active = at
	}
}

// absorb moves o's members and evidence into s.
func (s *story) absorb(o *story) {
	s.members = append(s.members, o.members...)
	s.terms.merge(&o.terms)
	s.ents.merge(&o.ents)
	s.titles.merge(&o.titles)
	for d, c := range o.eventDates {
		s.eventDates[d] += c
	}
	s.seen(o.first, o.active)
	s.seen(o.last, o.active)
	if s.title == "" {
		s.title = o.title
	}
}
