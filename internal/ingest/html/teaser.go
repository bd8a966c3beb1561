package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Link teasers: a paragraph of the text that is, word for word, the text
// of one link on the page is a "read also" teaser or a related-article
// headline that the engine kept with the body. Article prose links words
// inside sentences; it does not make a whole paragraph one link.

// teaserMinWords keeps short link labels ("Home", "Weiter") out of the
// teaser set; those are left to the other rules.
const teaserMinWords = 3

// linkTexts returns the lower-cased, whitespace-collapsed texts of the
// page's links with at least teaserMinWords words, except those that are
// also the text of a heading: a table of contents links the article's own
// section headings.
func linkTexts(doc *html.Node) map[string]bool {
	texts := map[string]bool{}
	headings := map[string]bool{}
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inHeading bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				headings[strings.ToLower(textOf(n))] = true
				inHeading = true
			case atom.A:
				if t := textOf(n); !inHeading && len(strings.Fields(t)) >= teaserMinWords {
					texts[strings.ToLower(t)] = true
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHeading)
		}
	}
	walk(doc, false)
	for h := range headings {
		delete(texts, h)
	}
	return texts
}

// dropLinkTeasers removes the paragraphs of text after the first that are
// the whole text of a link; the first may be a headline or lead that the
// page also links.
func dropLinkTeasers(text string, links map[string]bool) string {
	if len(links) == 0 {
		return text
	}
	paras := strings.Split(text, "\n\n")
	kept := paras[:0]
	for i, p := range paras {
		if i > 0 && links[strings.ToLower(cleanText(strings.Trim(p, " >»<«")))] {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "\n\n")
}
