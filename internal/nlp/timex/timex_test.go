package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func anchorAt(day string) Anchor {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	return Anchor{Time: t, Known: true}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name   string
		anchor string
		text   string
		want   []news.Timex // Start/End are checked through Text
	}{
		{"weekday in the past", "2024-11-27",
			"On Monday, Shoigu arrived in Kabul.",
			[]news.Timex{{Text: "Monday", Type: Date, Value: "2024-11-25"}}},
		{"weekday with month and day", "2024-11-27",
			"He met the acting minister on Tuesday, November 26.",
			[]news.Timex{{Text: "Tuesday, November 26", Type: Date, Value: "2024-11-26"}}},
		{"a count before a month-day date", "2016-09-28",
			"Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.",
			[]news.Timex{{Text: "Sept. 11", Type: Date, Value: "2016-09-11"}}},
		{"couple of without an article", "2024-11-27",
			"Prices will rise over the next couple of years.",
			[]news.Timex{{Text: "the next couple of years", Type: Duration, Value: "P2Y"}}},
		{"day before month", "2024-11-27",
			"The talks opened on 19 March in Doha.",
			[]news.Timex{{Text: "19 March", Type: Date, Value: "2024-03-19"}}},
		{"weekday in the future", "2024-11-27",
			"The delegation will return on Friday.",
			[]news.Timex{{Text: "Friday", Type: Date, Value: "2024-11-29"}}},
		{"weekday same day", "2024-11-27",
			"The talks ended Wednesday.",
			[]news.Timex{{Text: "Wednesday", Type: Date, Value: "2024-11-27"}}},
		{"year", "2024-11-27",
			"The treaty was signed in 2003.",
			[]news.Timex{{Text: "2003", Type: Date, Value: "2003"}}},
		{"decades as duration", "2024-11-27",
			"The war lasted two decades.",
			[]news.Timex{{Text: "two decades", Type: Duration, Value: "P20Y"}}},
		{"full dates", "2024-11-27",
			"Between November 26, 2024 and 26 Nov 2024 and 2024-11-26 and 11/26/2024.",
			[]news.Timex{
				{Text: "November 26, 2024", Type: Date, Value: "2024-11-26"},
				{Text: "26 Nov 2024", Type: Date, Value: "2024-11-26"},
				{Text: "2024-11-26", Type: Date, Value: "2024-11-26"},
				{Text: "11/26/2024", Type: Date, Value: "2024-11-26"},
			}},
		{"May alone after a preposition", "2024-11-27",
			"The talks are supposed to conclude by May.",
			[]news.Timex{{Text: "May", Type: Date, Value: "2025-05"}}},
		{"abbreviated month and day", "2024-11-27",
			"The vote was held Nov. 26.",
			[]news.Timex{{Text: "Nov. 26", Type: Date, Value: "2024-11-26"}}},
		{"month and year", "2024-11-27",
			"Prices rose in March 2022.",
			[]news.Timex{{Text: "March 2022", Type: Date, Value: "2022-03"}}},
		{"relative days", "2024-11-27",
			"Yesterday he said today is calm and tomorrow may not be.",
			[]news.Timex{
				{Text: "Yesterday", Type: Date, Value: "2024-11-26"},
				{Text: "today", Type: Date, Value: "2024-11-27"},
				{Text: "tomorrow", Type: Date, Value: "2024-11-28"},
			}},
		{"relative units", "2024-11-27",
			"Sales fell last week, rose last month and will grow next year.",
			[]news.Timex{
				{Text: "last week", Type: Date, Value: "2024-W47"},
				{Text: "last month", Type: Date, Value: "2024-10"},
				{Text: "next year", Type: Date, Value: "2025"},
			}},
		{"ago", "2024-11-27",
			"He left two years ago.",
			[]news.Timex{{Text: "two years ago", Type: Date, Value: "2022"}}},
		{"earlier this year", "2024-11-27",
			"It was agreed earlier this year.",
			[]news.Timex{{Text: "earlier this year", Type: Date, Value: "2024"}}},
		{"past months as duration", "2024-11-27",
			"Attacks rose over the past three months.",
			[]news.Timex{{Text: "the past three months", Type: Duration, Value: "P3M"}}},
		{"durations", "2024-11-27",
			"The siege took three days, then 2 1/2 years and more than four hours.",
			[]news.Timex{
				{Text: "three days", Type: Duration, Value: "P3D"},
				{Text: "2 1/2 years", Type: Duration, Value: "P2Y6M"},
				{Text: "more than four hours", Type: Duration, Value: "PT4H"},
			}},
		{"sets", "2024-11-27",
			"They meet every week and publish daily, at $5 million a year.",
			[]news.Timex{
				{Text: "every week", Type: Set, Value: "P1W"},
				{Text: "daily", Type: Set, Value: "P1D"},
				{Text: "a year", Type: Set, Value: "P1Y"},
			}},
		{"clock times", "2024-11-27",
			"The blast came at 3:30 p.m., the reply at 15:34.",
			[]news.Timex{
				{Text: "3:30 p.m.", Type: Time, Value: "2024-11-27T15:30"},
				{Text: "15:34", Type: Time, Value: "2024-11-27T15:34"},
			}},
		{"time with day", "2024-11-27",
			"Polls closed at 10 p.m. Tuesday.",
			[]news.Timex{{Text: "10 p.m. Tuesday", Type: Time, Value: "2024-11-26T22:00"}}},
		{"parts of day", "2024-11-27",
			"Talks began this morning and resumed Monday evening.",
			[]news.Timex{
				{Text: "this morning", Type: Time, Value: "2024-11-27TMO"},
				{Text: "Monday evening", Type: Time, Value: "2024-11-25TEV"},
			}},
		{"vague references", "2024-11-27",
			"The border is now open; it was recently closed and may close in the future.",
			[]news.Timex{
				{Text: "now", Type: Date, Value: "PRESENT_REF"},
				{Text: "recently", Type: Date, Value: "PAST_REF"},
				{Text: "the future", Type: Date, Value: "FUTURE_REF"},
			}},
		{"decade, season and quarter", "2024-11-27",
			"In the 1990s, this summer and the third quarter of 1998.",
			[]news.Timex{
				{Text: "the 1990s", Type: Date, Value: "199"},
				{Text: "this summer", Type: Date, Value: "2024-SU"},
				{Text: "the third quarter of 1998", Type: Date, Value: "1998-Q3"},
			}},
		{"late month", "2024-11-27",
			"The deal was struck in late September.",
			[]news.Timex{{Text: "late September", Type: Date, Value: "2024-09"}}},
		{"verbs and counts are not dates", "2024-11-27",
			"You may march with 2000 people, a 6-year-old among them.",
			nil},
		{"titles, ordinals and marches are not timexes", "2024-11-27",
			`He spoke on ABC's "This Week" and on "60 Minutes" about High Noon; a second group joined the March for Life.`,
			nil},
		{"capitals at a sentence start and counts of seconds stay", "2024-11-27",
			`Talks end today. "Next week we vote," he said. It took a second to fail.`,
			[]news.Timex{
				{Text: "today", Type: Date, Value: "2024-11-27"},
				{Text: "Next week", Type: Date, Value: "2024-W49"},
				{Text: "a second", Type: Duration, Value: "PT1S"},
			}},
		{"soon on its own points ahead, as soon as and a past soon do not", "2024-11-27",
			"They may soon seek charges. Leave as soon as you can. The cash soon became a flood.",
			[]news.Timex{{Text: "soon", Type: Date, Value: "FUTURE_REF"}}},
		{"the week of a day is that day's week", "2000-02-24",
			"Talks are set for the week of March 6.",
			[]news.Timex{{Text: "the week of March 6", Type: Date, Value: "2000-W10"}}},
		{"a clock takes the day named past its gloss", "1998-08-08",
			"The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
			[]news.Timex{
				{Text: "10:35 a.m.", Type: Time, Value: "1998-08-07T10:35"},
				{Text: "Friday", Type: Date, Value: "1998-08-07"},
			}},
		{"a clock takes the day of a gloss with the same reading", "2000-04-05",
			"The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.",
			[]news.Timex{
				{Text: "4 in the morning", Type: Time, Value: "2000-04-06T04:00"},
				{Text: "4 a.m. EDT Thursday", Type: Time, Value: "2000-04-06T04:00"},
			}},
		{"the last half and the final quarter of a year", "1989-10-27",
			"Sales fell in the last half of 1989 and in the final quarter of 1988.",
			[]news.Timex{
				{Text: "the last half of 1989", Type: Date, Value: "1989-H2"},
				{Text: "the final quarter of 1988", Type: Date, Value: "1988-Q4"},
			}},
		{"one day after a modal points ahead, one day before later is a duration", "1998-03-03",
			"Islam will one day be the second largest religion. One day later it fell.",
			[]news.Timex{
				{Text: "one day", Type: Date, Value: "FUTURE_REF"},
				{Text: "One day", Type: Duration, Value: "P1D"},
			}},
		{"a day joined to a date is a date of that month", "1999-02-10",
			"The summit is on April 24 and 25. Prices rose on May 3 and 4 percent in June.",
			[]news.Timex{
				{Text: "April 24", Type: Date, Value: "1999-04-24"},
				{Text: "25", Type: Date, Value: "1999-04-25"},
				{Text: "May 3", Type: Date, Value: "1999-05-03"},
				{Text: "June", Type: Date, Value: "1999-06"},
			}},
		{"a one-unit compound is a duration", "2000-04-03",
			"They left their third day-long meeting.",
			[]news.Timex{{Text: "day-long", Type: Duration, Value: "P1D"}}},
		{"the day before a date is the day next to it", "2000-02-24",
			"The day before last Tuesday's hearing, he went home. He left the day after Christmas.",
			[]news.Timex{
				{Text: "The day before last Tuesday", Type: Date, Value: "2000-02-21"},
				{Text: "the day after Christmas", Type: Date, Value: "1999-12-26"},
			}},
		{"an amount used as an adjective leaves its determiner out", "2000-06-01",
			"The 14-day period ends over the past three years. The third-quarter loss grew in the third quarter.",
			[]news.Timex{
				{Text: "14-day", Type: Duration, Value: "P14D"},
				{Text: "the past three years", Type: Duration, Value: "P3Y"},
				{Text: "third-quarter", Type: Date, Value: "1999-Q3"},
				{Text: "the third quarter", Type: Date, Value: "1999-Q3"},
			}},
		{"the past before a count of things, and a titled Future, are no times", "2005-03-16",
			"Brosnan led the past four Bond films at the Cinema of the Future. In the past, it was so.",
			[]news.Timex{{Text: "the past", Type: Date, Value: "PAST_REF"}}},
		{"a fraction or a compound is no amount of time", "2005-03-16",
			"Rates rose by a quarter percentage point. A quarter of viewers saw a quarter-final, a second-rate game.",
			nil},
		{"a speed is no set, a wage is", "2005-03-16",
			"It runs 15 million instructions per second at 60 miles an hour. He earns $10 an hour.",
			[]news.Timex{{Text: "an hour", Type: Set, Value: "PT1H"}}},
		{"a current account is no present", "2005-03-16",
			"The current account deficit widened.",
			nil},
		{"a race time is no clock", "2005-03-16",
			"She won the 800m in 2:04.45 at 7:40 p.m.",
			[]news.Timex{{Text: "7:40 p.m.", Type: Time, Value: "2005-03-16T19:40"}}},
		{"a timex stops at a blank line, and a zoned clock is no year", "2005-03-16",
			"France v Wales\nSaturday, 26 February\n\n1600 GMT, Stade de France",
			[]news.Timex{{Text: "Saturday, 26 February", Type: Date, Value: "2005-02-26"}}},
		{"the early hours of a day are a time of it, not an amount", "1999-10-08",
			"The FBI arrested him in the early hours of Thursday morning.",
			[]news.Timex{{Text: "Thursday morning", Type: Time, Value: "1999-10-07TMO"}}},
		{"a bare unit before later is a duration", "1989-10-26",
			"Days later he quit.",
			[]news.Timex{{Text: "Days", Type: Duration, Value: "PXD"}}},
		{"today's youth are of our times, today's editions of a day", "1998-02-13",
			"The case is for today's youth. Read it in today's editions.",
			[]news.Timex{{Text: "today", Type: Date, Value: "1998-02-13"}}},
		{"a reading cut short by a longer word is kept", "1998-02-13",
			"He went to a Monday nightclub.",
			[]news.Timex{{Text: "Monday", Type: Date, Value: "1998-02-09"}}},
		{"a weekday's parts in the plural recur", "1998-02-13",
			"He works Sunday mornings. Flights leave on Monday and Tuesday nights.",
			[]news.Timex{
				{Text: "Sunday mornings", Type: Set, Value: "XXXX-WXX-7TMO"},
				{Text: "Monday", Type: Set, Value: "XXXX-WXX-1TNI"},
				{Text: "Tuesday nights", Type: Set, Value: "XXXX-WXX-2TNI"},
			}},
		{"a quarter compound is no quarter", "1998-02-06",
			"The rate is just above its quarter-century low.",
			nil},
		{"Easter Island is a place", "1999-03-01",
			"They sailed to Easter Island.",
			nil},
		{"unknown anchor", "",
			"He arrived on Monday.",
			[]news.Timex{{Text: "Monday", Type: Date, Value: "XXXX-WXX-1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var anchor Anchor
			if tt.anchor != "" {
				anchor = anchorAt(tt.anchor)
			}
			got := Find(tt.text, anchor)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d timexes", tt.text, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value {
					t.Errorf("timex %d = %q %s %s, want %q %s %s", i, g.Text, g.Type, g.Value, w.Text, w.Type, w.Value)
				}
				if tt.text[g.Start:g.End] != g.Text {
					t.Errorf("timex %d span %d-%d is %q, not its text %q", i, g.Start, g.End, tt.text[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func TestFindForAnchor(t *testing.T) {
	published := news.Timestamp{Time: time.Date(2024, 11, 27, 15, 4, 0, 0, time.UTC)}
	tests := []struct {
		name      string
		text      string
		published *news.Timestamp
		want      string // "" for unknown
	}{
		{"publication date wins", "Signed on November 1, 2020.", &published, "2024-11-27"},
		{"first full date in the text", "Kabul, November 27, 2024. On Monday the minister arrived.", nil, "2024-11-27"},
		{"no full date", "On Monday the minister arrived.", nil, ""},
		{"weekday date placed by a year in the text", "Talks held on Tuesday, November 26 built on the 2024 accord.", nil, "2024-11-26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := FindFor(tt.text, tt.published)
			got := ""
			if a.Known {
				got = a.Time.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("FindFor anchor = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSeedArticle resolves the relative dates of a seed-style article with
// no publication date through FindFor.
func TestSeedArticle(t *testing.T) {
	text := "Kabul, November 27, 2024. Sergei Shoigu arrived in Kabul on Monday. " +
		"He met the acting foreign minister on Tuesday, November 26."
	_, got := FindFor(text, nil)
	want := map[string]string{"November 27, 2024": "2024-11-27", "Monday": "2024-11-25", "Tuesday, November 26": "2024-11-26"}
	if len(got) != len(want) {
		t.Fatalf("Find = %+v, want %d timexes", got, len(want))
	}
	for _, g := range got {
		if want[g.Text] != g.Value {
			t.Errorf("%q = %s, want %s", g.Text, g.Value, want[g.Text])
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Monday, November 25, 2024 at 3:30 p.m. EST",
		"two decades ago, the past three months, every week",
		"in the 1990s, 11/26/2024, 2024-11-26T15:34, mid-1996",
		"the day before yesterday, 2 1/2 years, late Tuesday night",
		"\xff\xfe Nov. 31 Feb. 30 13/45/2024 99:99",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, anchor := range []Anchor{{}, anchorAt("2024-11-27")} {
			prevEnd := 0
			for _, tx := range Find(text, anchor) {
				if tx.Start < prevEnd || tx.End <= tx.Start || tx.End > len(text) {
					t.Fatalf("bad span %d-%d after %d in %q", tx.Start, tx.End, prevEnd, text)
				}
				if text[tx.Start:tx.End] != tx.Text {
					t.Fatalf("text %q does not match span %q", tx.Text, text[tx.Start:tx.End])
				}
				if tx.Type != Date && tx.Type != Time && tx.Type != Duration && tx.Type != Set {
					t.Fatalf("bad type %q", tx.Type)
				}
				if tx.Value == "" {
					t.Fatalf("empty value for %q", tx.Text)
				}
				prevEnd = tx.End
			}
		}
	})
}

const benchArticle = `KABUL, Nov. 27 (Reuters) - Sergei Shoigu arrived in Kabul on Monday for talks, ` +
	`two decades after the US-led invasion. He met the acting foreign minister on Tuesday, November 26, ` +
	`and will travel to Tashkent next week. Trade has tripled over the past three years and now ` +
	`exceeds $1 billion a year, officials said late Tuesday. Talks began at 10 a.m. and ended at 3:30 p.m. ` +
	`A first round was held in March 2023; the next is expected in the spring of 2025.`

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(benchArticle+"\n\n", 5)
	anchor := anchorAt("2024-11-27")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(Find(text, anchor))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "timexes/s")
}

// TestModifierGate checks that the cheap test before the modifier
// expressions never turns away a text one of them would match.
func TestModifierGate(t *testing.T) {
	texts := append([]string{
		"in early ", "the mid-", "Late\t", "some ", "the better part of  ", "AT LEAST ", "caf\u00e9 ",
		"\u017fome ", "up to\n", "more than", "earlier ", "x-", "the end of ",
	}, scannerTexts...)
	for _, text := range texts {
		for i := range len(text) + 1 {
			before := text[:i]
			matches := dateModifier.MatchString(before) || sequenceModifier.MatchString(before) || approximation.MatchString(before)
			if matches && !mayEndModifier(before) {
				t.Errorf("mayEndModifier(%q) = false, but a modifier expression matches", before)
			}
		}
	}
}
