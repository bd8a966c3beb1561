package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// attribution is one cue with its source phrase and content, in tokens
// and bytes, before it becomes a news.Quote.
type attribution struct {
	cueFrom, cueTo int // tokens of the cue
	lemma          string
	class          cueClass
	srcFrom, srcTo int // tokens of the source phrase; equal when none
	content        news.Span
	direct         bool
	via            []string
}

// cue is a candidate cue: tokens [from, to) and its lemma.
type cue struct {
	from, to int
	lemma    string
	class    cueClass
}

// tellVerbs take an addressee before their content: "told reporters that".
var tellVerbs = map[string]bool{
	"tell": true, "ask": true, "inform": true, "assure": true, "advise": true,
	"warn": true, "urge": true, "remind": true,
}

// complementOnly lemmas are cues only before "that", "to" or a quotation:
// "polls show that", "agreed to", not "showed up".
var complementOnly = map[string]bool{
	"find": true, "show": true, "know": true, "understand": true, "realize": true,
	"agree": true, "continue": true, "feel": true, "seek": true, "plan": true,
	"intend": true, "point": true, "seem": true, "appear": true, "pledge": true, "call": true, "describe": true, "add": true,
	"remark": true, "note": true, "recall": true, "counter": true, "recognize": true,
	"remember": true, "learn": true, "consider": true, "decide": true, "anticipate": true,
	"assume": true, "prefer": true, "refuse": true, "aim": true, "vote": true, "offer": true,
	"see": true, "project": true, "guarantee": true, "question": true, "post": true, "chant": true,
}

var subjectWords = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "who": true,
	"it": true, "you": true,
}

// cues lists the cue candidates of a unit outside quotations.
func (d *doc) cues(u unit) []cue {
	var out []cue
	titleCase := d.titleCase(u)
	for k := u.from; k < u.to; k++ {
		t := d.toks[k]
		if t.quoteID >= 0 {
			continue
		}
		if t.lower == "according" && k+1 < u.to && d.toks[k+1].lower == "to" {
			out = append(out, cue{k, k + 2, "according to", speech})
			k++
			continue
		}
		if t.lower == "in" && (k == u.from || d.toks[k-1].Text == ",") && d.pollAfter(k+1, u.to) {
			out = append(out, cue{k, k + 1, "in poll", speech})
			continue
		}
		if t.Text == ":" && d.colonCue(u, k) {
			out = append(out, cue{k, k + 1, ":", speech})
			continue
		}
		if k == u.from && t.Text == "Asked" && k+1 < u.to {
			// "Asked whether ..., Reid said ...": the question is reported.
			out = append(out, cue{k, k + 1, "ask", topic})
			continue
		}
		if prev := d.toks[max(k-1, u.from)].lower; k+1 < u.to && t.isLower() && topicCue(t.lower, d.toks[k+1].lower) && (!determiners[prev] || prev == "to" || possessive(prev)) {
			out = append(out, cue{k, k + 2, t.lower + " " + d.toks[k+1].lower, topic})
			k++
			continue
		}
		if objectVerbs[t.lower] && k > u.from && !determiners[d.toks[k-1].lower] && k+1 < u.to && !d.toks[k+1].isPunct() && !(t.lower == "citing" && d.citesSource(k+1, u.to)) {
			out = append(out, cue{k, k + 1, t.lower, topic})
			continue
		}
		lemma, class := cueLemma(t.lower)
		if class == 0 || !(t.isLower() || titleCase && k > u.from) || !d.plausibleCue(u, k, lemma) {
			continue
		}
		c := cue{k, k + 1, lemma, class}
		if p, ok := particles[lemma]; ok && k+1 < u.to && d.toks[k+1].lower == p {
			c.to++
		} else if needsParticle[lemma] {
			continue
		}
		if k+3 < u.to && d.toks[k+1].lower == "in" && d.toks[k+2].lower == "a" && d.toks[k+3].lower == "statement" {
			c.to += 3
		}
		out = append(out, c)
	}
	return out
}

// commaBefore reports whether a comma outside quotations lies between
// token from and the cue at k: the cue ends an inverted attribution.
func (d *doc) commaBefore(k, from int) bool {
	for j := k - 1; j > from; j-- {
		if t := d.toks[j]; t.Text == "," && t.quoteID < 0 {
			return true
		}
	}
	return false
}

// pollNouns head the noun phrase of a poll that reports its findings: "In
// a CNN poll released Monday, ...", "... lead in the polls".
var pollNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true}

// pollAfter reports whether a noun phrase headed by a poll noun starts at
// token k, within a few words and before any punctuation.
func (d *doc) pollAfter(k, limit int) bool {
	for j := k; j < limit && j < k+8; j++ {
		t := d.toks[j]
		if t.quoteID >= 0 || t.isPunct() && t.Text != "/" && t.Text != "-" {
			return false
		}
		if pollNouns[t.lower] {
			return j+1 >= limit || !d.toks[j+1].isLower() || !nounAfterPoll[d.toks[j+1].lower]
		}
	}
	return false
}

// pollEnd returns the token after the first poll noun in [from, to), or
// to when there is none.
func (d *doc) pollEnd(from, to int) int {
	for j := from; j < to; j++ {
		if pollNouns[d.toks[j].lower] {
			return j + 1
		}
	}
	return to
}

// nounAfterPoll words make a poll noun a modifier: "poll numbers".
var nounAfterPoll = map[string]bool{"numbers": true, "ratings": true, "standings": true, "results": true, "data": true, "workers": true, "taxes": true, "tax": true, "question": true, "questions": true, "respondents": true}

// colonCue reports whether the colon at k introduces what a short name
// opening the unit said: "Cruz: Trump Would Put Liberals On Court", "Q: ...".
func (d *doc) colonCue(u unit, k int) bool {
	n := k - u.from
	if n < 1 || n > 4 || k+1 >= u.to {
		return false
	}
	first := d.toks[u.from].lower
	if first == "the" && k > u.from+1 {
		first = d.toks[u.from+1].lower
	}
	if d.toks[k+1].isDigit() || labelWords[first] {
		return false
	}
	if d.headlineLine(u) && d.toks[u.from].isCapitalised() && d.toks[k+1].isCapitalised() {
		// "Clinton camp: Trump's Islamophobia threatens national security."
		for j := u.from; j < k; j++ {
			if d.toks[j].isPunct() || d.toks[j].quoteID >= 0 {
				return false
			}
		}
		return true
	}
	for j := u.from; j < k; j++ {
		if !d.toks[j].isCapitalised() || d.toks[j].quoteID >= 0 {
			return false
		}
	}
	if d.toks[k+1].isQuoteMark() || d.toks[k+1].quoteID >= 0 || d.titleCase(u) {
		return true
	}
	// Interview turns: "Q: ...", "TRUMP: ...", "JAKE TAPPER: ...".
	return isAllCaps(d.text[d.toks[u.from].Start:d.toks[k-1].End])
}

// labelWords open lines whose colon introduces no speech: "Update: ...".
var labelWords = map[string]bool{
	"update": true, "updated": true, "note": true, "photo": true, "video": true, "watch": true,
	"related": true, "read": true, "source": true, "editor": true, "correction": true,
	"click": true, "see": true, "listen": true, "follow": true, "subscribe": true, "also": true,
	"latest": true,
}

// headlineLine reports whether a unit is a paragraph of its own: a single
// line between line breaks (a headline or a subhead).
func (d *doc) headlineLine(u unit) bool {
	start, end := d.toks[u.from].Start, d.toks[u.to-1].End
	before := strings.LastIndexByte(d.text[:start], '\n')
	if strings.TrimSpace(d.text[before+1:start]) != "" {
		return false
	}
	after := strings.IndexByte(d.text[end:], '\n')
	if after < 0 {
		after = len(d.text) - end
	}
	return strings.TrimSpace(d.text[end:end+after]) == ""
}

// titleCase reports whether a unit is a headline in title case, where cue
// verbs are capitalised too ("Trump Says He Never Pledged ...").
func (d *doc) titleCase(u unit) bool {
	words, caps := 0, 0
	for k := u.from; k < u.to; k++ {
		if t := d.toks[k]; !t.isPunct() {
			words++
			if t.isCapitalised() {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// plausibleCue rejects cue words used as nouns or without a complement.
func (d *doc) plausibleCue(u unit, k int, lemma string) bool {
	t := d.toks[k]
	var prev tok
	if k > u.from {
		prev = d.toks[k-1]
	}
	if determiners[prev.lower] && prev.lower != "to" {
		return false
	}
	if ambiguousNouns[t.lower] {
		ok := prev.isCapitalised() || prev.Text == "%" || subjectWords[prev.lower] || cueModifiers[prev.lower] ||
			strings.HasSuffix(prev.lower, "ly") || strings.HasSuffix(prev.lower, "s") && !npStop[prev.lower] ||
			d.parentheticalLeft(k, u.from) < k
		if !ok || prev.Text == "" {
			return false
		}
	}
	if complementOnly[lemma] {
		if k+1 >= u.to {
			return lemma == "add" || lemma == "note" || lemma == "continue" || lemma == "counter" || lemma == "recall" || lemma == "remark"
		}
		next := d.toks[k+1]
		switch {
		case lemma == "continue":
			return next.lower == "that" || next.lower == ":" || next.lower == "," || next.isQuoteMark()
		case bareComplement[lemma] && clauseOpener(next):
			return true
		case next.lower == "that" || next.lower == "to" || next.lower == ":" || next.lower == ",":
			return true
		case next.quoteID >= 0 || next.isQuoteMark():
			return true
		case lemma == "point" || lemma == "call":
			return true
		case lemma == "describe":
			return true
		case asVerbs[lemma]:
			return d.asAhead(k+1, u.to)
		case lemma == "show":
			// "..., records show." reports the clause before it.
			return next.lower != "up" && next.lower != "off" && !next.isPunct() || next.Text == "." && d.commaBefore(k, u.from)
		case (lemma == "seem" || lemma == "appear") && (next.lower == "like" || next.lower == "as"):
			return true
		case (next.lower == "." || next.lower == "on" || next.lower == "in") && (lemma == "add" || lemma == "note" || lemma == "continue" || lemma == "remark"):
			return true
		case invertible[lemma] && (prev.Text == "," || prev.isQuoteMark()) && next.isCapitalised():
			// "..., added Rep. Smith": the subject follows the cue.
			return true
		}
		return false
	}
	return true
}

// bareComplement lemmas take a clause or object without "that":
// "polls show Trump ahead", "they know this".
var bareComplement = map[string]bool{
	"find": true, "recall": true, "show": true, "know": true, "understand": true,
	"realize": true, "feel": true, "remember": true, "recognize": true, "learn": true,
}

// clauseOpener reports whether a token can open a bare complement clause
// or object: "polls show Trump ahead", "she recalled the day".
func clauseOpener(t tok) bool {
	return t.quoteID < 0 && (t.isCapitalised() || determiners[t.lower] && t.lower != "to" && t.lower != "of" && t.lower != "for" || pronouns[t.lower] || t.isDigit())
}

// asVerbs take an object and an "as" phrase: "voters see Trump as unfair".
var asVerbs = map[string]bool{"see": true, "view": true, "regard": true, "consider": true}

// asAhead reports whether "as" follows within a short object phrase
// starting at k, before the clause ends.
func (d *doc) asAhead(k, limit int) bool {
	for j := k; j < limit && j < k+10; j++ {
		t := d.toks[j]
		if t.lower == "as" {
			return j > k
		}
		if t.quoteID < 0 && t.isPunct() && t.Text != "-" {
			return false
		}
	}
	return false
}

// skipModifiersLeft moves left over auxiliaries and adverbs before a cue.
func (d *doc) skipModifiersLeft(k, limit int) int {
	for k > limit {
		p := d.toks[k-1]
		if cueModifiers[p.lower] || p.isLower() && strings.HasSuffix(p.lower, "ly") && len(p.lower) > 4 {
			k--
			continue
		}
		// "Sanders, meanwhile, hopes": a parenthetical connective.
		if j := d.parentheticalLeft(k, limit); j < k {
			k = j
			continue
		}
		// "The campaign on Tuesday responded", "Trump last week said".
		if weekday(p.lower) || timeNoun(p.lower) && k-2 >= limit && (d.toks[k-2].lower == "last" || d.toks[k-2].lower == "this") {
			j := k - 1
			if timeNoun(p.lower) && !weekday(p.lower) {
				j--
			}
			if j-1 >= limit && d.toks[j-1].lower == "on" {
				j--
			}
			if j > limit {
				k = j
				continue
			}
		}
		break
	}
	return k
}

// connectives are set off by commas between a subject and its verb.
var connectives = map[string]bool{
	"meanwhile": true, "however": true, "though": true, "too": true, "instead": true,
	"therefore": true, "nevertheless": true, "moreover": true, "likewise": true,
	"similarly": true, "separately": true, "meantime": true, "also": true, "later": true,
	"then": true, "again": true, "now": true, "today": true, "yesterday": true,
}

// parentheticalLeft returns the index of the comma opening ", meanwhile,"
// (or ", for his part,", ", in turn,") that ends just before token k, or k.
func (d *doc) parentheticalLeft(k, limit int) int {
	if k-3 < limit || d.toks[k-1].Text != "," {
		return k
	}
	for j := k - 2; j > limit && j >= k-5; j-- {
		t := d.toks[j]
		if t.Text == "," {
			if j == k-3 && connectives[d.toks[k-2].lower] || j < k-3 && (d.toks[j+1].lower == "for" || d.toks[j+1].lower == "in" || d.toks[j+1].lower == "on") && (weekday(d.toks[k-2].lower) || d.toks[k-2].lower == "part" || d.toks[k-2].lower == "turn") {
				return j
			}
			return k
		}
		if t.isPunct() || t.quoteID >= 0 {
			return k
		}
	}
	return k
}

// skipAdverbials moves right over time and setting phrases between a cue
// and its content: "on Tuesday", "in an interview with CNN", "last week".
func (d *doc) skipAdverbials(r, limit int) int {
	for r < limit {
		t := d.toks[r]
		switch {
		case t.isLower() && strings.HasSuffix(t.lower, "ly") && len(t.lower) > 4 && r+1 < limit && !d.toks[r+1].isPunct():
			r++
		case weekday(t.lower) || t.lower == "yesterday" || t.lower == "today" || t.lower == "tonight" ||
			t.lower == "then" || t.lower == "again" || t.lower == "back" || t.lower == "too" || t.lower == "afterward" || t.lower == "afterwards" ||
			t.lower == "onstage" || t.lower == "recently" || t.lower == "later" && r+1 < limit && !timeNoun(d.toks[r+1].lower) ||
			timeNoun(t.lower) && r > 0 && weekday(d.toks[r-1].lower):
			r++
		case t.lower == "last" || t.lower == "this" || t.lower == "earlier" || t.lower == "late" || t.lower == "later":
			if r+1 < limit && timeNoun(d.toks[r+1].lower) {
				r += 2
				continue
			}
			return r
		case t.lower == "on" || t.lower == "in" || t.lower == "at" || t.lower == "during" || t.lower == "via" || t.lower == "to" ||
			t.lower == "from" || t.lower == "with" || t.lower == "after" || t.lower == "before" || t.lower == "of":
			end := d.adverbialEnd(r+1, limit)
			if end < 0 {
				return r
			}
			r = end
		case t.Text == "," && r+1 < limit && (weekday(d.toks[r+1].lower) || d.toks[r+1].lower == "on" || d.toks[r+1].lower == "in"):
			r++
		case t.Text == "," && r+1 < limit && month(d.toks[r+1].lower):
			r += 2
			if r < limit && d.toks[r].isDigit() {
				r++
			}
		case month(t.lower) && r+1 < limit && d.toks[r+1].isDigit():
			r += 2
		default:
			return r
		}
	}
	return r
}

// adverbialEnd returns where a prepositional phrase after a cue ends when
// it is followed by the content ("that", a comma, a colon or a quotation),
// or -1 when the phrase is the content itself.
func (d *doc) adverbialEnd(r, limit int) int {
	for k := r; k < limit && k < r+10; k++ {
		t := d.toks[k]
		if t.lower == "that" || t.Text == "," || t.Text == ":" || t.quoteID >= 0 || t.isQuoteMark() {
			return k
		}
		if t.isPunct() && t.Text != "-" && t.Text != "." {
			return -1
		}
	}
	if k := r; k < limit && (weekday(d.toks[k].lower) || timeNoun(d.toks[k].lower)) {
		return k + 1
	}
	return -1
}

func possessive(w string) bool {
	switch w {
	case "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

func weekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func month(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

func timeNoun(w string) bool {
	switch w {
	case "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "summer", "fall", "spring", "winter":
		return true
	}
	return false
}

// contentEnd trims sentence-final punctuation from a unit's token range.
func (d *doc) contentEnd(from, to int) int {
	for to > from {
		t := d.toks[to-1]
		if t.isPunct() && t.quoteID < 0 && !t.isQuoteMark() {
			to--
			continue
		}
		break
	}
	return to
}

// span converts a token range to a byte span, snapping to a quotation when
// the range is essentially one quotation (marks and punctuation aside).
func (d *doc) span(from, to int) (news.Span, bool) {
	for from < to && (d.toks[from].isQuoteMark() && d.toks[from].quoteID < 0 || d.toks[from].Text == "," || d.toks[from].Text == ":") {
		from++
	}
	for to > from && d.toks[to-1].isPunct() && d.toks[to-1].quoteID < 0 {
		to--
	}
	if to <= from {
		return news.Span{}, false
	}
	s := news.Span{Start: d.toks[from].Start, End: d.toks[to-1].End}
	if q := d.toks[from].quoteID; q >= 0 && d.toks[to-1].quoteID == q {
		return d.quotes[q].content, true
	}
	return s, false
}

// relaySources are nouns that make "citing X" name where a report comes
// from ("citing a diplomat") rather than a reason ("citing a threat").
var relaySources = map[string]bool{
	"diplomat": true, "diplomats": true, "official": true, "officials": true, "source": true,
	"sources": true, "people": true, "person": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "aide": true, "aides": true, "report": true, "reports": true,
	"witnesses": true, "witness": true, "residents": true, "police": true, "media": true,
}

// citesSource reports whether the phrase from k names a source: a
// capitalised name or outlet, or a person or report noun within its first
// words.
func (d *doc) citesSource(k, limit int) bool {
	for i := k; i < min(k+4, limit); i++ {
		t := d.toks[i]
		if t.isPunct() {
			return false
		}
		if relaySources[t.lower] || i == k && t.isCapitalised() {
			return true
		}
	}
	return false
}

// invertible lemmas need a complement except after the content they
// report, where the cue precedes its subject: "..., added Rep. Smith".
var invertible = map[string]bool{"add": true, "note": true, "recall": true, "remark": true, "continue": true}
