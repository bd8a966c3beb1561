package timex

import (
	"regexp"
	"regexp/syntax"
	"testing"
)

// TestPrefixNeverTurnsAwayAMatch checks the prefix automaton on every
// start of the scanner texts: wherever the pattern matches, it lets the
// place through.
func TestPrefixNeverTurnsAwayAMatch(t *testing.T) {
	patterns := []string{
		`(?i)kelvin|stop`, `\bthe\s+\b(?:year|day)\b`, `a.b|a\nb`, `(?s)x.y`, `caf\x{e9}s?`, `\d{2,}\s*(?:am|pm)?`,
		`(?:ab|)*c`, `(?:x?){3}y`, `$|z`,
	}
	for _, r := range rules {
		patterns = append(patterns, r.re.String())
	}
	texts := append([]string{"\u212aelvin STOP ab\nc a\nb x\ny caf\u00e9 12 pm ababc xxy z"}, scannerTexts...)
	for _, p := range patterns {
		parsed, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		d := newPrefixDFA(parsed.Simplify())
		anchored := regexp.MustCompile(`^(?:` + p + `)`)
		for _, text := range texts {
			lower := asciiLower(text)
			for i := range len(lower) + 1 {
				if anchored.MatchString(lower[i:]) && !d.mayStart(lower[i:]) {
					t.Errorf("%q matches at %q, but the prefix automaton turns it away", p, lower[i:])
				}
			}
		}
	}
}

// TestPrefixTurnsAwayNonStarts checks the automaton reads past the first
// two bytes.
func TestPrefixTurnsAwayNonStarts(t *testing.T) {
	parsed, _ := syntax.Parse(`\b(?:monday|march)\s+\d`, syntax.Perl)
	d := newPrefixDFA(parsed.Simplify())
	for s, want := range map[string]bool{"monday 5": true, "march\t1": true, "mondays": false, "marching": false, "mon": false} {
		if got := d.mayStart(s); got != want {
			t.Errorf("mayStart(%q) = %v, want %v", s, got, want)
		}
	}
}
