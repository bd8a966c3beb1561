package html

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
)

// pageText is the whitespace-collapsed text of a page with, for every
// text node, where its text starts: it maps a paragraph of an engine's
// output back to the elements of the page that hold it.
type pageText struct {
	text   string
	starts []int        // offset in text where nodes[i]'s text starts
	nodes  []*html.Node // text nodes, in document order
	breaks []int        // offsets in text that follow a block boundary or a <br>
}

func newPageText(doc *html.Node) *pageText {
	pt := &pageText{}
	var sb strings.Builder
	pending, broken := false, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			first := true
			for _, r := range n.Data {
				if unicode.IsSpace(r) {
					pending = true
					continue
				}
				if pending && sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				if broken {
					pt.breaks = append(pt.breaks, sb.Len())
				}
				pending, broken = false, false
				if first {
					pt.starts = append(pt.starts, sb.Len())
					pt.nodes = append(pt.nodes, n)
					first = false
				}
				sb.WriteRune(r)
			}
			return
		case html.ElementNode:
			if htmltext.SkipTags[n.DataAtom] {
				return
			}
		}
		block := n.Type == html.ElementNode && !htmltext.InlineTags[n.Data]
		if block {
			pending, broken = true, true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			pending, broken = true, true
		}
	}
	walk(doc)
	pt.text = sb.String()
	return pt
}

// maxSources bounds the occurrences of one paragraph that sources
// returns: a line repeated more often is page furniture or a list label,
// and its first places say enough.
const maxSources = 4

// sources returns the block elements holding the occurrences of para
// (whitespace-collapsed) in the page, at most maxSources of them.
func (pt *pageText) sources(para string) []*html.Node {
	if para == "" {
		return nil
	}
	var out []*html.Node
	for from := 0; len(out) < maxSources; {
		i := strings.Index(pt.text[from:], para)
		if i < 0 {
			break
		}
		start := from + i
		end := start + len(para) - 1
		from = start + len(para)
		a, b := pt.nodeAt(start), pt.nodeAt(end)
		if a == nil || b == nil {
			continue
		}
		out = append(out, blockOf(commonAncestor(a, b)))
	}
	return out
}

// nodeAt returns the text node whose text covers offset.
func (pt *pageText) nodeAt(offset int) *html.Node {
	i := sort.Search(len(pt.starts), func(i int) bool { return pt.starts[i] > offset }) - 1
	if i < 0 {
		return nil
	}
	return pt.nodes[i]
}

func commonAncestor(a, b *html.Node) *html.Node {
	depth := func(n *html.Node) int {
		d := 0
		for ; n != nil; n = n.Parent {
			d++
		}
		return d
	}
	da, db := depth(a), depth(b)
	for ; da > db; da-- {
		a = a.Parent
	}
	for ; db > da; db-- {
		b = b.Parent
	}
	for a != b {
		a, b = a.Parent, b.Parent
	}
	return a
}

// blockOf returns n or its nearest ancestor that is a block element.
func blockOf(n *html.Node) *html.Node {
	for n != nil && (n.Type != html.ElementNode || htmltext.InlineTags[n.Data]) {
		n = n.Parent
	}
	return n
}

// joinSplitBlocks joins the paragraphs of text that the page holds in one
// block: an engine that reads each inline child of a block as a paragraph
// of its own ("<div><em>Call the </em><a>helpline</a><em> at
// 555.</em></div>") cuts sentences at every link, and the link texts then
// look like teasers to the later rules.
func joinSplitBlocks(text string, pt *pageText) string {
	paras := strings.Split(text, "\n\n")
	out := paras[:1]
	for _, p := range paras[1:] {
		last := len(out) - 1
		if joined, ok := pt.sameBlock(out[last], p); ok {
			out[last] = joined
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// sameBlock returns a and b joined as the page writes them, and whether
// the page holds them one after the other with no block boundary or line
// break between them.
func (pt *pageText) sameBlock(a, b string) (string, bool) {
	a, b = cleanText(a), cleanText(b)
	if a == "" || b == "" {
		return "", false
	}
	for _, sep := range []string{" ", ""} {
		joined := a + sep + b
		start := strings.Index(pt.text, joined)
		if start < 0 {
			continue
		}
		// The first break after start must lie beyond the joined text.
		i := sort.SearchInts(pt.breaks, start+1)
		return joined, i == len(pt.breaks) || pt.breaks[i] >= start+len(joined)
	}
	return "", false
}
