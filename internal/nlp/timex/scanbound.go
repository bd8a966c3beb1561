package timex

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// An anchored match is tried at many places, and Go's backtracker pays
// for the length of the input it is given, not of the match: it clears a
// visited set of (pattern size x input length) bits each time. A rule's
// matches are short, and how long they can be is known from the pattern
// and the text: a fixed part, plus runs like \s+ that can be no longer
// than the longest run of such bytes in the text. Cutting the input just
// past that bound leaves every possible match, and every test a match
// makes at its end (\b), exactly as they were.

// lengthBound is an upper bound on the byte length of a pattern's
// matches: fixed plus, for each term of perRun, k times the longest run
// in the text of bytes in its set.
type lengthBound struct {
	fixed  int
	perRun []runTerm // one per set; a slice, as there are only a few
	ok     bool      // false: no bound is known
}

type runTerm struct {
	set byteSet
	k   int
}

// boundOf computes a length bound for re.
func boundOf(re *syntax.Regexp) lengthBound {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return lengthBound{ok: true}
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				n += utf8.UTFMax // a fold may be a longer rune ('k', the Kelvin sign)
			} else {
				n += utf8.RuneLen(r)
			}
		}
		return lengthBound{fixed: n, ok: true}
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return lengthBound{fixed: utf8.UTFMax, ok: true}
	case syntax.OpCapture:
		return boundOf(re.Sub[0])
	case syntax.OpQuest:
		return boundOf(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return runBound(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return runBound(re.Sub[0])
		}
		return boundOf(re.Sub[0]).times(re.Max)
	case syntax.OpConcat, syntax.OpAlternate:
		// An alternation takes one branch; adding the branches' runs
		// (and taking the longest fixed part) still bounds it.
		b := lengthBound{ok: true}
		for _, sub := range re.Sub {
			sb := boundOf(sub)
			if !sb.ok {
				return lengthBound{}
			}
			if re.Op == syntax.OpConcat {
				b.fixed += sb.fixed
			} else {
				b.fixed = max(b.fixed, sb.fixed)
			}
			b.addRuns(sb, 1)
		}
		return b
	}
	return lengthBound{}
}

// runBound bounds a repetition without limit of sub: every byte it
// consumes is one sub can consume, so its matches are runs of bytes in
// that set.
func runBound(sub *syntax.Regexp) lengthBound {
	var set byteSet
	consumable(sub, &set)
	return lengthBound{perRun: []runTerm{{set, 1}}, ok: true}
}

// consumable adds to set every byte a match of re can consume.
func consumable(re *syntax.Regexp, set *byteSet) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			runeBytes(set, r, re.Flags&syntax.FoldCase != 0)
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= 0x80 {
				set.addRange(0x80, 0xff)
				hi = 0x7f
			}
			if lo <= hi {
				set.addRange(byte(lo), byte(hi))
			}
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set.addAll()
	default:
		for _, sub := range re.Sub {
			consumable(sub, set)
		}
	}
}

func (b lengthBound) times(n int) lengthBound {
	if !b.ok {
		return b
	}
	out := lengthBound{fixed: b.fixed * n, ok: true}
	out.addRuns(b, n)
	return out
}

func (b *lengthBound) addRuns(o lengthBound, n int) {
	for _, t := range o.perRun {
		if i := slices.IndexFunc(b.perRun, func(u runTerm) bool { return u.set == t.set }); i >= 0 {
			b.perRun[i].k += t.k * n
		} else {
			b.perRun = append(b.perRun, runTerm{t.set, t.k * n})
		}
	}
}

// runLengths caches, for one stretch of text, the longest run of bytes
// in each byte set asked about.
type runLengths struct {
	text    string
	longest []runTerm // k is the longest run of set; few sets are asked about
}

func newRunLengths(text string) *runLengths { return &runLengths{text: text} }

func (r *runLengths) of(set *byteSet) int {
	for i := range r.longest {
		if r.longest[i].set == *set {
			return r.longest[i].k
		}
	}
	run, best := 0, 0
	for i := 0; i < len(r.text); i++ {
		if set.has(r.text[i]) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	r.longest = append(r.longest, runTerm{*set, best})
	return best
}

// limit is the bound for the text measured by runs, -1 when unknown.
func (b *lengthBound) limit(runs *runLengths) int {
	if !b.ok {
		return -1
	}
	n := b.fixed
	for i := range b.perRun {
		n += b.perRun[i].k * runs.of(&b.perRun[i].set)
	}
	return n
}
