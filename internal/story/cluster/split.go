package cluster

import (
	"cmp"
	"slices"
	"time"
)

// memberTerms and memberEntities cap the vectors a member keeps for the
// split check: the heaviest terms carry the event, and the cap bounds
// memory per live article.
const (
	memberTerms    = 48
	memberEntities = 24
)

// maxSplitCheck is the largest story that is re-checked for a split: the
// check is quadratic in the members and a large story has long settled.
const maxSplitCheck = 64

// everyCheck is the largest story re-checked on every new member; larger
// ones are re-checked on every fourth.
const everyCheck = 24

// Split reports that an arrival showed a story to hold two events: the
// listed articles moved from story From to the new story To.
type Split struct {
	From  int64   `json:"from"`
	To    int64   `json:"to"`
	Moved []int64 `json:"moved"`
}

// evidence is the part of an article a member keeps to re-check its
// story: truncated, IDF weighted term (lead weighted up, see leadBoost),
// entity and title vectors sorted by term for the similarities, and the
// whole vectors the member added to its story's centroids, so that a
// split moves exactly what each member brought (moving only the truncated
// vectors left the tail of the moved event's terms in the old story,
// which then kept pulling that event's later reports; ECB+ B-cubed F1
// 0.943 -> 0.945).
type evidence struct {
	terms, ents, titles []tw
	allTerms, allEnts   []tw
}

func newEvidence(a article) *evidence {
	byTerm := func(v []tw) []tw {
		slices.SortFunc(v, func(x, y tw) int { return cmp.Compare(x.t, y.t) })
		return v
	}
	return &evidence{
		terms:    byTerm(top(a.lead, memberTerms)),
		ents:     byTerm(top(a.ents, memberEntities)),
		titles:   a.titles,
		allTerms: a.terms,
		allEnts:  a.ents,
	}
}

// similarity is the weighted cosine of two members' evidence over the
// components both have.
func (c *Clusterer) similarity(x, y *evidence) float64 {
	sum := c.cfg.TermWeight * dot(x.terms, y.terms)
	weights := c.cfg.TermWeight
	if len(x.ents) > 0 && len(y.ents) > 0 {
		sum += c.cfg.EntityWeight * dot(x.ents, y.ents)
		weights += c.cfg.EntityWeight
	}
	if len(x.titles) > 0 && len(y.titles) > 0 {
		sum += c.cfg.TitleWeight * dot(x.titles, y.titles)
		weights += c.cfg.TitleWeight
	}
	if weights == 0 {
		return 0
	}
	return sum / weights
}

// dot is the dot product of two vectors sorted by term.
func dot(x, y []tw) float64 {
	var sum float64
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].t < y[j].t:
			i++
		case x[i].t > y[j].t:
			j++
		default:
			sum += x[i].w * y[j].w
			i++
			j++
		}
	}
	return sum
}

// bisect splits the members holding evidence into two groups by average
// linkage and reports whether the groups are apart enough to be two
// events: each holds at least SplitMinGroup members and the mean
// similarity across the groups is below SplitMaxLink and below SplitRatio
// times the mean similarity within the less cohesive group. It returns the indices (into
// s.members) of the group that does not hold the story's oldest member.
func (c *Clusterer) bisect(s *story) []int {
	var idx []int
	for i, m := range s.members {
		if m.ev != nil {
			idx = append(idx, i)
		}
	}
	n := len(idx)
	if n < 2*c.cfg.SplitMinGroup || n > maxSplitCheck || n > everyCheck && n%4 != 0 {
		return nil
	}
	flat := make([]float64, n*n)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = flat[i*n : (i+1)*n]
		for j := range i {
			v := c.similarity(s.members[idx[i]].ev, s.members[idx[j]].ev)
			sim[i][j], sim[j][i] = v, v
		}
	}
	a, b := ward(sim)
	link := func(a, b []int) float64 {
		var sum float64
		for _, i := range a {
			for _, j := range b {
				sum += sim[i][j]
			}
		}
		return sum / float64(len(a)*len(b))
	}
	if len(a) < c.cfg.SplitMinGroup || len(b) < c.cfg.SplitMinGroup {
		return nil
	}
	within := func(g []int) float64 {
		var sum float64
		for x, i := range g {
			for _, j := range g[x+1:] {
				sum += sim[i][j]
			}
		}
		return sum / float64(len(g)*(len(g)-1)/2)
	}
	if l := link(a, b); l >= c.cfg.SplitMaxLink || l >= c.cfg.SplitRatio*min(within(a), within(b)) {
		return nil
	}
	if slices.Contains(a, 0) {
		a = b
	}
	out := make([]int, len(a))
	for i, x := range a {
		out[i] = idx[x]
	}
	slices.Sort(out)
	return out
}

// recheck splits s when its members form two events, moving the group
// without the oldest member to a new story. Copies follow their original.
// Evidence of members that left the window stays with s.
func (c *Clusterer) recheck(s *story) *Split {
	if c.cfg.SplitRatio <= 0 {
		return nil
	}
	moved := c.bisect(s)
	if moved == nil {
		return nil
	}
	c.lastID++
	t := newStory(c.lastID)
	c.stories[t.id] = t
	move := make(map[int64]bool, len(moved))
	for _, i := range moved {
		move[s.members[i].id] = true
	}
	for _, m := range s.members {
		if m.copyOf != 0 && move[m.copyOf] {
			move[m.id] = true
		}
	}
	sp := &Split{From: s.id, To: t.id}
	kept := s.members[:0]
	for _, m := range s.members {
		if !move[m.id] {
			kept = append(kept, m)
			continue
		}
		sp.Moved = append(sp.Moved, m.id)
		t.members = append(t.members, m)
		c.docs[m.id] = t
		t.seen(m.published, m.at)
		if m.ev == nil {
			continue
		}
		s.terms.sub(m.ev.allTerms)
		s.ents.sub(m.ev.allEnts)
		s.titles.sub(m.ev.titles)
		t.terms.add(m.ev.allTerms)
		t.ents.add(m.ev.allEnts)
		t.titles.add(m.ev.titles)
		if t.title == "" {
			t.title = m.title
		}
		if m.eventDate != "" {
			s.eventDates[m.eventDate]--
			if s.eventDates[m.eventDate] <= 0 {
				delete(s.eventDates, m.eventDate)
			}
			t.eventDates[m.eventDate]++
		}
		for _, k := range append(top(m.ev.terms, keysPerArticle), top(m.ev.ents, keysPerArticle)...) {
			c.addKey(t, k.t)
		}
	}
	clear(s.members[len(kept):])
	s.members = kept
	s.respan()
	return sp
}

// respan recomputes the time span of s from its live members after some
// of them moved out, so that the moved event's dates no longer widen it.
// The first publication time is kept when members have left the window:
// it may be theirs.
func (s *story) respan() {
	first := s.first
	s.first, s.last, s.active = time.Time{}, time.Time{}, time.Time{}
	for _, m := range s.members {
		s.seen(m.published, m.at)
	}
	if s.pastMembers > 0 && !first.IsZero() && (s.first.IsZero() || first.Before(s.first)) {
		s.first = first
	}
}

// ward bisects the items of a similarity matrix by Ward's agglomerative
// clustering over the distance 2-2*similarity (squared Euclidean for unit
// vectors), which keeps merging the closest small groups before large
// ones and so returns two cohesive halves rather than an outlier and the
// rest. Ties go to the lowest indices.
func ward(sim [][]float64) (a, b []int) {
	n := len(sim)
	flat := make([]float64, n*n)
	dist := make([][]float64, n)
	for i := range dist {
		dist[i] = flat[i*n : (i+1)*n]
		for j := range dist[i] {
			dist[i][j] = 2 - 2*sim[i][j]
		}
	}
	groups := make([][]int, n)
	for i := range groups {
		groups[i] = []int{i}
	}
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	for left := n; left > 2; left-- {
		bi, bj, best := -1, -1, 0.0
		for i := range n {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if alive[j] && (bi < 0 || dist[i][j] < best) {
					bi, bj, best = i, j, dist[i][j]
				}
			}
		}
		ni, nj := float64(len(groups[bi])), float64(len(groups[bj]))
		for k := range n {
			if !alive[k] || k == bi || k == bj {
				continue
			}
			nk := float64(len(groups[k]))
			d := ((ni+nk)*dist[k][bi] + (nj+nk)*dist[k][bj] - nk*dist[bi][bj]) / (ni + nj + nk)
			dist[k][bi], dist[bi][k] = d, d
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		groups[bj], alive[bj] = nil, false
	}
	for i := range n {
		if alive[i] {
			if a == nil {
				a = groups[i]
			} else {
				b = groups[i]
			}
		}
	}
	return a, b
}
