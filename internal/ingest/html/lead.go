package html

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
)

// Lead recovery: news pages set the standfirst (lead, teaser, chapô,
// excerpt) apart from the body, between the headline and the first
// paragraph, and the engines' container choice often leaves it out. A
// block whose class names a lead and that sits in that gap is put back in
// front of the text. The position is the real test; the class only says
// which of the blocks in the gap is prose rather than a byline, a date or
// a share bar.

// notLeadClass matches class and id values of the blocks near a headline
// that carry a lead-like class but hold pictures, captions or page
// metadata: "lede-image", "teaser__meta", "site-description".
var notLeadClass = regexp.MustCompile(`(?i)(^|[\s_-])(image|img|photo|picture|media|video|caption|credits?|meta|date|author|byline|share|sharing|social|site|with)($|[\s_-])`)

// leadClass matches class, id and itemprop values of a standfirst.
var leadClass = regexp.MustCompile(`(?i)(^|[\s_-])(lead|leadin|lede|intro|teaser|chapo|chapeau|excerpt|standfirst|sub-?title|sub-?headline|summary|preface|deck|dek|abstract|description|subline)($|[\s_-])`)

const (
	// leadMinChars and leadMaxChars bound a standfirst's length.
	leadMinChars = 30
	leadMaxChars = 1500
	// leadMinWords keeps out slogans and labels.
	leadMinWords = 6
	// leadMaxGap is how much page text (bylines, dates, captions, share
	// bars) may stand between a standfirst and the first paragraph.
	leadMaxGap = 600
	// leadKeyRunes is the prefix of the first paragraph searched for in
	// the page text to find where the body starts.
	leadKeyRunes = 60
	// leadMaxLinkShare is the share of link text above which a block is a
	// teaser list rather than a standfirst.
	leadMaxLinkShare = 0.3
)

// addLead puts the page's standfirst in front of text when the extractor
// left it out. title is the headline; the standfirst must follow its last
// mention before the body. descriptions are the page's metadata summaries:
// a block that shows one of them in that gap is the standfirst whatever
// its class.
func addLead(doc *html.Node, text, title string, descriptions []string) string {
	first, _, _ := strings.Cut(text, "\n\n")
	key := runePrefix(cleanText(first), leadKeyRunes)
	if utf8.RuneCountInString(key) < leadMinChars {
		return text
	}
	page := cleanText(htmltext.Node(doc))
	start := strings.Index(page, key)
	if start < 0 {
		return text
	}
	from := 0
	if t := cleanText(title); t != "" {
		if i := strings.LastIndex(page[:start], t); i >= 0 {
			from = i + len(t)
		}
	}
	window := page[from:start]
	if len(window) < leadMinChars {
		return text
	}
	have := cleanText(text)
	// Only a description that the gap shows, and the text lacks, can
	// name a block: the test costs a text walk per element.
	var shown []string
	for _, d := range descriptions {
		if strings.Contains(window, d) && !strings.Contains(have, d) {
			shown = append(shown, d)
		}
	}
	var leads []string
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode && (htmltext.SkipTags[n.DataAtom] || furnitureTags[n.DataAtom] && n.DataAtom != atom.Header) {
			return false
		}
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			found = visit(c) || found
		}
		if found || n.Type != html.ElementNode {
			return found
		}
		if !leadClass.MatchString(attr(n, "class")+" "+attr(n, "id")+" "+attr(n, "itemprop")) && (len(shown) == 0 || !isDescription(textOf(n), shown)) {
			return found
		}
		if notLeadClass.MatchString(attr(n, "class")+" "+attr(n, "id")) || hasMedia(n) {
			return false
		}
		t := textOf(n)
		if len(t) < leadMinChars || len(strings.Fields(t)) < leadMinWords || len(t) > leadMaxChars || strings.Contains(have, runePrefix(t, leadKeyRunes)) {
			return false
		}
		if tl, links := textAndLinkLen(n); float64(links) > leadMaxLinkShare*float64(tl) {
			return false
		}
		i := strings.LastIndex(window, t)
		if i < 0 || len(window)-(i+len(t)) > leadMaxGap {
			return false
		}
		leads = append(leads, htmltext.Node(n))
		have += " " + t
		return true
	}
	visit(doc)
	if len(leads) == 0 {
		return text
	}
	return strings.Join(append(leads, text), "\n\n")
}

// isDescription reports whether t is one of the page's metadata
// summaries, in any typography.
func isDescription(t string, descriptions []string) bool {
	t = foldTypography(t)
	for _, d := range descriptions {
		if d != "" && foldTypography(d) == t {
			return true
		}
	}
	return false
}

// runePrefix returns the first n runes of s.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// hasMedia reports whether n holds a picture or a player, which a
// standfirst never does: such a block is a lead image and its caption.
func hasMedia(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Img, atom.Picture, atom.Figure, atom.Video, atom.Iframe, atom.Svg:
				return true
			}
			if hasMedia(c) {
				return true
			}
		}
	}
	return false
}
