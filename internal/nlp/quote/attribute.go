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
			case c.class == participle && c.from-1 > u.from && d.toks[c.from-1].Text == ",":
				d.truncate(&out, host, c.from-1)
				floor = c.from - 1
			case c.class != topic && c.from-1 > u.from && (d.toks[c.from-1].lower == "and" || d.toks[c.from-1].lower == "but") && d.toks[c.from-1].Start > h.content.Start:
				// "told the AP X and said Y": same speaker, new content.
				d.truncate(&out, host, c.from-1)
				floor = c.from - 1
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

// subjectStart returns the first token of the subject before cue c, or
// c.from when there is none.
func (d *doc) subjectStart(c cue) int {
	m := d.skipModifiersLeft(c.from, 0)
	s0, s1 := d.npLeft(m, 0)
	if s1 > s0 {
		return s0
	}
	return c.from
}

// newClause returns where the subject starts when cue c, inside host's
// content, opens a clause of its own with a subject after a comma or a
// conjunction ("..., he said"), else 0.
func (d *doc) newClause(c cue, h attribution) int {
	s0 := d.subjectStart(c)
	if s0 == c.from || s0 == 0 || d.toks[s0-1].Start < h.content.Start {
		return 0
	}
	if b := d.clauseBoundaryLeft(s0, h); b > 0 {
		s0 = b
	}
	switch d.toks[s0-1].lower {
	case ",", ";", "and", "but", "while", "whereas", "-", "—", "–", "--", ":":
		if s0-1 > d.tokenAfter(h.content.Start) {
			return s0
		}
	}
	return 0
}

// clauseBoundaryLeft finds a conjunction or comma a few words before
// token s0 when the words between read as a subject ("and more than 4 in
// 10 said"), returning the token after it, or 0.
func (d *doc) clauseBoundaryLeft(s0 int, h attribution) int {
	for k := s0 - 1; k > 0 && k > s0-6 && d.toks[k].Start >= h.content.Start; k-- {
		t := d.toks[k]
		switch t.lower {
		case ",", ";", "and", "but", "while", "whereas":
			return k + 1
		case "that", "who", "which", "whom":
			return 0
		}
		if t.quoteID >= 0 || t.isPunct() && t.Text != "%" {
			return 0
		}
		if _, cls := cueLemma(t.lower); cls != 0 && t.isLower() {
			return 0
		}
	}
	return 0
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
	if c.class == participle || c.lemma == ":" || c.lemma == "according to" {
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

// subjectEnd moves left from a cue at token k over auxiliaries and adverbs
// to where its subject ends, also over negated auxiliaries and adverbs the
// cue lexicon leaves out ("his aides haven't said", "World leaders almost
// universally expressed").
func (d *doc) subjectEnd(k, limit int) int {
	for {
		k = d.skipModifiersLeft(k, limit)
		if k <= limit {
			return k
		}
		w := d.toks[k-1].lower
		if contractions[w] && k-2 >= limit && pronouns[d.toks[k-2].lower] {
			// "He’s hoping": the pronoun ends the subject.
			return k - 1
		}
		if !subjectAdverbs[w] && !(len(w) > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"))) {
			return k
		}
		k--
	}
}

// contractions are auxiliaries cliticised to a pronoun: "he’s", "she'll".
var contractions = map[string]bool{
	"'s": true, "’s": true, "'ll": true, "’ll": true, "'re": true, "’re": true,
	"'ve": true, "’ve": true, "'d": true, "’d": true, "'m": true, "’m": true,
}

// subjectAdverbs sit between a subject and its cue.
var subjectAdverbs = map[string]bool{"now": true, "almost": true, "perhaps": true, "quite": true, "soon": true, "nearly": true}

// relativePronouns open a relative clause whose subject they are.
var relativePronouns = map[string]bool{"who": true, "which": true}

// cueAttributions reads cue c's content and source phrase; attribute then
// narrows a relative pronoun subject to its mention.
func (d *doc) cueAttributions(u unit, c cue, floor int, inherit [2]int) []attribution {
	if c.class == topic {
		return d.topicAttribution(u, c, floor, inherit)
	}
	switch c.lemma {
	case "according to":
		return d.accordingTo(u, c, floor)
	case ":":
		a := attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class, srcFrom: u.from, srcTo: c.from}
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
		base.srcFrom, base.srcTo = sFrom, sTo
		before := sFrom - 1
		parenthetical := false
		if k := d.skipAdverbials(c.to, u.to); before > floor && k+1 < u.to && d.toks[k].Text == "," && !rightQuote && !d.toks[k+1].isQuoteMark() && d.toks[k+1].quoteID < 0 {
			_, cls := cueLemma(d.toks[k+1].lower)
			parenthetical = cls == 0 && !strings.HasSuffix(d.toks[k+1].lower, "ing")
		}
		if before > floor && d.endsClause(before) && !introduced &&
			(parenthetical || (!hasRight || rightQuote || settingQuote || adjunctStart[d.toks[r].lower] || end-r <= 3) && before-d.clauseStart(floor, before) >= 4) {
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
			(s1 >= d.contentEnd(c.to, u.to) || d.toks[s1].Text == "," || d.toks[s1].Text == "(")
		if i1 := d.invertedSource(c.to, u.to); !inverted && !tellVerbs[c.lemma] && i1 > c.to && d.mayInvert(c.to) {
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
		if hasRight && (!inverted && !rightQuote || introduced || rightQuote && s1 == s0 || appositive) {
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

// adjunctStart are words that open a phrase after a cue that is not its
// content: "..., he said during a speech".
var adjunctStart = map[string]bool{
	"in": true, "during": true, "at": true, "on": true, "after": true, "before": true,
	"while": true, "when": true, "as": true, "of": true, "with": true, "about": true,
	"from": true, "for": true, "outside": true, "inside": true, "last": true, "this": true,
	"earlier": true, "late": true, "later": true, "recently": true, "yesterday": true,
	"today": true, "via": true, "through": true, "without": true, "because": true,
}

// rightContent finds the content after a cue: past an addressee ("told
// reporters"), adverbials ("on Tuesday"), "citing X" and a "that", comma or
// colon. It returns the token range and any outlets cited on the way.
func (d *doc) rightContent(u unit, c cue) (r, end int, via []string, introduced bool) {
	r = c.to
	if tellVerbs[c.lemma] && r < u.to && d.toks[r].lower != "that" && !d.toks[r].isQuoteMark() {
		if o0, o1 := d.objectRight(r, u.to); o1 > o0 {
			if name, ok := outletIn(d.text[d.toks[o0].Start:d.toks[o1-1].End]); ok {
				via = append(via, name)
			}
			r = o1
		}
	}
	for range 3 {
		r = d.skipAdverbials(r, u.to)
		if r < u.to && (d.toks[r].lower == "citing" || d.toks[r].lower == "quoting") {
			if o0, o1 := d.npRight(r+1, u.to); o1 > o0 {
				if name, ok := outletIn(d.text[d.toks[o0].Start:d.toks[o1-1].End]); ok {
					via = append(via, name)
					r = o1
					continue
				}
			}
		}
		if r < u.to && d.toks[r].Text == ":" {
			r++
			introduced = true
			continue
		}
		if r < u.to && d.toks[r].Text == "," {
			// "said, adding ..." ends the attribution; "said, “...”" does not.
			if next := d.toks[min(r+1, u.to-1)]; r+1 < u.to && (next.isQuoteMark() || next.quoteID >= 0 || next.lower == "citing" || next.lower == "quoting" || next.lower == "that") {
				r++
				continue
			}
			// "said, among other things, that ...".
			if k := d.commaThat(r+1, u.to); k > 0 {
				r = k
				continue
			}
			return r, r, via, false
		}
		break
	}
	if r < u.to && d.toks[r].lower == "that" {
		r++
		introduced = true
	}
	end = d.contentEnd(r, u.to)
	// "..., citing a diplomat" and "..., tapping the ..." close the content.
	for k := r + 1; k+1 < end; k++ {
		if d.predicateConjunct(k, r) {
			// "X said A but did not say B": the speaker's next act.
			end = k
			if d.toks[k-1].Text == "," {
				end--
			}
			break
		}
		if next := d.toks[k+1]; d.toks[k].Text == "," && d.toks[k].quoteID < 0 && next.isLower() && strings.HasSuffix(next.lower, "ing") && next.lower != "including" && next.lower != "citing" && next.lower != "quoting" {
			end = k
			break
		}
		if d.toks[k].Text == "," && d.toks[k].quoteID < 0 && (d.toks[k+1].lower == "citing" || d.toks[k+1].lower == "quoting" || d.toks[k+1].lower == "according") {
			if o0, o1 := d.npRight(k+2, u.to); o1 > o0 {
				if name, ok := outletIn(d.text[d.toks[o0].Start:d.toks[o1-1].End]); ok {
					via = append(via, name)
				}
			}
			end = k
			break
		}
	}
	return r, end, via, introduced
}

// predicateConjunct reports whether token k ("but", ", and") joins a new
// predicate of the cue's subject rather than continuing the content: the
// word after it is a finite verb form with no subject of its own.
func (d *doc) predicateConjunct(k, from int) bool {
	t := d.toks[k]
	if t.quoteID >= 0 || k+1 >= len(d.toks) || k-1 <= from {
		return false
	}
	if t.lower != "but" && !(t.lower == "and" && d.toks[k-1].Text == ",") {
		return false
	}
	next := d.toks[k+1]
	if next.quoteID >= 0 || !next.isLower() {
		return false
	}
	if conjunctAux[next.lower] {
		return true
	}
	_, cls := cueLemma(next.lower)
	return cls == speech && !strings.HasSuffix(next.lower, "ing")
}

// conjunctAux open a verb phrase after "but": "but did not say".
var conjunctAux = map[string]bool{
	"did": true, "didn't": true, "didn’t": true, "declined": true, "refused": true,
	"also": true, "then": true, "later": true, "stopped": true, "took": true, "made": true,
	"gave": true, "offered": true, "acknowledged": true, "conceded": true,
}

// outletNouns complete an outlet's name: "the Reuters news agency".
var outletNouns = map[string]bool{
	"news": true, "agency": true, "newspaper": true, "network": true, "magazine": true,
	"program": true, "show": true, "radio": true, "television": true, "channel": true, "daily": true,
}

// objectRight returns the addressee after a tell-type verb: a pronoun, a
// run of capitalised words ("The Huffington Post") or a short common noun
// phrase ("reporters", "the crowd").
func (d *doc) objectRight(r, limit int) (int, int) {
	t := d.toks[r]
	switch {
	case pronouns[t.lower] || t.quoteID >= 0 || t.isPunct():
		if pronouns[t.lower] {
			return r, r + 1
		}
		return r, r
	case t.isCapitalised():
		k := r + 1
		for k < limit && (d.toks[k].isCapitalised() || d.toks[k].lower == "of" && k+1 < limit && d.toks[k+1].isCapitalised()) {
			k++
		}
		for k < limit && outletNouns[d.toks[k].lower] {
			k++
		}
		return r, k
	case determiners[t.lower] && r+1 < limit && d.toks[r+1].isCapitalised():
		return d.objectRight(r+1, limit)
	case determiners[t.lower] && r+1 < limit && d.toks[r+1].isLower():
		// "told a news conference", "told a plenary session of".
		k := r + 2
		for k < limit && k < r+4 && d.objectNoun(k) {
			k++
		}
		return r, k
	case t.isLower() && !npStop[t.lower]:
		return r, r + 1
	}
	return r, r
}

// objectNoun reports whether token k can continue a common noun phrase
// after a tell-type verb: a lower-case word that does not open a clause.
func (d *doc) objectNoun(k int) bool {
	t := d.toks[k]
	if !t.isLower() || t.quoteID >= 0 || npStop[t.lower] || determiners[t.lower] || pronouns[t.lower] || adjunctStart[t.lower] {
		return false
	}
	if _, c := cueLemma(t.lower); c != 0 {
		return false
	}
	return !strings.HasSuffix(t.lower, "ed") && !strings.HasSuffix(t.lower, "ing")
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

// invertedSource returns the end of a source phrase after an inverted cue
// ("..., said former Utah governor Michael Leavitt, a Romney confidant.")
// when the phrase runs to a comma or the end of the unit, or from when
// there is none.
func (d *doc) invertedSource(from, limit int) int {
	end := d.contentEnd(from, limit)
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

// appositionHead finds the subject before an apposition closed by the comma
// at token comma: "Smith, a spokesman for X, said".
func (d *doc) appositionHead(comma, floor int) (int, bool) {
	for k := comma - 1; k > floor && k > comma-30; k-- {
		t := d.toks[k]
		if t.quoteID >= 0 || t.isQuoteMark() {
			return 0, false
		}
		if t.Text == "," {
			h0, h1 := d.npLeft(k, floor)
			return h0, h1 > h0
		}
	}
	return 0, false
}

// unitSubject is the noun phrase opening a unit when it looks like a
// subject (a name or a pronoun), for cues in coordinated clauses.
func (d *doc) unitSubject(u unit) (int, int) {
	s0, s1 := d.npRight(u.from, u.to)
	if s1 > s0 && (d.toks[s0].isCapitalised() || pronouns[d.toks[s0].lower]) {
		return s0, s1
	}
	return 0, 0
}

// evidentialVerbs are cues that also take a thing as subject, where the
// writer draws the conclusion: "This visit underscores Moscow's intent".
var evidentialVerbs = map[string]bool{
	"highlight": true, "underscore": true, "signal": true, "indicate": true,
}

// ofPrepositions attach a noun's complement: "visit to Afghanistan".
var ofPrepositions = map[string]bool{"to": true, "of": true, "in": true, "with": true}

// inanimateSubject reports whether the source phrase [from, to) is a
// common noun picked out by a demonstrative or a possessor ("this visit",
// "Shoigu's visit"), which names an event or a thing, not a speaker.
// Tokens before floor are not looked at.
func (d *doc) inanimateSubject(from, to, floor int) bool {
	// The head of "Shoigu's visit to Afghanistan" is before the preposition.
	if from-1 > floor && ofPrepositions[d.toks[from-1].lower] {
		if f, t := d.npLeft(from-1, floor); t > f {
			from, to = f, t
		}
	}
	if !d.toks[to-1].isLower() {
		return false
	}
	if from > floor && from-1 >= 0 {
		// npLeft leaves out a leading demonstrative; "that" before the
		// phrase is more often a complementiser ("said that the ad ...").
		switch d.toks[from-1].lower {
		case "this", "these", "those":
			return true
		}
	}
	for k := from; k < to-1; k++ {
		switch w := d.toks[k].lower; {
		case w == "this" || w == "that" || w == "these" || w == "those", possessive(w), w == "'s" || w == "’s":
			return true
		}
	}
	return false
}
