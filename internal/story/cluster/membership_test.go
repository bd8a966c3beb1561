package cluster

import (
	"slices"
	"testing"
)

func TestMembershipMergesAndSplits(t *testing.T) {
	m := NewMembership()
	m.Apply(1, Assignment{StoryID: 10, New: true})
	m.Apply(2, Assignment{StoryID: 10})
	m.Apply(3, Assignment{StoryID: 20, New: true})
	// Article 4 bridges the two stories.
	changed := m.Apply(4, Assignment{StoryID: 10, Merged: []int64{20}})
	if !slices.Equal(changed, []int64{10}) {
		t.Errorf("changed after merge = %v", changed)
	}
	if got := m.Members(10); !slices.Equal(got, []int64{1, 2, 3, 4}) {
		t.Errorf("members after merge = %v", got)
	}
	if got := m.Stories(); !slices.Equal(got, []int64{10}) {
		t.Errorf("stories after merge = %v", got)
	}
	// Article 5 shows story 10 holds two events; 3 and 5 move to 30.
	changed = m.Apply(5, Assignment{StoryID: 30, Split: &Split{From: 10, To: 30, Moved: []int64{3, 5}}})
	if !slices.Equal(changed, []int64{30, 10}) {
		t.Errorf("changed after split = %v", changed)
	}
	if got := m.Members(10); !slices.Equal(got, []int64{1, 2, 4}) {
		t.Errorf("story 10 after split = %v", got)
	}
	if got := m.Members(30); !slices.Equal(got, []int64{3, 5}) {
		t.Errorf("story 30 after split = %v", got)
	}
	if s, _ := m.StoryOf(3); s != 30 {
		t.Errorf("article 3 in story %d, want 30", s)
	}
	// Every article is in exactly one story.
	seen := map[int64]int{}
	for _, s := range m.Stories() {
		for _, id := range m.Members(s) {
			seen[id]++
		}
	}
	for id := int64(1); id <= 5; id++ {
		if seen[id] != 1 {
			t.Errorf("article %d in %d stories", id, seen[id])
		}
	}
}
