package quote

import "strings"

// accordingTo reads "according to X, ..." and "..., according to X", and
// the same frames with "in" and a poll ("In a CNN poll, ...").
func (d *doc) accordingTo(u unit, c cue, floor int) []attribution {
	a := attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class}
	s0, s1 := d.npRight(c.to, u.to)
	for s1 < u.to && (d.toks[s1].lower == "news" || d.toks[s1].lower == "agency" || d.toks[s1].isCapitalised()) {
		s1++
	}
	if e := d.invertedSource(c.to, u.to); e > s1 {
		s1 = e
	}
	opening := !(c.from-1 > floor && d.endsClause(c.from-1))
	if k := d.sourceComma(s1, u.to); opening && s1 > s0 && k > s1 {
		// "According to early results of exit polls conducted for The
		// Associated Press and television networks, ...": a long source
		// runs to its comma.
		s1 = k
	}
	a.srcFrom, a.srcTo = s0, s1
	if c.lemma == "in poll" {
		// The poll is the source, not when it was released.
		a.srcTo = d.pollEnd(s0, s1)
	}
	var from, to int
	if !opening {
		to = c.from
		if d.toks[c.from-1].Text == "," {
			to--
		}
		from = d.clauseStart(floor, to)
		if s1+1 < u.to && d.toks[s1].Text == "," && d.contentEnd(s1+1, u.to) > s1+1 && !appositionStart[d.toks[s1+1].lower] {
			// "For Trump, according to X, the speech is a test": the claim
			// runs around the attribution.
			to = d.contentEnd(s1+1, u.to)
		}
	} else if s1 < u.to && d.toks[s1].Text == "," {
		from, to = s1+1, d.contentEnd(s1+1, u.to)
	} else {
		return nil
	}
	s, direct := d.span(from, to)
	if s.End <= s.Start {
		return nil
	}
	a.content, a.direct = s, direct
	return []attribution{a}
}

// sourceComma returns the comma that ends a long source phrase going on
// at token k, or k when there is none within a few words or a clause ends
// first.
func (d *doc) sourceComma(k, limit int) int {
	for j := k; j < limit && j < k+25; j++ {
		t := d.toks[j]
		if t.Text == "," {
			return j
		}
		if t.quoteID >= 0 || t.isQuoteMark() || clauseEnds[t.Text] {
			return k
		}
	}
	return k
}

// appositionStart words open an apposition or a relative clause on the
// source ("according to an analysis by X, a former aide, whose ..."),
// not the rest of a claim around the attribution.
var appositionStart = map[string]bool{"a": true, "an": true, "who": true, "whose": true, "which": true, "whom": true}

// topicAttribution reads "X called for Y", "their criticism of Y": the
// content is the phrase after the preposition up to the end of its clause.
// inherit is the source of the unit's previous attribution.
func (d *doc) topicAttribution(u unit, c cue, floor int, inherit [2]int) []attribution {
	a := attribution{cueFrom: c.from, cueTo: c.to, lemma: c.lemma, class: c.class}
	m := d.subjectEnd(c.from, floor)
	if m-1 >= floor && possessive(d.toks[m-1].lower) {
		a.srcFrom, a.srcTo = m-1, m
	} else {
		a.srcFrom, a.srcTo = d.npLeft(m, floor)
		if a.srcFrom == a.srcTo && m-1 >= floor && pronouns[d.toks[m-1].lower] {
			// "Meanwhile, it attacked Trump": npLeft stops at "it".
			a.srcFrom, a.srcTo = m-1, m
		}
		if a.srcFrom == a.srcTo && m-1 > floor && d.toks[m-1].Text == "," {
			if strings.HasSuffix(d.toks[c.from].lower, "ing") {
				// "said Hodges, a Clinton backer, referring to": the previous
				// source; "Romney fired back, attacking Trump", "During his
				// visit, Shoigu held talks with officials, focusing on": the
				// clause's subject, not the phrase before the comma.
				a.srcFrom, a.srcTo = inherit[0], inherit[1]
				if a.srcFrom == a.srcTo {
					a.srcFrom, a.srcTo = d.clauseSubject(u)
				}
			} else if h0, ok := d.appositionHead(m-1, u.from); ok {
				a.srcFrom, a.srcTo = h0, m-1
			}
		}
	}
	end := c.to
	for end < u.to && end < c.to+25 {
		t := d.toks[end]
		if t.quoteID < 0 && (t.Text == "," || t.Text == ";" || t.Text == "(" || t.Text == "—" || t.lower == "which" || t.lower == "who") {
			break
		}
		if _, cls := cueLemma(t.lower); cls == speech && t.isLower() && end > c.to+1 {
			if p := d.toks[end-1].lower; p == "and" || p == "but" {
				end--
			}
			break
		}
		end++
	}
	s, direct := d.span(c.to, d.contentEnd(c.to, end))
	if s.End <= s.Start {
		return nil
	}
	a.content, a.direct = s, direct
	return []attribution{a}
}

// clauseSubject is the subject opening a unit after any opening adverbial
// ("During his visit, Shoigu held talks"), when it is a name or a pronoun.
func (d *doc) clauseSubject(u unit) (int, int) {
	k := d.skipClauseOpeners(u.from, u.to)
	s0, s1 := d.npRight(k, u.to)
	if s1 > s0 && (d.toks[s0].isCapitalised() || pronouns[d.toks[s0].lower]) {
		return s0, s1
	}
	return d.unitSubject(u)
}
