package html

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHeadingText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<h1><span class="article__kicker">Climate</span><span class="hidden">: </span><span>Drilling until it gets hot</span></h1>`, "Drilling until it gets hot"},
		{`<h1><span class="dachzeile">Nach Corona</span> <span class="headline">Autohäuser rechnen mit Flaute</span></h1>`, "Autohäuser rechnen mit Flaute"},
		{`<h1><span class="title"><small>Unit of the week</small><br>Pyramid sets</span></h1>`, "Pyramid sets"},
		{`<h1><div class="section"><a href="/local">Local News | </a></div> <span>Brothel busted in Boston</span></h1>`, "Brothel busted in Boston"},
		{`<h1><span class="highlight">Trump</span> says no</h1>`, "Trump says no"},
		{`<h1><small>Only a kicker</small> Word</h1>`, "Only a kicker Word"},
		{`<h1>Plain headline here</h1>`, "Plain headline here"},
	}
	for _, tt := range tests {
		nodes, err := html.ParseFragment(strings.NewReader(tt.in), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil || len(nodes) != 1 {
			t.Fatalf("parse %q: %v", tt.in, err)
		}
		if got := headingText(nodes[0]); got != tt.want {
			t.Errorf("headingText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDropLeadingTitle(t *testing.T) {
	tests := []struct{ text, title, want string }{
		{"Headline here\n\nBody.", "Headline here", "Body."},
		{"Climate: Headline here\n\nBody.", "Headline here", "Body."},
		{"Another first paragraph\n\nBody.", "Headline here", "Another first paragraph\n\nBody."},
	}
	for _, tt := range tests {
		if got := dropLeadingTitle(tt.text, tt.title); got != tt.want {
			t.Errorf("dropLeadingTitle(%q, %q) = %q, want %q", tt.text, tt.title, got, tt.want)
		}
	}
}

func TestIsSiteHeading(t *testing.T) {
	tests := []struct {
		page string
		want bool
	}{
		{`<h1><a href="/">Valley Blog</a></h1>`, true},
		{`<h1><a href="https://web.archive.org/web/2008/http://www.valley.example/">Valley Blog</a></h1>`, true},
		{`<h1 class="site-logo">Valley Blog</h1>`, true},
		{`<h1><a href="/2024/05/bridge-closes">Bridge closes</a></h1>`, false},
		{`<h1><a href="javascript:void(0);">Opinion</a></h1>`, false},
		{`<h1>Bridge closes <a href="/">home</a></h1>`, false},
		{`<h1>Bridge closes</h1>`, false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		var h1 *html.Node
		var find func(*html.Node)
		find = func(n *html.Node) {
			if n.DataAtom == atom.H1 {
				h1 = n
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				find(c)
			}
		}
		find(doc)
		if got := isSiteHeading(h1); got != tt.want {
			t.Errorf("isSiteHeading(%s) = %v, want %v", tt.page, got, tt.want)
		}
	}
}
