package html

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Structural furniture: the engines return text, but the page says where
// each paragraph came from (see pageText). Three signals drop a paragraph
// whatever its words:
//   - the page holds it only inside a block marked as furniture by tag,
//     role or class words (a caption, a share bar, a related-links box, an
//     author box, a sidebar, a form). The mark must sit on a block that
//     holds a small part of the extracted text: a page that calls its
//     whole article "entry-content no-share" or puts it in a <form> marks
//     the container, not furniture;
//   - it is one of three or more lines in a row that are links (a list of
//     related stories, a menu);
//   - it closes the text, after the end of the article element, among
//     teaser cards.

// furnitureBlockTags are elements whose text is never article prose.
var furnitureBlockTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Menu: true, atom.Dialog: true, atom.Form: true, atom.Footer: true,
}

// furnitureTokens are the words of class and id values that name page
// furniture. They are matched as whole words of the value, split at
// punctuation and camel case ("relatedArticles", "sd-sharing"), so that
// "shareholder" or "navigator" do not match.
var furnitureTokens = map[string]bool{
	"share": true, "sharing": true, "sharedaddy": true, "social": true, "sharebar": true,
	"related": true, "comments": true, "breadcrumb": true, "breadcrumbs": true, "crumbs": true,
	"pagination": true, "sidebar": true, "aside": true, "navbar": true, "nav": true, "menu": true, "dropdown": true,
	"newsletter": true, "subscribe": true, "promo": true, "advert": true,
	"advertisement": true, "sponsored": true, "disclosure": true, "disclaimer": true, "rating": true,
	"author": true, "bio": true, "carousel": true, "swiper": true, "cookie": true, "consent": true,
	"embed": true, "taxonomy": true, "tags": true, "footer": true,
	"modal": true, "dialog": true, "popup": true, "login": true, "signin": true, "signup": true, "password": true,
	"recommend": true, "recommended": true, "recommendations": true, "trending": true, "popular": true, "mostread": true,
	"outbrain": true, "taboola": true, "byline": true, "banner": true, "toolbar": true, "meta": true,
	// German, Spanish, French, Italian, Polish, Portuguese
	"kommentare": true, "teilen": true, "verwandte": true, "anzeige": true, "werbung": true,
	"relacionadas": true, "relacionados": true, "compartir": true, "comentarios": true,
	"partage": true, "commentaires": true, "condividi": true, "correlati": true, "commenti": true,
	"komentarze": true, "powiazane": true, "udostepnij": true, "compartilhar": true,
}

// captionTokens name a picture's caption or credit. A caption is short:
// a long block so marked is a lead set under the lead picture, and stays
// (see maxCaptionLen).
var captionTokens = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "credit": true, "credits": true,
}

// furnitureMaxShare is the share of the extracted text above which a
// block marked as furniture is taken for the article's container.
const furnitureMaxShare = 0.25

// furnitureMinLimit is the furniture block size, in bytes of extracted
// text, that counts as small however short the text (an author box under
// a brief), as long as it holds less than half the text.
const furnitureMinLimit = 600

const (
	// linkListMinShare is the share of link text from which a paragraph's
	// block is a link.
	linkListMinShare = 0.6
	// linkListMinRun is how many link paragraphs in a row make a list.
	linkListMinRun = 3
)

// classTokens returns the lower-cased words of n's class and id values.
func classTokens(n *html.Node) []string {
	var words []string
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		start := -1
		prevLower := false
		for i, r := range v {
			letter := unicode.IsLetter(r) || unicode.IsDigit(r)
			if letter && start >= 0 && prevLower && unicode.IsUpper(r) {
				words = append(words, strings.ToLower(v[start:i]))
				start = i
			}
			switch {
			case letter && start < 0:
				start = i
			case !letter && start >= 0:
				words = append(words, strings.ToLower(v[start:i]))
				start = -1
			}
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		}
		if start >= 0 {
			words = append(words, strings.ToLower(v[start:]))
		}
	}
	return words
}

// blockKind is what a page element's tag, role or class says it holds.
type blockKind int

const (
	plainBlock blockKind = iota
	furnitureBlock
	captionBlock
	// leadBlock is a standfirst (see leadClass): prose, whatever block
	// around it is marked as furniture.
	leadBlock
	// headerBlock is a heading or a page or article header: its class
	// names the heading's parts ("nav_section-2", "caption-style"), not
	// furniture.
	headerBlock
)

func kindOf(n *html.Node) blockKind {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header:
		return headerBlock
	case atom.Figcaption:
		return captionBlock
	}
	if furnitureBlockTags[n.DataAtom] {
		return furnitureBlock
	}
	switch attr(n, "role") {
	case "navigation", "complementary", "contentinfo":
		return furnitureBlock
	}
	if leadClass.MatchString(attr(n, "class")) {
		return leadBlock
	}
	kind := plainBlock
	for _, w := range classTokens(n) {
		switch {
		case furnitureTokens[w]:
			return furnitureBlock
		case captionTokens[w]:
			kind = captionBlock
		}
	}
	return kind
}

// dropFurnitureParas removes the paragraphs of text that the page holds
// only inside small furniture blocks, and runs of link lines (see
// linkListRuns). Paragraphs not found in the page text (an engine's
// rewrite) stay.
func dropFurnitureParas(text string, pt *pageText) string {
	paras := strings.Split(text, "\n\n")
	sources := make([][]*html.Node, len(paras))
	under := map[*html.Node]int{}
	for i, p := range paras {
		sources[i] = pt.sources(cleanText(p))
		for _, s := range sources[i] {
			for a := s; a != nil; a = a.Parent {
				under[a] += len(p)
			}
		}
	}
	limit := max(int(furnitureMaxShare*float64(len(text))), min(furnitureMinLimit, len(text)/2))
	drop := linkListRuns(sources)
	afterArticle(sources, under, len(text), drop)
	kept := make([]string, 0, len(paras))
	for i, p := range paras {
		if !drop[i] && (len(sources[i]) == 0 || !allInFurniture(sources[i], under, limit, len(p))) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		// All furniture: the page marks its article as something else.
		return text
	}
	return strings.Join(kept, "\n\n")
}

// linkListRuns marks the runs of at least linkListMinRun paragraphs in a
// row whose blocks are mostly link text: a list of related stories, a
// menu, a list of brands or tags. Article prose may link a line, rarely
// three in a row.
func linkListRuns(sources [][]*html.Node) []bool {
	dense := make([]bool, len(sources))
	for i, srcs := range sources {
		dense[i] = len(srcs) > 0
		for _, s := range srcs {
			if text, links := textAndLinkLen(s); float64(links) < linkListMinShare*float64(text) {
				dense[i] = false
				break
			}
		}
	}
	drop := make([]bool, len(sources))
	for start := 0; start < len(dense); {
		end := start
		for end < len(dense) && dense[end] {
			end++
		}
		if end-start >= linkListMinRun {
			for i := start; i < end; i++ {
				drop[i] = true
			}
		}
		start = max(end, start+1)
	}
	return drop
}

// afterArticle marks the run of paragraphs at the end of the text that
// the page holds only after the end of the article element (<article> or
// itemprop=articleBody) that holds most of the text, when most of them
// sit next to a link: teasers for other stories that follow the article
// on its page.
func afterArticle(sources [][]*html.Node, under map[*html.Node]int, total int, drop []bool) {
	main := mainArticle(sources, under, total)
	if main == nil {
		return
	}
	start, linked := len(sources), 0
	for i := len(sources) - 1; i >= 0 && len(sources[i]) > 0; i-- {
		after := true
		for _, s := range sources[i] {
			after = after && follows(s, main)
		}
		if !after {
			break
		}
		start = i
		if nearLink(sources[i][0]) {
			linked++
		}
	}
	// Teasers link to their stories or stand in a list of them; prose set
	// after the article (a note, a last paragraph in a box of its own)
	// does neither.
	if 2*linked < len(sources)-start {
		return
	}
	for i := start; i < len(sources); i++ {
		drop[i] = true
	}
}

// mainArticle returns the <article> or itemprop=articleBody element that
// holds at least mainArticleShare of the text, or nil.
func mainArticle(sources [][]*html.Node, under map[*html.Node]int, total int) *html.Node {
	for _, srcs := range sources {
		for _, s := range srcs {
			for a := s; a != nil; a = a.Parent {
				if (a.DataAtom == atom.Article || attr(a, "itemprop") == "articleBody") && float64(under[a]) >= mainArticleShare*float64(total) {
					return a
				}
			}
		}
	}
	return nil
}

// mainArticleShare is the share of the extracted text that makes an
// article element the page's article.
const mainArticleShare = 0.6

// teaserDepth is how far up from a paragraph's block a teaser card
// reaches: headline, summary and date sit in a card, under a wrapper or
// two.
const teaserDepth = 3

// nearLink reports whether n sits in a link or a list item, or a block up
// to teaserDepth levels above it holds a link: the marks of a teaser card.
func nearLink(n *html.Node) bool {
	for a, depth := n, 0; a != nil && depth <= teaserDepth; a, depth = a.Parent, depth+1 {
		if _, links := textAndLinkLen(a); links > 0 {
			return true
		}
	}
	for a := n; a != nil; a = a.Parent {
		if a.DataAtom == atom.A || a.DataAtom == atom.Li {
			return true
		}
	}
	return false
}

// follows reports whether n comes after the end of block in document
// order.
func follows(n, block *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if a == block {
			return false
		}
		for sib := a.PrevSibling; sib != nil; sib = sib.PrevSibling {
			if sib == block || isUnder(block, sib) {
				return true
			}
		}
	}
	return false
}

// isUnder reports whether n is a or lies under it.
func isUnder(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// allInFurniture reports whether every source of a paragraph of paraLen
// bytes lies in a furniture block holding at most limit bytes of the
// extracted text.
func allInFurniture(sources []*html.Node, under map[*html.Node]int, limit, paraLen int) bool {
	for _, s := range sources {
		if !inFurniture(s, under, limit, paraLen) {
			return false
		}
	}
	return true
}

func inFurniture(s *html.Node, under map[*html.Node]int, limit, paraLen int) bool {
	for a := s; a != nil && a.Type == html.ElementNode && a.DataAtom != atom.Body && under[a] <= limit; a = a.Parent {
		switch kindOf(a) {
		case furnitureBlock:
			return true
		case captionBlock:
			if paraLen <= maxCaptionLen {
				return true
			}
		case leadBlock:
			return false
		}
	}
	return false
}
