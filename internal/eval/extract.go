package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/news"
)

// ExtractCase is one line of an extraction data set's cases.jsonl. HTML is
// a path relative to the data set folder and may end in .gz.
type ExtractCase struct {
	ID           string   `json:"id"`
	URL          string   `json:"url"`
	HTML         string   `json:"html"`
	ExpectedText *string  `json:"expected_text,omitempty"`
	With         []string `json:"with,omitempty"`
	Without      []string `json:"without,omitempty"`
	Title        *string  `json:"title,omitempty"`
	Author       *Names   `json:"author,omitempty"`
	Date         *string  `json:"date,omitempty"` // YYYY-MM-DD
}

// ExtractFunc extracts an article from a raw HTML page.
type ExtractFunc func(page []byte, pageURL string) (news.Article, error)

// ExtractMetrics are the scores of `parallax eval extract`.
//
// Precision, Recall and F1 compare word 4-gram shingle sets of the output
// and expected_text, averaged per document. Snippet scores follow
// trafilatura's evaluation: a "with" snippet found in the output is a true
// positive, missing a false negative; a "without" snippet found is a false
// positive. Snippets match as substrings after collapsing whitespace runs to
// one space and NFC normalisation, case-sensitively. Title, author and date
// accuracy count exact matches (whitespace-collapsed, case-insensitive) over
// the cases that give them; date compares the published day.
//
// The Doc* fields are a per-document proxy for the shingle scores on data
// sets that only give snippets: DocRecall averages, over the pages with
// "with" snippets, the share found; DocPrecision averages, over the pages
// with "without" snippets, the share absent; so one long page with many
// snippets weighs no more than a short one. Length sanity: EmptyDocs counts
// outputs with no text, ShortDocs outputs under ShortDocChars characters,
// MedianChars is the median output length.
type ExtractMetrics struct {
	Docs             int     `json:"docs"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	SnippetPrecision float64 `json:"snippet_precision"`
	SnippetRecall    float64 `json:"snippet_recall"`
	SnippetF1        float64 `json:"snippet_f1"`
	TitleAccuracy    float64 `json:"title_accuracy"`
	AuthorAccuracy   float64 `json:"author_accuracy"`
	DateAccuracy     float64 `json:"date_accuracy"`
	DocPrecision     float64 `json:"doc_precision"`
	DocRecall        float64 `json:"doc_recall"`
	DocF1            float64 `json:"doc_f1"`
	EmptyDocs        int     `json:"empty_docs"`
	ShortDocs        int     `json:"short_docs"`
	MedianChars      int     `json:"median_chars"`
	Errors           int     `json:"errors"`
	DocsPerSecond    float64 `json:"docs_per_second"`
	MsPerDoc         float64 `json:"ms_per_doc"`
}

// ShortDocChars is the output length under which ExtractMetrics counts a
// page in ShortDocs: shorter than a short news brief.
const ShortDocChars = 250

// LoadExtractCases reads dir/cases.jsonl.
func LoadExtractCases(dir string) ([]ExtractCase, error) {
	f, err := os.Open(filepath.Join(dir, "cases.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("extract cases: %w", err)
	}
	defer f.Close()
	var cases []ExtractCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var c ExtractCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("cases.jsonl line %d: %w: %v", line, news.ErrInvalidInput, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cases.jsonl: %w", err)
	}
	return cases, nil
}

// ReadCasePage returns the raw HTML of a case, gunzipping .gz files.
func ReadCasePage(dir string, c ExtractCase) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c.HTML)))
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(c.HTML, ".gz") {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.HTML, err)
	}
	return io.ReadAll(zr)
}

// ScoreExtract runs extract over every case. A page that cannot be read or
// extracted counts in Errors (and as an empty output) and the run goes on.
// DocsPerSecond counts extraction time only, not file reading.
func ScoreExtract(dir string, cases []ExtractCase, extract ExtractFunc) ExtractMetrics {
	var m ExtractMetrics
	var precSum, recSum float64
	var textDocs, tp, fp, fn int
	var title, author, date accuracy
	var spent time.Duration
	var docPrec, docRec mean
	lengths := make([]int, 0, len(cases))
	for _, c := range cases {
		m.Docs++
		var art news.Article
		page, err := ReadCasePage(dir, c)
		if err == nil {
			start := time.Now()
			art, err = extract(page, c.URL)
			spent += time.Since(start)
		}
		if err != nil {
			m.Errors++
			art = news.Article{}
		}
		if c.ExpectedText != nil {
			p, r := shinglePR(art.Text, *c.ExpectedText)
			precSum += p
			recSum += r
			textDocs++
		}
		got := normSpace(art.Text)
		lengths = append(lengths, len(got))
		switch {
		case got == "":
			m.EmptyDocs++
		case len(got) < ShortDocChars:
			m.ShortDocs++
		}
		found, leaked := 0, 0
		for _, s := range c.With {
			if strings.Contains(got, normSpace(s)) {
				found++
			}
		}
		for _, s := range c.Without {
			if strings.Contains(got, normSpace(s)) {
				leaked++
			}
		}
		tp, fn, fp = tp+found, fn+len(c.With)-found, fp+leaked
		if len(c.With) > 0 {
			docRec.add(float64(found) / float64(len(c.With)))
		}
		if len(c.Without) > 0 {
			docPrec.add(1 - float64(leaked)/float64(len(c.Without)))
		}
		title.add(c.Title, news.Deref(art.Title))
		if c.Author != nil {
			want := c.Author.String()
			author.add(&want, news.Deref(art.Byline))
		}
		if art.PublishedAt != nil {
			date.add(c.Date, art.PublishedAt.Day())
		} else {
			date.add(c.Date, "")
		}
	}
	if textDocs > 0 {
		m.Precision = precSum / float64(textDocs)
		m.Recall = recSum / float64(textDocs)
		m.F1 = F1(m.Precision, m.Recall)
	}
	snip := NewPRF(tp, fp, fn)
	m.SnippetPrecision, m.SnippetRecall, m.SnippetF1 = snip.Precision, snip.Recall, snip.F1
	m.TitleAccuracy, m.AuthorAccuracy, m.DateAccuracy = title.value(), author.value(), date.value()
	m.DocPrecision, m.DocRecall = docPrec.value(), docRec.value()
	m.DocF1 = F1(m.DocPrecision, m.DocRecall)
	if len(lengths) > 0 {
		slices.Sort(lengths)
		m.MedianChars = lengths[len(lengths)/2]
	}
	if spent > 0 && m.Docs > m.Errors {
		m.DocsPerSecond = float64(m.Docs-m.Errors) / spent.Seconds()
		m.MsPerDoc = float64(spent.Microseconds()) / 1000 / float64(m.Docs-m.Errors)
	}
	return m
}

type mean struct {
	sum float64
	n   int
}

func (m *mean) add(v float64) { m.sum, m.n = m.sum+v, m.n+1 }

func (m mean) value() float64 {
	if m.n == 0 {
		return 0
	}
	return m.sum / float64(m.n)
}

// Names is a JSON string or list of strings (several authors).
type Names []string

// UnmarshalJSON accepts "A" and ["A", "B"].
func (n *Names) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*n = Names{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*n = many
	return nil
}

// String joins the names with "; ", the separator extractors write.
func (n Names) String() string { return strings.Join(n, "; ") }

type accuracy struct{ right, total int }

func (a *accuracy) add(want *string, got string) {
	if want == nil {
		return
	}
	a.total++
	if strings.EqualFold(normSpace(*want), normSpace(got)) {
		a.right++
	}
}

func (a accuracy) value() float64 {
	if a.total == 0 {
		return 0
	}
	return float64(a.right) / float64(a.total)
}

func normSpace(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// shingleSize is the length of the word n-grams compared by shinglePR.
const shingleSize = 4

// shinglePR compares the 4-token shingle sets of got and want. Tokens are
// lower-cased runs of Unicode letters and digits; a text with fewer than 4
// tokens is one shingle. An empty output scores 0 and 0.
func shinglePR(got, want string) (precision, recall float64) {
	g, w := shingles(got), shingles(want)
	if len(g) == 0 || len(w) == 0 {
		return 0, 0
	}
	common := 0
	for s := range g {
		if _, ok := w[s]; ok {
			common++
		}
	}
	return float64(common) / float64(len(g)), float64(common) / float64(len(w))
}

func shingles(text string) map[string]struct{} {
	tokens := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := map[string]struct{}{}
	if len(tokens) == 0 {
		return set
	}
	if len(tokens) < shingleSize {
		set[strings.Join(tokens, " ")] = struct{}{}
		return set
	}
	for i := 0; i+shingleSize <= len(tokens); i++ {
		set[strings.Join(tokens[i:i+shingleSize], " ")] = struct{}{}
	}
	return set
}
