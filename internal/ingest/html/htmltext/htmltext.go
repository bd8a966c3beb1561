// Package htmltext renders HTML nodes and fragments as plain text:
// paragraphs separated by blank lines, whitespace collapsed inside them.
// It is small on purpose so that feed parsing can use it without pulling in
// the page extractors.
package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// InlineTags continue the current paragraph; every other element starts
// a new one. Listing inline tags (rather than block tags) keeps the custom
// tags extractors emit (trafilatura's <list>, <item>, <quote>) as blocks.
var InlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "dfn": true, "em": true, "font": true, "hi": true, "i": true, "kbd": true,
	"label": true, "mark": true, "q": true, "ref": true, "s": true, "samp": true, "small": true,
	"span": true, "strike": true, "strong": true, "sub": true, "sup": true, "time": true,
	"tt": true, "u": true, "var": true, "wbr": true, "del": true, "ins": true, "td": true, "th": true,
	"img": true, "graphic": true,
}

// SkipTags never contribute text.
var SkipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Head: true,
	atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Button: true,
}

// Node renders the text of n as paragraphs separated by blank lines;
// whitespace inside a paragraph collapses to single spaces.
func Node(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if SkipTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br || n.Data == "lb" {
				flush()
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		block := n.Type == html.ElementNode && !InlineTags[n.Data]
		if block {
			flush()
		} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			cur.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// Plain normalises text from an extractor that already returns plain
// text: one paragraph per non-empty line, separated by blank lines.
func Plain(s string) string {
	var paras []string
	for line := range strings.SplitSeq(s, "\n") {
		if p := strings.Join(strings.Fields(line), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// Fragment renders an HTML fragment (a feed item's content) as
// paragraphs separated by blank lines.
func Fragment(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return Plain(fragment)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return Node(root)
}
