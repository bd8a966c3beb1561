package resolve

import "strings"

// roleNouns are singular nouns that head a person's title or function
// ("minister", "spokesman", "striker"). Both resolve (nominal mentions) and
// the roles package use them.
var roleNouns = toSet(`
minister premier president vice-president chancellor secretary undersecretary
advisor adviser counsellor counselor spokesman spokeswoman spokesperson
ambassador envoy diplomat consul official officer leader chief chairman
chairwoman chairperson chair ceo cfo coo cto founder co-founder director
executive manager head governor mayor senator congressman congresswoman
representative lawmaker legislator deputy mp mep speaker commissioner
general admiral colonel commander captain lieutenant major sergeant marshal
king queen prince princess emperor monarch sultan emir sheikh ayatollah
pope cardinal archbishop bishop imam rabbi cleric patriarch
judge justice prosecutor attorney lawyer magistrate sheriff detective inspector
superintendent constable
coach striker midfielder defender goalkeeper forward winger captain player
quarterback pitcher batsman bowler champion
economist analyst strategist trader investor banker
editor journalist reporter correspondent columnist
professor researcher scientist doctor surgeon
candidate nominee politician activist campaigner
mp governor-general treasurer comptroller auditor ombudsman registrar
owner partner president-elect chairman-elect
`)

// genericRoleNouns describe a person without naming a specific office, so a
// nominal mention headed by one ("the top security official") may refer to
// any person with a known title.
var genericRoleNouns = toSet(`official leader politician diplomat officer figure
executive envoy lawmaker legislator`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsRoleNoun reports whether word (any case, diacritics allowed) is a
// singular noun that heads a person's title.
func IsRoleNoun(word string) bool {
	return roleNouns[Fold(word)]
}

// IsGenericRoleNoun reports whether word is a role noun that does not name a
// specific office ("official", "leader").
func IsGenericRoleNoun(word string) bool {
	return genericRoleNouns[Fold(word)]
}
