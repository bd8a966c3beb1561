package eval

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/quote"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// QuoteMetrics scores attribution content spans and their sources.
//
// Spans are compared on word tokens (letters and digits; punctuation and
// quotation marks are ignored, as is a leading "that", because PolNeAR
// contents keep quotation marks and complementisers and Parallax's do not).
// Exact: same word tokens. Overlap: shared words / max(len gold, len
// predicted) >= 0.5, a symmetric criterion, matched one-to-one greedily
// by best ratio. Discontinuous gold contents are scored on their extent.
// SourceAccuracy is over overlap-matched pairs whose gold has a source: the
// predicted speaker mention overlaps the gold source span.
type QuoteMetrics struct {
	System         string  `json:"system"`
	Docs           int     `json:"docs"`
	Gold           int     `json:"gold"`
	Predicted      int     `json:"predicted"`
	Exact          PRF     `json:"exact"`
	Overlap        PRF     `json:"overlap"`
	SourceAccuracy float64 `json:"source_accuracy"`
	DocsPerSecond  float64 `json:"docs_per_second"`
}

// QuoteOptions configures EvalQuotes.
type QuoteOptions struct {
	// Baseline scores "quoted span + nearest capitalised name" instead of
	// the quote package.
	Baseline bool
	// Agreement scores annotators against each other instead of a
	// system: on the articles with two or more annotators' files, the
	// second file's contents and sources are the predictions and the
	// first's the gold, with the same metric. It is the human ceiling of
	// the task as scored here.
	Agreement bool
	// Errors, when set, receives missed and spurious contents.
	Errors io.Writer
}

// goldAttribution is one annotated content with its source (zero when
// the attribution has none).
type goldAttribution struct {
	content news.Span
	source  news.Span
}

// EvalQuotes scores quote and attribution finding on a PolNeAR split
// folder (text/*.txt, attributions/<article>_<annotator>.ann). When an
// article has several annotators' files, the first by name is the gold.
func EvalQuotes(dir string, opts QuoteOptions) (QuoteMetrics, error) {
	m := QuoteMetrics{System: "parallax"}
	if opts.Baseline {
		m.System = "baseline"
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return m, fmt.Errorf("no .ann files under %s/attributions: %w", dir, news.ErrNotFound)
	}
	if opts.Agreement {
		m.System = "annotator-agreement"
	}
	slices.Sort(anns)
	byArticle := map[string][]string{}
	var articles []string
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		article := base[:max(0, strings.LastIndexByte(base, '_'))]
		if article == "" {
			continue
		}
		if byArticle[article] == nil {
			articles = append(articles, article)
		}
		byArticle[article] = append(byArticle[article], ann)
	}
	var c quoteCounts
	var elapsed time.Duration
	for _, article := range articles {
		files := byArticle[article]
		if opts.Agreement && len(files) < 2 {
			continue
		}
		textPath := filepath.Join(dir, "text", article+".txt")
		b, err := os.ReadFile(textPath)
		if err != nil {
			return m, fmt.Errorf("read %s: %w", textPath, err)
		}
		text := string(b)
		gold, err := readPolNeAR(text, files[0])
		if err != nil {
			return m, err
		}
		var second []goldAttribution
		if opts.Agreement {
			if second, err = readPolNeAR(text, files[1]); err != nil {
				return m, err
			}
		}
		start := time.Now()
		var predicted []news.Quote
		switch {
		case opts.Agreement:
			predicted = goldAsQuotes(text, second)
		case opts.Baseline:
			predicted = BaselineQuotes(text)
		default:
			predicted = mergeSplitQuotes(text, quote.Find(text, nil, nil).Quotes)
		}
		elapsed += time.Since(start)
		c.add(text, gold, predicted, opts.Errors, article)
		m.Docs++
	}
	if opts.Agreement && m.Docs == 0 {
		return m, fmt.Errorf("no article under %s has two annotators' files: %w", dir, news.ErrNotFound)
	}
	m.Gold, m.Predicted = c.gold, c.predicted
	m.Exact = NewPRF(c.exact, c.predicted-c.exact, c.gold-c.exact)
	m.Overlap = NewPRF(c.overlap, c.predicted-c.overlap, c.gold-c.overlap)
	if c.withSource > 0 {
		m.SourceAccuracy = float64(c.sourceOK) / float64(c.withSource)
	}
	if elapsed > 0 {
		m.DocsPerSecond = float64(m.Docs) / elapsed.Seconds()
	}
	return m, nil
}

// readPolNeAR reads one annotator's attributions of text.
func readPolNeAR(text, annPath string) ([]goldAttribution, error) {
	f, err := os.Open(annPath)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", annPath, err)
	}
	defer f.Close()
	doc, err := ReadBrat(f, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", annPath, err)
	}
	return polnearGold(doc), nil
}

// polnearGold lists the Content spans with the Source of their event.
func polnearGold(doc BratDoc) []goldAttribution {
	source := map[string]news.Span{}
	for _, ev := range doc.Events {
		if s, ok := doc.Spans[ev.Args["Source"]]; ok {
			source[ev.Args["Content"]] = s.Extent()
		}
	}
	var out []goldAttribution
	for id, s := range doc.Spans {
		if s.Type == "Content" {
			out = append(out, goldAttribution{content: s.Extent(), source: source[id]})
		}
	}
	slices.SortFunc(out, func(a, b goldAttribution) int { return cmp.Compare(a.content.Start, b.content.Start) })
	return out
}

// goldAsQuotes turns one annotator's contents and sources into quotes,
// for scoring annotators against each other.
func goldAsQuotes(text string, gold []goldAttribution) []news.Quote {
	out := make([]news.Quote, len(gold))
	for i, g := range gold {
		out[i] = news.Quote{Text: text[g.content.Start:g.content.End], Start: g.content.Start, End: g.content.End,
			SpeakerStart: g.source.Start, SpeakerEnd: g.source.End}
	}
	return out
}

// mergeSplitQuotes joins the halves of a split quotation ("X," he said,
// "Y.") and a speaker's next quotation ("X," he said. "Y.") into one
// extent, as PolNeAR annotates each as one content.
func mergeSplitQuotes(text string, qs []news.Quote) []news.Quote {
	var out []news.Quote
	for _, q := range qs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.Direct && q.Direct && p.SpeakerEnd > p.SpeakerStart && p.SpeakerStart == q.SpeakerStart &&
				p.Cue == q.Cue && p.End <= p.SpeakerStart && q.Start >= p.SpeakerEnd && q.Start-p.End < 250 {
				p.End = q.End
				p.Text = text[p.Start:p.End]
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

// quoteCounts accumulates matches over documents.
type quoteCounts struct {
	gold, predicted, exact, overlap, withSource, sourceOK int
}

func (c *quoteCounts) add(text string, gold []goldAttribution, predicted []news.Quote, errs io.Writer, article string) {
	words := wordTokens(text)
	gr := make([][2]int, len(gold))
	for i, g := range gold {
		gr[i] = trimThat(text, words, tokenRange(words, g.content))
	}
	pr := make([][2]int, len(predicted))
	for i, p := range predicted {
		pr[i] = trimThat(text, words, tokenRange(words, news.Span{Start: p.Start, End: p.End}))
	}
	c.gold += len(gold)
	c.predicted += len(predicted)
	c.exact += len(matchSpans(gr, pr, 1))
	matches := matchSpans(gr, pr, 0.5)
	c.overlap += len(matches)
	matchedGold := map[int]bool{}
	matchedPred := map[int]bool{}
	for gi, pi := range matches {
		matchedGold[gi], matchedPred[pi] = true, true
		g, p := gold[gi], predicted[pi]
		if g.source.End <= g.source.Start {
			continue
		}
		c.withSource++
		if p.SpeakerEnd > p.SpeakerStart && p.SpeakerStart < g.source.End && g.source.Start < p.SpeakerEnd {
			c.sourceOK++
		} else if errs != nil {
			fmt.Fprintf(errs, "SOURCE\t%s\tgold=%q\tpred=%q\tcue=%q\t%q\n", article, text[g.source.Start:g.source.End], text[p.SpeakerStart:p.SpeakerEnd], p.Cue, p.Text)
		}
	}
	if errs == nil {
		return
	}
	for i, g := range gold {
		if !matchedGold[i] {
			best, closest := 0.0, ""
			for pi, p := range pr {
				if shared := min(gr[i][1], p[1]) - max(gr[i][0], p[0]); shared > 0 {
					if r := float64(shared) / float64(max(gr[i][1]-gr[i][0], p[1]-p[0])); r > best {
						best, closest = r, predicted[pi].Text
					}
				}
			}
			fmt.Fprintf(errs, "MISSED\t%s\tbest_ratio=%.2f\t%q\tclosest=%q\n", article, best, text[g.content.Start:g.content.End], closest)
		}
	}
	for i, p := range predicted {
		if !matchedPred[i] {
			fmt.Fprintf(errs, "SPURIOUS\t%s\tcue=%q\t%q\n", article, p.Cue, p.Text)
		}
	}
}

// matchSpans pairs gold and predicted token ranges one-to-one, best ratio
// first, keeping pairs with overlap / max(len) >= threshold. It returns
// gold index -> predicted index.
func matchSpans(gold, pred [][2]int, threshold float64) map[int]int {
	type pair struct {
		g, p  int
		ratio float64
	}
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			shared := min(g[1], p[1]) - max(g[0], p[0])
			longest := max(g[1]-g[0], p[1]-p[0])
			if shared <= 0 || longest == 0 {
				continue
			}
			if r := float64(shared) / float64(longest); r >= threshold {
				pairs = append(pairs, pair{gi, pi, r})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.ratio, a.ratio) })
	out := map[int]int{}
	usedPred := map[int]bool{}
	for _, p := range pairs {
		if _, ok := out[p.g]; ok || usedPred[p.p] {
			continue
		}
		out[p.g] = p.p
		usedPred[p.p] = true
	}
	return out
}

// wordTokens returns the tokens of text that contain a letter or digit.
func wordTokens(text string) []tokenize.Token {
	var out []tokenize.Token
	for _, t := range tokenize.Tokens(text) {
		if strings.IndexFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// tokenRange returns the indices [i, j) of the word tokens inside s.
func tokenRange(words []tokenize.Token, s news.Span) [2]int {
	i, _ := slices.BinarySearchFunc(words, s.Start, func(t tokenize.Token, at int) int { return cmp.Compare(t.Start, at) })
	j := i
	for j < len(words) && words[j].End <= s.End {
		j++
	}
	return [2]int{i, j}
}

func trimThat(text string, words []tokenize.Token, r [2]int) [2]int {
	if r[1]-r[0] > 1 && strings.EqualFold(words[r[0]].Text, "that") {
		r[0]++
	}
	return r
}

// baselineQuote matches text between paired quotation marks.
var baselineQuote = regexp.MustCompile(`“[^”\n]+”|"[^"\n]+"`)

// BaselineQuotes is the simple comparison system: every quotation-mark span
// is a quote, spoken by the nearest capitalised word run outside it.
func BaselineQuotes(text string) []news.Quote {
	var out []news.Quote
	toks := tokenize.Tokens(text)
	locs := baselineQuote.FindAllStringIndex(text, -1)
	inside := func(at int) bool {
		for _, l := range locs {
			if at >= l[0] && at < l[1] {
				return true
			}
		}
		return false
	}
	for _, l := range locs {
		start := l[0] + len("“")
		if text[l[0]] == '"' {
			start = l[0] + 1
		}
		_, closeSize := utf8.DecodeLastRuneInString(text[:l[1]])
		q := news.Quote{Start: start, End: l[1] - closeSize, Direct: true}
		q.Text = text[q.Start:q.End]
		best := -1
		for i, t := range toks {
			r, _ := utf8.DecodeRuneInString(t.Text)
			if !unicode.IsUpper(r) || inside(t.Start) {
				continue
			}
			if best < 0 || distance(t, l) < distance(toks[best], l) {
				best = i
			}
		}
		if best >= 0 {
			q.SpeakerStart, q.SpeakerEnd = toks[best].Start, toks[best].End
		}
		out = append(out, q)
	}
	return out
}

func distance(t tokenize.Token, l []int) int {
	if t.End <= l[0] {
		return l[0] - t.End
	}
	return t.Start - l[1]
}
