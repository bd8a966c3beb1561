package timex

import (
	"regexp/syntax"
	"slices"
	"sync"
)

// The first two bytes still let through most word starts near a rule's
// literals ("the year", "said the", "decision" for a month-day-year
// rule), and each costs a full run of the rule, several microseconds on
// the large ones. A prefix automaton reads the first prefixDepth bytes
// the way the rule's program would, as a small DFA over ASCII bytes, and
// turns away the places where every thread dies. It treats zero-width
// tests as passing and gives up (lets the place through) on a non-ASCII
// byte, so it only turns away places where the rule cannot match.

// prefixDepth is how many bytes of a match the automaton reads.
const prefixDepth = 8

// maxPrefixStates bounds an automaton; the states it does not build let
// every place through.
const maxPrefixStates = 4096

// Transition targets besides states.
const (
	prefixDead   = -1 // no match can begin here
	prefixAccept = -2 // a match can begin here, as far as the automaton knows
)

// prefixDFA is the automaton of one program, built on first use.
type prefixDFA struct {
	prog *syntax.Prog
	once sync.Once
	// next[s*128+b] is the state after ASCII byte b in state s.
	next  []int16
	start int16
}

func newPrefixDFA(re *syntax.Regexp) *prefixDFA {
	prog, err := syntax.Compile(re)
	if err != nil {
		return nil
	}
	return &prefixDFA{prog: prog}
}

// mayStart reports whether a match can begin at s[0], s being all of the
// text the match may use.
func (d *prefixDFA) mayStart(s string) bool {
	d.once.Do(d.build)
	st := d.start
	for i := 0; i < prefixDepth; i++ {
		switch st {
		case prefixDead:
			return false
		case prefixAccept:
			return true
		}
		if i == len(s) {
			return false
		}
		b := s[i]
		if b >= 0x80 {
			return true
		}
		st = d.next[int(st)*128+int(b)]
	}
	return st != prefixDead
}

// build makes the states reachable from the start in fewer than
// prefixDepth bytes, breadth first, and their transitions.
func (d *prefixDFA) build() {
	ids := map[string]int16{}
	var sets [][]uint32
	// state returns the id of the state whose threads are the closure of
	// pcs, or prefixAccept when it can end a match or is past the limit.
	seen := map[uint32]bool{}
	state := func(pcs []uint32) int16 {
		if len(pcs) == 0 {
			return prefixDead
		}
		clear(seen)
		cl := d.closure(pcs, seen)
		if cl == nil {
			return prefixAccept
		}
		if len(cl) == 0 {
			return prefixDead
		}
		k := pcKey(cl)
		if id, ok := ids[k]; ok {
			return id
		}
		if len(sets) >= maxPrefixStates {
			return prefixAccept
		}
		id := int16(len(sets))
		ids[k] = id
		sets = append(sets, cl)
		return id
	}
	d.start = state([]uint32{uint32(d.prog.Start)})
	level := []int16{}
	if d.start >= 0 {
		level = append(level, d.start)
	}
	var outs []uint32
	for depth := 0; depth < prefixDepth && len(level) > 0; depth++ {
		var nextLevel []int16
		for _, s := range level {
			for len(d.next) < (int(s)+1)*128 {
				d.next = append(d.next, prefixAccept)
			}
			for b := range rune(128) {
				outs = outs[:0]
				for _, pc := range sets[s] {
					if inst := &d.prog.Inst[pc]; consumes(inst, b) {
						outs = append(outs, inst.Out)
					}
				}
				before := len(sets)
				t := state(outs)
				d.next[int(s)*128+int(b)] = t
				if len(sets) > before {
					nextLevel = append(nextLevel, t)
				}
			}
		}
		level = nextLevel
	}
	// States first reached at the last depth are never left: their
	// bytes are past what the automaton reads.
	for len(d.next) < len(sets)*128 {
		d.next = append(d.next, prefixAccept)
	}
}

// closure follows the empty transitions from pcs and returns the
// byte-consuming instructions reached, sorted; nil when a match can end
// there. seen is scratch, empty on entry.
func (d *prefixDFA) closure(pcs []uint32, seen map[uint32]bool) []uint32 {
	out := []uint32{}
	stack := slices.Clone(pcs)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstMatch:
			return nil
		case syntax.InstFail:
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Out, inst.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			stack = append(stack, inst.Out)
		default:
			out = append(out, pc)
		}
	}
	slices.Sort(out)
	return out
}

// consumes reports whether the byte-consuming instruction inst matches
// the ASCII byte b.
func consumes(inst *syntax.Inst, b rune) bool {
	switch inst.Op {
	case syntax.InstRune:
		return inst.MatchRune(b)
	case syntax.InstRune1:
		return b == inst.Rune[0]
	case syntax.InstRuneAnyNotNL:
		return b != '\n'
	}
	return true // InstRuneAny
}

func pcKey(pcs []uint32) string {
	b := make([]byte, 0, 4*len(pcs))
	for _, pc := range pcs {
		b = append(b, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	return string(b)
}
