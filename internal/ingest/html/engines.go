package html

import (
	"net/url"
	"sort"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	distiller "github.com/markusmobius/go-domdistiller"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Extractor names accepted in Options.Extractor.
const (
	Trafilatura         = "trafilatura"          // go-trafilatura, no fallbacks
	TrafilaturaFallback = "trafilatura-fallback" // go-trafilatura with its readability + distiller fallbacks
	Readability         = "readability"          // codeberg.org/readeck/go-readability/v2
	Distiller           = "distiller"            // go-domdistiller
	Heuristic           = "heuristic"            // Parallax's own text-density heuristic
	Combined            = "combined"             // trafilatura, readability when trafilatura's text is short
)

// DefaultExtractor is the engine chosen on the trafilatura-eval dev set
// (see docs/BENCHMARKS.md).
const DefaultExtractor = Trafilatura

// engine extracts the main text of a parsed page. It must not modify doc.
type engine func(doc *html.Node, pageURL *url.URL) string

var engines = map[string]engine{
	Trafilatura:         func(d *html.Node, u *url.URL) string { return trafilaturaText(d, u, false) },
	TrafilaturaFallback: func(d *html.Node, u *url.URL) string { return trafilaturaText(d, u, true) },
	Readability:         readabilityText,
	Distiller:           distillerText,
	Heuristic:           heuristicText,
	Combined:            combinedText,
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

func trafilaturaText(doc *html.Node, pageURL *url.URL, fallback bool) string {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // dates come from our metadata rules, with time of day
	})
	if err != nil || res == nil {
		return ""
	}
	if res.ContentNode != nil {
		return nodeText(res.ContentNode)
	}
	return plainText(res.ContentText)
}

func readabilityText(doc *html.Node, pageURL *url.URL) string {
	parser := readability.NewParser()
	art, err := parser.ParseDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return ""
	}
	return nodeText(art.Node)
}

func distillerText(doc *html.Node, pageURL *url.URL) string {
	res, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: pageURL, SkipPagination: true})
	if err != nil || res == nil {
		return ""
	}
	if res.Node != nil {
		return nodeText(res.Node)
	}
	return plainText(res.Text)
}

// combinedMinChars is the trafilatura output length under which the
// combined engine also runs readability and keeps the longer text.
const combinedMinChars = 500

func combinedText(doc *html.Node, pageURL *url.URL) string {
	text := trafilaturaText(doc, pageURL, false)
	if len(text) >= combinedMinChars {
		return text
	}
	if alt := readabilityText(doc, pageURL); len(alt) > len(text) {
		return alt
	}
	return text
}
