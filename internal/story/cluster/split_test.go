package cluster

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"
)

// Two fights of one boxer: the same actor and vocabulary, another
// opponent, place and round.
var (
	fightCore = []string{
		`Wladimir Klitschko stopped Hasim Rahman in the seventh round at SAP Arena in Mannheim to keep his IBF heavyweight title.`,
		`Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern to retain his WBA, IBF and WBO heavyweight belts.`,
	}
	fightDetails = [][]string{{
		`Rahman, a former champion from Baltimore, was cornered and hit at will before the referee stepped in.`,
		`The crowd in Mannheim cheered as Rahman took a left-right-left combination against the ropes.`,
		`Rahman had lost only once in his previous ten fights and called the stoppage early.`,
		`Promoters said the Mannheim card drew a sell-out crowd of German fans.`,
		`It was the first time Rahman had been stopped since his loss to Lennox Lewis.`,
	}, {
		`Thompson, a southpaw from Washington, was knocked down twice in Bern before his corner gave up.`,
		`The rematch with Thompson came four years after their first fight in Hamburg.`,
		`Thompson said after the bout in Switzerland that age had caught up with him at forty.`,
		`Swiss organisers sold out the Bern arena within a week of the announcement.`,
		`Thompson had promised to bring the belts home to Washington.`,
	}}
)

// fightDoc is the i-th report of fight f.
func fightDoc(f, i int) Doc {
	d := fightDetails[f]
	return Doc{
		ID:       int64(100*f + i + 1),
		Text:     fmt.Sprintf("%s %s %s Report %d.", fightCore[f], d[i%len(d)], d[(i+2)%len(d)], i),
		Entities: []string{"per:wladimir_klitschko", []string{"per:hasim_rahman", "per:tony_thompson"}[f]},
	}
}

// joinAll puts docs in one story by hand, as a wrong early decision would.
func joinAll(c *Clusterer, docs []Doc) *story {
	c.lastID++
	s := newStory(c.lastID)
	c.stories[s.id] = s
	for _, d := range docs {
		a := article{doc: d}
		c.analyse(&a)
		c.join(s, a, 1, 0)
	}
	return s
}

// twoEvents interleaves n reports of event 0 and of event 1 made by doc,
// and lists the IDs of event 1's.
func twoEvents(n int, doc func(event, i int) Doc) (docs []Doc, second []int64) {
	for i := range n {
		docs = append(docs, doc(0, i), doc(1, i))
		second = append(second, doc(1, i).ID)
	}
	return docs, second
}

func TestRecheckSplitsTwoEvents(t *testing.T) {
	c := New(DefaultConfig())
	docs, second := twoEvents(6, fightDoc)
	s := joinAll(c, docs)
	sp := c.recheck(s)
	if sp == nil {
		t.Fatal("story of two fights was not split")
	}
	slices.Sort(sp.Moved)
	if sp.From != s.id || !slices.Equal(sp.Moved, second) {
		t.Errorf("split = %+v, want the second fight %v moved from %d", sp, second, s.id)
	}
	if len(s.members) != 6 || c.docs[second[0]].id != sp.To {
		t.Errorf("after split: %d members left, article %d in story %d", len(s.members), second[0], c.docs[second[0]].id)
	}
	for f, want := range []int64{sp.From, sp.To} {
		next := fightDoc(f, 7)
		if a := c.Add(next); a.StoryID != want {
			t.Errorf("new report of fight %d went to story %d (score %.3f), want %d", f, a.StoryID, a.Score, want)
		}
	}
}

func TestRecheckKeepsOneEvent(t *testing.T) {
	c := New(DefaultConfig())
	var docs []Doc
	for i := range 12 {
		docs = append(docs, fightDoc(0, i))
	}
	if sp := c.recheck(joinAll(c, docs)); sp != nil {
		t.Errorf("one fight split: %+v", sp)
	}
}

func TestSplitDisabled(t *testing.T) {
	cfg := DefaultConfig()
	cfg.SplitRatio = -1
	c := New(cfg)
	docs, _ := twoEvents(6, fightDoc)
	if sp := c.recheck(joinAll(c, docs)); sp != nil {
		t.Errorf("split with SplitRatio < 0: %+v", sp)
	}
}

// TestAddReportsSplit feeds both fights online with no dates and a
// threshold so low that the first report of the second fight joins the
// first: the re-check must split them and report every moved article.
func TestAddReportsSplit(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Threshold = 0.01
	// The synthetic reports reuse sentences: keep dedup from folding them.
	cfg.Dedup.NearThreshold, cfg.Dedup.ContainmentThreshold = 0.999, 0.999
	c := New(cfg)
	storyOf := map[int64]int64{}
	splits := 0
	for i := range 8 {
		for f := range 2 {
			d := fightDoc(f, i)
			a := c.Add(d)
			storyOf[d.ID] = a.StoryID
			if a.Split != nil {
				splits++
				for _, id := range a.Split.Moved {
					storyOf[id] = a.Split.To
				}
			}
		}
	}
	if splits == 0 {
		t.Fatal("no split reported")
	}
	for _, s := range c.Stories() {
		for _, id := range s.Members {
			if storyOf[id] != s.ID {
				t.Errorf("article %d: assignments say story %d, clusterer says %d", id, storyOf[id], s.ID)
			}
		}
	}
	for i := range 8 {
		if storyOf[fightDoc(0, i).ID] == storyOf[fightDoc(1, i).ID] {
			t.Errorf("report %d of both fights in story %d", i, storyOf[fightDoc(0, i).ID])
		}
	}
}

// TestSplitMovesWholeVectors checks that a split leaves each story's
// centroids as if only its own members had joined it: a split must move
// everything the moved members added, not just the part kept for the
// similarity check.
func TestSplitMovesWholeVectors(t *testing.T) {
	c := New(DefaultConfig())
	docs, _ := twoEvents(6, fightDoc)
	s := joinAll(c, docs)
	sp := c.recheck(s)
	if sp == nil {
		t.Fatal("story of two fights was not split")
	}
	for _, st := range []*story{s, c.stories[sp.To]} {
		want := newCentroid()
		wantEnts := newCentroid()
		for _, m := range st.members {
			want.add(m.ev.allTerms)
			wantEnts.add(m.ev.allEnts)
		}
		for _, tc := range []struct {
			name      string
			got, want centroid
		}{{"terms", st.terms, want}, {"entities", st.ents, wantEnts}} {
			if len(tc.got.w) != len(tc.want.w) {
				t.Errorf("story %d %s: %d terms, want %d", st.id, tc.name, len(tc.got.w), len(tc.want.w))
				continue
			}
			for i, x := range tc.want.w {
				if g := tc.got.w[i]; g.t != x.t || math.Abs(g.w-x.w) > 1e-9 {
					t.Errorf("story %d %s: term %s weight %.6f, want %s %.6f", st.id, tc.name, c.voc.names[g.t], g.w, c.voc.names[x.t], x.w)
					break
				}
			}
		}
	}
}

// TestSplitRespans checks that after a split each story's time span is
// that of its own members: the moved event's dates must not keep
// widening the story it left.
func TestSplitRespans(t *testing.T) {
	c := New(DefaultConfig())
	day := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	var docs []Doc
	for i := range 6 {
		for f := range 2 {
			d := fightDoc(f, i)
			d.Published = day.Add(time.Duration(10*f+i) * time.Hour)
			docs = append(docs, d)
		}
	}
	s := joinAll(c, docs)
	sp := c.recheck(s)
	if sp == nil {
		t.Fatal("story of two fights was not split")
	}
	for _, st := range []*story{s, c.stories[sp.To]} {
		var first, last time.Time
		for _, m := range st.members {
			if first.IsZero() || m.published.Before(first) {
				first = m.published
			}
			if m.published.After(last) {
				last = m.published
			}
		}
		if !st.first.Equal(first) || !st.last.Equal(last) {
			t.Errorf("story %d: span %v..%v, want %v..%v", st.id, st.first, st.last, first, last)
		}
	}
}

// Two teams' offers to one free agent: the leads differ, the bodies draw
// on the same background.
var (
	offerLeads = []string{
		`Angels general manager Tony Reagins confirmed in Anaheim an eight-year offer to Mark Teixeira.`,
		`Red Sox owner John Henry and Theo Epstein flew to Texas to offer Mark Teixeira eight years.`,
	}
	offerBackground = []string{
		`Teixeira, a switch-hitting first baseman, hit 33 home runs last season.`,
		`His agent Scott Boras has said the deal will take at least eight years.`,
		`Several clubs have been linked with the free agent since the winter meetings in Las Vegas.`,
		`Teixeira won a Gold Glove and drove in 121 runs in his best season.`,
		`Boras is known for holding out for the longest contracts in baseball.`,
		`The first baseman grew up in Maryland and played college ball at Georgia Tech.`,
		`Free agent spending this winter has been slower than in past years.`,
		`Teixeira was traded twice in the last two seasons before reaching free agency.`,
	}
)

// offerDoc is the i-th report of team f's offer: its lead, then one
// background sentence; each sentence serves one report of each team.
func offerDoc(f, i int) Doc {
	return Doc{ID: int64(100*f + i + 1), Text: offerLeads[f] + " " + offerBackground[(i+4*f)%len(offerBackground)]}
}

// TestRecheckSplitsOnLeads checks that the split evidence weighs the lead:
// the two offers differ only in their leads, which share the player and
// the contract, and draw the rest of the text from the same background.
// On the unweighted terms the halves are too alike to split.
func TestRecheckSplitsOnLeads(t *testing.T) {
	c := New(DefaultConfig())
	docs, second := twoEvents(6, offerDoc)
	sp := c.recheck(joinAll(c, docs))
	if sp == nil {
		t.Fatal("story of two teams' offers was not split")
	}
	slices.Sort(sp.Moved)
	if !slices.Equal(sp.Moved, second) {
		t.Errorf("moved %v, want the second team's reports %v", sp.Moved, second)
	}
}
