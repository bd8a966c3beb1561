package cluster

import "slices"

// Membership follows which article is in which story as assignments
// arrive, applying merges and splits. Callers that persist or print
// stories (the ingest pipeline, the in-memory compare command) keep one
// next to their Clusterer instead of re-deriving the rules. Unlike the
// Clusterer it never forgets: it holds every article it was given.
type Membership struct {
	members map[int64][]int64
	storyOf map[int64]int64
}

// NewMembership returns an empty membership.
func NewMembership() *Membership {
	return &Membership{members: map[int64][]int64{}, storyOf: map[int64]int64{}}
}

// Apply records the assignment of articleID and returns the IDs of every
// story whose membership changed (the article's story first), so the
// caller can rewrite just those; stories merged away are reported by
// asg.Merged and are empty afterwards.
func (m *Membership) Apply(articleID int64, asg Assignment) []int64 {
	changed := []int64{asg.StoryID}
	for _, merged := range asg.Merged {
		for _, id := range m.members[merged] {
			m.storyOf[id] = asg.StoryID
		}
		m.members[asg.StoryID] = append(m.members[asg.StoryID], m.members[merged]...)
		delete(m.members, merged)
	}
	if sp := asg.Split; sp != nil {
		moved := map[int64]bool{}
		for _, id := range sp.Moved {
			moved[id] = true
		}
		var stay []int64
		for _, id := range m.members[sp.From] {
			if moved[id] {
				m.members[sp.To] = append(m.members[sp.To], id)
				m.storyOf[id] = sp.To
				continue
			}
			stay = append(stay, id)
		}
		m.members[sp.From] = stay
		for _, id := range []int64{sp.From, sp.To} {
			if !slices.Contains(changed, id) {
				changed = append(changed, id)
			}
		}
	}
	if old, ok := m.storyOf[articleID]; ok && old != asg.StoryID {
		m.members[old] = slices.DeleteFunc(m.members[old], func(id int64) bool { return id == articleID })
	}
	if m.storyOf[articleID] != asg.StoryID || !slices.Contains(m.members[asg.StoryID], articleID) {
		m.members[asg.StoryID] = append(m.members[asg.StoryID], articleID)
	}
	m.storyOf[articleID] = asg.StoryID
	return changed
}

// Members returns the articles of a story in the order they joined it.
func (m *Membership) Members(storyID int64) []int64 {
	return slices.Clone(m.members[storyID])
}

// StoryOf returns the story an article is in.
func (m *Membership) StoryOf(articleID int64) (int64, bool) {
	id, ok := m.storyOf[articleID]
	return id, ok
}

// Stories returns the IDs of the non-empty stories in ascending order.
func (m *Membership) Stories() []int64 {
	var ids []int64
	for id, members := range m.members {
		if len(members) > 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
