package html

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
	"golang.org/x/net/html/atom"
)

// pageMeta is everything the metadata rules look at, gathered in one walk.
type pageMeta struct {
	meta      map[string]string // lower-case name/property/itemprop/http-equiv -> first content
	jsonLD    []map[string]any  // article-like JSON-LD objects, in document order
	publisher string            // JSON-LD publisher or WebSite name
	title     string            // <title>
	h1        []string
	headings  []string // text of the first <h2> and <h3> elements
	lang      string   // <html lang>
	times     []timeTag
	itemprop  map[string]string // itemprop on non-meta elements -> datetime/content/text
	bylines   []string          // text of rel=author and .byline/.author elements
	ldAuthor  []string          // author of the first non-article JSON-LD object naming one
	ldPersons []string          // names at the start of JSON-LD Person descriptions ("Jane Doe - reporter")
}

type timeTag struct {
	datetime string
	pubdate  bool // pubdate attribute, or itemprop/class naming publication
}

func collectMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string]string{}, itemprop: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			m.visit(n)
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func (m *pageMeta) visit(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		if m.lang == "" {
			m.lang = attr(n, "lang")
		}
	case atom.Meta:
		content := attr(n, "content")
		if content == "" {
			return
		}
		for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
			if k := strings.ToLower(attr(n, key)); k != "" {
				if _, seen := m.meta[k]; !seen {
					m.meta[k] = content
				}
			}
		}
		return
	case atom.Title:
		if m.title == "" && n.Parent != nil && n.Parent.DataAtom == atom.Head {
			m.title = textOf(n)
		}
		return
	case atom.H1:
		if t := headingText(n); t != "" && len(m.h1) < 5 && !isSiteHeading(n) {
			m.h1 = append(m.h1, t)
		}
	case atom.H2, atom.H3:
		if t := textOf(n); t != "" && len(m.headings) < maxHeadings {
			m.headings = append(m.headings, t)
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			m.addJSONLD(n.FirstChild.Data)
		}
		return
	case atom.Time:
		if dt := attr(n, "datetime"); dt != "" && len(m.times) < 20 {
			hint := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop") + " " + attr(n, "id"))
			_, hasPubdate := attrOK(n, "pubdate")
			m.times = append(m.times, timeTag{datetime: dt, pubdate: hasPubdate || strings.Contains(hint, "publish") || strings.Contains(hint, "created")})
		}
	}
	if prop := strings.ToLower(attr(n, "itemprop")); prop != "" {
		if _, seen := m.itemprop[prop]; !seen {
			v := attr(n, "datetime")
			if v == "" {
				v = attr(n, "content")
			}
			if v == "" && (prop == "author" || prop == "name") {
				v = textOf(n)
			}
			if v != "" {
				m.itemprop[prop] = v
			}
		}
	}
	if len(m.bylines) < 5 {
		rel := strings.ToLower(attr(n, "rel"))
		class := strings.ToLower(attr(n, "class"))
		testID := strings.ToLower(attr(n, "data-testid"))
		if rel == "author" || hasClassWord(class, "byline") || hasClassWord(class, "author-name") || hasClassWord(class, "author") ||
			endsClassWord(class, "authors", "auteur", "auteurs", "autor", "autore", "contributor") ||
			strings.Contains(testID, "byline") || strings.Contains(testID, "author") {
			if t := textOf(n); t != "" && len(t) < 120 && !inCommentsOrForm(n) {
				m.bylines = append(m.bylines, t)
			}
		}
	}
}

// inCommentsOrForm reports whether n sits in a comment thread or a form,
// whose author names and "Name" labels are not the article's byline.
func inCommentsOrForm(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Form || p.DataAtom == atom.Footer {
			return true
		}
		if strings.Contains(strings.ToLower(attr(p, "class")+" "+attr(p, "id")), "comment") {
			return true
		}
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClassWord(class, word string) bool {
	for c := range strings.FieldsSeq(class) {
		if c == word || strings.HasSuffix(c, "-"+word) || strings.HasSuffix(c, "__"+word) || strings.HasPrefix(c, word+"-") || strings.HasPrefix(c, word+"_") {
			return true
		}
	}
	return false
}

// endsClassWord reports whether a class of n is one of words or ends with
// one after a separator ("field-autore"). Unlike hasClassWord it ignores
// prefixes: "autor-jane-doe" is a blog's taxonomy class on every teaser.
func endsClassWord(class string, words ...string) bool {
	for c := range strings.FieldsSeq(class) {
		for _, w := range words {
			if c == w || strings.HasSuffix(c, "-"+w) || strings.HasSuffix(c, "_"+w) {
				return true
			}
		}
	}
	return false
}

// textOf returns the whitespace-collapsed text under n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		if n.Type == html.ElementNode && htmltext.SkipTags[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// leadingName matches the capitalised words that open a person's
// description: "Jane Doe - reporter", "Jane Doe ist freie Autorin".
var leadingName = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}`)

// maxHeadings caps the <h2> and <h3> texts kept per page.
const maxHeadings = 20

// maxJSONLD caps the JSON-LD objects kept per page.
const maxJSONLD = 32

func (m *pageMeta) addJSONLD(raw string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 || len(m.jsonLD) >= maxJSONLD {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			types := ldTypes(x["@type"])
			if !anyArticleType(types) && len(m.ldAuthor) == 0 {
				m.ldAuthor = ldNames(x["author"])
			}
			switch {
			case anyArticleType(types):
				m.jsonLD = append(m.jsonLD, x)
				if m.publisher == "" {
					m.publisher = ldName(x["publisher"])
				}
			case contains(types, "WebSite") || contains(types, "Organization") || contains(types, "NewsMediaOrganization"):
				if m.publisher == "" {
					m.publisher = ldString(x["name"])
				}
			case contains(types, "Person"):
				if name := leadingName.FindString(ldString(x["description"])); name != "" && len(m.ldPersons) < maxJSONLD {
					m.ldPersons = append(m.ldPersons, name)
				}
			case contains(types, "WebPage"):
				if main, ok := x["mainEntity"]; ok {
					visit(main, depth+1)
				}
			}
		}
	}
	visit(v, 0)
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func anyArticleType(types []string) bool {
	for _, t := range types {
		if strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Report" {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s := ldString(x["@value"]); s != "" {
			return s
		}
	}
	return ""
}

// ldName reads a name from a string, an object with "name", or the first
// of a list.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		if len(x) > 0 {
			return ldName(x[0])
		}
	}
	return ""
}

// ldNames reads all person names from an author value.
func ldNames(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
		return out
	default:
		if n := ldName(x); n != "" {
			return []string{n}
		}
	}
	return nil
}

// ld returns the first non-empty string field key among the JSON-LD
// article objects.
func (m *pageMeta) ld(key string) string {
	for _, obj := range m.jsonLD {
		if s := ldString(obj[key]); s != "" {
			return s
		}
	}
	return ""
}

func (m *pageMeta) first(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(m.meta[k]); v != "" {
			return v
		}
	}
	return ""
}
