package resolve

import "regexp"

// partyTag finds the party-and-state tag US outlets put after a
// legislator's name: "Sen. John Cornyn, R-Texas, said", "Sen. Richard
// Blumenthal (D-Conn.)", "Lindsey Graham, R-S.C.". Group 1 is the tag. The
// delimiters on both sides keep hyphenated words and model numbers out.
//
// The New York Times' style writes it out: "Mikie Sherrill, Democrat of New
// Jersey, said", "a Republican of Ohio"; the tagger reads "Democrat of New
// Jersey" as an organisation, so it is dropped too (the place alone, after
// "of", is left to the tagger).
var partyTag = regexp.MustCompile(`(?:[,(]\s?)([DRI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*|(?:an? )?(?:Democrat|Republican|Independent) of)(?:[,)]|\s|$)`)

// dropPartyTags removes the names a tagger finds inside party tags: "R-Texas"
// is not a place nor "D-Conn" an organisation, and a quote attributed to
// "Sen. John Cornyn, R-Texas," belongs to Cornyn. The tags are filtered by
// position (not by token), so "R-S" and "C." of a split "R-S.C." go too.
func dropPartyTags(text string, names []Name) []Name {
	tags := partyTag.FindAllStringSubmatchIndex(text, -1)
	if len(tags) == 0 {
		return names
	}
	out := names[:0:0]
	for _, n := range names {
		inTag := false
		for _, m := range tags {
			if n.Start < m[3] && m[2] < n.End {
				inTag = true
				break
			}
		}
		if !inTag {
			out = append(out, n)
		}
	}
	return out
}
