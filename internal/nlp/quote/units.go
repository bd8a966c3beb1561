package quote

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// tok is a token with the facts the rules look at.
type tok struct {
	tokenize.Token
	lower   string
	quoteID int // index into doc.quotes of the quotation the token is inside, or -1
}

// doc is the working state of one Find call.
type doc struct {
	text     string
	toks     []tok
	quotes   []quoted
	entities []news.Entity
	// relays are reporting attributions ("TASS reported") that were folded
	// into the Via of the attribution they carry.
	relays []attribution
	// datelineStart and bodyStart bound a dateline ("MOSCOW, Nov 25
	// /TASS/ -"), which is never part of a quote; a headline may come
	// before it.
	datelineStart, bodyStart int
}

func newDoc(text string, entities []news.Entity) *doc {
	d := &doc{text: text, quotes: quotedSpans(text), entities: entities}
	d.datelineStart, d.bodyStart = dateline(text)
	raw := tokenize.Tokens(text)
	d.toks = make([]tok, len(raw))
	q := 0
	for i, t := range raw {
		for q < len(d.quotes) && d.quotes[q].content.End <= t.Start {
			q++
		}
		id := -1
		if q < len(d.quotes) && t.Start >= d.quotes[q].content.Start && t.End <= d.quotes[q].content.End {
			id = q
		}
		d.toks[i] = tok{Token: t, lower: strings.ToLower(t.Text), quoteID: id}
	}
	return d
}

// unit is a token range [from, to) read as one piece: a sentence, or
// several when a quotation runs across their boundaries.
type unit struct{ from, to int }

// units groups the sentences into units so that no quotation crosses a
// unit boundary.
func (d *doc) units(sentences []news.Span) []unit {
	var spans []news.Span
	for _, s := range sentences {
		s.Start = max(0, min(s.Start, len(d.text)))
		s.End = max(s.Start, min(s.End, len(d.text)))
		if n := len(spans); n > 0 && (s.Start < spans[n-1].End || d.quoteCrosses(spans[n-1].End, s.Start) || d.inTurn(spans[n-1], s.Start) || d.tagAfterQuestion(spans[n-1], s)) {
			spans[n-1].End = max(spans[n-1].End, s.End)
			continue
		}
		spans = append(spans, s)
	}
	var out []unit
	k := 0
	for _, s := range spans {
		for k < len(d.toks) && d.toks[k].Start < s.Start {
			k++
		}
		from := k
		for k < len(d.toks) && d.toks[k].End <= s.End {
			k++
		}
		for from < k && d.inDateline(d.toks[from].Start) {
			from++
		}
		if k > from && !isBoilerplate(d.text[d.toks[from].Start:d.toks[k-1].End]) {
			out = append(out, unit{from, k})
		}
	}
	return out
}

// inDateline reports whether byte offset b is inside the dateline.
func (d *doc) inDateline(b int) bool {
	return b >= d.datelineStart && b < d.bodyStart
}

// turnLabel matches an interview turn opening a paragraph: "TAPPER:",
// "Q:", "SEN. JOHN SMITH:".
var turnLabel = regexp.MustCompile(`^(?:[A-Z][A-Z.'’\-]*\s){0,3}[A-Z][A-Z.'’\-]*:\s`)

// inTurn reports whether a sentence starting at start continues the
// paragraph of an interview turn opened by span: the whole turn is what
// the speaker said.
func (d *doc) inTurn(span news.Span, start int) bool {
	if span.Start > 0 && d.text[span.Start-1] != '\n' || !turnLabel.MatchString(d.text[span.Start:min(len(d.text), span.Start+40)]) {
		return false
	}
	return !strings.Contains(d.text[span.End:start], "\n")
}

// tagAfterQuestion reports whether sentence s is a short speech tag after a
// quotation that ended its own sentence: "“Is that all?” Trump said."
func (d *doc) tagAfterQuestion(prev, s news.Span) bool {
	p := strings.TrimRight(d.text[prev.Start:prev.End], " ")
	if len(p) < 2 || !strings.HasSuffix(p, "”") && !strings.HasSuffix(p, "\"") && !strings.HasSuffix(p, "’") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if r, _ := utf8.DecodeLastRuneInString(p[:len(p)-utf8.RuneLen(last)]); r != '?' && r != '!' {
		return false
	}
	tag := d.text[s.Start:s.End]
	return len(tag) < 80 && !strings.ContainsAny(tag, "\"“”\n") && len(strings.Fields(tag)) <= 8
}

// quoteCrosses reports whether a quotation spans the gap between two
// sentences ending at end and starting at start.
func (d *doc) quoteCrosses(end, start int) bool {
	for _, q := range d.quotes {
		if q.outer.Start < end && q.outer.End > start {
			return true
		}
	}
	return false
}

// isBoilerplate recognises feed footers ("The post TITLE appeared first on
// OUTLET.") whose titles look like attributions but are not article text.
func isBoilerplate(s string) bool {
	return strings.HasPrefix(s, "The post ") && strings.Contains(s, " appeared first on ")
}

func (t tok) isPunct() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func (t tok) isDigit() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsDigit(r)
}

func (t tok) isCapitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func (t tok) isLower() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// isQuoteMark reports whether the token is a quotation mark.
func (t tok) isQuoteMark() bool {
	switch t.Text {
	case "\"", "“", "”", "„", "«", "»", "‘", "’", "'", "‹", "›":
		return true
	}
	return false
}
