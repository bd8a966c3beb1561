package resolve

import (
	"strings"
)

// placePrepositions before a capital mark it as a place ("in Kabul",
// "visit to Kabul", "arrived in Moscow").
var placePrepositions = toSet(`in at to from into near outside inside across toward towards through
via around within throughout visit visited visiting visits reached arrived left leaving
entered flew returned travelled traveled of`)

// actorGovernors are verbs whose object is an actor ("accused Washington of",
// "asked Moscow to", "help Kabul integrate").
var actorGovernors = toSet(`accused accuse accuses accusing asked ask asks asking urged urge urges
urging help helped helps helping let lets allow allowed allows allowing warned warn warns
told tell tells blamed blame blames criticized criticised criticize criticise condemned
condemn pressed press pressing called persuade persuaded encouraged encourage invited
invite forced force pushed push thanked thank praised praise sanctioned sanction
supported support supports backed back backs lets`)

// auxiliaries after a capital make it the subject of a clause.
var auxiliaries = toSet(`is was has had have will would should must can could may might does
did says said wants wanted remains remained insists insisted seems appears
withheld held told sent made took gave kept led won lost struck began sought brought
bought fought thought met left spent built paid stood chose drew froze hit let put
set shut split spread threw understood went wrote`)

// nonVerbs end in -s or -ed but do not make a preceding capital a subject.
var nonVerbs = toSet(`news times this us as its was has his is bus gas series species
headquarters based`)

// actsAsActor decides whether a capital name is used as a metonym for its
// government: a possessive ("Moscow’s assistance"), the subject of a verb
// ("Moscow supports", "Washington withheld") or the object of verbs such as
// "accused" or "asked". After a place preposition ("visit to Kabul", "in
// Kabul") it stays a place.
func (r *resolver) actsAsActor(n Name) bool {
	prev := r.wordBefore(n.Start)
	if placePrepositions[prev] {
		return false
	}
	surface := r.text[n.Start:n.End]
	if stripPossessive(surface) != surface || hasPossessiveAfter(r.text, n.End) {
		return true
	}
	if actorGovernors[prev] {
		return true
	}
	next := r.wordAfter(n.End)
	if next == "" || next != strings.ToLower(next) {
		return false
	}
	if auxiliaries[next] {
		return true
	}
	return !nonVerbs[next] && len(next) > 3 && (strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") || strings.HasSuffix(next, "ed"))
}

func hasPossessiveAfter(text string, end int) bool {
	rest := text[end:]
	return strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s")
}

// wordBefore returns the lower-cased word token right before pos, or "" when
// punctuation intervenes.
func (r *resolver) wordBefore(pos int) string {
	for i := len(r.tokens) - 1; i >= 0; i-- {
		t := r.tokens[i]
		if t.End > pos {
			continue
		}
		if !isWordByte(t.Text[0]) {
			return ""
		}
		return strings.ToLower(t.Text)
	}
	return ""
}

// wordAfter returns the word token right after pos as written, or "" when
// punctuation intervenes.
func (r *resolver) wordAfter(pos int) string {
	for _, t := range r.tokens {
		if t.Start < pos {
			continue
		}
		if !isWordByte(t.Text[0]) {
			return ""
		}
		return t.Text
	}
	return ""
}
