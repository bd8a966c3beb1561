package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/story/dedup"
)

// maxPostings skips index keys shared by more live stories than this: they
// are too common to find candidates with and would make lookups slow.
const maxPostings = 512

// keysPerArticle is how many of an article's top terms (and entities) it
// adds to its story's index keys.
const keysPerArticle = 8

// smallStory is the largest story that an article bridges at
// SmallMergeThreshold rather than MergeThreshold.
const smallStory = 2

// explainTop is how many shared terms and entities an assignment reports.
const explainTop = 5

// Clusterer assigns articles to stories online.
type Clusterer struct {
	cfg      Config
	voc      *vocab
	dup      *dedup.Index
	stories  map[int64]*story
	postings map[termID][]*story
	docs     map[int64]*story // live article -> its story
	lastID   int64
	clock    time.Time // newest publication time seen
	sweepAt  time.Time // next eviction sweep
	epoch    uint64    // candidate lookup counter, see story.epoch
}

// New returns an empty clusterer.
func New(cfg Config) *Clusterer {
	cfg = cfg.withDefaults()
	return &Clusterer{
		cfg:      cfg,
		voc:      newVocab(),
		dup:      dedup.New(cfg.Dedup),
		stories:  make(map[int64]*story),
		postings: make(map[termID][]*story),
		docs:     make(map[int64]*story),
	}
}

// article is a Doc analysed for comparison.
type article struct {
	doc    Doc
	at     time.Time // Published, or the clock when unknown
	terms  []tw      // IDF weighted unit vectors
	ents   []tw
	titles []tw
	lead   []tw // terms with the lead weighted up, for the split check
}

// Add assigns doc to a story and explains why. Adding an article ID that is
// still live changes nothing and returns its story.
func (c *Clusterer) Add(doc Doc) Assignment {
	if s, ok := c.docs[doc.ID]; ok {
		for _, m := range s.members {
			if m.id == doc.ID {
				return Assignment{StoryID: s.id, Score: m.score, CopyOf: m.copyOf}
			}
		}
	}
	if doc.Published.After(c.clock) {
		c.clock = doc.Published
	}
	a := article{doc: doc, at: doc.Published}
	if a.at.IsZero() {
		a.at = c.clock
	}
	defer c.sweep()

	copyOf, copyScore, isCopy := c.dup.Add(dedup.Doc{ID: doc.ID, Text: doc.Text, Published: doc.Published})
	if s, ok := c.docs[copyOf]; isCopy && ok {
		// A copy joins its original's story but adds no evidence to it:
		// republishing a wire story is not a second source.
		s.members = append(s.members, member{id: doc.ID, at: a.at, published: doc.Published, score: copyScore, copyOf: copyOf})
		s.seen(doc.Published, a.at)
		c.docs[doc.ID] = s
		return Assignment{StoryID: s.id, Score: copyScore, CopyOf: copyOf}
	}

	c.analyse(&a)

	type scored struct {
		s     *story
		score float64
	}
	var ranked []scored
	for _, s := range c.candidates(a) {
		ranked = append(ranked, scored{s, c.score(s, a)})
	}
	slices.SortFunc(ranked, func(x, y scored) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		return cmp.Compare(x.s.id, y.s.id)
	})

	asg := Assignment{}
	if isCopy {
		asg.CopyOf = copyOf
	}
	if len(ranked) == 0 || ranked[0].score < c.cfg.Threshold {
		c.lastID++
		s := newStory(c.lastID)
		c.stories[s.id] = s
		if len(ranked) > 0 {
			asg.Score = ranked[0].score
		}
		c.join(s, a, asg.Score, asg.CopyOf)
		asg.StoryID, asg.New = s.id, true
		return asg
	}

	best := ranked[0]
	asg.Score = best.score
	asg.SharedTerms = best.s.terms.shared(c.voc, a.terms, explainTop)
	asg.SharedEntities = best.s.ents.shared(c.voc, a.ents, explainTop)
	target := best.s
	var bridged []*story
	for _, r := range ranked[1:] {
		if r.score >= c.cfg.MergeThreshold || len(r.s.members) <= smallStory && r.score >= c.cfg.SmallMergeThreshold {
			bridged = append(bridged, r.s)
			if r.s.id < target.id {
				target = r.s
			}
		}
	}
	if len(bridged) > 0 {
		bridged = append(bridged, best.s)
		for _, o := range bridged {
			if o != target {
				c.merge(target, o)
				asg.Merged = append(asg.Merged, o.id)
			}
		}
		slices.Sort(asg.Merged)
	}
	c.join(target, a, asg.Score, asg.CopyOf)
	asg.StoryID = target.id
	if sp := c.recheck(target); sp != nil {
		asg.Split = sp
		if slices.Contains(sp.Moved, doc.ID) {
			asg.StoryID = sp.To
		}
	}
	return asg
}

// analyse fills a's vectors and counts it in the vocabulary.
func (c *Clusterer) analyse(a *article) {
	rawTerms, rawLead := c.voc.termsAndLead(a.doc.Title + "\n" + a.doc.Text)
	rawEnts := c.voc.entities(a.doc.Entities)
	var rawTitles []tw
	if a.doc.Title != "" {
		rawTitles = c.voc.terms(a.doc.Title)
	}
	c.voc.observe(rawTerms, rawEnts)
	a.terms, a.ents, a.titles = c.voc.weigh(rawTerms), c.voc.weigh(rawEnts), c.voc.weigh(rawTitles)
	a.lead = c.voc.weigh(rawLead)
}

// join adds an analysed article to s and to s's index keys.
func (c *Clusterer) join(s *story, a article, score float64, copyOf int64) {
	s.members = append(s.members, member{
		id: a.doc.ID, at: a.at, published: a.doc.Published, score: score, copyOf: copyOf,
		title: a.doc.Title, eventDate: a.doc.EventDate, ev: newEvidence(a),
	})
	s.terms.add(a.terms)
	s.ents.add(a.ents)
	s.titles.add(a.titles)
	if s.title == "" {
		s.title = a.doc.Title
	}
	if a.doc.EventDate != "" {
		s.eventDates[a.doc.EventDate]++
	}
	s.seen(a.doc.Published, a.at)
	c.docs[a.doc.ID] = s
	if len(s.terms.w) > c.cfg.MaxStoryTerms {
		s.terms.prune(c.voc, c.cfg.MaxStoryTerms*3/4)
	}
	if len(s.ents.w) > c.cfg.MaxStoryTerms {
		s.ents.prune(c.voc, c.cfg.MaxStoryTerms*3/4)
	}
	for _, k := range append(top(a.terms, keysPerArticle), top(a.ents, keysPerArticle)...) {
		c.addKey(s, k.t)
	}
}

func (c *Clusterer) addKey(s *story, t termID) {
	if _, ok := s.keys[t]; ok || len(s.keys) >= c.cfg.StoryKeys {
		return
	}
	s.keys[t] = struct{}{}
	c.postings[t] = append(c.postings[t], s)
}

func (c *Clusterer) removeKeys(s *story) {
	for t := range s.keys {
		post := c.postings[t]
		if i := slices.Index(post, s); i >= 0 {
			post[i] = post[len(post)-1]
			post[len(post)-1] = nil
			post = post[:len(post)-1]
		}
		if len(post) == 0 {
			delete(c.postings, t)
		} else {
			c.postings[t] = post
		}
	}
}

// candidates looks the article's top terms and entities up in the inverted
// index and returns the stories sharing the most weight with it.
func (c *Clusterer) candidates(a article) []*story {
	c.epoch++
	var out []*story
	for _, k := range append(top(a.terms, c.cfg.QueryTerms), top(a.ents, c.cfg.QueryTerms)...) {
		post := c.postings[k.t]
		if len(post) > maxPostings {
			continue
		}
		for _, s := range post {
			if s.epoch != c.epoch {
				s.epoch, s.hits = c.epoch, 0
				out = append(out, s)
			}
			s.hits += k.w
		}
	}
	slices.SortFunc(out, func(x, y *story) int {
		if x.hits != y.hits {
			return cmp.Compare(y.hits, x.hits)
		}
		return cmp.Compare(x.id, y.id)
	})
	if len(out) > c.cfg.MaxCandidates {
		out = out[:c.cfg.MaxCandidates]
	}
	return out
}

// score is the weighted similarity of a to s over the components both
// have, times the date agreement.
func (c *Clusterer) score(s *story, a article) float64 {
	sum := c.cfg.TermWeight * s.terms.cosine(c.voc, a.terms)
	weights := c.cfg.TermWeight
	if len(a.ents) > 0 && c.cfg.EntityWeight > 0 {
		sum += c.cfg.EntityWeight * s.ents.cosine(c.voc, a.ents)
		weights += c.cfg.EntityWeight
	}
	if len(a.titles) > 0 && len(s.titles.w) > 0 && c.cfg.TitleWeight > 0 {
		sum += c.cfg.TitleWeight * s.titles.cosine(c.voc, a.titles)
		weights += c.cfg.TitleWeight
	}
	if weights == 0 {
		return 0
	}
	return sum / weights * c.dateFactor(s, a)
}

// dateFactor is 1 when the article's publication and event dates agree with
// the story and decays exponentially with the gap beyond the grace period.
func (c *Clusterer) dateFactor(s *story, a article) float64 {
	f := 1.0
	if p := a.doc.Published; !p.IsZero() && !s.first.IsZero() {
		var gap time.Duration
		switch {
		case p.Before(s.first):
			gap = s.first.Sub(p)
		case p.After(s.last):
			gap = p.Sub(s.last)
		}
		f *= c.decay(gap)
	}
	if gap, ok := s.eventGap(a.doc.EventDate); ok {
		f *= c.eventDecay(gap)
	}
	return f
}

// eventDecay is decay for event dates, which are extracted from the text
// and so noisier than publication times: follow-ups date the event days
// apart and a lead may open on a background date. Only a gap beyond
// EventGrace counts.
func (c *Clusterer) eventDecay(gap time.Duration) float64 {
	if gap <= c.cfg.EventGrace {
		return 1
	}
	return c.decay(gap - c.cfg.EventGrace)
}

func (c *Clusterer) decay(gap time.Duration) float64 {
	if gap <= c.cfg.DateGrace {
		return 1
	}
	return math.Exp(-float64(gap-c.cfg.DateGrace) / float64(c.cfg.DateDecay))
}

// merge moves story o into s: a bridging article showed they are one story.
func (c *Clusterer) merge(s, o *story) {
	c.removeKeys(o)
	s.absorb(o)
	for t := range o.keys {
		c.addKey(s, t)
	}
	for _, m := range o.members {
		c.docs[m.id] = s
	}
	delete(c.stories, o.id)
}

// sweep evicts the stories whose newest article left the window and the
// members that left it from stories still running, so memory holds about a
// window's worth of articles. It runs when the clock has moved by 1/32 of
// the window since the last sweep.
func (c *Clusterer) sweep() {
	if c.clock.Before(c.sweepAt) {
		return
	}
	c.sweepAt = c.clock.Add(c.cfg.Window / 32)
	horizon := c.clock.Add(-c.cfg.Window)
	for id, s := range c.stories {
		if s.active.Before(horizon) {
			c.removeKeys(s)
			for _, m := range s.members {
				delete(c.docs, m.id)
			}
			delete(c.stories, id)
			continue
		}
		s.members = slices.DeleteFunc(s.members, func(m member) bool {
			if !m.at.Before(horizon) {
				return false
			}
			s.pastMembers++
			if c.independent(m) {
				s.pastSources++
			}
			delete(c.docs, m.id)
			return true
		})
	}
}
