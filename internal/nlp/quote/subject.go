// This file finds the subject of a cue: where it starts and ends, a new
// clause inside a quotation, an apposition's head, and whether a subject is
// inanimate.

package quote

import "strings"

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
