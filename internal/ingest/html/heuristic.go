package html

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
	"golang.org/x/net/html/atom"
)

// boilerplate matches class and id values of page furniture.
var boilerplate = regexp.MustCompile(`(?i)(^|[\s_-])(nav|navigation|menu|footer|header|sidebar|aside|comments?|related|share|sharing|social|promo|advert|ads?|banner|cookie|newsletter|subscribe|breadcrumbs?|pagination|popup|modal|teaser|recommend\w*|widget|tags|byline|meta)($|[\s_-])`)

// furnitureTags never hold the main text.
var furnitureTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true, atom.Form: true,
	atom.Figure: true, atom.Figcaption: true, atom.Menu: true, atom.Dialog: true,
}

func isFurniture(n *html.Node) bool {
	if furnitureTags[n.DataAtom] || htmltext.SkipTags[n.DataAtom] {
		return true
	}
	if role := attr(n, "role"); role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" {
		return true
	}
	return boilerplate.MatchString(attr(n, "class") + " " + attr(n, "id"))
}

// heuristicText is Parallax's own extractor: paragraphs with little link
// text vote for their parent (fully) and grandparent (half); the winning
// container's paragraphs, minus furniture and link lists, are the text.
func heuristicText(doc *html.Node, _ *url.URL) engineResult {
	scores := map[*html.Node]float64{}
	var walk func(n *html.Node, furniture bool)
	walk = func(n *html.Node, furniture bool) {
		if n.Type == html.ElementNode {
			if htmltext.SkipTags[n.DataAtom] {
				return
			}
			furniture = furniture || isFurniture(n)
			if !furniture && (n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Blockquote) {
				text, links := textAndLinkLen(n)
				if text >= 25 && float64(links) < 0.3*float64(text) {
					score := 1 + float64(min(text, 600))/100 + float64(strings.Count(textOf(n), ","))
					if p := n.Parent; p != nil {
						scores[p] += score
						if g := p.Parent; g != nil {
							scores[g] += score / 2
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, furniture)
		}
	}
	walk(doc, false)
	var best *html.Node
	for n, s := range scores {
		if n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" {
			scores[n] = s * 1.25
		}
		if best == nil || scores[n] > scores[best] {
			best = n
		}
	}
	if best == nil {
		return engineResult{}
	}
	return engineResult{text: htmltext.Node(pruned(best))}
}

// pruned copies n without furniture and without blocks that are mostly links.
func pruned(n *html.Node) *html.Node {
	out := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Attr: n.Attr}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if isFurniture(c) {
				continue
			}
			if !htmltext.InlineTags[c.Data] {
				if text, links := textAndLinkLen(c); text > 0 && float64(links) > 0.5*float64(text) {
					continue
				}
			}
		}
		out.AppendChild(pruned(c))
	}
	return out
}

// textAndLinkLen returns the text length under n and the part inside links.
func textAndLinkLen(n *html.Node) (text, links int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(n.Data))
			text += l
			if inLink {
				links += l
			}
			return
		case html.ElementNode:
			if htmltext.SkipTags[n.DataAtom] {
				return
			}
			inLink = inLink || n.DataAtom == atom.A
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return text, links
}
