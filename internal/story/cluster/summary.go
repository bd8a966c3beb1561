package cluster

import (
	"cmp"
	"slices"
)

// Stories returns the live stories by ID.
func (c *Clusterer) Stories() []StorySummary {
	out := make([]StorySummary, 0, len(c.stories))
	for _, s := range c.stories {
		sum := StorySummary{
			ID:        s.id,
			Title:     s.title,
			Members:   make([]int64, len(s.members)),
			FirstSeen: s.first,
			LastSeen:  s.last,
			EventDate: s.eventDate(),
			Articles:  s.pastMembers + len(s.members),
			Sources:   s.pastSources,
		}
		for i, m := range s.members {
			sum.Members[i] = m.id
			if c.independent(m) {
				sum.Sources++
			}
		}
		out = append(out, sum)
	}
	slices.SortFunc(out, func(a, b StorySummary) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// independent reports whether m is its own source. The dedup index knows
// the current original of a live article (an earlier-published copy that
// arrived late takes over); otherwise the answer at assignment stands.
func (c *Clusterer) independent(m member) bool {
	if o, ok := c.dup.Original(m.id); ok {
		return o == m.id
	}
	return m.copyOf == 0
}

// Live returns the number of live stories and articles held in memory.
func (c *Clusterer) Live() (stories, articles int) {
	return len(c.stories), len(c.docs)
}
