package quote

import "strings"

// unitAttributions reads the attributions of one unit. prev holds the
// previous unit's, for quotations that continue a speaker's turn.
func (d *doc) unitAttributions(u unit, prev []attribution) []attribution {
	var out []attribution
	floor := u.from
	for _, c := range d.cues(u) {
		host := d.hostOf(out, c)
		if host < 0 && c.from < floor {
			continue
		}
		var via []string
		if host >= 0 {
			h := out[host]
			switch {
			case h.lemma == ":":
				// Everything in an interview turn or after a headline's
				// "Name:" is the speaker's; nested cues are part of it.
				continue
			case d.closesRelative(h, c) > 0:
				// "Cruz, who says A, said B": the relative clause ends at
				// the comma and its antecedent says B.
				comma := d.closesRelative(h, c)
				d.truncate(&out, host, comma)
				if a, ok := d.afterRelative(u, c, h); ok {
					out = append(out, a)
					floor = max(floor, c.to, d.tokenAfter(a.content.End))
				}
				continue
			case c.class == participle && c.from-1 > u.from && d.toks[c.from-1].Text == ",":
				d.truncate(&out, host, c.from-1)
				floor = c.from - 1
			case c.class != topic && c.from-1 > u.from && (d.toks[c.from-1].lower == "and" || d.toks[c.from-1].lower == "but") && d.toks[c.from-1].Start > h.content.Start:
				// "told the AP X and said Y": same speaker, new content.
				d.truncate(&out, host, c.from-1)
				floor = c.from - 1
			case d.aroundCue(h, c):
				// "Back in Virginia, Mr. Clarke said, he decided to ...":
				// the clause after a parenthetical attribution is the rest
				// of its content, not a new one.
				continue
			case d.newClause(c, h) > 0:
				s0 := d.newClause(c, h)
				d.truncate(&out, host, s0-1)
				floor = s0
			case d.isReporting(h):
				via = append(append(via, h.via...), d.sourceName(h))
				d.relays = append(d.relays, h)
				out = append(out[:host], out[host+1:]...)
				floor = d.tokenAfter(h.content.Start)
			default:
				continue
			}
		}
		inherit := [2]int{}
		if n := len(out); n > 0 {
			inherit = [2]int{out[n-1].srcFrom, out[n-1].srcTo}
		}
		for _, a := range d.attribute(u, c, floor, inherit) {
			a.via = append(via, a.via...)
			out = append(out, a)
			floor = max(floor, c.to, a.srcTo, d.tokenAfter(a.content.End))
		}
	}
	out = append(out, d.standaloneQuotes(u, out, prev)...)
	d.unclaimedSpeakers(u, out)
	return out
}

// truncate ends the content of out[i] before token boundary, dropping the
// attribution when nothing is left.
func (d *doc) truncate(out *[]attribution, i, boundary int) {
	a := &(*out)[i]
	for boundary > 1 && d.toks[boundary-1].isPunct() && d.toks[boundary-1].quoteID < 0 && !d.toks[boundary-1].isQuoteMark() {
		boundary--
	}
	if boundary > 0 {
		a.content.End = min(a.content.End, d.toks[boundary-1].End)
	}
	if a.content.End <= a.content.Start {
		*out = append((*out)[:i], (*out)[i+1:]...)
	}
}

// closesRelative returns the comma before cue c that closes the relative
// clause host h is read from ("Cruz, who says A, | said B"), or 0.
func (d *doc) closesRelative(h attribution, c cue) int {
	if h.direct || h.srcTo <= h.srcFrom || !relativePronouns[d.toks[h.srcTo-1].lower] || c.class == topic || !d.toks[c.from].isLower() {
		return 0
	}
	comma := d.subjectEnd(c.from, 0) - 1
	if comma <= d.tokenAfter(h.content.Start) {
		return 0
	}
	if t := d.toks[comma]; t.isQuoteMark() && t.quoteID < 0 && d.toks[comma-1].Text == "," {
		// "Humphrey, who calls Trump a “sociopath,” said": the comma is
		// inside the closing quotation mark.
		return comma
	}
	if d.toks[comma].Text != "," || d.toks[comma].quoteID >= 0 {
		return 0
	}
	return comma
}

// afterRelative reads the attribution of cue c after a relative clause
// that host h's cue opened: its source is h's antecedent ("Cruz" of "Cruz,
// who") and its content follows c.
func (d *doc) afterRelative(u unit, c cue, h attribution) (attribution, bool) {
	rel := h.srcTo - 1
	s0, s1 := h.srcFrom, rel
	for s1 > s0 && d.toks[s1-1].Text == "," {
		s1--
	}
	if s1 <= s0 {
		s0, s1 = d.npLeft(rel, u.from)
		if s1 > s0 && d.toks[s1-1].Text == "," {
			s1--
		}
	}
	r, end, via, _ := d.rightContent(u, c)
	if s1 <= s0 || end <= r {
		return attribution{}, false
	}
	s, direct := d.span(r, end)
	if s.End <= s.Start {
		return attribution{}, false
	}
	return attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class, srcFrom: s0, srcTo: s1, content: s, direct: direct, via: via}, true
}

// aroundCue reports whether host h's content runs around its own cue
// ("The plan, X said, was aimed at") and cue c's subject starts right
// after the comma that closes that parenthetical.
func (d *doc) aroundCue(h attribution, c cue) bool {
	if h.direct || h.cueFrom < 0 || h.cueTo <= h.cueFrom || d.toks[h.cueFrom].Start < h.content.Start || d.toks[h.cueTo-1].End >= h.content.End {
		return false
	}
	s0 := d.subjectStart(c)
	if s0 == c.from || s0-1 < h.cueTo || d.toks[s0-1].Text != "," {
		return false
	}
	for k := h.cueTo; k < s0-1; k++ {
		if d.toks[k].isPunct() {
			return false
		}
	}
	return true
}

func (d *doc) hostOf(atts []attribution, c cue) int {
	at := d.toks[c.from].Start
	for i, a := range atts {
		if at >= a.content.Start && at < a.content.End {
			return i
		}
	}
	return -1
}

// tokenAfter returns the index of the first token starting at or after
// byte offset b.
func (d *doc) tokenAfter(b int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.toks[mid].Start < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// attribute builds what cue c introduces: content after it ("X said
// that ..."), before it ("..., X said") or both (split quotations). A
// relative pronoun subject ("Smith, who said") is the source mention, as
// a personal pronoun is; speakerFor resolves it to its antecedent.
func (d *doc) attribute(u unit, c cue, floor int, inherit [2]int) []attribution {
	out := d.cueAttributions(u, c, floor, inherit)
	if c.class == participle || c.lemma == ":" || c.lemma == "according to" || c.lemma == "in poll" {
		return out
	}
	m := d.subjectEnd(c.from, floor)
	if m-1 < floor || !relativePronouns[d.toks[m-1].Text] {
		return out
	}
	// The source runs from the antecedent to the pronoun, which head
	// picks as the mention.
	a0, a1 := d.npLeft(m, floor)
	from := m - 1
	if r0, r1 := d.antecedent(m - 1); r1 > r0 && r0 >= floor {
		from = r0
	}
	for i := range out {
		if out[i].srcFrom == out[i].srcTo || out[i].srcFrom == a0 && out[i].srcTo == a1 {
			out[i].srcFrom, out[i].srcTo = from, m
		}
	}
	return out
}

// cueAttributions reads cue c's content and source phrase; attribute then
// narrows a relative pronoun subject to its mention.
func (d *doc) cueAttributions(u unit, c cue, floor int, inherit [2]int) []attribution {
	if c.class == topic {
		return d.topicAttribution(u, c, floor, inherit)
	}
	switch c.lemma {
	case "according to", "in poll":
		return d.accordingTo(u, c, floor)
	case ":":
		a := attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class, srcFrom: u.from, srcTo: c.from}
		for k := u.from + 1; k < c.from; k++ {
			if d.toks[k].lower == "to" {
				// "Clinton to Planned Parenthood: ...": the speaker is
				// before the addressee.
				a.srcTo = k
				break
			}
		}
		if s, direct := d.span(c.to, d.contentEnd(c.to, u.to)); s.End > s.Start {
			a.content, a.direct = s, direct
			return []attribution{a}
		}
		return nil
	}
	base := attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class}
	m := d.subjectEnd(c.from, floor)
	sFrom, sTo := d.npLeft(m, floor)
	if sFrom == sTo && m-1 >= floor && pronouns[d.toks[m-1].lower] {
		// "''...,'' it said": npLeft stops at "it".
		sFrom, sTo = m-1, m
	}
	if sFrom == sTo && m-1 > floor && d.toks[m-1].lower == "as" {
		sFrom, sTo = d.npLeft(m-1, floor)
	}
	r, end, via, introduced := d.rightContent(u, c)
	base.via = via
	hasRight := end > r
	// A quotation right after the cue (a comma or colon apart) is its
	// content; one after a setting ("on the podcast “...”") is not.
	rightQuote := hasRight && (d.toks[r].quoteID >= 0 || d.toks[r].isQuoteMark()) && r <= c.to+2
	settingQuote := hasRight && (d.toks[r].quoteID >= 0 || d.toks[r].isQuoteMark()) && !rightQuote
	withContent := func(a attribution, from, to int) []attribution {
		if s, direct := d.span(from, to); s.End > s.Start {
			a.content, a.direct = s, direct
			return []attribution{a}
		}
		return nil
	}
	var out []attribution
	if sTo > sFrom && sFrom-1 >= floor && d.toks[sFrom-1].lower == "as" {
		// "As Crane said, the two have become ...": the content follows the
		// comma; "..., as Doocy said in April" has it before.
		base.srcFrom, base.srcTo = sFrom, sTo
		if k := d.skipAdverbials(c.to, u.to); k < u.to && d.toks[k].Text == "," && sFrom-1 == u.from {
			return withContent(base, k+1, d.contentEnd(k+1, u.to))
		}
		if before := sFrom - 2; before > floor && d.endsClause(before) {
			return withContent(base, d.clauseStart(floor, before), before)
		}
		if rightQuote || introduced {
			// "... as she angrily said, “I am so sick of it”", "as Trump
			// claimed on Tuesday that ...".
			return withContent(base, r, end)
		}
		return nil
	}
	if sTo > sFrom && evidentialVerbs[c.lemma] && d.inanimateSubject(sFrom, sTo, floor) {
		return nil
	}
	switch {
	case sTo > sFrom:
		if b := sFrom - 1; b-1 > floor && determiners[d.toks[b].lower] && d.quotationLeads(floor, b-1) {
			// "“...,” this Trump look-alike declared": the determiner
			// opens the subject.
			sFrom = b
		}
		base.srcFrom, base.srcTo = sFrom, sTo
		before := sFrom - 1
		parenthetical := false
		if k := d.skipAdverbials(c.to, u.to); before > floor && k+1 < u.to && d.toks[k].Text == "," && !rightQuote && !d.toks[k+1].isQuoteMark() && d.toks[k+1].quoteID < 0 {
			_, cls := cueLemma(d.toks[k+1].lower)
			parenthetical = cls == 0 && !strings.HasSuffix(d.toks[k+1].lower, "ing") &&
				!clauseOpeners[d.toks[k+1].lower] // "..., she said, and soon ..." goes on with the narrative
		}
		if before > floor && d.endsClause(before) && !introduced &&
			(parenthetical || (!hasRight || rightQuote || settingQuote || adjunctStart[d.toks[r].lower] || end-r <= 3 || d.quotationLeads(floor, before)) && before-d.clauseStart(floor, before) >= 4) {
			// "..., X said (during a speech ...)": the content is before,
			// or around when it goes on: "The plan, X said, was aimed at".
			contentTo := before + 1
			if parenthetical {
				contentTo = d.contentEnd(c.to, u.to)
			}
			out = append(out, withContent(base, d.clauseStart(floor, before), contentTo)...)
			if !rightQuote {
				return out
			}
		}
		if hasRight {
			out = append(out, withContent(base, r, end)...)
		}
	case m-1 >= floor && c.class == participle && (d.toks[m-1].Text == "," || participleLead[d.toks[m-1].lower]) || m-1 >= u.from && c.class != participle && (d.toks[m-1].lower == "and" || d.toks[m-1].lower == "but"):
		base.srcFrom, base.srcTo = inherit[0], inherit[1]
		if base.srcFrom == base.srcTo {
			base.srcFrom, base.srcTo = d.clauseSubject(u)
		}
		if hasRight {
			out = append(out, withContent(base, r, end)...)
		}
	case m-1 >= floor && d.endsClause(m-1):
		s0, s1 := d.npRight(d.skipModifiersRight(c.to, u.to), u.to)
		if s1 > s0 && (!d.mayInvert(s0) || addresseeVerbs[c.lemma]) {
			// "..., Smith, an aide, said on Twitter", "..., told me".
			s1 = s0
		}
		inverted := s1 > s0 && !(s1-s0 == 1 && determiners[d.toks[s0].lower]) &&
			(s1 >= d.contentEnd(c.to, u.to) || d.toks[s1].Text == "," || d.toks[s1].Text == "(" ||
				d.quotationLeads(floor, m-1) && adjunctStart[d.toks[s1].lower])
		if i1 := d.invertedSource(c.to, u.to); !inverted && !tellVerbs[c.lemma] && i1 > c.to && d.mayInvert(c.to) {
			s0, s1, inverted = c.to, i1, true
		}
		if i1 := d.subjectBeforeAdjunct(c.to, u.to); !inverted && i1 > c.to && d.mayInvert(c.to) && d.quotationLeads(floor, m-1) {
			// "“...,” said Cruz constituent Dan Golvach when asked".
			s0, s1, inverted = c.to, i1, true
		}
		h0, appositive := d.appositionHead(m-1, u.from)
		appositive = appositive && d.toks[m-1].Text == "," && s1 < d.contentEnd(c.to, u.to)
		if appositive && !inverted && !introduced && !rightQuote && (!hasRight || adjunctStart[d.toks[r].lower] || end-r <= 3) &&
			h0-1 > floor && d.endsClause(h0-1) && h0-1-d.clauseStart(floor, h0-1) >= 4 {
			// "“...,” Ryan, the convention chair, told the delegates before
			// the vote": the content is before the subject.
			base.srcFrom, base.srcTo = h0, m-1
			return withContent(base, d.clauseStart(floor, h0-1), h0)
		}
		if hasRight && !settingQuote && (!inverted && !rightQuote || introduced || rightQuote && s1 == s0 || appositive) {
			// "Smith, a spokesman for X, said that ...": the subject is
			// before the apposition.
			if h0, ok := d.appositionHead(m-1, u.from); ok {
				base.srcFrom, base.srcTo = h0, m-1
			}
			return withContent(base, r, end)
		}
		base.srcFrom, base.srcTo = s0, s1
		if s1 == s0 {
			if h0, ok := d.appositionHead(m-1, u.from); ok {
				base.srcFrom, base.srcTo = h0, m-1
				m = h0
				for m-1 > floor && !d.endsClause(m-1) {
					m--
				}
			}
		}
		out = append(out, withContent(base, d.clauseStart(floor, m-1), m)...)
		if s1 < u.to && d.toks[s1].Text == "," {
			rest := s1 + 1
			if e := d.contentEnd(rest, u.to); e > rest && (d.toks[rest].isQuoteMark() || d.toks[rest].quoteID >= 0) {
				out = append(out, withContent(base, rest, e)...)
			}
		}
	default:
		if hasRight && c.class != participle {
			out = append(out, withContent(base, r, end)...)
		}
	}
	return out
}

// quotationLeads reports whether the clause before a source that ends at
// token boundary is a quotation opening the unit ("“...,” he said aboard
// his plane"): its tag's own content is the quotation, not the words
// after the cue. A quoted title inside a clause ("told “Fox News
// Sunday,” ...") is no such lead.
func (d *doc) quotationLeads(floor, boundary int) bool {
	if !d.toks[boundary].isQuoteMark() {
		return false
	}
	start := d.clauseStart(floor, boundary)
	if start >= boundary || d.toks[start].quoteID < 0 {
		return false
	}
	for k := floor; k < start; k++ {
		if !d.toks[k].isQuoteMark() {
			return false
		}
	}
	return true
}

// participleLead are words before a participle cue whose subject is the
// clause's: "by saying", "while insisting".
var participleLead = map[string]bool{
	"by": true, "in": true, "while": true, "after": true, "before": true, "when": true, "without": true,
	"upon": true,
}

// addresseeVerbs take an object, never an inverted subject: "..., told me".
var addresseeVerbs = map[string]bool{"tell": true, "inform": true, "assure": true, "remind": true, "advise": true}

// objectPronouns are never subjects.
var objectPronouns = map[string]bool{"me": true, "him": true, "us": true, "them": true, "her": true}

// mayInvert reports whether the word at token k can open an inverted
// subject ("..., said Smith"): not a setting ("said on Twitter", "said
// Monday") or an object pronoun.
func (d *doc) mayInvert(k int) bool {
	w := d.toks[k].lower
	return !adjunctStart[w] && !weekday(w) && !timeNoun(w) && !objectPronouns[w] && w != "that" && w != "to"
}

// commaThat returns the index after ", that" when a short parenthetical
// starting at k ends in one ("among other things, that"), else 0.
func (d *doc) commaThat(k, limit int) int {
	for j := k; j+1 < limit && j < k+8; j++ {
		t := d.toks[j]
		if t.quoteID >= 0 || t.isQuoteMark() {
			return 0
		}
		if t.Text == "," {
			if d.toks[j+1].lower == "that" {
				return j + 1
			}
			return 0
		}
	}
	return 0
}

// endsClause reports whether token k closes the clause before a source:
// a comma, a dash or a closing quotation mark.
func (d *doc) endsClause(k int) bool {
	t := d.toks[k]
	switch t.Text {
	case ",", "—", "–", "--", ":":
		return true
	}
	for k > 0 && t.isQuoteMark() && t.quoteID < 0 && d.toks[k-1].isQuoteMark() && d.toks[k-1].quoteID < 0 {
		k--
	}
	return t.isQuoteMark() && t.quoteID < 0 && k > 0 && d.toks[k-1].quoteID >= 0
}

// clauseStart is where content before a cue begins: the quotation that ends
// at the clause boundary when there is one, else the floor.
func (d *doc) clauseStart(floor, boundary int) int {
	k := boundary
	if k <= floor {
		return floor
	}
	if d.toks[k].Text == "," {
		for k > floor && d.toks[k-1].isQuoteMark() && d.toks[k-1].quoteID < 0 {
			k--
		}
	}
	for k > floor && d.toks[k-1].isQuoteMark() && d.toks[k-1].quoteID < 0 {
		k--
	}
	if k > floor && d.toks[k-1].quoteID >= 0 {
		q := d.toks[k-1].quoteID
		j := k - 1
		for j > floor && d.toks[j-1].quoteID == q {
			j--
		}
		return j
	}
	return floor
}

// skipModifiersRight moves right over adverbs after an inverted cue
// ("said also Smith" is rare, "said recently" is not).
func (d *doc) skipModifiersRight(k, limit int) int {
	for k < limit && cueModifiers[d.toks[k].lower] {
		k++
	}
	return k
}

// subjectBeforeAdjunct returns where an inverted subject of a few words
// after a cue ends at an adjunct ("said Cruz constituent Dan Golvach when
// asked"), or from when the words before it are no noun phrase.
func (d *doc) subjectBeforeAdjunct(from, limit int) int {
	for k := from; k < limit && k < from+8; k++ {
		t := d.toks[k]
		if k > from && adjunctStart[t.lower] {
			return k
		}
		if t.isPunct() || t.quoteID >= 0 || npStop[t.lower] || pronouns[t.lower] || auxiliaryLike(t.lower) {
			return from
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() {
			return from
		}
	}
	return from
}

// auxiliaryLike words open a verb phrase, never a noun phrase.
func auxiliaryLike(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must":
		return true
	}
	return false
}

// invertedSource returns the end of a source phrase after an inverted cue
// ("..., said former Utah governor Michael Leavitt, a Romney confidant.")
// when the phrase runs to a comma or the end of the unit, or from when
// there is none.
func (d *doc) invertedSource(from, limit int) int {
	end := d.contentEnd(from, limit)
	if end-from > 1 && pronouns[d.toks[from].lower] {
		// "..., said he fully supports it": a pronoun with words after
		// it opens the content, not an inverted subject.
		return from
	}
	for k := from; k < end && k < from+10; k++ {
		t := d.toks[k]
		if t.Text == "," || t.Text == "(" || k > from && (t.lower == "who" || t.lower == "whose") {
			return k
		}
		if t.quoteID >= 0 || t.isQuoteMark() || npStop[t.lower] && !determiners[t.lower] && t.lower != "and" {
			return from
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() && !participles[t.lower] {
			return from
		}
	}
	if end-from <= 10 && end > from && (d.toks[from].isCapitalised() || determiners[d.toks[from].lower] || d.toks[from].isLower()) {
		return end
	}
	return from
}
