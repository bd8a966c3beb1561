package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// Stories assigns articles to stories with the online clusterer and keeps
// the store's stories in step with it. The clusterer is deterministic for a
// given input order, so replaying stored articles in ID order on start
// rebuilds the same stories. It is not safe for concurrent use: one
// goroutine (one consumer per partition when scaled out) owns it.
type Stories struct {
	store      store.Store
	clusters   *cluster.Clusterer
	membership *cluster.Membership
	storeID    map[int64]int64 // cluster story ID -> store story ID
	articles   map[int64]member
}

type member struct {
	id        int64
	title     string
	outlet    string
	seen      time.Time
	eventDate string
	copyOf    int64
}

// LoadStories rebuilds the clusterer from the stored articles, oldest first,
// persisting any assignment an interrupted run did not record.
func LoadStories(ctx context.Context, st store.Store, cfg cluster.Config) (*Stories, error) {
	s := &Stories{store: st, clusters: cluster.New(cfg), membership: cluster.NewMembership(), storeID: map[int64]int64{}, articles: map[int64]member{}}
	var all []news.Article
	q := store.ArticleQuery{Limit: 1000}
	for {
		list, next, err := st.Articles(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("load articles for stories: %w", err)
		}
		all = append(all, list...)
		if next == "" {
			break
		}
		q.Cursor = next
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	copies := map[int64]news.Copy{}
	for _, a := range all {
		ann, err := st.Annotations(ctx, a.ID)
		if errors.Is(err, news.ErrNotFound) {
			continue // not read yet: the pipeline resumes it and assigns it then
		}
		if err != nil {
			return nil, err
		}
		asg := s.clusters.Add(ClusterDoc(a, ann))
		s.absorb(asg, a, ann)
		if asg.CopyOf != 0 {
			copies[a.ID] = news.Copy{ArticleID: a.ID, CopyOf: asg.CopyOf, Score: asg.Score}
		}
	}
	if err := s.reconcile(ctx, copies); err != nil {
		return nil, fmt.Errorf("reconcile stored stories: %w", err)
	}
	return s, nil
}

// reconcile makes the stored stories agree with the replayed membership:
// each live story takes over the stored story of its earliest member that
// no other story claimed, stories whose stored membership differs (an
// interrupted run, or articles a split moved) are rewritten, stored
// stories no live story claims are deleted, and copy records an
// interrupted run missed are written.
func (s *Stories) reconcile(ctx context.Context, copies map[int64]news.Copy) error {
	claimed := map[int64]bool{}
	for _, clusterID := range s.membership.Stories() {
		members := s.membership.Members(clusterID)
		for _, id := range members {
			stored, err := s.store.StoryOfArticle(ctx, id)
			if err == nil && !claimed[stored.ID] {
				claimed[stored.ID] = true
				s.storeID[clusterID] = stored.ID
				if slices.Equal(sortedIDs(stored.ArticleIDs), sortedIDs(members)) {
					break
				}
				if err := s.rewrite(ctx, clusterID); err != nil {
					return err
				}
				break
			}
			if err != nil && !errors.Is(err, news.ErrNotFound) {
				return err
			}
		}
		if _, ok := s.storeID[clusterID]; !ok {
			if err := s.rewrite(ctx, clusterID); err != nil {
				return err
			}
			claimed[s.storeID[clusterID]] = true
		}
	}
	q := store.StoryQuery{Limit: 500}
	var orphans []int64
	for {
		list, next, err := s.store.Stories(ctx, q)
		if err != nil {
			return err
		}
		for _, st := range list {
			if !claimed[st.ID] {
				orphans = append(orphans, st.ID)
			}
		}
		if next == "" {
			break
		}
		q.Cursor = next
	}
	for _, id := range orphans {
		if err := s.store.DeleteStory(ctx, id); err != nil && !errors.Is(err, news.ErrNotFound) {
			return err
		}
	}
	for _, c := range copies {
		if err := s.store.PutCopy(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

func sortedIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// Assign implements Assigner.
func (s *Stories) Assign(ctx context.Context, a news.Article, ann news.Annotations) error {
	return s.persist(ctx, s.clusters.Add(ClusterDoc(a, ann)), a, ann)
}

// absorb records an assignment in memory (membership, merges and splits)
// and returns the cluster stories whose membership changed.
func (s *Stories) absorb(asg cluster.Assignment, a news.Article, ann news.Annotations) []int64 {
	s.articles[a.ID] = member{
		id: a.ID, title: news.Deref(a.Title), outlet: news.Deref(a.Outlet),
		seen: seenAt(a), eventDate: ann.EventDate, copyOf: asg.CopyOf,
	}
	return s.membership.Apply(a.ID, asg)
}

// persist applies an assignment to the store: merged stories are deleted,
// every story whose membership changed (the article's, and both sides of a
// split) is rewritten, and a copy is recorded.
func (s *Stories) persist(ctx context.Context, asg cluster.Assignment, a news.Article, ann news.Annotations) error {
	changed := s.absorb(asg, a, ann)
	for _, merged := range asg.Merged {
		if id, ok := s.storeID[merged]; ok {
			if err := s.store.DeleteStory(ctx, id); err != nil && !errors.Is(err, news.ErrNotFound) {
				return err
			}
			delete(s.storeID, merged)
		}
	}
	for _, clusterID := range changed {
		if err := s.rewrite(ctx, clusterID); err != nil {
			return err
		}
	}
	if asg.CopyOf != 0 {
		return s.store.PutCopy(ctx, news.Copy{ArticleID: a.ID, CopyOf: asg.CopyOf, Score: asg.Score})
	}
	return nil
}

// rewrite writes a story's current membership and summary to the store,
// creating it when it has no stored counterpart yet.
func (s *Stories) rewrite(ctx context.Context, clusterID int64) error {
	var members []member
	for _, id := range s.membership.Members(clusterID) {
		members = append(members, s.articles[id])
	}
	story := summarize(members)
	story.ID = s.storeID[clusterID]
	id, err := s.store.PutStory(ctx, story)
	if err != nil {
		return err
	}
	s.storeID[clusterID] = id
	return nil
}

// summarize derives a story's stored fields from its members: the earliest
// article's title, the most common event date, the time span, and the
// number of independent sources (distinct outlets among non-copies; an
// article without an outlet counts on its own).
func summarize(members []member) news.Story {
	sorted := append([]member(nil), members...)
	// Earliest first; articles without a date last, so a dated report
	// gives the story its title.
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].seen, sorted[j].seen
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		return a.Before(b)
	})
	st := news.Story{}
	dates := map[string]int{}
	outlets := map[string]bool{}
	for _, m := range sorted {
		st.ArticleIDs = append(st.ArticleIDs, m.id)
		if !m.seen.IsZero() && (st.FirstSeen.IsZero() || m.seen.Before(st.FirstSeen)) {
			st.FirstSeen = m.seen
		}
		if m.seen.After(st.LastSeen) {
			st.LastSeen = m.seen
		}
		if st.Title == "" {
			st.Title = m.title
		}
		if m.eventDate != "" {
			dates[m.eventDate]++
		}
		if m.copyOf != 0 {
			continue
		}
		if m.outlet == "" {
			st.Sources++
		} else if !outlets[m.outlet] {
			outlets[m.outlet] = true
			st.Sources++
		}
	}
	best := 0
	for d, n := range dates {
		if n > best || (n == best && d < st.EventDate) {
			st.EventDate, best = d, n
		}
	}
	return st
}

// ClusterDoc turns a read article into the clusterer's input: its
// entities' canonical IDs and what they refer to count as entities.
func ClusterDoc(a news.Article, ann news.Annotations) cluster.Doc {
	var ents []string
	for _, e := range ann.Entities {
		ents = append(ents, e.ID)
		if e.Refers != "" {
			ents = append(ents, e.Refers)
		}
	}
	d := cluster.Doc{ID: a.ID, Title: news.Deref(a.Title), Text: a.Text, Outlet: news.Deref(a.Outlet), EventDate: ann.EventDate, Entities: ents}
	if a.PublishedAt != nil {
		d.Published = a.PublishedAt.Time
	}
	return d
}

// seenAt is when an article entered the news: its publication time, else
// the zero time (unknown sorts first but does not move the time span).
func seenAt(a news.Article) time.Time {
	if a.PublishedAt != nil {
		return a.PublishedAt.Time
	}
	return time.Time{}
}
