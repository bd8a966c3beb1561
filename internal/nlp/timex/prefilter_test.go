package timex

import (
	"slices"
	"testing"
)

func TestNecessary(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`\bmonday|tuesday`, []string{"monday", "tuesday"}},
		{`\b(?:last\s+)?(?P<wd>monday|friday)`, []string{"monday", "friday"}},
		{`\b(?:the\s+)?(?P<dec>1[5-9]\d|20\d)0'?s\b`, []string{"0"}},
		{`\b(?:a|b)?\s*`, nil},
		{`\bnow`, []string{"now"}},
		{`\byear[- ]end`, []string{"year end", "year-end"}},
		{`\bthe\s+(?P<decw>twenties|thirties)`, []string{"twenties", "thirties"}},
		{`'(?P<dd>[12])0s`, []string{"'10s", "'20s"}},
	}
	for _, tt := range tests {
		if got := necessary(tt.pattern); !slices.Equal(got, tt.want) {
			t.Errorf("necessary(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// TestPrefilterKeepsEveryRuleMatch checks on varied text that a rule
// never matches a window its necessary literals say it cannot.
func TestPrefilterKeepsEveryRuleMatch(t *testing.T) {
	texts := []string{
		"On Monday, the minister said the 1990s were hard; in the early '80s and on Nov. 26, 2024 at 3:30 p.m. things changed.",
		"Every week since last spring, two decades ago, the third quarter of fiscal 2003 and the year-earlier period, now and currently.",
		"Christmas Eve 2019, the 21st century, 11/26/2024, 2024-11-26T15:34, three days, the past three months, weekly.",
	}
	for _, text := range texts {
		lower := asciiLower(text)
		for i, r := range rules {
			if r.re.MatchString(lower) && !mayMatch(lower, ruleNeeds[i]) {
				t.Errorf("rule %d %q matches %q but its literals %q are absent", i, r.re, text, ruleNeeds[i])
			}
		}
	}
}

// TestSpansKeepEveryMatch checks that running a rule only near its
// literals finds exactly what running it over the whole window finds.
func TestSpansKeepEveryMatch(t *testing.T) {
	texts := []string{
		benchArticle,
		"Net rose to $87 million from $58 million a year earlier; the 1988 quarter and the year-ago period, decided in Dec. 1989.",
		"Every week since last spring, two decades ago, the third quarter of fiscal 2003 and the year-earlier period, now and currently.",
		"Christmas Eve 2019, the 21st century, 11/26/2024, 2024-11-26T15:34, three days, the past three months, weekly.",
	}
	for _, text := range texts {
		lower := asciiLower(text)
		for _, w := range triggerWindows(text) {
			x := literalIndex{lower: lower, from: w[0], to: w[1]}
			runs := newRunLengths(lower[w[0]:w[1]])
			for i, r := range rules {
				var whole [][]int
				for _, loc := range r.re.FindAllStringIndex(lower[w[0]:w[1]], -1) {
					whole = append(whole, []int{loc[0] + w[0], loc[1] + w[0]})
				}
				// With and without the bound on match length.
				for _, maxLen := range []int{-1, ruleScanners[i].maxLen(runs)} {
					var near [][]int
					for _, span := range x.spans(nil, ruleNeedIDs[i], maxLen) {
						for _, loc := range r.re.FindAllStringIndex(lower[span[0]:span[1]], -1) {
							near = append(near, []int{loc[0] + span[0], loc[1] + span[0]})
						}
					}
					if !slices.EqualFunc(whole, near, slices.Equal) {
						t.Errorf("rule %d (max length %d) in %q: whole window %v, near literals %v", i, maxLen, text[w[0]:w[1]], whole, near)
					}
				}
			}
		}
	}
}
