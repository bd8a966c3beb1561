package cluster

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

var day = time.Date(2024, 11, 25, 9, 0, 0, 0, time.UTC)

const (
	shoiguVisit   = `Sergei Shoigu, secretary of Russia's Security Council, arrived in Kabul on Monday for talks with Taliban leaders on security, trade and energy cooperation between Moscow and Afghanistan.`
	shoiguVisit2  = `Russian security chief Sergei Shoigu held talks in Kabul with the Taliban government, discussing energy cooperation, trade and the fight against terrorism on his visit to Afghanistan.`
	shoiguSpeech  = `Sergei Shoigu told a security conference in Moscow that Russia would deepen cooperation with Afghanistan and the Taliban government in Kabul on trade, energy and terrorism.`
	rateDecision  = `The central bank left interest rates unchanged on Thursday, citing persistent inflation in services and a tight labour market, and said cuts were unlikely before spring.`
	rateDecision2 = `Interest rates were held by the central bank, whose governor pointed to stubborn services inflation and a tight labour market and played down talk of cuts before spring.`
	floodReport   = `Heavy rain flooded villages along the river delta, forcing thousands of families from their homes as rescue boats searched for people stranded on rooftops.`
	floodReport2  = `Rescue boats searched flooded villages in the river delta after heavy rain forced thousands of families from their homes and left people stranded on rooftops.`
)

func corpus() []Doc {
	return []Doc{
		{ID: 1, Title: "Shoigu in Kabul", Text: shoiguVisit, Outlet: "a", Published: day, Entities: []string{"per:sergei_shoigu", "loc:kabul"}},
		{ID: 2, Title: "Central bank holds rates", Text: rateDecision, Outlet: "b", Published: day.Add(time.Hour)},
		{ID: 3, Title: "Russia's Shoigu visits Afghanistan", Text: shoiguVisit2, Outlet: "c", Published: day.Add(2 * time.Hour), Entities: []string{"per:sergei_shoigu", "loc:kabul", "org:taliban"}},
		{ID: 4, Text: floodReport, Outlet: "d", Published: day.Add(3 * time.Hour)},
		{ID: 5, Title: "Rates on hold", Text: rateDecision2, Outlet: "e", Published: day.Add(4 * time.Hour)},
		{ID: 6, Text: floodReport2, Outlet: "f", Published: day.Add(5 * time.Hour)},
		{ID: 7, Title: "Shoigu in Kabul", Text: shoiguVisit, Outlet: "g", Published: day.Add(6 * time.Hour), Entities: []string{"per:sergei_shoigu", "loc:kabul"}},
	}
}

func feed(c *Clusterer, docs []Doc) []Assignment {
	out := make([]Assignment, len(docs))
	for i, d := range docs {
		out[i] = c.Add(d)
	}
	return out
}

func TestGroupsSameEvent(t *testing.T) {
	c := New(DefaultConfig())
	got := feed(c, corpus())
	want := map[int64]int64{1: 1, 3: 1, 7: 1, 2: 2, 5: 2, 4: 3, 6: 3}
	for i, d := range corpus() {
		if got[i].StoryID != want[d.ID] {
			t.Errorf("article %d: story %d (score %.3f), want %d", d.ID, got[i].StoryID, got[i].Score, want[d.ID])
		}
	}
	if a := got[2]; len(a.SharedTerms) == 0 || len(a.SharedEntities) == 0 || a.Score < c.cfg.Threshold {
		t.Errorf("joining article explains nothing: %+v", a)
	}
	if a := got[6]; a.CopyOf != 1 || a.StoryID != 1 {
		t.Errorf("exact copy: %+v, want CopyOf 1 in story 1", a)
	}
	stories := c.Stories()
	if len(stories) != 3 || stories[0].Sources != 2 || len(stories[0].Members) != 3 {
		t.Fatalf("stories = %+v, want 3 with the first holding 3 members from 2 sources", stories)
	}
}

func TestSameActorDifferentEvent(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Window = 365 * 24 * time.Hour // the date factor, not eviction, must separate them
	tests := []struct {
		name      string
		speech    Doc
		wantSplit bool
	}{
		{"six months later", Doc{ID: 10, Text: shoiguSpeech, Published: day.AddDate(0, 6, 0)}, true},
		{"same event date, published later", Doc{ID: 10, Text: shoiguSpeech, Published: day.AddDate(0, 0, 1), EventDate: "2024-11-25"}, false},
		{"event date months apart", Doc{ID: 10, Text: shoiguSpeech, Published: day.AddDate(0, 0, 1), EventDate: "2025-05-20"}, true},
		{"next day", Doc{ID: 10, Text: shoiguSpeech, Published: day.AddDate(0, 0, 1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(cfg)
			c.Add(Doc{ID: 1, Text: shoiguVisit, Published: day, EventDate: "2024-11-25"})
			c.Add(Doc{ID: 2, Text: shoiguVisit2, Published: day.Add(time.Hour), EventDate: "2024-11-25"})
			a := c.Add(tt.speech)
			if a.New != tt.wantSplit {
				t.Errorf("New = %v (score %.3f), want %v", a.New, a.Score, tt.wantSplit)
			}
		})
	}
}

// Extracted event dates are noisy: a follow-up dates the event days
// later, and one member's date alone may be a background date.
func TestEventDateNoise(t *testing.T) {
	tests := []struct {
		name         string
		second       string // event date of the story's second member
		speech       string // event date of the new article
		wantNewStory bool
	}{
		{"follow-up dated a week later", "2024-11-25", "2024-12-02", false},
		{"nearest member date counts", "2024-12-20", "2025-01-10", false},
		{"one dated member is not trusted", "", "2025-05-20", false},
		{"two dated members months away", "2024-11-26", "2025-05-20", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultConfig())
			c.Add(Doc{ID: 1, Text: shoiguVisit, Published: day, EventDate: "2024-11-25"})
			c.Add(Doc{ID: 2, Text: shoiguVisit2, Published: day.Add(time.Hour), EventDate: tt.second})
			a := c.Add(Doc{ID: 10, Text: shoiguSpeech, Published: day.Add(2 * time.Hour), EventDate: tt.speech})
			if a.New != tt.wantNewStory {
				t.Errorf("New = %v (score %.3f), want %v", a.New, a.Score, tt.wantNewStory)
			}
		})
	}
}

func TestEventGap(t *testing.T) {
	s := newStory(1)
	s.eventDates["2024-11-25"] = 1
	s.eventDates["2024-12-05"] = 1
	tests := []struct {
		day    string
		gap    time.Duration
		wantOK bool
	}{
		{"2024-11-28", 3 * 24 * time.Hour, true},
		{"2024-12-06", 24 * time.Hour, true},
		{"2024-11-01", 24 * 24 * time.Hour, true},
		{"", 0, false},
		{"next week", 0, false},
		{"2024-13-01", 0, false},
		{"2024-1-015", 0, false},
	}
	for _, tt := range tests {
		gap, ok := s.eventGap(tt.day)
		if ok != tt.wantOK || ok && gap != tt.gap {
			t.Errorf("eventGap(%q) = %v, %v; want %v, %v", tt.day, gap, ok, tt.gap, tt.wantOK)
		}
	}
	delete(s.eventDates, "2024-12-05")
	if _, ok := s.eventGap("2024-11-28"); ok {
		t.Error("eventGap counted a story with one dated member")
	}
}

func TestAddTwiceChangesNothing(t *testing.T) {
	c := New(DefaultConfig())
	first := feed(c, corpus())
	before := c.Stories()
	second := feed(c, corpus())
	for i := range first {
		if first[i].StoryID != second[i].StoryID || first[i].Score != second[i].Score {
			t.Errorf("article %d: %+v then %+v", corpus()[i].ID, first[i], second[i])
		}
	}
	if after := c.Stories(); !reflect.DeepEqual(before, after) {
		t.Errorf("stories changed:\n%+v\n%+v", before, after)
	}
}

func TestEachArticleInOneStory(t *testing.T) {
	c := New(DefaultConfig())
	docs := streamDocs(150) // within the window: all still live
	feed(c, docs)
	seen := make(map[int64]int64)
	for _, s := range c.Stories() {
		for _, id := range s.Members {
			if prev, dup := seen[id]; dup {
				t.Fatalf("article %d in stories %d and %d", id, prev, s.ID)
			}
			seen[id] = s.ID
		}
	}
	if len(seen) != len(docs) {
		t.Errorf("%d articles in stories, want %d", len(seen), len(docs))
	}
}

func TestDeterministic(t *testing.T) {
	docs := streamDocs(300)
	a, b := New(DefaultConfig()), New(DefaultConfig())
	if x, y := feed(a, docs), feed(b, docs); !reflect.DeepEqual(x, y) {
		t.Error("same input order gave different assignments")
	}
	if !reflect.DeepEqual(a.Stories(), b.Stories()) {
		t.Error("same input order gave different stories")
	}
}

func TestBridgeMerges(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MergeThreshold = 0.3
	c := New(cfg)
	a := c.Add(Doc{ID: 1, Text: rateDecision})
	b := c.Add(Doc{ID: 2, Text: floodReport})
	if a.StoryID == b.StoryID {
		t.Fatal("unrelated articles share a story")
	}
	bridge := c.Add(Doc{ID: 3, Text: rateDecision2 + " " + floodReport2})
	if len(bridge.Merged) != 1 || bridge.StoryID != a.StoryID || bridge.Merged[0] != b.StoryID {
		t.Fatalf("bridge = %+v, want story %d with %d merged", bridge, a.StoryID, b.StoryID)
	}
	if s := c.Stories(); len(s) != 1 || len(s[0].Members) != 3 {
		t.Errorf("stories after merge = %+v", s)
	}
	if again := c.Add(Doc{ID: 2, Text: floodReport}); again.StoryID != a.StoryID {
		t.Errorf("merged member reports story %d, want %d", again.StoryID, a.StoryID)
	}
}

func TestSmallStoryMergesAtLowerScore(t *testing.T) {
	// The bridging article scores between SmallMergeThreshold and
	// MergeThreshold against the flood story: it is merged only while that
	// story is small.
	bridgeText := rateDecision2 + " " + floodReport2
	floods := []string{
		floodReport,
		`Thousands of families fled flooded villages of the river delta after heavy rain, and rescue boats searched rooftops for stranded people.`,
		`Floods after days of heavy rain drove families from villages in the delta; boats rescued people stranded on roofs.`,
	}
	tests := []struct {
		name       string
		floodDocs  int
		wantMerged bool
	}{
		{"one article", 1, true},
		{"two articles", 2, true},
		{"three articles", 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.MergeThreshold = 0.9
			cfg.SmallMergeThreshold = 0.2
			c := New(cfg)
			rates := c.Add(Doc{ID: 1, Text: rateDecision})
			var flood Assignment
			for i := range tt.floodDocs {
				flood = c.Add(Doc{ID: int64(10 + i), Text: floods[i]})
			}
			if flood.StoryID == rates.StoryID {
				t.Fatal("unrelated articles share a story")
			}
			bridge := c.Add(Doc{ID: 2, Text: bridgeText})
			if bridge.CopyOf != 0 {
				t.Fatalf("bridge taken for a copy of %d", bridge.CopyOf)
			}
			if merged := len(bridge.Merged) > 0; merged != tt.wantMerged {
				t.Errorf("bridge = %+v, want merged %v", bridge, tt.wantMerged)
			}
		})
	}
}

func TestWindowBoundsMemory(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Window = 3 * 24 * time.Hour
	c := New(cfg)
	docs := streamDocs(2000) // one article an hour for ~83 days
	maxStories := 0
	for _, d := range docs {
		c.Add(d)
		s, _ := c.Live()
		maxStories = max(maxStories, s)
	}
	stories, articles := c.Live()
	if articles > 4*24 || stories > 4*24 {
		t.Errorf("live stories=%d articles=%d, want at most a window's worth (~72)", stories, articles)
	}
	for _, s := range c.Stories() {
		if s.LastSeen.Before(docs[len(docs)-1].Published.Add(-cfg.Window - cfg.Window/32)) {
			t.Errorf("story %d last seen %v outlived the window", s.ID, s.LastSeen)
		}
	}
}

// streamDocs builds n dated articles from the test texts, one an hour,
// with a distinguishing sentence so that they are not all copies.
func streamDocs(n int) []Doc {
	texts := []string{shoiguVisit, rateDecision, floodReport, shoiguVisit2, rateDecision2, floodReport2}
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{
			ID:        int64(i + 1),
			Text:      fmt.Sprintf("%s Report %d was filed from bureau %d.", texts[i%len(texts)], i, i%17),
			Published: day.Add(time.Duration(i) * time.Hour),
		}
	}
	return docs
}

func BenchmarkAdd(b *testing.B) {
	docs := streamDocs(10000)
	c := New(DefaultConfig())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := docs[i%len(docs)]
		d.ID = int64(i + 1)
		d.Published = day.Add(time.Duration(i) * time.Minute)
		c.Add(d)
	}
}

func TestArrivalOrderWithinWindow(t *testing.T) {
	docs := corpus()
	partition := func(order []Doc) map[[2]int64]bool {
		c := New(DefaultConfig())
		storyOf := map[int64]int64{}
		for _, d := range order {
			storyOf[d.ID] = c.Add(d).StoryID
		}
		for _, s := range c.Stories() {
			for _, id := range s.Members {
				storyOf[id] = s.ID
			}
		}
		same := map[[2]int64]bool{}
		for a, sa := range storyOf {
			for b, sb := range storyOf {
				if a < b && sa == sb {
					same[[2]int64{a, b}] = true
				}
			}
		}
		return same
	}
	reversed := make([]Doc, len(docs))
	for i, d := range docs {
		reversed[len(docs)-1-i] = d
	}
	if x, y := partition(docs), partition(reversed); !reflect.DeepEqual(x, y) {
		t.Errorf("arrival order changed the stories:\n%v\n%v", x, y)
	}
}

// TestTermsOutweighEntities pins the weighting: entity IDs from an
// imperfect linker miss or split names, so a report of the same event
// under other IDs still joins, while shared IDs alone do not pull in a
// different event.
func TestTermsOutweighEntities(t *testing.T) {
	tests := []struct {
		name    string
		doc     Doc
		wantNew bool
	}{
		{"same event, other entity IDs", Doc{ID: 10, Text: shoiguVisit2, Published: day.Add(time.Hour), Entities: []string{"per:shoigu", "loc:afghanistan"}}, false},
		{"same event, no entities", Doc{ID: 10, Text: shoiguVisit2, Published: day.Add(time.Hour)}, false},
		{"other event, same entity IDs", Doc{ID: 10, Text: floodReport, Published: day.Add(time.Hour), Entities: []string{"per:sergei_shoigu", "loc:kabul"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultConfig())
			c.Add(Doc{ID: 1, Text: shoiguVisit, Published: day, Entities: []string{"per:sergei_shoigu", "loc:kabul"}})
			c.Add(Doc{ID: 2, Text: rateDecision, Published: day})
			if a := c.Add(tt.doc); a.New != tt.wantNew {
				t.Errorf("New = %v (score %.3f), want %v", a.New, a.Score, tt.wantNew)
			}
		})
	}
}
