package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story/cluster"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// storyReport is the JSON shape of a compared story, shared by
// `parallax compare` and `parallax story ID`.
type storyReport struct {
	Story storyHead `json:"story"`
	compare.Comparison
}

type storyHead struct {
	ID        int64          `json:"id"`
	Title     string         `json:"title"`
	EventDate *string        `json:"event_date"`
	Articles  []storyArticle `json:"articles"`
	// Stored stories also say when they were seen and how many
	// independent sources they have.
	FirstSeen *time.Time `json:"first_seen,omitempty"`
	LastSeen  *time.Time `json:"last_seen,omitempty"`
	Sources   int        `json:"sources,omitempty"`
}

// loadStoryReport loads a stored story with its articles, annotations and
// copies, and compares it.
func loadStoryReport(ctx context.Context, st store.Store, id int64) (storyReport, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return storyReport{}, fmt.Errorf("story %d: %w", id, err)
	}
	var members []readArticle
	for _, aid := range s.ArticleIDs {
		a, err := st.Article(ctx, aid)
		if err != nil {
			return storyReport{}, fmt.Errorf("story %d: article %d: %w", id, aid, err)
		}
		ann, err := st.Annotations(ctx, aid)
		if err != nil && !errors.Is(err, news.ErrNotFound) {
			return storyReport{}, fmt.Errorf("story %d: annotations of article %d: %w", id, aid, err)
		}
		members = append(members, readArticle{a, ann})
	}
	copies, err := st.Copies(ctx, s.ArticleIDs)
	if err != nil {
		return storyReport{}, fmt.Errorf("story %d: copies: %w", id, err)
	}
	byPublication(members)
	rep := compareStory(s.ID, s.Title, members, copies)
	if s.EventDate != "" {
		rep.Story.EventDate = &s.EventDate
	}
	rep.Story.FirstSeen, rep.Story.LastSeen, rep.Story.Sources = &s.FirstSeen, &s.LastSeen, s.Sources
	return rep, nil
}

// readArticle is an article with its annotations, ready to compare.
type readArticle struct {
	article news.Article
	ann     news.Annotations
}

// compareStory compares the members of one story, given earliest first.
func compareStory(id int64, title string, members []readArticle, copies []news.Copy) storyReport {
	copyOf := map[int64]int64{}
	for _, c := range copies {
		copyOf[c.ArticleID] = c.CopyOf
	}
	rep := storyReport{Story: storyHead{ID: id, Title: title, Articles: []storyArticle{}}}
	var in compare.Input
	dates := map[string]int{}
	for _, m := range members {
		a := m.article
		if rep.Story.Title == "" {
			rep.Story.Title = news.Deref(a.Title)
		}
		if m.ann.EventDate != "" {
			dates[m.ann.EventDate]++
		}
		rep.Story.Articles = append(rep.Story.Articles, storyArticle{ID: a.ID, Source: a.Source, Outlet: a.Outlet, Title: a.Title, URL: a.URL, PublishedAt: a.PublishedAt})
		in.Articles = append(in.Articles, compare.Article{ID: a.ID, Outlet: news.Deref(a.Outlet), Text: a.Text, Annotations: m.ann, CopyOf: copyOf[a.ID]})
	}
	best := 0
	for d, n := range dates {
		if n > best || (n == best && d < *rep.Story.EventDate) {
			rep.Story.EventDate, best = &d, n
		}
	}
	rep.Comparison = compare.Compare(in)
	return rep
}

// byPublication orders articles by publication time, unknown times last,
// keeping input order among equals.
func byPublication(list []readArticle) {
	slices.SortStableFunc(list, func(x, y readArticle) int {
		px, py := x.article.PublishedAt, y.article.PublishedAt
		switch {
		case px == nil && py == nil:
			return 0
		case px == nil:
			return 1
		case py == nil:
			return -1
		}
		return px.Time.Compare(py.Time)
	})
}

// clusterInMemory groups read articles into stories with the online
// clusterer, in publication order, and returns each story's members
// (earliest first) with its copy relations, stories in order of their
// first member.
func clusterInMemory(list []readArticle) ([][]readArticle, [][]news.Copy) {
	byPublication(list)
	c := cluster.New(cluster.Config{})
	membership := cluster.NewMembership()
	byID := map[int64]readArticle{}
	copyOf := map[int64]news.Copy{}
	for _, m := range list {
		byID[m.article.ID] = m
		asg := c.Add(pipeline.ClusterDoc(m.article, m.ann))
		membership.Apply(m.article.ID, asg)
		if asg.CopyOf != 0 {
			copyOf[m.article.ID] = news.Copy{ArticleID: m.article.ID, CopyOf: asg.CopyOf, Score: asg.Score}
		}
	}
	var out [][]readArticle
	var outCopies [][]news.Copy
	for _, storyID := range membership.Stories() {
		var members []readArticle
		var copies []news.Copy
		for _, id := range membership.Members(storyID) {
			members = append(members, byID[id])
			if cp, ok := copyOf[id]; ok {
				copies = append(copies, cp)
			}
		}
		byPublication(members)
		out = append(out, members)
		outCopies = append(outCopies, copies)
	}
	// Stories in the order of their earliest article.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(out[x][0].article.ID, out[y][0].article.ID) })
	sortedOut := make([][]readArticle, len(out))
	sortedCopies := make([][]news.Copy, len(out))
	for i, k := range order {
		sortedOut[i], sortedCopies[i] = out[k], outCopies[k]
	}
	return sortedOut, sortedCopies
}

func newCompareCmd(e *env) *cobra.Command {
	var asJSON bool
	var inputs inputFlags
	cmd := &cobra.Command{
		Use:   "compare FILE|URL...",
		Short: "Group inputs into stories and compare how the outlets report each (no store)",
		Long: "Extract, read, deduplicate and cluster the inputs in memory (articles are numbered\n" +
			"1..n in input order), then print per story the claims the sources share, what only\n" +
			"one source says, conflicts, quote variants, citations and copies. With --json, one\n" +
			"JSON object per story.",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			r, err := reader.New()
			if err != nil {
				return err
			}
			var list []readArticle
			inputErr := e.eachArticle(ctx, args, &inputs, func(a news.Article) error {
				a.ID = int64(len(list) + 1)
				list = append(list, readArticle{a, r.Read(a)})
				return nil
			})
			if inputErr != nil && !errors.Is(inputErr, errReported) {
				return inputErr
			}
			stories, copies := clusterInMemory(list)
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			for i, members := range stories {
				rep := compareStory(int64(i+1), "", members, copies[i])
				if asJSON {
					if err := enc.Encode(rep); err != nil {
						return err
					}
					continue
				}
				printReport(e.stdout, rep)
			}
			return inputErr
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per story (JSON Lines)")
	inputs.register(cmd)
	return cmd
}

// printReport writes a compared story for people: the articles, then what
// they share, what each says alone, conflicts, quote variants and citations.
func printReport(w io.Writer, rep storyReport) {
	label := map[int64]string{}
	fmt.Fprintf(w, "STORY %d: %s\nevent date: %s\n\n", rep.Story.ID, orDash(rep.Story.Title), orDash(news.Deref(rep.Story.EventDate)))
	copyOf := map[int64]int64{}
	for _, c := range rep.Copies {
		copyOf[c.ArticleID] = c.CopyOf
	}
	for _, a := range rep.Story.Articles {
		name := news.Deref(a.Outlet)
		if name == "" {
			name = filepath.Base(a.Source)
		}
		label[a.ID] = fmt.Sprintf("[%d %s]", a.ID, name)
		pub := "-"
		if a.PublishedAt != nil {
			pub = a.PublishedAt.Day()
		}
		note := ""
		if c, ok := copyOf[a.ID]; ok {
			note = fmt.Sprintf("  (copy of %d)", c)
		}
		fmt.Fprintf(w, "  %-40.40s  %-10s  %s%s\n", label[a.ID], pub, orDash(news.Deref(a.Title)), note)
	}
	section := func(title string, n int) {
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
	}
	section("SHARED", len(rep.Shared))
	for _, s := range rep.Shared {
		fmt.Fprintf(w, "  * %s\n", clip(s.Claim, 160))
		for _, ev := range s.Support {
			fmt.Fprintf(w, "      %s %s\n", label[ev.ArticleID], clip(ev.Text, 140))
		}
	}
	section("UNIQUE", len(rep.Unique))
	byArticle := map[int64][]compare.Unique{}
	for _, u := range rep.Unique {
		byArticle[u.ArticleID] = append(byArticle[u.ArticleID], u)
	}
	for _, a := range rep.Story.Articles {
		if len(byArticle[a.ID]) == 0 {
			continue
		}
		fmt.Fprintf(w, "  only %s:\n", label[a.ID])
		for _, u := range byArticle[a.ID] {
			fmt.Fprintf(w, "    - %s\n", clip(u.Text, 160))
		}
	}
	section("CONFLICTS", len(rep.Conflicts))
	for _, c := range rep.Conflicts {
		fmt.Fprintf(w, "  * %s: %s\n", c.Attribute, c.Subject)
		for _, v := range c.Values {
			fmt.Fprintf(w, "      %s %q\n", label[v.ArticleID], v.Text)
		}
	}
	section("QUOTES", len(rep.Quotes))
	for _, q := range rep.Quotes {
		fmt.Fprintf(w, "  * %s (%s)\n", q.Speaker, q.Relation)
		for _, v := range q.Variants {
			via := ""
			if len(v.Via) > 0 {
				via = " via " + strings.Join(v.Via, ", ")
			}
			fmt.Fprintf(w, "      %s%s “%s”\n", label[v.ArticleID], via, clip(v.Text, 140))
		}
	}
	section("CITATIONS", len(rep.Citations))
	// One line per article and source, in first-citation order.
	type cited struct {
		article int64
		source  string
	}
	counts := map[cited]int{}
	var order []cited
	for _, c := range rep.Citations {
		k := cited{c.ArticleID, c.Source}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	for _, k := range order {
		times := ""
		if n := counts[k]; n > 1 {
			times = fmt.Sprintf(" (%d times)", n)
		}
		fmt.Fprintf(w, "  %s cites %s%s\n", label[k.article], k.source, times)
	}
	fmt.Fprintln(w)
}

// clip shortens s to at most n runes for one-line display.
func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
