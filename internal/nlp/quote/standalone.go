package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// standaloneQuotes returns quotations of the unit that no cue claimed.
// Scare quotes (three words or fewer) are not speech. A unit that is only
// a quotation continues the previous unit's quoted speaker.
func (d *doc) standaloneQuotes(u unit, atts []attribution, prev []attribution) []attribution {
	var out []attribution
	unitSpan := news.Span{Start: d.toks[u.from].Start, End: d.toks[u.to-1].End}
	for qi, q := range d.quotes {
		if q.outer.Start < unitSpan.Start || q.outer.End > unitSpan.End || claimed(q.content, atts) {
			continue
		}
		if d.scareQuote(qi) {
			continue
		}
		a := attribution{content: q.content, direct: true, cueFrom: -1}
		if h := splitHalf(atts, q); h >= 0 {
			// "“A,” said X, a former aide, “B.”": the second half of a
			// split quotation continues the first's speaker.
			a.srcFrom, a.srcTo, a.via = atts[h].srcFrom, atts[h].srcTo, atts[h].via
			a.cueFrom, a.cueTo = atts[h].cueFrom, atts[h].cueTo
		} else if (q.outer.End-q.outer.Start)*10 >= (unitSpan.End-unitSpan.Start)*6 && !d.namesOutside(u, q) {
			for i := len(prev) - 1; i >= 0; i-- {
				if prev[i].srcTo > prev[i].srcFrom && prev[i].class != topic {
					a.srcFrom, a.srcTo, a.via = prev[i].srcFrom, prev[i].srcTo, prev[i].via
					a.cueFrom, a.cueTo = prev[i].cueFrom, prev[i].cueTo
					break
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// splitHalf returns the attribution whose direct quotation and source
// come just before quotation q in its unit, or -1.
func splitHalf(atts []attribution, q quoted) int {
	for i := len(atts) - 1; i >= 0; i-- {
		a := atts[i]
		if a.direct && a.srcTo > a.srcFrom && a.class != topic && a.content.End <= q.outer.Start {
			return i
		}
	}
	return -1
}

func claimed(s news.Span, atts []attribution) bool {
	for _, a := range atts {
		if a.content.Start < s.End && s.Start < a.content.End {
			return true
		}
	}
	return false
}

// scareQuote reports whether a quotation is a term or a title rather than
// speech: at most four words, or a short title-case phrase without a
// sentence ending ("The Pete Santilli Show").
func (d *doc) scareQuote(quoteID int) bool {
	words, caps := 0, 0
	q := d.quotes[quoteID].content
	for k := d.tokenAfter(q.Start); k < len(d.toks) && d.toks[k].Start < q.End; k++ {
		if t := d.toks[k]; !t.isPunct() {
			words++
			if t.isCapitalised() {
				caps++
			}
		}
	}
	body := strings.TrimSpace(d.text[q.Start:q.End])
	ended := strings.ContainsAny(body[max(0, len(body)-2):], ".!?")
	return words <= 3 || words <= 4 && !ended || words <= 8 && caps*10 >= words*8 && !ended
}

// namesOutside reports whether the unit names someone outside quotation q
// ("“...,” Bennett shot back"), who is then more likely the speaker than
// the previous unit's.
func (d *doc) namesOutside(u unit, q quoted) bool {
	for k := u.from + 1; k < u.to; k++ {
		t := d.toks[k]
		if t.Start >= q.outer.Start && t.End <= q.outer.End {
			continue
		}
		if t.isCapitalised() && !sentenceStart(d.toks[k-1]) {
			return true
		}
	}
	return false
}

func sentenceStart(prev tok) bool {
	switch prev.Text {
	case ".", "!", "?", "”", "\"", "’":
		return true
	}
	return false
}
