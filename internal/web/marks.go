package web

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// storyMarks returns, per article ID, the highlights of a comparison:
// shared claims, unique claims, conflict values, quote variants and
// citations. IDs follow the numbering of the page's lists (conflict-1 is
// the first conflict; conflict-1-2 its second value), so the lists link
// straight to the evidence.
func storyMarks(c compare.Comparison) map[int64][]Mark {
	out := map[int64][]Mark{}
	add := func(aid int64, m Mark) { out[aid] = append(out[aid], m) }
	for i, s := range c.Shared {
		for k, ev := range s.Support {
			add(ev.ArticleID, Mark{Start: ev.Start, End: ev.End, Class: "shared", ID: anchor("shared", i, k), Title: "shared claim"})
		}
	}
	for i, u := range c.Unique {
		add(u.ArticleID, Mark{Start: u.Start, End: u.End, Class: "unique", ID: anchor("unique", i, 0), Title: "only this source"})
	}
	for i, cf := range c.Conflicts {
		for k, v := range cf.Values {
			add(v.ArticleID, Mark{Start: v.Start, End: v.End, Class: "conflict", ID: anchor("conflict", i, k), Title: fmt.Sprintf("conflict on %s: %s", cf.Attribute, v.Value)})
		}
	}
	for i, q := range c.Quotes {
		for k, v := range q.Variants {
			add(v.ArticleID, Mark{Start: v.Start, End: v.End, Class: "quote quote-" + q.Relation, ID: anchor("quote", i, k), Title: "quote by " + q.Speaker + " (" + q.Relation + ")"})
		}
	}
	for i, ct := range c.Citations {
		add(ct.ArticleID, Mark{Start: ct.Start, End: ct.End, Class: "citation", ID: anchor("citation", i, 0), Title: "cites " + ct.Source})
	}
	return out
}

// anchor numbers items from 1: the k-th piece of evidence of item i is
// kind-(i+1) for the first and kind-(i+1)-(k+1) after it.
func anchor(kind string, i, k int) string {
	if k == 0 {
		return fmt.Sprintf("%s-%d", kind, i+1)
	}
	return fmt.Sprintf("%s-%d-%d", kind, i+1, k+1)
}

// articleMarks highlights entities, roles, quotes, dates and citations.
func articleMarks(ann news.Annotations) []Mark {
	var marks []Mark
	for i, e := range ann.Entities {
		class := "ent ent-" + strings.ToLower(e.Type)
		for k, m := range e.Mentions {
			marks = append(marks, Mark{Start: m.Start, End: m.End, Class: class, ID: anchor("ent", i, k), Title: e.Name + " (" + e.Type + ")"})
		}
		for k, r := range e.Roles {
			marks = append(marks, Mark{Start: r.Start, End: r.End, Class: "role", ID: anchor(fmt.Sprintf("role-%d", i+1), k, 0), Title: e.Name + ": " + r.Normalized})
		}
	}
	for i, q := range ann.Quotes {
		title := "quote"
		if q.Speaker != nil {
			title = "quote by " + q.Speaker.Name
		}
		marks = append(marks, Mark{Start: q.Start, End: q.End, Class: "quote", ID: anchor("quote", i, 0), Title: title})
	}
	for i, t := range ann.Timexes {
		marks = append(marks, Mark{Start: t.Start, End: t.End, Class: "date", ID: anchor("date", i, 0), Title: t.Type + " " + t.Value})
	}
	for i, c := range ann.Citations {
		marks = append(marks, Mark{Start: c.Start, End: c.End, Class: "citation", ID: anchor("citation", i, 0), Title: "cites " + c.Source})
	}
	return marks
}
