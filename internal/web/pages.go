package web

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/compare"
)

// column is one article of a story page with its highlighted text.
type column struct {
	httpapi.ArticleDetail
	CopyOf int64
	Body   any
}

func (ui *UI) story(w http.ResponseWriter, r *http.Request) error {
	id, err := httpapi.PathID(r)
	if err != nil {
		return err
	}
	d, err := ui.svc.Story(r.Context(), id)
	if err != nil {
		return err
	}
	marks := storyMarks(d.Comparison)
	copyOf := map[int64]int64{}
	for _, c := range d.Copies {
		copyOf[c.ArticleID] = c.CopyOf
	}
	titles := map[int64]string{}
	var outlets []string
	cols := make([]column, 0, len(d.Articles))
	for _, a := range d.Articles {
		titles[a.ID] = outletOrTitle(a.Article)
		if o := news.Deref(a.Outlet); o != "" && !slices.Contains(outlets, o) {
			outlets = append(outlets, o)
		}
		cols = append(cols, column{ArticleDetail: a, CopyOf: copyOf[a.ID], Body: Highlight(a.Text, marks[a.ID])})
	}
	shared := 0
	for _, q := range d.Comparison.Quotes {
		if len(q.Variants) > 1 {
			shared++
		}
	}
	data := map[string]any{"Story": d, "Columns": cols, "Names": titles, "Outlets": outlets,
		"SharedQuotes": shared, "SingleQuotes": len(d.Comparison.Quotes) - shared}
	return ui.render(w, r, http.StatusOK, "story", d.Title, data)
}

// valueText is how a conflicting value reads on the page: a figure as the
// article wrote it ("$2.5 billion", not the canonical "2500000000 usd"), a
// date as written with the day it resolves to, other values normalised
// ("state secretary").
func valueText(attribute string, v compare.Value) string {
	switch {
	case attribute == compare.AttrNumber && v.Text != "":
		return v.Text
	case attribute == compare.AttrDate && v.Text != "" && v.Text != v.Value:
		return v.Text + " (" + v.Value + ")"
	}
	return v.Value
}

// attributeWords says in plain words what a conflict is about.
func attributeWords(attribute string) string {
	switch attribute {
	case compare.AttrNumber:
		return "figures differ"
	case compare.AttrDate:
		return "dates differ"
	case compare.AttrRole:
		return "title or role differs"
	case compare.AttrPlace:
		return "place differs"
	case compare.AttrTopic:
		return "accounts differ on the topic"
	}
	return attribute + " differs"
}

// relationWords says how the wordings of a quote in several outlets
// relate; a quote in one outlet needs no word.
func relationWords(relation string) string {
	switch relation {
	case compare.RelIdentical:
		return "same words"
	case compare.RelTrimmed:
		return "shortened in some"
	case compare.RelVariant:
		return "worded differently"
	}
	return ""
}

// excerpt shortens text to at most limit bytes at a word boundary, without the
// quotation marks around it (the page adds its own).
func excerpt(text string, limit int) string {
	text = strings.TrimRight(strings.Trim(strings.TrimSpace(text), "\"“”‘’'«» "), ",;: ")
	if len(text) <= limit {
		return text
	}
	cut := strings.LastIndexByte(text[:limit], ' ')
	if cut < limit/2 {
		cut = limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}

func outletOrTitle(a news.Article) string {
	if o := news.Deref(a.Outlet); o != "" {
		return o
	}
	if t := news.Deref(a.Title); t != "" {
		return t
	}
	return a.Source
}

func (ui *UI) article(w http.ResponseWriter, r *http.Request) error {
	id, err := httpapi.PathID(r)
	if err != nil {
		return err
	}
	d, err := ui.svc.Article(r.Context(), id)
	if err != nil {
		return err
	}
	data := map[string]any{"Article": d, "Body": Highlight(d.Text, articleMarks(d.Annotations))}
	title := news.Deref(d.Title)
	if title == "" {
		title = "Article " + r.PathValue("id")
	}
	return ui.render(w, r, http.StatusOK, "article", title, data)
}

func (ui *UI) entity(w http.ResponseWriter, r *http.Request) error {
	d, err := ui.svc.Entity(r.Context(), r.PathValue("id"), 100)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "entity", d.Name, d)
}

func (ui *UI) search(w http.ResponseWriter, r *http.Request) error {
	q, err := httpapi.SearchQuery(r)
	if err != nil {
		return err
	}
	data := map[string]any{"Searched": false, "Q": q}
	if q.Text != "" || q.Outlet != "" || q.EntityID != "" {
		list, next, err := ui.svc.Search(r.Context(), q)
		if err != nil {
			return err
		}
		data["Searched"], data["Results"], data["Next"] = true, list, next
	}
	return ui.render(w, r, http.StatusOK, "search", "Search", data)
}
