package timex

import (
	"regexp"
	"strings"
)

// rule is a pattern and the normaliser that turns its matches into a
// TIMEX3 type and value; ok=false rejects the match.
type rule struct {
	re   *regexp.Regexp
	norm func(m *match) (typ, value string, ok bool)
}

// ruleNeeds[i] are the necessary literals of rules[i] (see prefilter.go).
var ruleNeeds = func() [][]string {
	needs := make([][]string, len(rules))
	for i, r := range rules {
		needs[i] = necessary(r.re.String())
	}
	return needs
}()

// ruleScanners[i] runs rules[i] (see scan.go).
var ruleScanners = func() []*scanner {
	scanners := make([]*scanner, len(rules))
	for i, r := range rules {
		scanners[i] = newScanner(r.re)
	}
	return scanners
}()

var fragments = strings.NewReplacer(
	"{month}", monthPattern,
	"{day}", dayPattern,
	"{year}", yearPattern,
	"{wd}", wdPattern,
	"{num}", numPattern,
	"{num2}", strings.Replace(numPattern, "(?P<num>", "(?:", 1),
	"{unit}", unitPattern,
	"{ord}", ordPattern,
	"{season}", seasonWords,
	"{part}", partPattern,
	"{holiday}", holidayPattern,
)

// compile expands the {fragment} placeholders and anchors the pattern at
// a word start. Patterns are written in lower case: they run over an
// ASCII-lower-cased copy of the text (case folding inside the regexp
// engine is several times slower), and normalisers that care about
// capitals read the original.
func compile(pattern string) *regexp.Regexp {
	p := fragments.Replace(pattern)
	if !strings.HasPrefix(pattern, "'") {
		p = `\b` + p
	}
	return regexp.MustCompile(p)
}

// rules is the whole grammar. Order only breaks ties between readings of
// the same span; the longest reading wins.
var rules = concatRules(dateRules(), relativeRules(), durationRules(), clockRules())

func concatRules(groups ...[]rule) []rule {
	var all []rule
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

func fixed(typ, value string) func(*match) (string, string, bool) {
	return func(*match) (string, string, bool) { return typ, value, true }
}
