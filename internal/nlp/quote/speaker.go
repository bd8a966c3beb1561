package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// npStop are words that end a noun phrase when walking away from a cue.
var npStop = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true,
	"when": true, "where": true, "while": true, "because": true, "as": true,
	"if": true, "after": true, "before": true, "since": true, "although": true,
	"though": true, "but": true, "or": true, "so": true, "than": true, "yet": true,
	"in": true, "on": true, "at": true, "during": true, "with": true, "by": true,
	"to": true, "from": true, "into": true, "about": true, "over": true,
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "be": true, "been": true, "not": true, "it": true, "there": true,
	"this": true, "these": true, "those": true, "what": true, "how": true, "why": true,
	"said": true, "says": true, "and": true, "however": true, "meanwhile": true,
	"also": true, "then": true, "now": true, "still": true, "even": true,
	"would": true, "will": true, "can": true, "could": true, "should": true,
	"did": true, "do": true, "does": true, "until": true, "unless": true,
	"against": true, "under": true, "between": true, "among": true, "like": true,
	"amid": true, "without": true, "through": true, "across": true, "upon": true,
}

// participles end a noun phrase: "a statement seen by Reuters".
var participles = map[string]bool{
	"seen": true, "given": true, "taken": true, "written": true, "shown": true,
	"made": true, "obtained": true, "released": true, "published": true, "sent": true,
}

// pronouns that can stand for a speaker.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "some": true, "any": true, "no": true, "each": true,
	"every": true, "of": true, "in": true, "for": true, "to": true, "on": true,
	"at": true, "by": true, "with": true, "from": true,
}

// npLeft returns the token range [from, to) of the noun phrase ending just
// before token end (exclusive), walking left no further than limit. It
// returns from == to when there is none.
func (d *doc) npLeft(end, limit int) (int, int) {
	k := end - 1
	for k >= limit && k > end-12 {
		t := d.toks[k]
		if t.Text == ")" && k > limit {
			// "Sen. Bernie Sanders (I-Vt.) said": step over the bracket.
			j := k - 1
			for j > limit && j > k-8 && d.toks[j].Text != "(" {
				j--
			}
			if d.toks[j].Text == "(" && j > limit && !d.toks[j-1].isPunct() {
				k = j - 1
				continue
			}
		}
		if t.quoteID >= 0 || t.isPunct() && t.Text != "%" {
			break
		}
		if npStop[t.lower] && !(t.lower == "and" && k > limit && d.toks[k-1].isCapitalised() && k+1 < end && d.toks[k+1].isCapitalised()) {
			break
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() && k < end-1 {
			break
		}
		k--
	}
	from := k + 1
	// A relative clause: "Shoigu, who stated", "officials who spoke with X
	// said". The speaker is the phrase before "who".
	for j := k; j >= limit && j > k-8; j-- {
		t := d.toks[j]
		if t.lower == "who" {
			w := j
			if w-1 >= limit && d.toks[w-1].Text == "," {
				w--
			}
			if a, b := d.npLeft(w, limit); b > a {
				return a, b
			}
			break
		}
		if t.isPunct() || t.quoteID >= 0 {
			break
		}
	}
	return from, end
}

// npRight returns the noun phrase starting at token start: a run of
// capitalised words, a pronoun, or a determiner phrase of up to six words.
func (d *doc) npRight(start, limit int) (int, int) {
	k := start
	if k >= limit {
		return start, start
	}
	if pronouns[d.toks[k].lower] {
		return k, k + 1
	}
	for k < limit && k < start+8 {
		t := d.toks[k]
		if t.quoteID >= 0 || t.isPunct() {
			break
		}
		if k > start && (npStop[t.lower] || t.isLower() && !determiners[t.lower] && d.toks[k-1].isCapitalised()) {
			break
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() {
			break
		}
		if k > start && t.isLower() && (strings.HasSuffix(t.lower, "ed") || participles[t.lower]) {
			break
		}
		k++
	}
	return start, k
}

// head picks the speaker mention inside a source phrase [from, to): the
// entity mention that overlaps it (preferring names, then the mention
// nearest the end), else the last run of capitalised words, else the last
// word.
func (d *doc) head(from, to int) (news.Span, *news.Entity) {
	if to <= from {
		return news.Span{}, nil
	}
	if t := d.toks[to-1]; to-from == 1 {
		// "He’s hoping": the pronoun without its auxiliary.
		for c := range contractions {
			if stem := strings.TrimSuffix(t.lower, c); stem != t.lower && pronouns[stem] {
				return news.Span{Start: t.Start, End: t.Start + len(stem)}, nil
			}
		}
	}
	if last := d.toks[to-1]; relativePronouns[last.lower] {
		// "Mr. Kerry, who": the relative pronoun is the mention.
		return news.Span{Start: last.Start, End: last.End}, nil
	}
	if o0, o1, ok := d.appositionOwner(from, to); ok {
		from, to = o0, o1
	}
	span := news.Span{Start: d.toks[from].Start, End: d.toks[to-1].End}
	if ent, m := d.mentionIn(span); ent != nil {
		return news.Span{Start: m.Start, End: m.End}, ent
	}
	// "Baradar, the Deputy Prime Minister, ...": the head is the first
	// comma-separated segment ending in a name ("Trump's former campaign
	// manager, Corey Lewandowski" -> the second), else the first segment.
	segFrom, segTo := from, to
	for k, start := from, from; k <= to; k++ {
		if k < to && d.toks[k].Text != "," {
			continue
		}
		if k > start && segTo == to && segFrom == from {
			segFrom, segTo = start, k
		}
		if k > start && d.toks[k-1].isCapitalised() {
			segFrom, segTo = start, k
			break
		}
		start = k + 1
	}
	from, to = segFrom, segTo
	end := to
	for end > from && !d.toks[end-1].isCapitalised() {
		end--
	}
	if end == from || end-from == 1 && determiners[d.toks[from].lower] {
		return news.Span{Start: d.toks[to-1].Start, End: d.toks[to-1].End}, nil
	}
	if end < to {
		// "Russian state media": a common noun heads the phrase.
		if determiners[d.toks[from].lower] && to-from > 1 {
			from++
		}
		return news.Span{Start: d.toks[from].Start, End: d.toks[to-1].End}, nil
	}
	start := end - 1
	for start > from && (d.toks[start-1].isCapitalised() || d.toks[start-1].lower == "of" && start-2 >= from && d.toks[start-2].isCapitalised()) {
		start--
	}
	if start < end-1 && determiners[d.toks[start].lower] {
		start++
	}
	return news.Span{Start: d.toks[start].Start, End: d.toks[end-1].End}, nil
}

// mentionIn finds the entity mention overlapping span, preferring one
// that heads the phrase over a modifier of another word ("Russian state
// media", "Secretary of Russia's National Security Council"), then a name
// mention and, among equals, the last one.
func (d *doc) mentionIn(span news.Span) (*news.Entity, news.Mention) {
	var best *news.Entity
	var bestM news.Mention
	bestRank := -1
	for i := range d.entities {
		e := &d.entities[i]
		for _, m := range e.Mentions {
			if m.Start >= span.End || m.End <= span.Start {
				continue
			}
			rank := 1
			if m.Kind == "" || m.Kind == "name" {
				rank = 2
			}
			if !d.modifies(m, span) {
				rank += 2
			}
			if rank > bestRank || rank == bestRank && m.Start > bestM.Start {
				best, bestM, bestRank = e, m, rank
			}
		}
	}
	return best, bestM
}

// modifies reports whether mention m qualifies another word of phrase
// span rather than heading it: a word or a possessive follows it ("Russian
// state media", "Afghanistan's Deputy Prime Minister"), or a preposition
// governs it ("Minister for Economic Affairs").
func (d *doc) modifies(m news.Mention, span news.Span) bool {
	if k := d.tokenAfter(m.End); m.End < span.End && k < len(d.toks) && d.toks[k].Start < span.End {
		if t := d.toks[k]; !t.isPunct() || t.Text == "'" || t.Text == "’" {
			return true
		}
	}
	if m.End < span.End {
		if rest := d.text[m.End:span.End]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
			return true
		}
	}
	// Walk back over the rest of the mention's noun phrase ("of Russia's
	// National Security Council") to the word that governs it.
	for k := d.tokenAfter(m.Start) - 1; k >= 0 && d.toks[k].End > span.Start; k-- {
		t := d.toks[k]
		switch t.lower {
		case "of", "for", "at", "from", "in", "on", "with", "to", "by":
			return true
		}
		if !t.isCapitalised() && !determiners[t.lower] && !possessive(t.lower) && t.Text != "’" && t.Text != "'" {
			return false
		}
	}
	return false
}

// appositionOwner returns the name a title phrase [from, to) stands in
// apposition to ("Meanwhile, Abdul Ghani Baradar, Afghanistan's Deputy
// Prime Minister for Economic Affairs, sought"): the phrase sits between
// commas after a capitalised noun phrase that opens its clause.
func (d *doc) appositionOwner(from, to int) (int, int, bool) {
	closed := d.toks[to-1].Text == "," || to < len(d.toks) && d.toks[to].Text == ","
	if from < 2 || d.toks[from-1].Text != "," || !closed || d.toks[from].quoteID >= 0 {
		return 0, 0, false
	}
	o0, o1 := d.npLeft(from-1, max(0, from-12))
	if o1 <= o0 || !d.toks[o1-1].isCapitalised() || !d.toks[o0].isCapitalised() {
		return 0, 0, false
	}
	if o0 > 0 {
		switch p := d.toks[o0-1]; {
		case p.Text == "," || p.Text == "\n":
		case strings.Contains(d.text[p.End:d.toks[o0].Start], "\n"):
		case p.Text == "." || p.Text == "!" || p.Text == "?" || p.Text == ";":
		default:
			return 0, 0, false
		}
	}
	return o0, o1, true
}

// speakerFor names the speaker of a mention span: the entity when one was
// found, else the mention text, with pronouns resolved to the closest
// preceding name when entities are missing.
func (d *doc) speakerFor(span news.Span, ent *news.Entity, names [2][]nameRef) *news.Speaker {
	if span.End <= span.Start {
		return nil
	}
	if ent != nil {
		return &news.Speaker{EntityID: ent.ID, Name: ent.Name}
	}
	text := d.text[span.Start:span.End]
	if relativePronouns[strings.ToLower(text)] {
		if a0, a1 := d.antecedent(d.tokenAfter(span.Start)); a1 > a0 {
			head, ent := d.head(a0, a1)
			return d.speakerFor(head, ent, names)
		}
		return nil
	}
	if pronouns[strings.ToLower(text)] {
		for _, list := range names {
			for i := len(list) - 1; i >= 0; i-- {
				if list[i].end <= span.Start {
					return &news.Speaker{Name: list[i].name}
				}
			}
		}
		return nil
	}
	return &news.Speaker{Name: text}
}

// nameRef is a capitalised name seen as a speaker, for pronoun fallback.
type nameRef struct {
	name string
	end  int
}

// antecedent returns the noun phrase a relative pronoun at token k stands
// for: "Mr. Kerry and Mr. Obama, who sent", "the agency, which said".
func (d *doc) antecedent(k int) (int, int) {
	w := k
	if w-1 >= 0 && d.toks[w-1].Text == "," {
		w--
	}
	a0, a1 := d.npLeft(w, max(0, w-12))
	if a1 > a0 && relativePronouns[d.toks[a0].lower] {
		return 0, 0
	}
	return a0, a1
}

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
		} else if s0, s1 := d.introducer(a.content); s1 > s0 {
			a.srcFrom, a.srcTo = s0, s1
			if !inUnit {
				a.cueFrom, a.cueTo, a.via = -1, 0, nil
			}
		} else if s0, s1, c := d.previousTag(a.content); s1 > s0 && a.srcTo <= a.srcFrom {
			a.srcFrom, a.srcTo, a.cueFrom, a.cueTo, a.lemma, a.via = s0, s1, c, c+1, "", nil
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
