package timex

import (
	"regexp"
	"regexp/syntax"
)

// Go's regexp has no fast skip to where a match can begin unless the
// pattern starts with a fixed literal, and no rule does: each tries every
// byte of its span, most of the matching cost. A scanner knows the first
// two bytes a match can begin with, at a word start when the rule begins
// with \b, and runs the rule anchored at those places only. It reports
// exactly the matches FindAllStringSubmatchIndex would (see scan_test.go).

// scanner runs one rule's pattern over parts of the text.
type scanner struct {
	re       *regexp.Regexp
	anchored *regexp.Regexp // re, matched only at the start of its input
	// A match begins with a byte in first, and either is that one byte
	// (single) or goes on with a byte in pairs[first byte].
	first, single byteSet
	pairs         [256]byteSet
	// wordStart is set when the pattern begins with \b: a match then
	// begins after a non-word byte.
	wordStart bool
	fast      bool // false: the pattern is not of a form the scanner handles
	// bound limits how long a match can be (see scanbound.go).
	bound lengthBound
	// matchFirst: try a plain match before asking for submatches. Go
	// runs a large program on its NFA, where tracking submatches costs
	// about twice a plain match, and most tries fail.
	matchFirst bool
	// prefix turns away places where no match can begin (see
	// scanprefix.go).
	prefix *prefixDFA
}

// backtrackLimit is the program size up to which Go's regexp uses its
// backtracker (regexp's maxBacktrackProg).
const backtrackLimit = 500

func newScanner(re *regexp.Regexp) *scanner {
	s := &scanner{re: re}
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return s
	}
	parsed = parsed.Simplify()
	rest := []*syntax.Regexp{parsed}
	if parsed.Op == syntax.OpConcat && parsed.Sub[0].Op == syntax.OpWordBoundary {
		s.wordStart, rest = true, parsed.Sub[1:]
	}
	st := startsOf(parsed)
	if st.nullable || st.anyPair || testsStart(rest) {
		// A pattern that can match empty text, or that looks at the
		// text before its start (other than a leading \b), is run the
		// ordinary way.
		return s
	}
	for b := range 256 {
		if st.first.has(byte(b)) && (b >= 0x80 || s.wordStart && !regexWordByte(byte(b))) {
			// A non-ASCII first byte may sit inside a rune; a boundary
			// before a non-word byte depends on the byte before it.
			return s
		}
	}
	s.first, s.single = st.first, st.single
	for b0, set := range st.pairs {
		s.pairs[b0] = set
	}
	s.anchored = regexp.MustCompile(`^(?:` + re.String() + `)`)
	s.bound = boundOf(parsed)
	s.prefix = newPrefixDFA(parsed)
	if prog, err := syntax.Compile(parsed); err == nil {
		s.matchFirst = len(prog.Inst) > backtrackLimit
	}
	s.fast = true
	return s
}

// appendAll appends the submatch indexes, as offsets into lower, of the
// successive non-overlapping matches of the pattern in lower[from:to].
func (s *scanner) appendAll(dst [][]int, lower string, from, to int) [][]int {
	return s.appendAllWithin(dst, lower, from, to, s.maxLen(newRunLengths(lower[from:to])))
}

// appendAllWithin is appendAll given limit, maxLen of a stretch of text
// that holds lower[from:to].
func (s *scanner) appendAllWithin(dst [][]int, lower string, from, to int, limit int) [][]int {
	if !s.fast {
		for _, loc := range s.re.FindAllStringSubmatchIndex(lower[from:to], -1) {
			dst = append(dst, shift(loc, from))
		}
		return dst
	}
	// A match is at most limit bytes long; the input runs one byte past
	// that so a \b at the end of a match still sees the byte it tests.
	for p := from; p < to; p++ {
		b := lower[p]
		if !s.first.has(b) || s.wordStart && p > from && regexWordByte(lower[p-1]) {
			continue
		}
		if !s.single.has(b) && (p+1 == to || !s.pairs[b].has(lower[p+1])) {
			continue
		}
		end := to
		if limit >= 0 {
			end = min(to, p+limit+1)
		}
		if s.prefix != nil && !s.prefix.mayStart(lower[p:end]) {
			continue
		}
		if s.matchFirst && !s.anchored.MatchString(lower[p:end]) {
			continue
		}
		loc := s.anchored.FindStringSubmatchIndex(lower[p:end])
		if loc == nil {
			continue
		}
		dst = append(dst, shift(loc, p))
		p = loc[1] - 1 // matches are never empty, so this moves on
	}
	return dst
}

// maxLen bounds the length of the scanner's matches in the text measured
// by runs; -1 when no bound is known or the scanner is not fast.
func (s *scanner) maxLen(runs *runLengths) int {
	if !s.fast {
		return -1
	}
	return s.bound.limit(runs)
}

// shift adds offset to the indexes of groups that took part.
func shift(loc []int, offset int) []int {
	for k := range loc {
		if loc[k] >= 0 {
			loc[k] += offset
		}
	}
	return loc
}

// regexWordByte reports whether b is a word byte for \b: ASCII letters,
// digits and the underscore.
func regexWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// testsStart reports whether the concatenation subs may test the text
// around its start (a zero-width assertion before the first byte it
// consumes), or holds there an operator testsStart does not know.
func testsStart(subs []*syntax.Regexp) bool {
	for _, sub := range subs {
		tests, nullable := startTests(sub)
		if tests {
			return true
		}
		if !nullable {
			return false
		}
	}
	return false
}

func startTests(re *syntax.Regexp) (tests, nullable bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return false, true
	case syntax.OpLiteral:
		return false, len(re.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false, false
	case syntax.OpCapture, syntax.OpPlus:
		return startTests(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		tests, _ := startTests(re.Sub[0])
		return tests, true
	case syntax.OpRepeat:
		tests, nullable := startTests(re.Sub[0])
		return tests, nullable || re.Min == 0
	case syntax.OpConcat:
		return testsStart(re.Sub), startsOf(re).nullable
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			t, n := startTests(sub)
			tests, nullable = tests || t, nullable || n
		}
		return tests, nullable
	}
	return true, true
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) union(o *byteSet) {
	s[0], s[1], s[2], s[3] = s[0]|o[0], s[1]|o[1], s[2]|o[2], s[3]|o[3]
}
func (s *byteSet) addAll() { s[0], s[1], s[2], s[3] = ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0) }
func (s *byteSet) addRange(lo, hi byte) {
	for b := int(lo); b <= int(hi); b++ {
		s.add(byte(b))
	}
}

// starts over-approximates how the matches of a pattern begin: the first
// byte (first), the first two bytes (pairs[b0] holds b1; every pair when
// anyPair) and the bytes that can be a whole match (single), and whether
// it matches empty text.
type starts struct {
	first, single byteSet
	pairs         map[byte]byteSet
	anyPair       bool
	nullable      bool
}

func (a *starts) addPairs(b0 byte, b1 *byteSet) {
	if a.pairs == nil {
		a.pairs = map[byte]byteSet{}
	}
	set := a.pairs[b0]
	set.union(b1)
	a.pairs[b0] = set
}

func (a *starts) unionPairs(b *starts) {
	a.anyPair = a.anyPair || b.anyPair
	for b0, set := range b.pairs {
		a.addPairs(b0, &set)
	}
}

// then makes a the starts of a followed by b.
func (a *starts) then(b *starts) {
	for c := range 256 {
		if a.single.has(byte(c)) {
			a.addPairs(byte(c), &b.first)
		}
	}
	if !b.nullable {
		a.single = byteSet{}
	}
	if a.nullable {
		a.first.union(&b.first)
		a.single.union(&b.single)
		a.unionPairs(b)
	}
	a.nullable = a.nullable && b.nullable
}

// or makes a the starts of a or b.
func (a *starts) or(b *starts) {
	a.first.union(&b.first)
	a.single.union(&b.single)
	a.unionPairs(b)
	a.nullable = a.nullable || b.nullable
}

// repeat makes a the starts of a repeated any number of times, at least
// once.
func (a *starts) repeat() {
	twice := &starts{first: a.first, single: a.single, anyPair: a.anyPair, nullable: a.nullable}
	twice.unionPairs(a)
	twice.then(a)
	a.or(twice)
}

func anything() *starts {
	s := &starts{nullable: true, anyPair: true}
	s.first.addAll()
	s.single.addAll()
	return s
}

// runeBytes adds the bytes a rune can begin with: itself, its other case
// under fold, and every non-ASCII byte for non-ASCII runes.
func runeBytes(set *byteSet, r rune, fold bool) {
	if r >= 0x80 || fold && (r == 'k' || r == 'K' || r == 's' || r == 'S') {
		// Non-ASCII runes, and the Kelvin sign and long s that fold to k
		// and s, begin with a byte of 0x80 or more.
		set.addRange(0x80, 0xff)
		if r >= 0x80 {
			return
		}
	}
	set.add(byte(r))
	if fold && r >= 'a' && r <= 'z' {
		set.add(byte(r - 'a' + 'A'))
	}
	if fold && r >= 'A' && r <= 'Z' {
		set.add(byte(r - 'A' + 'a'))
	}
}

// nonASCII adds to s what a non-ASCII rune can begin with.
func (a *starts) nonASCII() {
	a.first.addRange(0x80, 0xff)
	a.single.addRange(0x80, 0xff)
	var all byteSet
	all.addAll()
	for c := 0x80; c < 0x100; c++ {
		a.addPairs(byte(c), &all)
	}
}

// startsOf computes the starts of re. Zero-width tests count as empty:
// that only widens the sets.
func startsOf(re *syntax.Regexp) *starts {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return &starts{nullable: true}
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return &starts{nullable: true}
		}
		fold := re.Flags&syntax.FoldCase != 0
		s := &starts{}
		if re.Rune[0] >= 0x80 {
			s.nonASCII()
			return s
		}
		runeBytes(&s.first, re.Rune[0], fold)
		if len(re.Rune) == 1 {
			s.single = s.first
			return s
		}
		var second byteSet
		runeBytes(&second, re.Rune[1], fold)
		for c := range 256 {
			if s.first.has(byte(c)) {
				s.addPairs(byte(c), &second)
			}
		}
		return s
	case syntax.OpCharClass:
		s := &starts{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= 0x80 {
				s.nonASCII()
				hi = 0x7f
			}
			if lo <= hi {
				s.first.addRange(byte(lo), byte(hi))
				s.single.addRange(byte(lo), byte(hi))
			}
		}
		return s
	case syntax.OpCapture:
		return startsOf(re.Sub[0])
	case syntax.OpQuest:
		s := startsOf(re.Sub[0])
		s.nullable = true
		return s
	case syntax.OpStar:
		s := startsOf(re.Sub[0])
		s.repeat()
		s.nullable = true
		return s
	case syntax.OpPlus:
		s := startsOf(re.Sub[0])
		s.repeat()
		return s
	case syntax.OpRepeat:
		s := startsOf(re.Sub[0])
		if re.Max != 1 {
			s.repeat()
		}
		if re.Min == 0 {
			s.nullable = true
		}
		return s
	case syntax.OpConcat:
		s := &starts{nullable: true}
		for _, sub := range re.Sub {
			s.then(startsOf(sub))
			if !s.nullable && s.single == (byteSet{}) {
				// Nothing after two bytes changes how a match begins.
				break
			}
		}
		return s
	case syntax.OpAlternate:
		s := startsOf(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			s.or(startsOf(sub))
		}
		return s
	}
	return anything()
}
