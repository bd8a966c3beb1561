package dedup

import (
	"container/heap"
	"slices"
	"time"
)

// Index detects copies among the documents added to it. It is not safe for
// concurrent use; run one Index per partition of the stream.
type Index struct {
	cfg     Config
	clock   time.Time // newest document time seen
	arrival int64     // arrival counter, breaks ties between equal times

	docs     map[int64]*entry
	exact    map[uint64]*group // exact hash of the original -> its group
	postings map[uint64][]*entry
	expiry   expiryHeap
}

// entry is one live document.
type entry struct {
	id      int64
	at      time.Time // Published, or the clock when unknown
	arrival int64
	known   bool // Published was given
	fp      fingerprint
	group   *group
	score   float64 // similarity to the original when the entry was added
}

// group is a copy group; original is its earliest member.
type group struct {
	original *entry
}

// New returns an empty index.
func New(cfg Config) *Index {
	return &Index{
		cfg:      cfg.withDefaults(),
		docs:     make(map[int64]*entry),
		exact:    make(map[uint64]*group),
		postings: make(map[uint64][]*entry),
	}
}

// Add records doc and reports whether it copies an earlier article: copyOf
// is the original of its copy group and score the similarity (1 for an
// exact duplicate, else the resemblance of a near duplicate or the
// containment of a partial copy). When doc predates the group's original it
// becomes the original: ok is false and Original reports doc for the former
// original from then on. Adding an ID twice changes nothing and repeats the
// current answer.
func (x *Index) Add(doc Doc) (copyOf int64, score float64, ok bool) {
	if e, seen := x.docs[doc.ID]; seen {
		return x.answer(e)
	}
	x.arrival++
	e := &entry{id: doc.ID, at: doc.Published, arrival: x.arrival, known: !doc.Published.IsZero()}
	if e.known && e.at.After(x.clock) {
		x.clock = e.at
	}
	if !e.known {
		e.at = x.clock
	}
	e.fp = makeFingerprint(doc.Text, x.cfg.ShingleSize, x.cfg.SampleRate)

	g, s := x.match(e)
	e.score = s
	switch {
	case g == nil:
		e.group = &group{original: e}
		x.index(e)
	case earlier(e, g.original):
		x.unindex(g.original)
		g.original.fp.shingles = nil
		g.original.score = s
		g.original = e
		e.group = g
		x.index(e)
	default:
		e.group = g
		e.fp.shingles = nil // copies are never matched against
	}
	x.docs[e.id] = e
	heap.Push(&x.expiry, e)
	x.evict()
	return x.answer(e)
}

// Original returns the current original of id's copy group (id itself when
// it is an original) and whether id is still in the window.
func (x *Index) Original(id int64) (int64, bool) {
	e, ok := x.docs[id]
	if !ok {
		return 0, false
	}
	return e.group.original.id, true
}

// Len returns the number of live documents.
func (x *Index) Len() int { return len(x.docs) }

func (x *Index) answer(e *entry) (int64, float64, bool) {
	if o := e.group.original; o != e {
		return o.id, e.score, true
	}
	return 0, 0, false
}

// earlier orders copies: by Published when both are known, then by arrival.
func earlier(a, b *entry) bool {
	if a.known && b.known && !a.at.Equal(b.at) {
		return a.at.Before(b.at)
	}
	return a.arrival < b.arrival
}

// match finds the best copy group for e among the live originals.
func (x *Index) match(e *entry) (*group, float64) {
	if g, ok := x.exact[e.fp.exact]; ok {
		return g, 1
	}
	n := len(e.fp.shingles)
	if n < x.cfg.MinShingles {
		return nil, 0
	}
	hits := make(map[*entry]int)
	for _, h := range e.fp.shingles {
		post := x.postings[h]
		if len(post) > x.cfg.MaxPostings {
			continue
		}
		for _, o := range post {
			hits[o]++
		}
	}
	var best *entry
	var bestScore float64
	for o, h := range hits {
		m := len(o.fp.shingles)
		resemblance := float64(h) / float64(n+m-h)
		containment := float64(h) / float64(min(n, m))
		var s float64
		switch {
		case resemblance >= x.cfg.NearThreshold:
			s = resemblance
		case containment >= x.cfg.ContainmentThreshold:
			s = containment
		default:
			continue
		}
		if s > bestScore || s == bestScore && best != nil && earlier(o, best) {
			best, bestScore = o, s
		}
	}
	if best == nil {
		return nil, 0
	}
	return best.group, bestScore
}

// index makes e findable as an original. Only originals are indexed: a
// copy adds no text that its original does not already answer for, which
// keeps posting lists short when a wire story is republished many times.
func (x *Index) index(e *entry) {
	x.exact[e.fp.exact] = e.group
	if len(e.fp.shingles) < x.cfg.MinShingles {
		return
	}
	for _, h := range e.fp.shingles {
		x.postings[h] = append(x.postings[h], e)
	}
}

func (x *Index) unindex(e *entry) {
	if g, ok := x.exact[e.fp.exact]; ok && g.original == e {
		delete(x.exact, e.fp.exact)
	}
	for _, h := range e.fp.shingles {
		post := x.postings[h]
		i := slices.Index(post, e)
		if i < 0 {
			continue
		}
		post[i] = post[len(post)-1]
		post[len(post)-1] = nil
		post = post[:len(post)-1]
		if len(post) == 0 {
			delete(x.postings, h)
		} else {
			x.postings[h] = post
		}
	}
}

// evict drops the documents older than the window. An evicted original
// stays the original of copies still in the window but is no longer
// matched: its story is over.
func (x *Index) evict() {
	horizon := x.clock.Add(-x.cfg.Window)
	for len(x.expiry) > 0 && x.expiry[0].at.Before(horizon) {
		e := heap.Pop(&x.expiry).(*entry)
		delete(x.docs, e.id)
		if e.group.original == e {
			x.unindex(e)
		}
	}
}

// expiryHeap orders live entries by time, oldest first.
type expiryHeap []*entry

func (h expiryHeap) Len() int { return len(h) }
func (h expiryHeap) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].arrival < h[j].arrival
}
func (h expiryHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *expiryHeap) Push(v any)   { *h = append(*h, v.(*entry)) }
func (h *expiryHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return e
}
