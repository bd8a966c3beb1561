package compare

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestQuantities(t *testing.T) {
	tests := []struct {
		text string
		want []string // canonical values, in order
	}{
		{"Tajikistan shares a 1,357-kilometer (843-mile) border with Afghanistan.", []string{"1357 km", "1357 km"}},
		{"The storm killed 12 people and injured twenty others.", []string{"12 peopl", "20 other"}},
		{"Unemployment fell to 4.5 percent, down from 5%.", []string{"4.5 percent", "5 percent"}},
		{"The package weighs 10 kg, or 22 pounds.", []string{"10 kg", "9.979 kg"}},
		{"The bill earmarked $700 billion for defense.", []string{"700000000000 usd"}},
		{"After two decades of war, troops left in 2021.", []string{"20 years"}},
		{"He was elected in 2016.", nil},
		{"Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.", nil},
		{"Talks began on 19 March and ended March 21.", nil},
	}
	for _, tt := range tests {
		got := quantities(tt.text, 0, len(tt.text))
		var vals []string
		for _, q := range got {
			vals = append(vals, q.String())
			if q.start < 0 || q.end > len(tt.text) || q.start >= q.end {
				t.Errorf("%q: bad span %d:%d", tt.text, q.start, q.end)
			}
		}
		if len(vals) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, vals, tt.want)
			continue
		}
		for i := range vals {
			if vals[i] != tt.want[i] {
				t.Errorf("%q: got %v, want %v", tt.text, vals, tt.want)
				break
			}
		}
	}
	km := quantities("a 1,357-kilometer border", 0, 24)
	mi := quantities("an 843-mile border", 0, 18)
	if len(km) != 1 || len(mi) != 1 || !sameValue(km[0].value, mi[0].value) {
		t.Errorf("1,357 km and 843 miles should agree: %v %v", km, mi)
	}
}

func TestQuoteRelation(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"identical modulo punctuation", "For the record, I love my sister.", "For the record, I love my sister,", RelIdentical},
		{"trimmed", "The issues at stake are too big, and this election is simply too important.", "this election is simply too important", RelTrimmed},
		{"translation variant", "We are aimed at developing bilateral cooperation between Russia and Afghanistan in all areas",
			"We intend to develop bilateral cooperation between Russia and Afghanistan in many areas", RelVariant},
		{"different statements", "We need strength and decision-making back in the Oval Office",
			"I am not running for president as surrogate for being elected prom king", ""},
	}
	for _, tt := range tests {
		got := quoteRelation(normWords(tt.a), normWords(tt.b), contentStems(tt.a), contentStems(tt.b))
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// article builds a one-article input member with the given entity roles.
func article(id int64, text string, entities ...news.Entity) Article {
	return Article{ID: id, Text: text, Annotations: news.Annotations{Entities: entities}}
}

func person(id, name string, roles ...news.Role) news.Entity {
	return news.Entity{ID: id, Name: name, Type: news.PER, Roles: roles}
}

func role(text, title, norm string, former bool) news.Role {
	i := indexOf(text, title)
	return news.Role{Title: title, Normalized: norm, Former: former, Start: i, End: i + len(title)}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestRoleConflicts(t *testing.T) {
	t1 := "Sergei Shoigu, Secretary of Russia's National Security Council and former Defense Minister, visited Kabul."
	t2 := "Sergei Shoigu, the country's National Security Advisor, visited Kabul."
	t3 := "Sergei Shoigu, Security Council Secretary, arrived in Kabul."
	t4 := "Todd Akin, the Republican Senate candidate in Missouri, refused to quit."
	t5 := "Missouri Rep. Todd Akin refused to quit."
	tests := []struct {
		name     string
		articles []Article
		want     int
	}{
		{"different titles, same domain", []Article{
			article(1, t1, person("per:shoigu", "Sergei Shoigu", role(t1, "Secretary of Russia's National Security Council", "national security council secretary", false), role(t1, "former Defense Minister", "defense minister", true))),
			article(2, t2, person("per:shoigu", "Sergei Shoigu", role(t2, "National Security Advisor", "national security advisor", false))),
		}, 1},
		{"one title contains the other", []Article{
			article(1, t1, person("per:shoigu", "Sergei Shoigu", role(t1, "Secretary of Russia's National Security Council", "national security council secretary", false))),
			article(2, t3, person("per:shoigu", "Sergei Shoigu", role(t3, "Security Council Secretary", "security council secretary", false))),
		}, 0},
		{"posts held at once", []Article{
			article(1, t4, person("per:akin", "Todd Akin", role(t4, "Republican Senate candidate in Missouri", "republican senate candidate in missouri", false))),
			article(2, t5, person("per:akin", "Todd Akin", role(t5, "Missouri Rep.", "missouri representative", false))),
		}, 0},
		{"a copy does not contradict its original", []Article{
			article(1, t1, person("per:shoigu", "Sergei Shoigu", role(t1, "Secretary of Russia's National Security Council", "national security council secretary", false))),
			{ID: 2, Text: t2, CopyOf: 1, Annotations: news.Annotations{Entities: []news.Entity{person("per:shoigu", "Sergei Shoigu", role(t2, "National Security Advisor", "national security advisor", false))}}},
		}, 0},
	}
	for _, tt := range tests {
		got := analyse(Input{Articles: tt.articles}).roleConflicts()
		if len(got) != tt.want {
			t.Errorf("%s: got %d conflicts %+v, want %d", tt.name, len(got), got, tt.want)
		}
		for _, c := range got {
			if c.Attribute != AttrRole || len(c.Values) < 2 {
				t.Errorf("%s: bad conflict %+v", tt.name, c)
			}
		}
	}
}

func TestTopicConflicts(t *testing.T) {
	shoigu := func(text string) news.Entity {
		i := indexOf(text, "Shoigu")
		return news.Entity{ID: "per:shoigu", Name: "Sergei Shoigu", Type: news.PER, Mentions: []news.Mention{{Start: i, End: i + 6, Text: "Shoigu"}}}
	}
	a := "Shoigu held talks focusing on economic, transport, and security cooperation."
	b := "Shoigu described the talks as focusing on economic, transport, and energy issues."
	c := "Shoigu held talks focusing on economic, transport and security cooperation."
	d := "Prices rose for bread, milk, and eggs in the capital."
	e := "Shoigu held talks in a brash, challenging and often combative tone."
	tests := []struct {
		name string
		x, y string
		want int
	}{
		{"security vs energy", a, b, 1},
		{"same list without the serial comma", a, c, 0},
		{"unrelated lists", a, d, 0},
		{"one actor, lists with nothing in common", a, e, 0},
	}
	for _, tt := range tests {
		in := Input{Articles: []Article{article(1, tt.x, shoigu(tt.x)), article(2, tt.y, shoigu(tt.y))}}
		s := analyse(in)
		s.align()
		got := s.topicConflicts()
		if len(got) != tt.want {
			t.Errorf("%s: got %+v, want %d conflicts", tt.name, got, tt.want)
		}
	}
}

func TestParaphraseAlignment(t *testing.T) {
	tests := []struct {
		name   string
		x, y   string
		shared bool
	}{
		{"paraphrase", "On Monday, Shoigu made an unexpected visit to Kabul, meeting Taliban officials.",
			"On Monday, Shoigu made an unexpected and highly publicized visit to Kabul.", true},
		{"inflections", "The Senate voted Wednesday to override the president's veto of the bill.",
			"Senators on Wednesday overrode the veto the president issued on the bill.", true},
		{"same topic, different claim", "Shoigu criticized the United States for withholding Afghan assets.",
			"Baradar asked Moscow to help counter sanctions imposed by the West.", false},
	}
	for _, tt := range tests {
		c := Compare(Input{Articles: []Article{article(1, tt.x), article(2, tt.y)}})
		if got := len(c.Shared) == 1; got != tt.shared {
			t.Errorf("%s: shared = %v, want %v (%+v)", tt.name, got, tt.shared, c)
		}
		if !tt.shared && len(c.Unique) != 2 {
			t.Errorf("%s: want both sentences unique, got %+v", tt.name, c.Unique)
		}
	}
}

func TestCopiesAreNotConfirmation(t *testing.T) {
	text := "The central bank raised its main interest rate by half a point on Thursday."
	c := Compare(Input{Articles: []Article{article(1, text), {ID: 2, Text: text, CopyOf: 1}}})
	if len(c.Shared) != 0 || len(c.Unique) != 1 || c.Unique[0].ArticleID != 1 {
		t.Errorf("a claim backed only by a copy must be unique to the original: %+v", c)
	}
	if len(c.Copies) != 1 || c.Copies[0] != (Copy{ArticleID: 2, CopyOf: 1}) {
		t.Errorf("copies: %+v", c.Copies)
	}
}

func TestNumberConflict(t *testing.T) {
	x := "The earthquake killed 12 people in the coastal town on Sunday, officials said."
	y := "The earthquake killed 15 people in the coastal town on Sunday, police said."
	c := Compare(Input{Articles: []Article{article(1, x), article(2, y)}})
	if len(c.Conflicts) != 1 || c.Conflicts[0].Attribute != AttrNumber || c.Conflicts[0].Values[0].Text != "12 people" {
		t.Errorf("want one number conflict 12 vs 15 people, got %+v", c.Conflicts)
	}
	z := "The earthquake killed twelve people in the coastal town on Sunday, police said."
	c = Compare(Input{Articles: []Article{article(1, x), article(2, z)}})
	if len(c.Conflicts) != 0 {
		t.Errorf("12 and twelve agree, got %+v", c.Conflicts)
	}
}

// Qualified figures claim ranges: "more than $5 billion" and "$5.7
// billion" can both be true; "about 300" and "400" cannot.
func TestNumberRanges(t *testing.T) {
	tests := []struct {
		a, b  string
		agree bool
	}{
		{"He demanded more than $5 billion for a wall.", "He demanded $5.7 billion for a wall.", true},
		{"He demanded more than $5 billion for a wall.", "He demanded $2.5 billion for a wall.", false},
		{"He demanded no more than $5 billion for a wall.", "He demanded $5.7 billion for a wall.", false},
		{"The fire destroyed about 300 homes.", "The fire destroyed 310 homes.", true},
		{"The fire destroyed about 300 homes.", "The fire destroyed 400 homes.", false},
		{"The fire destroyed nearly 300 homes.", "The fire destroyed 280 homes.", true},
		{"The fire destroyed fewer than 300 homes.", "The fire destroyed 320 homes.", false},
		{"Moreover 300 homes burned.", "Moreover 320 homes burned.", false},
		{"At least 12 people died.", "As many as 15 people died.", true},
	}
	for _, tt := range tests {
		qa, qb := quantities(tt.a, 0, len(tt.a)), quantities(tt.b, 0, len(tt.b))
		if len(qa) != 1 || len(qb) != 1 {
			t.Fatalf("%q / %q: quantities %v %v", tt.a, tt.b, qa, qb)
		}
		if got := agree(qa[0], qb[0]); got != tt.agree {
			t.Errorf("%q vs %q: agree = %v, want %v", tt.a, tt.b, got, tt.agree)
		}
	}
}

// A qualified figure's span holds its qualifier, so that the page shows
// what the article claims.
func TestNumberSpanHoldsQualifier(t *testing.T) {
	for text, want := range map[string]string{
		"He demanded more than $5 billion for a wall.": "more than $5 billion",
		"The fire destroyed About 300 homes.":          "About 300 homes",
		"He demanded $5 billion for a wall.":           "$5 billion",
	} {
		q := quantities(text, 0, len(text))
		if len(q) != 1 || text[q[0].start:q[0].end] != want {
			t.Errorf("%q: spans %v, want %q", text, q, want)
		}
	}
}

// Aligned sentences with different figures do not conflict when the other
// article states the figure too: they are about different facts.
func TestNumberStatedElsewhere(t *testing.T) {
	x := "The deal keeps the government open for three weeks, the president said on Friday."
	y := "The deal reopens the government after workers went unpaid for 35 days, the president said on Friday. " +
		"It funds agencies for three weeks."
	c := Compare(Input{Articles: []Article{article(1, x), article(2, y)}})
	for _, cf := range c.Conflicts {
		if cf.Attribute == AttrNumber {
			t.Errorf("three weeks is in both articles, got conflict %+v", cf)
		}
	}
}

func TestTimeOfDayConflict(t *testing.T) {
	timex := func(text, phrase, typ, value string) news.Timex {
		i := indexOf(text, phrase)
		return news.Timex{Text: phrase, Start: i, End: i + len(phrase), Type: typ, Value: value}
	}
	dated := func(id int64, text string, tx ...news.Timex) Article {
		return Article{ID: id, Text: text, Annotations: news.Annotations{Timexes: tx}}
	}
	x := "The governor will make the announcement today at 11am at his old high school in Livingston."
	y := "The governor made the announcement on Tuesday afternoon at his old high school in Livingston."
	z := "The governor made the announcement on Tuesday morning at his old high school in Livingston."
	tests := []struct {
		name string
		a, b Article
		want int
	}{
		{"11am vs afternoon", dated(1, x, timex(x, "today at 11am", "TIME", "2015-06-30T11:00")),
			dated(2, y, timex(y, "Tuesday afternoon", "TIME", "2015-06-30TAF")), 1},
		{"11am vs morning", dated(1, x, timex(x, "today at 11am", "TIME", "2015-06-30T11:00")),
			dated(2, z, timex(z, "Tuesday morning", "TIME", "2015-06-30TMO")), 0},
		{"different days are a day conflict", dated(1, x, timex(x, "today at 11am", "TIME", "2015-06-29T11:00")),
			dated(2, y, timex(y, "Tuesday afternoon", "TIME", "2015-06-30TAF")), 1},
		{"time vs the same day", dated(1, x, timex(x, "today", "DATE", "2015-06-30")),
			dated(2, y, timex(y, "Tuesday afternoon", "TIME", "2015-06-30TAF")), 0},
	}
	for _, tt := range tests {
		c := Compare(Input{Articles: []Article{tt.a, tt.b}})
		if len(c.Conflicts) != tt.want {
			t.Errorf("%s: got %+v, want %d conflicts", tt.name, c.Conflicts, tt.want)
			continue
		}
		for _, k := range c.Conflicts {
			if k.Attribute != AttrDate || len(k.Values) != 2 {
				t.Errorf("%s: conflict %+v", tt.name, k)
			}
		}
	}
}

func TestPartOfDay(t *testing.T) {
	for clock, want := range map[string]string{"11:00": "MO", "12:30": "AF", "17:59": "AF", "19:00": "EV", "23:00": "NI", "03:00": "NI", "AF": "AF", "DT": "", "x": "", "99:00": ""} {
		if got := partOfDay(clock); got != want {
			t.Errorf("partOfDay(%q) = %q, want %q", clock, got, want)
		}
	}
}

// Numbers inside a resolved date or time are compared as that date, never
// again as a count: "3 p.m." against "9 p.m." is one time-of-day conflict,
// while a duration ("for three days") stays a number.
func TestNumbersInsideTimexes(t *testing.T) {
	dated := func(id int64, text, phrase, typ, value string) Article {
		i := indexOf(text, phrase)
		return Article{ID: id, Text: text, Annotations: news.Annotations{Timexes: []news.Timex{{Text: phrase, Start: i, End: i + len(phrase), Type: typ, Value: value}}}}
	}
	x := "The two delegations began the ceasefire talks at 3 p.m. in the capital, officials said."
	y := "The two delegations began the ceasefire talks at 9 p.m. in the capital, diplomats said."
	c := Compare(Input{Articles: []Article{
		dated(1, x, "3 p.m.", "TIME", "2015-06-30T15:00"),
		dated(2, y, "9 p.m.", "TIME", "2015-06-30T21:00")}})
	if len(c.Conflicts) != 1 || c.Conflicts[0].Attribute != AttrDate {
		t.Errorf("want one time conflict, got %+v", c.Conflicts)
	}
	x = "Rebels held the airport for three days before the army retook it, officials said."
	y = "Rebels held the airport for five days before the army retook it, diplomats said."
	c = Compare(Input{Articles: []Article{
		dated(1, x, "three days", "DURATION", "P3D"),
		dated(2, y, "five days", "DURATION", "P5D")}})
	if len(c.Conflicts) != 1 || c.Conflicts[0].Attribute != AttrNumber {
		t.Errorf("want one number conflict for the durations, got %+v", c.Conflicts)
	}
}

func TestFullName(t *testing.T) {
	people := func(names ...string) Article {
		var ents []news.Entity
		for i, n := range names {
			ents = append(ents, person(fmt.Sprint("p", i), n))
		}
		return article(int64(len(names)), "text", ents...)
	}
	s := analyse(Input{Articles: []Article{
		people("Trump", "Donald Trump", "Dick Durbin", "Bill Clinton", "Susan Rice"),
		people("Richard J. Durbin", "Hillary Clinton", "Susan E. Rice", "Chuck Schumer", "Charles Schumer", "Charles Schumer"),
	}})
	for name, want := range map[string]string{
		"Trump":           "Donald Trump",
		"Trump’s":         "Donald Trump",
		"Dick Durbin":     "Richard J. Durbin",
		"Durbin":          "Richard J. Durbin",
		"Susan Rice":      "Susan E. Rice",
		"Clinton":         "Clinton", // Bill or Hillary
		"Bill Clinton":    "Bill Clinton",
		"Hillary Clinton": "Hillary Clinton",
		"Chuck Schumer":   "Charles Schumer", // the more frequent of two equally full names
		"Merkel":          "Merkel",
	} {
		if got := s.fullName(name); got != want {
			t.Errorf("fullName(%q) = %q, want %q", name, got, want)
		}
	}
}
