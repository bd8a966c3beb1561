package timex

import (
	"regexp/syntax"
	"slices"
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
// concatenation (each part is required), joining adjacent parts that
// match few fixed strings into longer ones first ("'" \d "0" into "'00",
// "'10", ...).
func bestOfConcat(subs []*syntax.Regexp) ([]string, bool) {
	var best []string
	bestScore, bestShortest := -1, 0
	consider := func(lits []string) {
		score, shortest := 0, -1
		for _, l := range lits {
			// Rough frequency in English text: a single character (a
			// space, a digit) is almost everywhere, a pair common, and
			// the longer a literal the rarer ("the" is in every line).
			n := utf8.RuneCountInString(l)
			switch {
			case n == 0:
				return // the empty string is everywhere
			case n == 1:
				score += 100
			case n == 2:
				score += 10
			case n == 3:
				score += 8
			case n == 4:
				score += 2
			default:
				score++
			}
			if shortest < 0 || n < shortest {
				shortest = n
			}
		}
		// Among equals the one whose literals are all longer.
		if bestScore < 0 || score < bestScore || score == bestScore && shortest > bestShortest {
			best, bestScore, bestShortest = lits, score, shortest
		}
	}
	var run []string
	flush := func() {
		if run != nil {
			consider(run)
			run = nil
		}
	}
	for _, sub := range subs {
		if set, ok := exactStrings(sub); ok {
			consider(set)
			if run != nil {
				if joined := product(run, set); joined != nil {
					run = joined
					continue
				}
				flush()
			}
			run = set
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

// maxExact bounds the strings exactStrings and product deal in.
const maxExact = 64

// exactStrings returns every string re matches when they are few, fixed
// and case-sensitive; ok=false otherwise.
func exactStrings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		return classLiterals(re.Rune)
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := exactStrings(sub)
			if !ok || len(all)+len(set) > maxExact {
				return nil, false
			}
			all = append(all, set...)
		}
		return all, true
	case syntax.OpConcat:
		all := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactStrings(sub)
			if !ok {
				return nil, false
			}
			if all = product(all, set); all == nil {
				return nil, false
			}
		}
		return all, true
	}
	return nil, false
}

// product returns every a followed by every b, or nil when there would
// be more than maxExact.
func product(as, bs []string) []string {
	if len(as)*len(bs) > maxExact {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out
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

// literalReach is how far a match may extend either side of the
// necessary literal it contains; it is the trigger window's reach, since
// a timex is no longer than that around its trigger.
const literalReach = windowReach

// literalIndex finds where the rules' literals occur in lower[from:to].
type literalIndex struct {
	lower    string
	from, to int
	// known[k] are the occurrences of ruleLiterals.list[k], found in one
	// pass over the window the first time any of them is asked for.
	known [][]int
	// Scratch of spans.
	starts  []int
	windows [][2]int
}

// literalTable is every rule's necessary literals, indexed by first byte
// (and which second bytes follow it) so that one pass over a window
// finds them all.
type literalTable struct {
	index   map[string]int
	list    []string
	byFirst [256][]int
	// second[b] holds the second bytes of the literals that begin with
	// b; single[b] says one of them is b alone.
	second [256]byteSet
	single [256]bool
}

var ruleLiterals = newLiteralTable(ruleNeeds)

// ruleNeedIDs[i] are ruleNeeds[i] as indexes into ruleLiterals.list.
var ruleNeedIDs = func() [][]int {
	ids := make([][]int, len(ruleNeeds))
	for i, lits := range ruleNeeds {
		ids[i] = ruleLiterals.ids(lits)
	}
	return ids
}()

func newLiteralTable(needs [][]string) *literalTable {
	t := &literalTable{index: map[string]int{}}
	for _, lits := range needs {
		for _, l := range lits {
			if _, ok := t.index[l]; ok || l == "" {
				continue
			}
			t.index[l] = len(t.list)
			t.byFirst[l[0]] = append(t.byFirst[l[0]], len(t.list))
			if len(l) == 1 {
				t.single[l[0]] = true
			} else {
				t.second[l[0]].add(l[1])
			}
			t.list = append(t.list, l)
		}
	}
	return t
}

// ids returns the indexes of lits in the table; nil (no filter) for nil
// lits or when one of them is empty, which occurs everywhere.
func (t *literalTable) ids(lits []string) []int {
	if lits == nil {
		return nil
	}
	out := make([]int, 0, len(lits))
	for _, l := range lits {
		k, ok := t.index[l]
		if !ok {
			return nil
		}
		out = append(out, k)
	}
	return out
}

// occurrences returns the offsets of literal k in the window.
func (x *literalIndex) occurrences(k int) []int {
	if x.known == nil {
		t := ruleLiterals
		x.known = make([][]int, len(t.list))
		for i := x.from; i < x.to; i++ {
			c := x.lower[i]
			if !t.single[c] && (i+1 == x.to || !t.second[c].has(x.lower[i+1])) {
				continue
			}
			for _, k := range t.byFirst[c] {
				if strings.HasPrefix(x.lower[i:x.to], t.list[k]) {
					x.known[k] = append(x.known[k], i)
				}
			}
		}
	}
	return x.known[k]
}

// spans appends to dst the merged sub-windows, at word boundaries, within
// literalReach of an occurrence of one of lits: every match of a rule
// lies inside one of them. Without literals the whole window is the span.
// When the rule's matches are at most maxLen bytes long (-1: unknown), a
// match holding a literal at q starts no earlier than q+len-maxLen and
// ends by q+maxLen, which narrows the sub-window to that (and one byte
// more, for a \b at the end).
func (x *literalIndex) spans(dst [][2]int, lits []int, maxLen int) [][2]int {
	if lits == nil {
		return append(dst, [2]int{x.from, x.to})
	}
	starts := x.starts[:0]
	for _, k := range lits {
		n := len(ruleLiterals.list[k])
		for _, at := range x.occurrences(k) {
			starts = append(starts, at, at+n)
		}
	}
	x.starts = starts
	if len(starts) == 0 {
		return dst
	}
	// The sub-window of each occurrence, sorted by start.
	windows := x.windows[:0]
	for i := 0; i < len(starts); i += 2 {
		before, after := literalReach, literalReach
		if maxLen >= 0 {
			rest := max(0, maxLen-(starts[i+1]-starts[i]))
			before, after = min(before, rest), min(after, rest+1)
		}
		from, to := max(x.from, starts[i]-before), min(x.to, starts[i+1]+after)
		for from > x.from && isAlnum(x.lower[from-1]) {
			from--
		}
		for to < x.to && isAlnum(x.lower[to]) {
			to++
		}
		windows = append(windows, [2]int{from, to})
	}
	x.windows = windows
	slices.SortFunc(windows, func(a, b [2]int) int { return a[0] - b[0] })
	for _, w := range windows {
		if n := len(dst); n > 0 && w[0] <= dst[n-1][1] {
			dst[n-1][1] = max(dst[n-1][1], w[1])
		} else {
			dst = append(dst, w)
		}
	}
	return dst
}
