package pipeline

import (
	"context"
	"errors"
	"fmt"
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
	store    store.Store
	clusters *cluster.Clusterer
	storeID  map[int64]int64 // cluster story ID -> store story ID
	members  map[int64][]member
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
	s := &Stories{store: st, clusters: cluster.New(cfg), storeID: map[int64]int64{}, members: map[int64][]member{}}
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
	for _, a := range all {
		ann, err := st.Annotations(ctx, a.ID)
		if errors.Is(err, news.ErrNotFound) {
			continue // not read yet: the pipeline resumes it and assigns it then
		}
		if err != nil {
			return nil, err
		}
		asg := s.clusters.Add(clusterDoc(a, ann))
		stored, err := st.StoryOfArticle(ctx, a.ID)
		if err == nil {
			s.absorb(asg, a, ann)
			if _, known := s.storeID[asg.StoryID]; !known {
				s.storeID[asg.StoryID] = stored.ID
			}
			continue
		}
		if !errors.Is(err, news.ErrNotFound) {
			return nil, err
		}
		if err := s.persist(ctx, asg, a, ann); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Assign implements Assigner.
func (s *Stories) Assign(ctx context.Context, a news.Article, ann news.Annotations) error {
	return s.persist(ctx, s.clusters.Add(clusterDoc(a, ann)), a, ann)
}

// absorb records an assignment in memory (membership and merges).
func (s *Stories) absorb(asg cluster.Assignment, a news.Article, ann news.Annotations) {
	for _, merged := range asg.Merged {
		s.members[asg.StoryID] = append(s.members[asg.StoryID], s.members[merged]...)
		delete(s.members, merged)
	}
	s.members[asg.StoryID] = append(s.members[asg.StoryID], member{
		id: a.ID, title: news.Deref(a.Title), outlet: news.Deref(a.Outlet),
		seen: seenAt(a), eventDate: ann.EventDate, copyOf: asg.CopyOf,
	})
}

// persist applies an assignment to the store: merged stories are deleted,
// the story is written with its members, and a copy is recorded.
func (s *Stories) persist(ctx context.Context, asg cluster.Assignment, a news.Article, ann news.Annotations) error {
	s.absorb(asg, a, ann)
	for _, merged := range asg.Merged {
		if id, ok := s.storeID[merged]; ok {
			if err := s.store.DeleteStory(ctx, id); err != nil && !errors.Is(err, news.ErrNotFound) {
				return err
			}
			delete(s.storeID, merged)
		}
	}
	story := summarize(s.members[asg.StoryID])
	story.ID = s.storeID[asg.StoryID]
	id, err := s.store.PutStory(ctx, story)
	if err != nil {
		return err
	}
	s.storeID[asg.StoryID] = id
	if asg.CopyOf != 0 {
		return s.store.PutCopy(ctx, news.Copy{ArticleID: a.ID, CopyOf: asg.CopyOf, Score: asg.Score})
	}
	return nil
}

// summarize derives a story's stored fields from its members: the earliest
// article's title, the most common event date, the time span, and the
// number of independent sources (distinct outlets among non-copies; an
// article without an outlet counts on its own).
func summarize(members []member) news.Story {
	sorted := append([]member(nil), members...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].seen.Before(sorted[j].seen) })
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

// clusterDoc turns a read article into the clusterer's input.
func clusterDoc(a news.Article, ann news.Annotations) cluster.Doc {
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
