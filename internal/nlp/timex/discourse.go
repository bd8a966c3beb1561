package timex

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Some values depend on what the article is about, not on the sentence:
// in an earnings report "a year ago" is the year-ago quarter (net rose
// "from $58 million a year earlier" compares two quarters), so its value
// is that quarter, not the year.

var yearBack = regexp.MustCompile(`^(?:(?:a|one) year (?:ago|earlier)|year-(?:earlier|ago))$`)

// quarterValue matches a quarter value ("1989-Q3") and captures year and
// quarter.
var quarterValuePattern = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)

// resolveDiscourse rewrites values that depend on the reporting period of
// the text before them. ts is in text order.
func resolveDiscourse(text string, ts []news.Timex, anchor Anchor) {
	if !anchor.Known {
		return
	}
	lastQuarter := "" // the latest quarter value seen so far
	for i := range ts {
		t := &ts[i]
		if quarterValuePattern.MatchString(t.Value) {
			lastQuarter = t.Value
			continue
		}
		own := strings.Join(strings.Fields(strings.ToLower(text[t.Start:t.End])), " ")
		if t.Type != Date || !yearBack.MatchString(own) {
			continue
		}
		ref := lastQuarter
		if ref == "" {
			if !strings.Contains(asciiLower(text[:t.Start]), "quarter") {
				continue
			}
			ref, _ = shiftValue(anchor.Time, "Q", -1)
		}
		sub := quarterValuePattern.FindStringSubmatch(ref)
		y, _ := strconv.Atoi(sub[1])
		t.Value = quarterValue(y-1, int(sub[2][0]-'0'))
	}
}
