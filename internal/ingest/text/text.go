// Package text turns plain-text page dumps and feed items into clean
// articles: it drops site furniture line by line (stamps, logos, prompts,
// credits, related links, footers), removes a lead paragraph repeated in the
// body, and recovers title, byline, outlet, publication and update times and
// language by general rules. The cleaner only drops lines and trims
// whitespace; every sentence it returns is in its input as written.
//
// Extract is pure (text in, article out); ExtractBytes adds charset decoding.
package text

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest/decode"
	"github.com/parallax-news/parallax/internal/news"
)

// Defaults for Options fields left zero.
const (
	DefaultMaxBytes           = 8 << 20
	DefaultMinLanguageLetters = 60
)

// Options tune extraction. The zero value is ready to use.
type Options struct {
	// MaxBytes caps the input of ExtractBytes; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MinLanguageLetters is the fewest letters of body text on which a
	// language is named; below it Language stays nil. 0 means
	// DefaultMinLanguageLetters.
	MinLanguageLetters int
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MinLanguageLetters <= 0 {
		o.MinLanguageLetters = DefaultMinLanguageLetters
	}
	return o
}

// ExtractBytes decodes raw (see decode.Text) and extracts the article.
// Decoding warnings come first in Article.Warnings. Errors wrap
// news.ErrInvalidInput (empty, binary) or news.ErrTooLarge.
func ExtractBytes(source string, raw []byte, opts Options) (news.Article, error) {
	opts = opts.withDefaults()
	decoded, warnings, err := decode.Text(source, raw, opts.MaxBytes)
	if err != nil {
		return news.Article{}, fmt.Errorf("extract text: %w", err)
	}
	art := Extract(source, decoded, opts)
	art.Warnings = append(warnings, art.Warnings...)
	if art.Warnings == nil {
		art.Warnings = []string{}
	}
	return art, nil
}

// Extract cleans decoded text into an article. Unknown fields stay nil;
// Warnings list every dropped line and every doubtful value.
func Extract(source string, text string, opts Options) news.Article {
	opts = opts.withDefaults()
	x := newExtraction(text)
	x.readFooter()
	x.classify()
	x.dropMenus()
	paragraphs := x.dedupe(x.chooseTitle(x.paragraphs()))
	body := strings.Join(paragraphs, "\n\n")
	if x.outlet == "" && len(paragraphs) > 0 {
		if x.outlet = datelineAgency(paragraphs[0]); x.outlet != "" {
			x.warn("outlet: taken from the wire dateline (%s)", x.outlet)
		}
	}
	if body == "" {
		x.warn("no article text left after cleaning")
	}
	art := news.Article{
		Source:      source,
		Title:       news.Str(x.title),
		Byline:      news.Str(x.byline),
		Outlet:      news.Str(x.outlet),
		PublishedAt: x.timestamp("published_at", x.published),
		UpdatedAt:   x.timestamp("updated_at", x.updated),
		Language:    x.language(body, opts.MinLanguageLetters),
		Text:        body,
	}
	if body != "" {
		sum := sha256.Sum256([]byte(body))
		art.TextSHA256 = hex.EncodeToString(sum[:])
	}
	art.Warnings = x.warnings
	if art.Warnings == nil {
		art.Warnings = []string{}
	}
	return art
}

// line is one input line with what the cleaner decided about it.
type line struct {
	text string // trimmed
	drop string // drop reason; "" keeps the line
}

// extraction is the state of one Extract call.
type extraction struct {
	lines    []line
	warnings []string

	title, byline, outlet string
	published, updated    *dateValue
	footerTitle           string
	// firstMeta is the index of the first byline or publication line.
	firstMeta int
	// sawHeadline is set once a headline-shaped line has been kept above
	// the text.
	sawHeadline bool
}

func newExtraction(text string) *extraction {
	x := &extraction{firstMeta: -1}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		x.warn("invalid UTF-8 replaced with U+FFFD")
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	for raw := range strings.SplitSeq(text, "\n") {
		x.lines = append(x.lines, line{text: trimSpace(raw)})
	}
	return x
}

func (x *extraction) warn(format string, args ...any) {
	x.warnings = append(x.warnings, fmt.Sprintf(format, args...))
}

func (x *extraction) dropLine(i int, reason string) {
	if x.lines[i].drop != "" {
		return
	}
	x.lines[i].drop = reason
	x.warn("dropped %s: %q", reason, snippet(x.lines[i].text))
}

// readFooter finds a feed footer in the last lines, takes title and outlet
// from it and removes it, keeping any article text glued before it.
func (x *extraction) readFooter() {
	seen := 0
	for i := len(x.lines) - 1; i >= 0 && seen < 3; i-- {
		text := x.lines[i].text
		if text == "" {
			continue
		}
		seen++
		f, ok := parseFooter(text)
		if !ok {
			continue
		}
		x.footerTitle = f.title
		if f.outlet != "" {
			x.outlet = f.outlet
		}
		head := trimSpace(text[:f.at])
		x.warn("dropped %s: %q", reasonFooter, snippet(text[f.at:]))
		if head == "" {
			x.lines[i].drop = reasonFooter
		} else {
			x.lines[i].text = head
		}
		return
	}
}

// timestamp turns a parsed stamp into an article field, warning about what
// was doubtful in it.
func (x *extraction) timestamp(field string, v *dateValue) *news.Timestamp {
	if v == nil {
		return nil
	}
	if v.doubt != "" {
		x.warn("%s: %s", field, v.doubt)
	}
	ts := v.ts
	return &ts
}

func snippet(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// trimSpace trims Unicode spaces and the invisible characters page dumps
// leave around lines (zero-width spaces, BOMs).
func trimSpace(s string) string {
	return strings.TrimFunc(s, isSpaceLike)
}
