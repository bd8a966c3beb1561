// This file names the speakers of direct quotations no cue claimed: by a
// signature, a tag clause after the quotation, a colon introducer before it,
// or the tag of the quotation just before.

package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// unclaimedSpeakers names the speakers of a unit's direct quotations that
// no cue of the unit gave a source: by a signature, a tag clause after the
// quotation or a clause introducing it, which outweigh the previous
// paragraph's speaker.
func (d *doc) unclaimedSpeakers(u unit, out []attribution) {
	for i := range out {
		a := &out[i]
		inUnit := a.cueFrom >= u.from && a.cueFrom < u.to
		if !a.direct || inUnit && a.srcTo > a.srcFrom {
			continue
		}
		if s0, s1 := d.signature(a.content); s1 > s0 {
			a.srcFrom, a.srcTo, a.cueFrom, a.cueTo, a.via = s0, s1, -1, 0, nil
		} else if s0, s1, c := d.speechTag(a.content); s1 > s0 {
			a.srcFrom, a.srcTo, a.cueFrom, a.cueTo, a.lemma, a.via = s0, s1, c, c+1, "", nil
		} else if s0, s1, c := d.appositiveTag(a.content); s1 > s0 {
			a.srcFrom, a.srcTo, a.cueFrom, a.cueTo, a.lemma, a.via = s0, s1, c, c+1, "", nil
		} else if s0, s1 := d.introducer(a.content); s1 > s0 {
			a.srcFrom, a.srcTo = s0, s1
			if !inUnit {
				a.cueFrom, a.cueTo, a.via = -1, 0, nil
			}
		} else if s0, s1, c := d.previousTag(a.content); s1 > s0 && a.srcTo <= a.srcFrom {
			a.srcFrom, a.srcTo, a.cueFrom, a.cueTo, a.lemma, a.via = s0, s1, c, c+1, "", nil
		} else if s0, s1 := d.clauseSubject(u); s1 > s0 && a.srcTo <= a.srcFrom && d.subjectPredicates(s0, s1, a.content) {
			a.srcFrom, a.srcTo = s0, s1
		}
	}
}

// previousTag returns the speaker tagged after the quotation just before
// this one when only the tag sentence stands between them: "“It's
// heartbreaking,” Ryan said. “And this country has to heal.”".
func (d *doc) previousTag(content news.Span) (int, int, int) {
	open := d.tokenAfter(content.Start)
	for open > 0 && d.toks[open-1].isQuoteMark() && d.toks[open-1].quoteID < 0 {
		open--
	}
	if open < 1 || d.toks[open-1].Text != "." || strings.Contains(d.text[d.toks[open-1].End:content.Start], "\n") {
		return 0, 0, 0
	}
	// The quotations are in text order: take the last one closing before.
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].outer.End > d.toks[open].Start }) - 1
	if i < 0 {
		return 0, 0, 0
	}
	s0, s1, c := d.speechTag(d.quotes[i].content)
	if s1 <= s0 {
		return 0, 0, 0
	}
	for k := max(s1, c+1); k < open-1; k++ {
		if t := d.toks[k]; t.isPunct() || k > max(s1, c+1)+4 {
			return 0, 0, 0
		}
	}
	return s0, s1, c
}

// introducer returns the subject of the clause that a colon opens a
// quotation with when no cue verb claims it ("Isaiah 45:1 reads: “...”",
// "As Tom Ridge put it: ”...”", "He said:\n\n“...”"), or an empty
// range. The clause may close the previous paragraph.
func (d *doc) introducer(content news.Span) (int, int) {
	k := d.tokenAfter(content.Start)
	for k > 0 && d.toks[k-1].isQuoteMark() && d.toks[k-1].quoteID < 0 {
		k--
	}
	colon := k - 1
	if colon < 1 || d.toks[colon].quoteID >= 0 {
		return 0, 0
	}
	comma, cueEnd := d.toks[colon].Text == ",", false
	if comma {
		// "Billy Joel sings, “...”": a comma after a verb-like word.
		// "Culpepper, who runs the effort, said,\n\n“...”" and "as
		// Rosenthal recently put it, ''...''" end in a cue or an idiom.
		p := d.toks[colon-1]
		_, cls := cueLemma(p.lower)
		cueEnd = cls == speech || p.lower == "it" && colon > 1 && d.toks[colon-2].lower == "put"
		if !p.isLower() || !cueEnd && (npStop[p.lower] || determiners[p.lower] || pronouns[p.lower]) {
			return 0, 0
		}
	} else if d.toks[colon].Text != ":" {
		return 0, 0
	}
	from := colon
	for from > 0 && from > colon-30 {
		p := d.toks[from-1]
		if p.quoteID >= 0 || p.isQuoteMark() || clauseEnds[p.Text] || strings.Contains(d.text[p.End:d.toks[from].Start], "\n") {
			break
		}
		from--
	}
	from = d.skipClauseOpeners(from, colon)
	s0, s1 := from, d.introducerEnd(from, colon)
	if s1 <= s0 || s1-s0 == 1 && determiners[d.toks[s0].lower] {
		return 0, 0
	}
	if comma && (s1 >= colon || !d.toks[s0].isCapitalised() && !pronouns[d.toks[s0].lower] || !cueEnd && !d.toks[s1].isLower()) {
		return 0, 0
	}
	return s0, s1
}

// signature returns the name a dash signs a quotation with, on its line
// or the next ("“...” ― Beck Pimentel", "\"...\"\n\n- Hillary Clinton."),
// or an empty range.
func (d *doc) signature(content news.Span) (int, int) {
	k := d.tokenAfter(content.End)
	for k < len(d.toks) && d.toks[k].isQuoteMark() && d.toks[k].quoteID < 0 {
		k++
	}
	if k+1 >= len(d.toks) || !signatureDashes[d.toks[k].Text] || d.toks[k].Start-content.End > 8 {
		return 0, 0
	}
	if strings.Count(d.text[content.End:d.toks[k].Start], "\n") > 2 {
		return 0, 0
	}
	from := k + 1
	end := from
	for end < len(d.toks) && end < from+6 && (d.toks[end].isCapitalised() || end > from && d.toks[end].Text == ".") {
		if strings.Contains(d.text[d.toks[end-1].End:d.toks[end].Start], "\n") {
			break
		}
		end++
	}
	if end > from && d.toks[end-1].Text == "." {
		end--
	}
	if end == from {
		return 0, 0
	}
	return from, end
}

// speechTag reads the short clause right after a quotation that names
// its speaker when no cue of the unit did: "“...,” he continued.",
// "“...?” Trump said." (a sentence of its own), "“...,” Hannity started.".
// It returns the speaker's tokens and the verb's index.
func (d *doc) speechTag(content news.Span) (int, int, int) {
	k := d.tokenAfter(content.End)
	for k < len(d.toks) && d.toks[k].isQuoteMark() && d.toks[k].quoteID < 0 {
		k++
	}
	if k >= len(d.toks) || k > 0 && strings.Contains(d.text[content.End:d.toks[k].Start], "\n") {
		return 0, 0, 0
	}
	end := k
	for end < len(d.toks) && end < k+10 {
		t := d.toks[end]
		if t.quoteID >= 0 || t.isQuoteMark() || end > k && strings.Contains(d.text[d.toks[end-1].End:t.Start], "\n") {
			break
		}
		if t.isPunct() && t.Text != "." || t.Text == "." && (end+1 >= len(d.toks) || !d.toks[end+1].isLower()) {
			break
		}
		end++
	}
	if end == k || end < len(d.toks) && d.toks[end].Text != "." && d.toks[end].Text != "," && !d.toks[end].isQuoteMark() {
		return 0, 0, 0
	}
	comma := strings.HasSuffix(strings.TrimSpace(d.text[content.Start:content.End]), ",")
	for v := k; v < end; v++ {
		t := d.toks[v]
		if !t.isLower() {
			continue
		}
		_, cls := cueLemma(t.lower)
		if cls != speech && !(comma && v > k && d.verbLike(v, v == end-1)) {
			continue
		}
		if v > k && d.speakerWords(k, v) {
			return k, d.skipModifiersLeft(v, k), v
		}
		if v == k && v+1 < end && d.speakerWords(v+1, end) {
			// "“...,” added Rep. Cathy McMorris Rodgers."
			return v + 1, end, v
		}
		return 0, 0, 0
	}
	return 0, 0, 0
}

// appositiveTag reads a tag clause after a quotation whose speaker has an
// apposition: "“...,” Deborah Tamargo, the chairwoman of the county GOP,
// recalled." It returns the speaker's tokens and the verb's index.
func (d *doc) appositiveTag(content news.Span) (int, int, int) {
	k := d.tokenAfter(content.End)
	for k < len(d.toks) && d.toks[k].isQuoteMark() && d.toks[k].quoteID < 0 {
		k++
	}
	if k >= len(d.toks) || strings.Contains(d.text[content.End:d.toks[k].Start], "\n") {
		return 0, 0, 0
	}
	comma := k
	for comma < len(d.toks) && comma < k+6 && d.toks[comma].Text != "," {
		comma++
	}
	if comma >= len(d.toks) || d.toks[comma].Text != "," || !d.toks[k].isCapitalised() || !d.speakerWords(k, comma) {
		return 0, 0, 0
	}
	for j := comma + 1; j+2 < len(d.toks) && j < comma+16; j++ {
		t := d.toks[j]
		if t.quoteID >= 0 || t.isQuoteMark() || clauseEnds[t.Text] {
			return 0, 0, 0
		}
		if t.Text != "," {
			continue
		}
		v := d.toks[j+1]
		_, cls := cueLemma(v.lower)
		if end := d.toks[j+2].Text; v.isLower() && (cls == speech || d.verbLike(j+1, true)) && (end == "." || end == ",") {
			return k, comma, j + 1
		}
		return 0, 0, 0
	}
	return 0, 0, 0
}

// speakerWords reports whether tokens [from, to) read as a short speaker
// phrase: a name, a pronoun or a determiner phrase of a few words.
func (d *doc) speakerWords(from, to int) bool {
	to = d.skipModifiersLeft(to, from)
	if to <= from || to-from > 7 {
		return false
	}
	first := d.toks[from]
	if !first.isCapitalised() && !pronouns[first.lower] && !articles[first.lower] && !possessive(first.lower) || objectPronouns[first.lower] {
		return false
	}
	for i, t := range d.toks[from:to] {
		if t.quoteID >= 0 || npStop[t.lower] && (i == 0 || !nounPrepositions[t.lower]) {
			return false
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() {
			return false
		}
	}
	return true
}

// nounPrepositions attach a complement inside a speaker phrase: "a
// narrator in the Clinton ad".
var nounPrepositions = map[string]bool{"of": true, "in": true, "at": true, "for": true, "from": true, "with": true, "on": true}

// verbLike reports whether token v, after a speaker phrase, reads as its
// verb: the last word of the tag ("the editorial read"), a past form
// ("Hannity started"), or a present one after a name or a pronoun
// ("Blige sings").
func (d *doc) verbLike(v int, last bool) bool {
	t := d.toks[v]
	if npStop[t.lower] || determiners[t.lower] || pronouns[t.lower] {
		return false
	}
	if last || len(t.lower) >= 4 && strings.HasSuffix(t.lower, "ed") {
		return true
	}
	p := d.toks[v-1]
	return len(t.lower) >= 4 && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss") && (p.isCapitalised() || pronouns[p.lower])
}

// signatureDashes open a signature line.
var signatureDashes = map[string]bool{"―": true, "—": true, "–": true, "-": true, "--": true}

// introducerEnd returns the end of the noun phrase starting at token k
// that a colon introducer opens with: a pronoun, or words up to a
// preposition, a relative or a verb ("Isaiah 45:1 reads", "Trump issued",
// "A footnote in the report makes").
func (d *doc) introducerEnd(k, limit int) int {
	if k < limit && pronouns[d.toks[k].lower] {
		return k + 1
	}
	end := k
	for end < limit && end < k+8 {
		t := d.toks[end]
		if t.quoteID >= 0 || t.isPunct() && t.Text != "'s" && t.Text != "’s" {
			break
		}
		if end > k && (npStop[t.lower] || t.isLower() && !determiners[t.lower] && !d.toks[end-1].isLower()) {
			// "Former Obama speechwriter Jon Favreau": a title noun
			// before a name continues the phrase.
			if d.objectNoun(end) && end+1 < limit && d.toks[end+1].isCapitalised() && d.toks[end+1].quoteID < 0 {
				end++
				continue
			}
			break
		}
		end++
	}
	return end
}

// clauseEnds close the clause before an introducer.
var clauseEnds = map[string]bool{".": true, "!": true, "?": true, ";": true, "-": true, "—": true, "–": true, "--": true, ":": true}

// clauseOpeners are conjunctions and adverbs before a clause's subject.
var clauseOpeners = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "as": true, "yet": true, "still": true,
	"then": true, "now": true, "here": true, "likewise": true, "similarly": true, "indeed": true,
	"meanwhile": true, "however": true, "later": true, "also": true, "again": true, "instead": true,
}

// skipClauseOpeners moves past conjunctions, connectives and an opening
// adverbial phrase closed by a comma ("But after the debate, Goldberg
// wrote:"), and a bare preposition ("From the report:").
func (d *doc) skipClauseOpeners(k, limit int) int {
	for k < limit {
		t := d.toks[k]
		switch {
		case clauseOpeners[t.lower] || t.Text == ",":
			k++
			continue
		case d.openingParticiple(k, limit):
			// "Speaking in his real voice again, he", "Asked which county
			// was his favorite, he".
			for j := k + 1; j < limit && j < k+20; j++ {
				if d.toks[j].Text == "," {
					return d.skipClauseOpeners(j+1, limit)
				}
			}
			return k
		case npStop[t.lower] && !pronouns[t.lower] || determiners[t.lower] && !articles[t.lower] && !possessive(t.lower):
			// An opening prepositional phrase runs to its comma.
			for j := k + 1; j < limit && j < k+20; j++ {
				if d.toks[j].Text == "," {
					return d.skipClauseOpeners(j+1, limit)
				}
			}
			return k + 1
		}
		return k
	}
	return k
}

// openingParticiple reports whether token k opens a participial phrase
// ("Speaking in", "Asked about"): a long -ing or -ed form followed by a
// lower-case word.
func (d *doc) openingParticiple(k, limit int) bool {
	w := d.toks[k].lower
	return len(w) >= 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && k+1 < limit && d.toks[k+1].isLower()
}

// articles open a noun phrase.
var articles = map[string]bool{"the": true, "a": true, "an": true, "this": true, "these": true, "those": true}

// subjectPredicates reports whether a quotation is in the predicate of
// the clause whose subject ends at token s1, with no clause boundary
// between them: "Her economic plan promises to “...”", "Huckabee is
// labeling Obama's actions “...”". The subject then voices it.
func (d *doc) subjectPredicates(s0, s1 int, content news.Span) bool {
	// The subject is a name or a pronoun, not a headline's capitals, an
	// opening participle or the subject of an "As ..." clause.
	head, _ := d.head(s0, s1)
	name := d.text[head.Start:head.End]
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) && !pronouns[strings.ToLower(name)] || name == strings.ToUpper(name) && len(name) > 1 {
		return false
	}
	if d.openingParticiple(s0, s1+1) || clauseOpeners[d.toks[s0].lower] || s0 > 0 && d.toks[s0-1].lower == "as" {
		return false
	}
	open := d.tokenAfter(content.Start)
	for open > 0 && d.toks[open-1].isQuoteMark() && d.toks[open-1].quoteID < 0 {
		open--
	}
	if open <= s1 || open-s1 > 12 {
		return false
	}
	verb := false
	for _, t := range d.toks[s1:open] {
		if t.quoteID >= 0 || t.isQuoteMark() || clauseEnds[t.Text] {
			return false
		}
		verb = verb || t.isLower()
	}
	return verb
}
