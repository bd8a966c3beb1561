package timex

// hit is a match of rules[rule] at loc (submatch indexes into the text)
// that may be a timex: where the rules match does not depend on the
// anchor, only what the normalisers make of it.
type hit struct {
	loc  []int
	rule int
}

// scanHits runs the rules in the windows around trigger words.
func scanHits(text string) []hit {
	lower := asciiLower(text)
	var hits []hit
	for _, w := range triggerWindows(text) {
		hits = appendHits(hits, text, lower, w[0], w[1])
	}
	return hits
}

// appendHits runs every rule over lower[from:to], keeping offsets into
// the whole text so normalisers can look at the original and its
// context. A rule with necessary literals runs only in the parts of the
// window near their occurrences (see prefilter.go).
func appendHits(hits []hit, text, lower string, from, to int) []hit {
	lits := literalIndex{lower: lower, from: from, to: to}
	runs := newRunLengths(lower[from:to])
	var spans [][2]int
	var locs [][]int
	for i, r := range rules {
		limit := ruleScanners[i].maxLen(runs)
		spans = lits.spans(spans[:0], ruleNeedIDs[i], limit)
		for _, span := range spans {
			locs = ruleScanners[i].appendAllWithin(locs[:0], lower, span[0], span[1], limit)
			hits = appendMatches(hits, text, locs, i, r)
		}
	}
	return hits
}

// appendMatches adds the matches locs of rule r that may be timexes.
func appendMatches(hits []hit, text string, locs [][]int, i int, r rule) []hit {
	for _, loc := range locs {
		if brk := paragraphBreak(text[loc[0]:loc[1]]); brk >= 0 {
			// A timex never runs on past a blank line ("Saturday, 26
			// February" above a "1600 GMT" kick-off line).
			if loc = matchWithin(text, r.re, loc[0], loc[0]+brk); loc == nil {
				continue
			}
		}
		if !wordEdges(text, loc[0], loc[1]) {
			if loc = shorterMatch(text, r.re, loc); loc == nil {
				continue
			}
		}
		if falseHit(text, loc[0], loc[1]) {
			continue
		}
		hits = append(hits, hit{loc, i})
	}
	return hits
}
