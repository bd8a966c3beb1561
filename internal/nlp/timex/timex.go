// Package timex finds temporal expressions in English news text and
// normalises them to TIMEX3 values (TimeML): "November 26, 2024" is DATE
// 2024-11-26, "two decades" DURATION P20Y, "every week" SET P1W.
//
// It is a rule engine in the style of HeidelTime: each rule is a pattern
// over the text plus a normaliser that turns the match into a value,
// resolving relative expressions ("on Monday", "last month", "two years
// ago") against an anchor, the document's creation or publication date,
// and the tense of the clause they sit in. Find is pure and safe for
// concurrent use.
package timex

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TIMEX3 types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Anchor is the reference time relative expressions resolve against,
// usually the document creation or publication date. When Known is false
// relative expressions get underspecified values ("XXXX-XX-XX").
type Anchor struct {
	Time  time.Time
	Known bool
}

// candidate is one rule's reading of a span, before overlaps are settled.
type candidate struct {
	news.Timex
	rule int
}

// Find returns the temporal expressions in text, ordered by position and
// non-overlapping, with byte offsets into text. Where readings overlap the
// longest wins.
func Find(text string, anchor Anchor) []news.Timex {
	return resolveHits(text, scanHits(text), anchor)
}

// FindFor finds the timexes of an article anchored on the anchor it picks,
// and returns that anchor too: the publication date when known, otherwise
// the first fully specified date in the text, otherwise a weekday date
// without a year ("Tuesday, November 26") placed in the year, nearest the
// latest year the text mentions, whose calendar fits the weekday. Without
// any of these the anchor is unknown; callers that know when the article
// was fetched should pass that as published. When the anchor comes from
// the text, the rules match it once for both readings.
func FindFor(text string, published *news.Timestamp) (Anchor, []news.Timex) {
	if anchor, ok := publishedAnchor(published); ok {
		return anchor, Find(text, anchor)
	}
	hits := scanHits(text)
	anchor := anchorFromText(resolveHits(text, hits, Anchor{}))
	return anchor, resolveHits(text, hits, anchor)
}

// resolveHits normalises the hits against anchor and settles them into
// the timexes of text.
func resolveHits(text string, hits []hit, anchor Anchor) []news.Timex {
	if anchor.Known {
		a := anchor.Time
		anchor.Time = date(a.Year(), a.Month(), a.Day())
	}
	var cands []candidate
	for _, h := range hits {
		r := rules[h.rule]
		m := &match{text: text, loc: h.loc, re: r.re, anchor: anchor}
		if typ, value, ok := r.norm(m); ok {
			cands = append(cands, candidate{news.Timex{Start: h.loc[0], End: h.loc[1], Type: typ, Value: value}, h.rule})
		}
	}
	chosen := settle(cands)
	chosen = mergeDateTime(text, chosen)
	chosen = coordinatedDays(text, chosen)
	sharedParts(text, chosen)
	resolveDiscourse(text, chosen, anchor)
	for i := range chosen {
		trimCompoundDeterminer(text, &chosen[i])
		extendModifiers(text, &chosen[i])
		chosen[i].Text = text[chosen[i].Start:chosen[i].End]
	}
	return chosen
}

// asciiLower lower-cases ASCII letters only, so byte offsets are kept.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// shorterMatch retries a match that ends inside a word ("Monday
// nightclub") on the text before that word, which may hold a shorter
// reading ("Monday"); nil when there is none.
func shorterMatch(text string, re *regexp.Regexp, loc []int) []int {
	start, end := loc[0], loc[1]
	if start >= end || start > 0 && isAlnum(text[start-1]) && isAlnum(text[start]) {
		return nil
	}
	for end > start && isAlnum(text[end-1]) {
		end--
	}
	return matchWithin(text, re, start, end)
}

// paragraphBreak is the offset of the first blank line in s, or -1.
func paragraphBreak(s string) int {
	i := strings.IndexByte(s, '\n')
	for i >= 0 {
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return i
		}
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			return -1
		}
		i = j + k
	}
	return -1
}

// matchWithin matches re at start in text[start:end], trimmed of the
// spaces and punctuation it ends with; nil when it finds no reading
// there that ends at a word edge.
func matchWithin(text string, re *regexp.Regexp, start, end int) []int {
	for end > start && !isAlnum(text[end-1]) {
		end--
	}
	if end <= start {
		return nil
	}
	sub := re.FindStringSubmatchIndex(asciiLower(text[start:end]))
	if sub == nil || sub[0] != 0 || !wordEdges(text, start, start+sub[1]) {
		return nil
	}
	for j := range sub {
		if sub[j] >= 0 {
			sub[j] += start
		}
	}
	return sub
}

// settle keeps the longest candidates that do not overlap, earlier rules
// first among equals, and returns them in text order.
func settle(cands []candidate) []news.Timex {
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].End-cands[i].Start, cands[j].End-cands[j].Start
		if li != lj {
			return li > lj
		}
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].rule < cands[j].rule
	})
	var out []news.Timex
	for _, c := range cands {
		overlaps := false
		for _, o := range out {
			if c.Start < o.End && o.Start < c.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, c.Timex)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// wordEdges rejects matches that start or end inside a word.
func wordEdges(text string, start, end int) bool {
	if start >= end {
		return false
	}
	if start > 0 && isAlnum(text[start-1]) && isAlnum(text[start]) {
		return false
	}
	if end < len(text) && isAlnum(text[end-1]) && isAlnum(text[end]) {
		return false
	}
	return true
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// mergeDateTime joins a clock time and the day it is on ("10 p.m.
// Wednesday", "5 p.m. EST, Nov. 6", "Tuesday at 9 a.m.") into one TIME.
func mergeDateTime(text string, ts []news.Timex) []news.Timex {
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		if i+1 < len(ts) {
			a, b := ts[i], ts[i+1]
			raw := text[a.End:b.Start]
			gap := strings.TrimSpace(strings.ReplaceAll(raw, ",", ""))
			if (gap == "" || gap == "at" && a.Type == Date) && paragraphBreak(raw) < 0 {
				if v, ok := joinDateTime(a, b); ok {
					out = append(out, news.Timex{Start: a.Start, End: b.End, Type: Time, Value: v})
					i++
					continue
				}
			}
		}
		if d, ok := dayBeside(text, ts[i], out); ok {
			out = append(out, d)
			continue
		}
		if i+1 < len(ts) {
			if q, ok := quarterBack(text, ts[i], ts[i+1]); ok {
				out = append(out, q)
				i++
				continue
			}
		}
		if i+1 < len(ts) {
			if w, ok := weekOf(text, ts[i], ts[i+1]); ok {
				out = append(out, w)
				i++
				continue
			}
		}
		out = append(out, ts[i])
	}
	glossedClocks(text, out)
	return out
}

// weekOf joins "the week of" and the day after it ("the week of March 6")
// into the week holding that day.
func weekOf(text string, a, b news.Timex) (news.Timex, bool) {
	if b.Type != Date || !strings.EqualFold(strings.Join(strings.Fields(text[a.Start:b.Start]), " "), "the week of") {
		return news.Timex{}, false
	}
	d, err := time.Parse(time.DateOnly, b.Value)
	if err != nil {
		return news.Timex{}, false
	}
	return news.Timex{Start: a.Start, End: b.End, Type: Date, Value: weekValue(d)}, true
}

// quarterBack joins a quarter and the "a year ago" right after it ("for
// the quarter a year ago") into that quarter of the year before.
func quarterBack(text string, a, b news.Timex) (news.Timex, bool) {
	if strings.TrimSpace(text[a.End:b.Start]) != "" || !yearBack.MatchString(strings.ToLower(text[b.Start:b.End])) {
		return news.Timex{}, false
	}
	sub := quarterValuePattern.FindStringSubmatch(a.Value)
	if sub == nil {
		return news.Timex{}, false
	}
	y, _ := strconv.Atoi(sub[1])
	return news.Timex{Start: a.Start, End: b.End, Type: Date, Value: quarterValue(y-1, int(sub[2][0]-'0'))}, true
}

// besidePhrase is "the day before" or "the day after" right before a
// date.
var besidePhrase = regexp.MustCompile(`(?i)\bthe\s+day\s+(before|after)\s+$`)

// dayBeside joins "the day before" and the day after it ("the day before
// last Tuesday's hearing", "the day after Christmas") into the day
// next to that one, unless an earlier timex already holds the words.
func dayBeside(text string, t news.Timex, before []news.Timex) (news.Timex, bool) {
	if t.Type != Date || len(t.Value) != len(time.DateOnly) {
		return news.Timex{}, false
	}
	from := max(0, t.Start-24)
	if n := len(before); n > 0 {
		from = max(from, before[n-1].End)
	}
	if !strings.Contains(asciiLower(text[from:t.Start]), "day") {
		return news.Timex{}, false
	}
	loc := besidePhrase.FindStringSubmatchIndex(text[from:t.Start])
	if loc == nil {
		return news.Timex{}, false
	}
	d, err := time.Parse(time.DateOnly, t.Value)
	if err != nil {
		return news.Timex{}, false
	}
	n := 1
	if strings.EqualFold(text[from+loc[2]:from+loc[3]], "before") {
		n = -1
	}
	return news.Timex{Start: from + loc[0], End: t.End, Type: Date, Value: dayValue(d.AddDate(0, 0, n))}, true
}

// glossedClocks dates a clock time by the day named right after it, past
// a bracketed gloss ("10:35 a.m. (0735 GMT) Friday", "at 4 in the
// morning (4 a.m. EDT Thursday)"): the clock is on that day, whatever
// the anchor says. The spans stay apart, as TimeML tags them.
func glossedClocks(text string, ts []news.Timex) {
	for i := 0; i+1 < len(ts); i++ {
		a, b := &ts[i], ts[i+1]
		j := strings.IndexByte(a.Value, 'T')
		if a.Type != Time || j < 0 {
			continue
		}
		gap := strings.TrimSpace(text[a.End:b.Start])
		inside := gap == "("
		if !inside && !glossGap(gap) {
			continue
		}
		var day string
		switch {
		case b.Type == Date && dayValuePattern.MatchString(b.Value) && !inside:
			day = b.Value
		case b.Type == Time && inside:
			// Only a gloss of the same clock reading: "10 p.m. (0300
			// GMT Thursday)" may be a day apart.
			if k := strings.IndexByte(b.Value, 'T'); k > 0 && dayValuePattern.MatchString(b.Value[:k]) && b.Value[k:] == a.Value[j:] {
				day = b.Value[:k]
			}
		}
		if day != "" {
			a.Value = day + a.Value[j:]
		}
	}
}

// glossGap reports whether gap is one short bracketed aside and nothing
// else ("(0735 GMT)").
func glossGap(gap string) bool {
	if len(gap) < 3 || len(gap) > 24 || gap[0] != '(' || gap[len(gap)-1] != ')' {
		return false
	}
	return !strings.ContainsAny(gap[1:len(gap)-1], "()\n")
}

var dayValuePattern = regexp.MustCompile(`^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$`)

func joinDateTime(a, b news.Timex) (string, bool) {
	day, clock := a, b
	if a.Type == Time && b.Type == Date {
		day, clock = b, a
	} else if a.Type != Date || b.Type != Time {
		return "", false
	}
	i := strings.IndexByte(clock.Value, 'T')
	if !dayValuePattern.MatchString(day.Value) || i < 0 {
		return "", false
	}
	return day.Value + clock.Value[i:], true
}

// compoundAfterDeterminer is a determiner and one hyphenated amount or
// period ("the 14-day", "their 52-week", "the fiscal second-quarter").
var compoundAfterDeterminer = regexp.MustCompile(`^(?i:the|its|their|his|her|our)\s+(?:(?i:fiscal|calendar)\s+)?[^\s-]+-(?i:second|minute|hour|day|night|week|month|quarter|half|year|decade|century)$`)

// trimCompoundDeterminer leaves the determiner out of an amount or
// period used as an adjective ("the [14-day] deadline", "the
// [third-quarter] loss"), as TimeML does; "the past three years" and
// "the third quarter" keep it.
func trimCompoundDeterminer(text string, t *news.Timex) {
	own := text[t.Start:t.End]
	if !compoundAfterDeterminer.MatchString(own) {
		return
	}
	t.Start += strings.IndexAny(own, " \t\n")
	for t.Start < t.End && (text[t.Start] == ' ' || text[t.Start] == '\t' || text[t.Start] == '\n') {
		t.Start++
	}
}

var (
	dateModifier = regexp.MustCompile(`(?i)\b(?:early|late|mid|the (?:end|beginning|start|middle|rest|remainder|turn|close|first half|second half) of)(?:\s+|-)$`)
	// "earlier this year" is one timex, "earlier Friday" is not.
	sequenceModifier = regexp.MustCompile(`(?i)\b(?:earlier|later)\s+$`)
	approximation    = regexp.MustCompile(`(?i)\b(?:about|around|almost|nearly|roughly|approximately|some|over|under|more than|less than|fewer than|at least|at most|up to|no more than|no less than|not more than|just over|just under|well over|a full|the full|another|an additional|an extra|the better part of)\s+$`)
)

// modifierEnds are the last words of the modifiers above: a modifier
// can only end in one of them, which spares running the expressions
// before most timexes.
var modifierEnds = setOf(`early late mid of earlier later about around almost nearly roughly
approximately some over under than least most to full another additional extra`)

// mayEndModifier reports whether before could end with a modifier: its
// last word, before trailing spaces or a hyphen, is a modifier's last
// word, or is preceded by a non-ASCII byte the expressions' case folding
// might read as a letter.
func mayEndModifier(before string) bool {
	i := len(before)
	for i > 0 && (before[i-1] == ' ' || before[i-1] == '\t' || before[i-1] == '\n' || before[i-1] == '\r' || before[i-1] == '\f') {
		i--
	}
	if i == len(before) {
		if i == 0 || before[i-1] != '-' {
			return false
		}
		i--
	}
	j := i
	for j > 0 && (before[j-1] >= 'a' && before[j-1] <= 'z' || before[j-1] >= 'A' && before[j-1] <= 'Z') {
		j--
	}
	if j > 0 && before[j-1] >= 0x80 {
		return true
	}
	return modifierEnds[asciiLower(before[j:i])]
}

// extendModifiers widens a timex over the modifiers TimeML puts inside its
// extent ("late November", "nearly two years ago", "more than four hours")
// without changing its value.
func extendModifiers(text string, t *news.Timex) {
	before := text[max(0, t.Start-40):t.Start]
	if !mayEndModifier(before) {
		return
	}
	own := strings.ToLower(text[t.Start:t.End])
	re := dateModifier
	if t.Type == Duration || strings.HasSuffix(own, "ago") {
		// "over the past three months": a preposition before a
		// determiner, not an approximation.
		if strings.HasPrefix(own, "the ") {
			return
		}
		re = approximation
	} else if strings.HasPrefix(own, "this ") || strings.HasPrefix(own, "that ") {
		if loc := sequenceModifier.FindStringIndex(before); loc != nil {
			t.Start -= len(before) - loc[0]
			return
		}
	}
	if loc := re.FindStringIndex(before); loc != nil {
		t.Start -= len(before) - loc[0]
	}
}
