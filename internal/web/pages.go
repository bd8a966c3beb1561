package web

import (
	"net/http"

	"github.com/parallax-news/parallax/internal/httpapi"
	"github.com/parallax-news/parallax/internal/news"
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
	cols := make([]column, 0, len(d.Articles))
	for _, a := range d.Articles {
		titles[a.ID] = outletOrTitle(a.Article)
		cols = append(cols, column{ArticleDetail: a, CopyOf: copyOf[a.ID], Body: Highlight(a.Text, marks[a.ID])})
	}
	data := map[string]any{"Story": d, "Columns": cols, "Names": titles}
	return ui.render(w, r, http.StatusOK, "story", d.Title, data)
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
		list, next, err := ui.svc.Store.Search(r.Context(), q)
		if err != nil {
			return err
		}
		data["Searched"], data["Results"], data["Next"] = true, list, next
	}
	return ui.render(w, r, http.StatusOK, "search", "Search", data)
}
