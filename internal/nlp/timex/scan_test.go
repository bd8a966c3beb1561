package timex

import (
	"regexp"
	"slices"
	"testing"
)

var scannerTexts = []string{
	benchArticle,
	"Net rose to $87 million from $58 million a year earlier; the 1988 quarter and the year-ago period, decided in Dec. 1989.",
	"Every week since last spring, two decades ago, the third quarter of fiscal 2003 and the year-earlier period, now and currently.",
	"Christmas Eve 2019, the 21st century, 11/26/2024, 2024-11-26T15:34, three days, the past three months, weekly.",
	"in the '80s, mid'90s, x_Monday, _two years, 5 p.m. EST, nineteen ninety-six, the year two thousand, later that day.",
	// Long runs of spaces and words test the bound on match length.
	"the past           twenty-one                  years, twenty-five-year-old, the next ninety-nine  \n  months, Dec.     31,      1999",
	"\xff\xfe Nov. 31 Feb. 30 13/45/2024 99:99 caf\u00e9 Monday\u2019s \u00e9t\u00e9 1990s\u2014the next morning",
}

// checkScanner compares a scanner with FindAllStringSubmatchIndex on
// sub-ranges of text starting every step bytes.
func checkScanner(t *testing.T, re *regexp.Regexp, text string, step int) {
	t.Helper()
	s := newScanner(re)
	lower := asciiLower(text)
	for from := 0; from <= len(lower); from += step {
		for _, to := range []int{len(lower), (from + len(lower)) / 2} {
			if to < from {
				continue
			}
			var want [][]int
			for _, loc := range re.FindAllStringSubmatchIndex(lower[from:to], -1) {
				for k := range loc {
					if loc[k] >= 0 {
						loc[k] += from
					}
				}
				want = append(want, loc)
			}
			if got := s.appendAll(nil, lower, from, to); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%q over %q: scanner %v, FindAll %v", re, lower[from:to], got, want)
			}
		}
	}
}

// TestScannerMatchesFindAll checks that every rule's scanner finds what
// the rule's regular expression finds.
func TestScannerMatchesFindAll(t *testing.T) {
	for _, text := range scannerTexts {
		for _, r := range rules {
			checkScanner(t, r.re, text, 7)
		}
	}
}

func TestScannerPatterns(t *testing.T) {
	tests := []struct {
		pattern string
		fast    bool
	}{
		{`\b(?:last\s+)?(?P<wd>monday|friday)`, true},
		{`'(?P<dd>\d)0'?s\b`, true},
		{`\b(?:the\s+)?'\d0s`, false}, // a boundary before ' needs the byte before
		{`\bnow|then`, false},         // the boundary is on one branch only
		{`\b(?:a|b)?\s*`, false},      // matches empty text
		{`(?:^|\s)now`, false},
		{`\bcaf\x{e9}|\x{e9}t\x{e9}`, false},
	}
	for _, tt := range tests {
		re := regexp.MustCompile(tt.pattern)
		if got := newScanner(re).fast; got != tt.fast {
			t.Errorf("newScanner(%q).fast = %v, want %v", tt.pattern, got, tt.fast)
		}
		for _, text := range scannerTexts {
			checkScanner(t, re, text+" now then caf\u00e9 \u00e9t\u00e9 the '80s 'a ab", 1)
		}
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range scannerTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range rules {
			checkScanner(t, r.re, text, max(1, len(text)/3))
		}
	})
}

// TestBoundHoldsEveryMatch checks that no match of a rule is longer than
// the bound its scanner computes for the text.
func TestBoundHoldsEveryMatch(t *testing.T) {
	for _, text := range scannerTexts {
		lower := asciiLower(text)
		runs := newRunLengths(lower)
		for i, r := range rules {
			limit := ruleScanners[i].maxLen(runs)
			if ruleScanners[i].fast && limit < 0 {
				t.Errorf("rule %d has no length bound", i)
			}
			for _, loc := range r.re.FindAllStringIndex(lower, -1) {
				if limit >= 0 && loc[1]-loc[0] > limit {
					t.Errorf("rule %d: match %q is longer than its bound %d", i, lower[loc[0]:loc[1]], limit)
				}
			}
		}
	}
}
