package timex

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A rule can only match text that contains one of its necessary literals:
// the word "monday" for a weekday rule, a digit for a year rule. Checking
// that with strings.Contains before running the regular expression skips
// most rules in most windows without changing what is found.

// necessary returns literals of which every match of the pattern contains
// at least one, or nil when no such set is known (the rule always runs).
func necessary(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, ok := required(re.Simplify())
	if !ok {
		return nil
	}
	return lits
}

// required computes a necessary literal set for re; ok=false means "none".
func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		return classLiterals(re.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			lits, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, lits...)
		}
		return all, true
	case syntax.OpConcat:
		return bestOfConcat(re.Sub)
	}
	return nil, false
}

// bestOfConcat picks the most selective requirement among the parts of a
// concatenation (each part is required), joining adjacent plain literals
// into longer ones first.
func bestOfConcat(subs []*syntax.Regexp) ([]string, bool) {
	var best []string
	bestScore := -1
	consider := func(lits []string) {
		score := 0
		for _, l := range lits {
			score += 1
			if utf8.RuneCountInString(l) <= 2 {
				score += 4
			}
		}
		if bestScore < 0 || score < bestScore {
			best, bestScore = lits, score
		}
	}
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			consider([]string{run.String()})
			run.Reset()
		}
	}
	for _, sub := range subs {
		if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
			run.WriteString(string(sub.Rune))
			continue
		}
		flush()
		if lits, ok := required(sub); ok {
			consider(lits)
		}
	}
	flush()
	return best, bestScore >= 0
}

// classLiterals turns a small character class into its characters; larger
// classes (\s, \w) are no help.
func classLiterals(ranges []rune) ([]string, bool) {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	if n == 0 || n > 10 {
		return nil, false
	}
	var lits []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			lits = append(lits, string(r))
		}
	}
	return lits, true
}

// mayMatch reports whether window contains one of the literals (always
// true for a rule without a known set).
func mayMatch(window string, lits []string) bool {
	if lits == nil {
		return true
	}
	for _, l := range lits {
		if strings.Contains(window, l) {
			return true
		}
	}
	return false
}
