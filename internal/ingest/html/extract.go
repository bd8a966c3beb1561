// Package html extracts an article from a web page: the main text without
// navigation, ads, related links or comments, and its metadata (title,
// byline, outlet, published and modified times, language). It is a pure
// stage: bytes in, news.Article out.
package html

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
	"github.com/parallax-news/parallax/internal/news"
)

// Options tunes Extract.
type Options struct {
	// Extractor names the main-text engine (see Extractors); "" means
	// DefaultExtractor.
	Extractor string
	// Now bounds plausible dates (a date far in the future is noise); zero
	// means time.Now().
	Now time.Time
}

// Extract reads an HTML page. source names the input (path or URL) and
// pageURL, when known, resolves links and supplies a date from its path.
// The error wraps news.ErrInvalidInput for unusable pages; a page whose
// main text cannot be found yields an article with empty text and a warning.
func Extract(source string, page []byte, pageURL string, opts Options) (news.Article, error) {
	name := opts.Extractor
	if name == "" {
		name = DefaultExtractor
	}
	run, ok := engines[name]
	if !ok {
		return news.Article{}, fmt.Errorf("unknown extractor %q (want one of %s): %w", name, strings.Join(Extractors(), ", "), news.ErrInvalidInput)
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	doc, err := html.Parse(bytes.NewReader(toUTF8(page)))
	if err != nil {
		return news.Article{}, fmt.Errorf("parse html: %w: %v", news.ErrInvalidInput, err)
	}
	var base *url.URL
	host := ""
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		base, host = u, strings.ToLower(u.Hostname())
	}

	meta := collectMeta(doc)
	res := run(doc, base)
	pt := newPageText(doc)
	text := joinSplitBlocks(res.text, pt)
	site := meta.siteName(pageURL)
	title := meta.headline(site, host)
	if title == "" {
		title = cleanText(res.title)
	}
	byline := meta.byline(site)
	if byline == "" {
		byline = cleanByline(res.author)
	}
	text = dropLinkTeasers(trimBoilerplate(dropLeadingTitle(addLead(doc, text, title, meta.descriptions()), title)), linkTexts(doc))
	if byline == "" {
		byline = textByline(text)
	}
	if byline == "" {
		byline = pageByline(doc)
	}
	if byline == "" {
		byline = pageCopyright(doc)
	}
	text = dropFurnitureParas(dropBylineParas(dropAuthorBio(text, byline), byline), pt)
	body := articleBody(meta)
	fromLD := preferArticleBody(text, body)
	if fromLD {
		text = body
	}
	art := news.Article{
		Source:      source,
		URL:         news.Str(pageURL),
		Title:       news.Str(title),
		Byline:      news.Str(byline),
		Outlet:      news.Str(site),
		PublishedAt: meta.published(pageURL, now),
		UpdatedAt:   meta.modified(now),
		Language:    news.Str(meta.language(text)),
		Text:        text,
		Warnings:    []string{},
	}
	if art.Text == "" {
		art.Warnings = append(art.Warnings, "no main text found")
	}
	if fromLD {
		art.Warnings = append(art.Warnings, "main text taken from the page's JSON-LD articleBody: its HTML showed little of it")
	}
	if art.PublishedAt == nil {
		if ts := htmlDate(doc, base, now); ts != nil {
			art.PublishedAt = ts
			art.Warnings = append(art.Warnings, "published date guessed from page text")
		}
	}
	return art, nil
}

// A page whose HTML yields under minPageText runes of main text (a
// script-rendered page, a teaser) takes its JSON-LD articleBody instead
// when that holds at least minLDBody runes and three times as much.
const (
	minPageText = 400
	minLDBody   = 1000
)

// preferArticleBody reports whether the JSON-LD body should replace the
// extracted text (see minPageText).
func preferArticleBody(text, body string) bool {
	n := utf8.RuneCountInString(text)
	return n < minPageText && utf8.RuneCountInString(body) >= max(minLDBody, 3*n)
}

// articleBody returns the JSON-LD articleBody of the page's article as
// paragraphs of plain text (tags and entities some publishers leave in
// it removed), or "".
func articleBody(m *pageMeta) string {
	body := m.ld("articleBody")
	if strings.Contains(body, "<") {
		return htmltext.Fragment(body)
	}
	return htmltext.Plain(stdhtml.UnescapeString(body))
}

// dropLeadingTitle removes the headline, with its kicker if any, when the
// extractor kept it as the first paragraph: the title is metadata, and repeating it in the text
// would duplicate it in every downstream stage.
func dropLeadingTitle(text, title string) string {
	first, rest, found := strings.Cut(text, "\n\n")
	if !found || title == "" {
		return text
	}
	first, title = strings.ToLower(cleanText(first)), strings.ToLower(cleanText(title))
	if first == title || (strings.HasSuffix(first, title) && len(first)-len(title) <= maxKickerChars) {
		return rest
	}
	return text
}

// maxKickerChars bounds the kicker that may stand before the headline in
// the text's first paragraph (see headingText).
const maxKickerChars = 80

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// toUTF8 decodes a page to NFC UTF-8: valid UTF-8 is kept, otherwise the
// <meta> charset (searched beyond the first 1024 bytes) or the HTML
// standard's sniffing decides.
func toUTF8(page []byte) []byte {
	page = bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(page) {
		enc, _, _ := charset.DetermineEncoding(page, "text/html")
		if m := metaCharset.FindSubmatch(page[:min(len(page), 16<<10)]); m != nil {
			if e, err := htmlindex.Get(string(m[1])); err == nil && !strings.EqualFold(string(m[1]), "utf-8") {
				enc = e
			}
		}
		if out, err := enc.NewDecoder().Bytes(page); err == nil {
			page = out
		}
		page = bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	return norm.NFC.Bytes(page)
}
