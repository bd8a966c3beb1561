package html

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	distiller "github.com/markusmobius/go-domdistiller"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
)

// Extractor names accepted in Options.Extractor.
const (
	Trafilatura         = "trafilatura"          // go-trafilatura, no fallbacks
	TrafilaturaFallback = "trafilatura-fallback" // go-trafilatura with its readability + distiller fallbacks
	Readability         = "readability"          // codeberg.org/readeck/go-readability/v2
	Distiller           = "distiller"            // go-domdistiller
	Heuristic           = "heuristic"            // Parallax's own text-density heuristic
	Combined            = "combined"             // trafilatura, readability when trafilatura's text is short
	Adaptive            = "adaptive"             // trafilatura, its fallbacks only when the first text looks weak
)

// DefaultExtractor is the engine chosen on the trafilatura-eval dev set
// (see docs/BENCHMARKS.md): the quality of trafilatura-fallback at a
// fraction of its cost.
const DefaultExtractor = Adaptive

// engine extracts the main text of a parsed page. It must not modify doc.
type engine func(doc *html.Node, pageURL *url.URL) engineResult

// engineResult is an engine's text plus the metadata it found, which
// Extract uses where its own rules find nothing.
type engineResult struct {
	text   string
	title  string
	author string
}

var engines = map[string]engine{
	Trafilatura:         func(d *html.Node, u *url.URL) engineResult { return trafilaturaText(d, u, false) },
	TrafilaturaFallback: func(d *html.Node, u *url.URL) engineResult { return trafilaturaText(d, u, true) },
	Readability:         readabilityText,
	Distiller:           distillerText,
	Heuristic:           heuristicText,
	Combined:            combinedText,
	Adaptive:            adaptiveText,
}

// Extractors lists the engine names, sorted.
func Extractors() []string {
	names := make([]string, 0, len(engines))
	for name := range engines {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func trafilaturaText(doc *html.Node, pageURL *url.URL, fallback bool) engineResult {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // dates come from our metadata rules, with time of day
	})
	if err != nil || res == nil {
		return engineResult{}
	}
	out := engineResult{text: htmltext.Node(res.ContentNode), title: res.Metadata.Title, author: res.Metadata.Author}
	if res.ContentNode == nil {
		out.text = htmltext.Plain(res.ContentText)
	}
	return out
}

func readabilityText(doc *html.Node, pageURL *url.URL) engineResult {
	parser := readability.NewParser()
	art, err := parser.ParseDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return engineResult{}
	}
	return engineResult{text: htmltext.Node(art.Node), title: art.Title(), author: art.Byline()}
}

func distillerText(doc *html.Node, pageURL *url.URL) engineResult {
	res, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: pageURL, SkipPagination: true})
	if err != nil || res == nil {
		return engineResult{}
	}
	out := engineResult{text: htmltext.Node(res.Node), title: res.Title}
	if res.Node == nil {
		out.text = htmltext.Plain(res.Text)
	}
	return out
}

// combinedMinChars is the trafilatura output length under which the
// combined engine also runs readability and keeps the longer text.
const combinedMinChars = 500

func combinedText(doc *html.Node, pageURL *url.URL) engineResult {
	res := trafilaturaText(doc, pageURL, false)
	if len(res.text) >= combinedMinChars {
		return res
	}
	if alt := readabilityText(doc, pageURL); len(alt.text) > len(res.text) {
		res.text = alt.text
	}
	return res
}

// adaptiveMinChars is the length of trafilatura's plain text under which
// the adaptive engine reruns it with its fallbacks. The fallbacks
// (readability, then distiller) replace a text only when theirs is much
// longer or the first one has no real paragraphs, which a long first text
// rules out; on the dev set their gain comes from pages under this
// length, about two fifths of them (2000 gave up a few pages' recall).
const adaptiveMinChars = 3000

// disjointTexts reports whether text a and a second engine's text b are
// about different parts of the page: b two to five times as long (much
// longer is the whole page: listings, archives) and under a fifth of a's
// word 4-grams in b.
func disjointTexts(a, b string) bool {
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); nb < 2*na || nb > 5*na {
		return false
	}
	grams := func(s string) []string {
		w := strings.Fields(strings.ToLower(s))
		var out []string
		for i := 0; i+4 <= len(w); i++ {
			out = append(out, strings.Join(w[i:i+4], " "))
		}
		return out
	}
	ga := grams(a)
	if len(ga) < 20 {
		return false
	}
	inB := map[string]bool{}
	for _, g := range grams(b) {
		inB[g] = true
	}
	shared := 0
	for _, g := range ga {
		if inB[g] {
			shared++
		}
	}
	return shared*5 < len(ga)
}

// rawMarkup matches tags left as text, which a text holds when the engine
// fell back to the page's raw source (a <noscript> body, an unparsed
// template): such a text is the whole page, not the article.
var rawMarkup = regexp.MustCompile(`<(?:iframe|img|a|div|span|script)\s[^>]*>`)

// adaptiveText is trafilatura, rerun with its fallbacks when its text is
// short or holds raw markup, then trimmed at the edges by readability's opinion (see
// trimUnconfirmed).
func adaptiveText(doc *html.Node, pageURL *url.URL) engineResult {
	res := trafilaturaText(doc, pageURL, false)
	fallback := utf8.RuneCountInString(res.text) < adaptiveMinChars || rawMarkup.MatchString(res.text)
	if fallback {
		res = trafilaturaText(doc, pageURL, true)
	}
	second := readabilityText(doc, pageURL).text
	if !fallback && disjointTexts(res.text, second) {
		// trafilatura took another block than the article (the reader
		// comments under it): its fallbacks find the article.
		res = trafilaturaText(doc, pageURL, true)
	}
	res.text = prependSecondLead(trimUnconfirmed(res.text, second), second)
	return res
}
