package compare

import (
	"regexp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// quoted matches a span in typographic or straight double quotes.
var quoted = regexp.MustCompile(`“([^”]+)”|"([^"]+)"`)

// unattributed recovers the direct quotes of article i that the read stage
// did not find as direct quotes with a speaker: a quoted span of four words or more in a sentence
// naming exactly one person outside the quotes, who is taken as the speaker.
func (s *story) unattributed(i int) []news.Quote {
	a := s.in.Articles[i]
	covered := func(start, end int) bool {
		return slices.ContainsFunc(a.Annotations.Quotes, func(q news.Quote) bool { return q.Direct && q.Start < end && start < q.End })
	}
	var out []news.Quote
	for _, u := range s.units {
		if u.art != i {
			continue
		}
		seg := a.Text[u.span.Start:u.span.End]
		for _, m := range quoted.FindAllStringSubmatchIndex(seg, -1) {
			qs, qe := m[2], m[3]
			if qs < 0 {
				qs, qe = m[4], m[5]
			}
			qs, qe = u.span.Start+qs, u.span.Start+qe
			if covered(qs, qe) || len(words(a.Text[qs:qe])) < 4 {
				continue
			}
			var speaker *news.Speaker
			for _, mt := range s.mentionsIn(i, u.span.Start, u.span.End) {
				if mt.typ != news.PER || (mt.start >= qs && mt.end <= qe) {
					continue
				}
				if speaker != nil && speaker.EntityID != mt.id {
					speaker = nil
					break
				}
				speaker = &news.Speaker{EntityID: mt.id, Name: mt.name}
			}
			if speaker != nil {
				out = append(out, news.Quote{Text: a.Text[qs:qe], Start: qs, End: qe, Direct: true, Speaker: speaker})
			}
		}
	}
	return out
}

// quoteVariantMin is the content-word Dice above which two quotes of the
// same speaker are wordings of one statement (translations, paraphrases).
const quoteVariantMin = 0.5

type quoteAt struct {
	art     int
	speaker string // entity ID, else the lowercased name
	name    string
	words   []string
	stems   map[string]bool
	v       QuoteVariant
}

// quoteGroups groups the direct quotes of every article per speaker and
// statement, and labels each group with the loosest relation between its
// members: identical wording, one a trimmed version of the other, or a
// variant (same speaker, similar words).
func (s *story) quoteGroups() []QuoteGroup {
	var qs []quoteAt
	for i, a := range s.in.Articles {
		for _, q := range append(slices.Clone(a.Annotations.Quotes), s.unattributed(i)...) {
			if !q.Direct || q.Speaker == nil || q.Start < 0 || q.End > len(a.Text) || q.Start >= q.End {
				continue
			}
			key := q.Speaker.EntityID
			if key == "" {
				key = strings.ToLower(q.Speaker.Name)
			}
			text := a.Text[q.Start:q.End]
			via := q.Via
			if via == nil {
				via = []string{}
			}
			qs = append(qs, quoteAt{art: i, speaker: key, name: q.Speaker.Name, words: normWords(text), stems: contentStems(text),
				v: QuoteVariant{ArticleID: a.ID, Text: text, Start: q.Start, End: q.End, Via: via}})
		}
	}
	group := make([]int, len(qs))
	rel := make([]string, len(qs))
	for i := range qs {
		group[i] = i
		rel[i] = RelSingle
	}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if qs[i].art == qs[j].art || !sameSpeaker(qs[i], qs[j]) || group[j] != j {
				continue
			}
			r := quoteRelation(qs[i].words, qs[j].words, qs[i].stems, qs[j].stems)
			if r == "" {
				continue
			}
			g := group[i]
			group[j] = g
			rel[g] = looser(rel[g], r)
		}
	}
	var out []QuoteGroup
	index := map[int]int{}
	for i, q := range qs {
		g := group[i]
		k, ok := index[g]
		if !ok {
			k = len(out)
			index[g] = k
			out = append(out, QuoteGroup{Speaker: q.name, Relation: rel[g]})
		}
		if len(q.name) > len(out[k].Speaker) {
			out[k].Speaker = q.name
		}
		out[k].Variants = append(out[k].Variants, q.v)
	}
	for k := range out {
		out[k].Speaker = s.fullName(out[k].Speaker)
	}
	return out
}

// quoteRelation labels two quotes of one speaker, or "" when they are
// different statements.
func quoteRelation(a, b []string, sa, sb map[string]bool) string {
	if len(a) == 0 || len(b) == 0 {
		return ""
	}
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return RelIdentical
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 4 && subsequence(short, long) {
		return RelTrimmed
	}
	if dice(sa, sb) >= quoteVariantMin {
		return RelVariant
	}
	return ""
}

// subsequence says every word of short occurs in long, in order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// looser returns the looser of two relations.
func looser(a, b string) string {
	rank := map[string]int{RelSingle: 0, RelIdentical: 1, RelTrimmed: 2, RelVariant: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// normWords lowercases the words of a quote, ignoring punctuation and
// typographic apostrophes.
func normWords(text string) []string {
	var out []string
	for _, w := range words(text) {
		out = append(out, strings.ToLower(strings.ReplaceAll(w.text, "’", "'")))
	}
	return out
}

// sameSpeaker matches speakers by canonical ID, or by surname when the
// articles resolved them differently ("Romney" alone vs "Mitt Romney").
func sameSpeaker(a, b quoteAt) bool {
	if a.speaker == b.speaker {
		return true
	}
	return surname(a.name) != "" && surname(a.name) == surname(b.name)
}

func surname(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
