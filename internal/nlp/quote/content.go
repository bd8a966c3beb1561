// This file finds the content after a cue ("X said that ..."): past an
// addressee, adverbials and cited outlets, up to a new predicate of the
// cue's subject.

package quote

import "strings"

// adjunctStart are words that open a phrase after a cue that is not its
// content: "..., he said during a speech".
var adjunctStart = map[string]bool{
	"in": true, "during": true, "at": true, "on": true, "after": true, "before": true,
	"while": true, "when": true, "as": true, "of": true, "with": true, "about": true,
	"from": true, "for": true, "outside": true, "inside": true, "last": true, "this": true,
	"earlier": true, "late": true, "later": true, "recently": true, "yesterday": true,
	"today": true, "via": true, "through": true, "without": true, "because": true,
	"ahead": true, "following": true, "amid": true, "amidst": true, "near": true,
	"behind": true, "alongside": true, "upon": true, "throughout": true, "despite": true,
	"shortly": true, "soon": true, "moments": true, "minutes": true, "hours": true,
}

// audienceNouns head the object of a telling verb after names that
// qualify them ("told CNN viewers", "told Senate Republicans colleagues").
var audienceNouns = map[string]bool{
	"graduates": true, "reporters": true, "journalists": true, "viewers": true, "listeners": true,
	"readers": true, "supporters": true, "lawmakers": true, "senators": true, "members": true,
	"officials": true, "students": true, "delegates": true, "donors": true, "voters": true,
	"crowd": true, "audience": true, "attendees": true, "troops": true, "soldiers": true,
	"workers": true, "employees": true, "staff": true, "staffers": true, "colleagues": true,
	"leaders": true, "ministers": true, "diplomats": true, "investors": true, "analysts": true,
	"executives": true, "lawyers": true, "residents": true, "cadets": true, "parishioners": true,
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
	if k := d.subordinateEnd(u, c.from, r, end); k > 0 {
		end = k
	}
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

// subordinators open a sentence-initial clause that a comma closes before
// the main clause: "Although Shoigu described his visit as X, he ...".
var subordinators = map[string]bool{
	"although": true, "though": true, "while": true, "whereas": true, "because": true,
	"since": true, "if": true, "when": true, "after": true, "before": true, "once": true,
}

// mainSubjectDeterminers open a main clause's subject after the comma
// that closes a subordinate clause ("When Trump said he would win, the
// crowd cheered").
var mainSubjectDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true,
}

// subordinateEnd returns the comma that ends the content of a cue inside a
// unit-initial subordinate clause ("Although Shoigu described his visit
// as focusing on energy, he emphasized ..." -> "... energy"): the first
// comma in [from, end) followed by a subject pronoun, a capitalised word
// or a determiner. It
// returns 0 when the cue's clause is not such a clause.
func (d *doc) subordinateEnd(u unit, cue, from, end int) int {
	first := u.from
	for first < cue && (d.toks[first].isQuoteMark() || d.toks[first].isPunct()) {
		first++
	}
	if first >= cue || !subordinators[d.toks[first].lower] {
		return 0
	}
	for k := first + 1; k < cue; k++ {
		if d.toks[k].Text == "," {
			return 0 // the subordinate clause ended before the cue
		}
	}
	for k := from; k+1 < end; k++ {
		if t := d.toks[k]; t.Text == "," && t.quoteID < 0 {
			if next := d.toks[k+1]; next.quoteID < 0 && (pronouns[next.lower] && !objectPronouns[next.lower] || next.isCapitalised() && !month(next.lower) || mainSubjectDeterminers[next.lower]) {
				return k
			}
		}
	}
	return 0
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
		// "told U.S. Naval War College graduates": the names qualify an
		// audience noun that heads the object.
		for k < limit && k < r+8 && audienceNouns[d.toks[k].lower] {
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
