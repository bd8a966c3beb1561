package html

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kickers: news pages often put a kicker (overline, roofline, Dachzeile,
// topic label) inside the <h1>, before the headline proper: "<h1><span
// class=kicker>Climate</span> Drilling until it gets hot</h1>". The kicker
// names the section or topic, not the story, and metadata titles leave it
// out, so the headline is the <h1> text without it.

// kickerClass matches class values of a kicker element.
var kickerClass = regexp.MustCompile(`(?i)kicker|roofline|dachzeile|topline|overline|toptitle|supertitle|pretitle|pre-title|eyebrow|spitzmarke|rubric|ressort|section|category|topic|label|subtitle|flag`)

const (
	// kickerMaxWords bounds a kicker's length: a topic, not a sentence.
	kickerMaxWords = 8
	// headlineMinWords is how much must remain after the kicker.
	headlineMinWords = 2
)

// headingText returns the text of a heading without a leading kicker.
func headingText(n *html.Node) string {
	full := textOf(n)
	inner := n
	for {
		only := soleChild(inner)
		if only == nil || only.Type != html.ElementNode {
			break
		}
		inner = only
	}
	first := firstContent(inner.FirstChild)
	if first == nil || first.Type != html.ElementNode || !isKicker(first) {
		return full
	}
	kicker := textOf(first)
	var rest strings.Builder
	for c := first.NextSibling; c != nil; c = c.NextSibling {
		rest.WriteString(nodeText(c))
		rest.WriteByte(' ')
	}
	headline := strings.TrimLeft(cleanText(rest.String()), " :|-–—·»")
	if kicker == "" || len(strings.Fields(kicker)) > kickerMaxWords || len(strings.Fields(headline)) < headlineMinWords {
		return full
	}
	return headline
}

// isKicker reports whether a heading's first element is set apart as a
// kicker: by its class, by a line break after it, or by being a block or
// a <small> inside the heading.
func isKicker(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Small, atom.Div, atom.P:
		return true
	}
	if kickerClass.MatchString(attr(n, "class")) {
		return true
	}
	next := firstContent(n.NextSibling)
	return next != nil && next.DataAtom == atom.Br
}

// soleChild returns n's only child that is not blank text or a comment.
func soleChild(n *html.Node) *html.Node {
	only := firstContent(n.FirstChild)
	if only == nil || firstContent(only.NextSibling) != nil {
		return nil
	}
	return only
}

// firstContent returns n or the first sibling after it that is not blank
// text or a comment.
func firstContent(n *html.Node) *html.Node {
	for ; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.CommentNode:
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		default:
			return n
		}
	}
	return nil
}

// nodeText is textOf for any node, text nodes included.
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	return textOf(n)
}
