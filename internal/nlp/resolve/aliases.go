package resolve

import (
	"slices"
	"strings"
)

// Articles name one person differently: "Trump" in one, "Donald Trump" in
// the next, "Dick Durbin" beside "Richard J. Durbin". Each article resolves
// its own names, so the IDs differ; the functions below decide across
// articles which person IDs and names are the same person.

// PersonTokens returns the canonical tokens of a person's name (folded,
// honorifics and possessive dropped, transliterations unified), the parts
// of its "per:" ID.
func PersonTokens(name string) []string { return canonTokens(name, true) }

// SamePerson says two person names, as PersonTokens, can name one person:
// the same surname, given names that agree (equal, an initial, or a common
// short form: "dick" and "richard"), and middle names that agree when both
// have them ("george w bush" is not "george h w bush"). A surname alone
// matches every name with that surname.
func SamePerson(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if len(a) == 1 || len(b) == 1 {
		return true
	}
	if !sameGivenName(a[0], b[0]) {
		return false
	}
	ma, mb := a[1:len(a)-1], b[1:len(b)-1]
	if len(ma) == 0 || len(mb) == 0 {
		return true
	}
	if len(ma) != len(mb) {
		return false
	}
	for i := range ma {
		if !sameGivenName(ma[i], mb[i]) {
			return false
		}
	}
	return true
}

// sameGivenName says two given-name tokens agree: equal, one the initial of
// the other, or short and long forms of one name.
func sameGivenName(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	fa, fb := shortForms[a], shortForms[b]
	return fa == b || fb == a || fa != "" && fa == fb
}

// shortForms maps common English short forms of given names to the full
// name.
var shortForms = map[string]string{
	"al": "albert", "alex": "alexander", "andy": "andrew", "ben": "benjamin", "bernie": "bernard",
	"beth": "elizabeth", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
	"chris": "christopher", "chuck": "charles", "charlie": "charles", "dan": "daniel", "danny": "daniel",
	"dave": "david", "dick": "richard", "don": "donald", "ed": "edward", "eddie": "edward",
	"fred": "frederick", "greg": "gregory", "jim": "james", "jimmy": "james", "joe": "joseph",
	"jon": "jonathan", "ken": "kenneth", "kate": "katherine", "kathy": "katherine", "larry": "lawrence",
	"liz": "elizabeth", "matt": "matthew", "mike": "michael", "mitch": "mitchell", "nick": "nicholas",
	"pat": "patrick", "pete": "peter", "rick": "richard", "rob": "robert", "ron": "ronald",
	"sam": "samuel", "steve": "steven", "sue": "susan", "ted": "edward", "tim": "timothy",
	"tom": "thomas", "tony": "anthony", "vlad": "vladimir", "will": "william",
}

// PersonAliases returns the person IDs among candidates that name the same
// person as id (id included, sorted): the full names that agree with it,
// and the bare surname ID only when every full name with that surname in
// candidates is one person, so that "per:clinton" joins neither
// "per:bill_clinton" nor "per:hillary_clinton" when both are known. A
// bare surname id gathers the full names the same way. IDs that are not
// person IDs have no aliases but themselves.
func PersonAliases(id string, candidates []string) []string {
	toks, ok := personIDTokens(id)
	if !ok {
		return []string{id}
	}
	var full [][]string
	var fullIDs []string
	bare := ""
	for _, c := range candidates {
		ct, ok := personIDTokens(c)
		if !ok || ct[len(ct)-1] != toks[len(toks)-1] {
			continue
		}
		if len(ct) == 1 {
			bare = c
			continue
		}
		full, fullIDs = append(full, ct), append(fullIDs, c)
	}
	out := []string{id}
	if len(toks) == 1 {
		if oneGroup(full) {
			out = append(out, fullIDs...)
		}
	} else {
		var same [][]string
		var sameIDs []string
		for i, ft := range full {
			// A name that also fits someone id does not fit is ambiguous:
			// "George Bush" beside George W. and George H. W. Bush.
			ambiguous := slices.ContainsFunc(full, func(o []string) bool { return SamePerson(ft, o) && !SamePerson(toks, o) })
			if SamePerson(toks, ft) && !ambiguous {
				same, sameIDs = append(same, ft), append(sameIDs, fullIDs[i])
			}
		}
		// "per:george_bush" agrees with George W. and George H. W. Bush,
		// who are two people: then it joins neither.
		if oneGroup(same) {
			out = append(out, sameIDs...)
		}
		if bare != "" && oneGroup(full) {
			out = append(out, bare)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// oneGroup says the names all agree with each other.
func oneGroup(names [][]string) bool {
	for i := range names {
		for j := range i {
			if !SamePerson(names[i], names[j]) {
				return false
			}
		}
	}
	return true
}

// PersonSurname returns the surname token of a person ID
// ("per:donald_trump" -> "trump"); ok is false for other IDs.
func PersonSurname(id string) (string, bool) {
	toks, ok := personIDTokens(id)
	if !ok || toks[len(toks)-1] == "" {
		return "", false
	}
	return toks[len(toks)-1], true
}

// personIDTokens splits "per:donald_trump" into [donald trump].
func personIDTokens(id string) ([]string, bool) {
	rest, ok := strings.CutPrefix(id, prefixPER)
	if !ok || rest == "" || rest == "_" {
		return nil, false
	}
	return strings.Split(rest, "_"), true
}
