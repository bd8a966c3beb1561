package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// npStop are words that end a noun phrase when walking away from a cue.
var npStop = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true,
	"when": true, "where": true, "while": true, "because": true, "as": true,
	"if": true, "after": true, "before": true, "since": true, "although": true,
	"though": true, "but": true, "or": true, "so": true, "than": true, "yet": true,
	"in": true, "on": true, "at": true, "during": true, "with": true, "by": true,
	"to": true, "from": true, "into": true, "about": true, "over": true,
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "be": true, "been": true, "not": true, "it": true, "there": true,
	"this": true, "these": true, "those": true, "what": true, "how": true, "why": true,
	"said": true, "says": true, "and": true, "however": true, "meanwhile": true,
	"also": true, "then": true, "now": true, "still": true, "even": true,
	"would": true, "will": true, "can": true, "could": true, "should": true,
	"did": true, "do": true, "does": true, "until": true, "unless": true,
	"against": true, "under": true, "between": true, "among": true, "like": true,
	"amid": true, "without": true, "through": true, "across": true, "upon": true,
}

// participles end a noun phrase: "a statement seen by Reuters".
var participles = map[string]bool{
	"seen": true, "given": true, "taken": true, "written": true, "shown": true,
	"made": true, "obtained": true, "released": true, "published": true, "sent": true,
}

// pronouns that can stand for a speaker.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "some": true, "any": true, "no": true, "each": true,
	"every": true, "of": true, "in": true, "for": true, "to": true, "on": true,
	"at": true, "by": true, "with": true, "from": true,
}

// npLeft returns the token range [from, to) of the noun phrase ending just
// before token end (exclusive), walking left no further than limit. It
// returns from == to when there is none.
func (d *doc) npLeft(end, limit int) (int, int) {
	k := end - 1
	for k >= limit && k > end-12 {
		t := d.toks[k]
		if t.Text == ")" && k > limit {
			// "Sen. Bernie Sanders (I-Vt.) said": step over the bracket.
			j := k - 1
			for j > limit && j > k-8 && d.toks[j].Text != "(" {
				j--
			}
			if d.toks[j].Text == "(" && j > limit && !d.toks[j-1].isPunct() {
				k = j - 1
				continue
			}
		}
		if t.quoteID >= 0 || t.isPunct() && t.Text != "%" {
			break
		}
		if npStop[t.lower] && !(t.lower == "and" && k > limit && d.toks[k-1].isCapitalised() && k+1 < end && d.toks[k+1].isCapitalised()) {
			break
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() && k < end-1 {
			break
		}
		k--
	}
	from := k + 1
	// A relative clause: "Shoigu, who stated", "officials who spoke with X
	// said". The speaker is the phrase before "who".
	for j := k; j >= limit && j > k-8; j-- {
		t := d.toks[j]
		if t.lower == "who" {
			w := j
			if w-1 >= limit && d.toks[w-1].Text == "," {
				w--
			}
			if a, b := d.npLeft(w, limit); b > a {
				return a, b
			}
			break
		}
		if t.isPunct() || t.quoteID >= 0 {
			break
		}
	}
	return from, end
}

// npRight returns the noun phrase starting at token start: a run of
// capitalised words, a pronoun, or a determiner phrase of up to six words.
func (d *doc) npRight(start, limit int) (int, int) {
	k := start
	if k >= limit {
		return start, start
	}
	if pronouns[d.toks[k].lower] {
		return k, k + 1
	}
	for k < limit && k < start+8 {
		t := d.toks[k]
		if t.quoteID >= 0 || t.isPunct() {
			break
		}
		if k > start && (npStop[t.lower] || t.isLower() && !determiners[t.lower] && d.toks[k-1].isCapitalised() && !determiners[d.toks[k-1].lower]) {
			break
		}
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() {
			break
		}
		if k > start && t.isLower() && (strings.HasSuffix(t.lower, "ed") || participles[t.lower]) {
			break
		}
		k++
	}
	return start, k
}

// head picks the speaker mention inside a source phrase [from, to): the
// entity mention that overlaps it (preferring names, then the mention
// nearest the end), else the last run of capitalised words, else the last
// word.
func (d *doc) head(from, to int) (news.Span, *news.Entity) {
	if to <= from {
		return news.Span{}, nil
	}
	if t := d.toks[to-1]; to-from == 1 {
		// "He’s hoping": the pronoun without its auxiliary.
		for c := range contractions {
			if stem := strings.TrimSuffix(t.lower, c); stem != t.lower && pronouns[stem] {
				return news.Span{Start: t.Start, End: t.Start + len(stem)}, nil
			}
		}
	}
	if last := d.toks[to-1]; relativePronouns[last.lower] {
		// "Mr. Kerry, who": the relative pronoun is the mention.
		return news.Span{Start: last.Start, End: last.End}, nil
	}
	if o0, o1, ok := d.appositionOwner(from, to); ok {
		from, to = o0, o1
	}
	span := news.Span{Start: d.toks[from].Start, End: d.toks[to-1].End}
	if ent, m := d.mentionIn(span); ent != nil {
		return news.Span{Start: m.Start, End: m.End}, ent
	}
	// "Baradar, the Deputy Prime Minister, ...": the head is the first
	// comma-separated segment ending in a name ("Trump's former campaign
	// manager, Corey Lewandowski" -> the second), else the first segment.
	segFrom, segTo := from, to
	for k, start := from, from; k <= to; k++ {
		if k < to && d.toks[k].Text != "," {
			continue
		}
		if k > start && segTo == to && segFrom == from {
			segFrom, segTo = start, k
		}
		if k > start && d.toks[k-1].isCapitalised() {
			segFrom, segTo = start, k
			break
		}
		start = k + 1
	}
	from, to = segFrom, segTo
	end := to
	for end > from && !d.toks[end-1].isCapitalised() {
		end--
	}
	if end == from || end-from == 1 && determiners[d.toks[from].lower] {
		return news.Span{Start: d.toks[to-1].Start, End: d.toks[to-1].End}, nil
	}
	if end < to {
		// "Russian state media": a common noun heads the phrase.
		if determiners[d.toks[from].lower] && to-from > 1 {
			from++
		}
		return news.Span{Start: d.toks[from].Start, End: d.toks[to-1].End}, nil
	}
	start := end - 1
	for start > from && (d.toks[start-1].isCapitalised() || d.toks[start-1].lower == "of" && start-2 >= from && d.toks[start-2].isCapitalised()) {
		start--
	}
	if start < end-1 && determiners[d.toks[start].lower] {
		start++
	}
	return news.Span{Start: d.toks[start].Start, End: d.toks[end-1].End}, nil
}

// mentionIn finds the entity mention overlapping span, preferring one
// that heads the phrase over a modifier of another word ("Russian state
// media", "Secretary of Russia's National Security Council"), then a name
// mention and, among equals, the last one.
func (d *doc) mentionIn(span news.Span) (*news.Entity, news.Mention) {
	var best *news.Entity
	var bestM news.Mention
	bestRank := -1
	for i := range d.entities {
		e := &d.entities[i]
		for _, m := range e.Mentions {
			if m.Start >= span.End || m.End <= span.Start {
				continue
			}
			rank := 1
			if m.Kind == "" || m.Kind == "name" {
				rank = 2
			}
			if !d.modifies(m, span) {
				rank += 2
			}
			if rank > bestRank || rank == bestRank && m.Start > bestM.Start {
				best, bestM, bestRank = e, m, rank
			}
		}
	}
	return best, bestM
}

// modifies reports whether mention m qualifies another word of phrase
// span rather than heading it: a word or a possessive follows it ("Russian
// state media", "Afghanistan's Deputy Prime Minister"), or a preposition
// governs it ("Minister for Economic Affairs").
func (d *doc) modifies(m news.Mention, span news.Span) bool {
	if k := d.tokenAfter(m.End); m.End < span.End && k < len(d.toks) && d.toks[k].Start < span.End {
		if t := d.toks[k]; !t.isPunct() || t.Text == "'" || t.Text == "’" {
			// "Nancy Pelosi of California": a name before "of" and a
			// place heads the phrase.
			named := m.Kind == "" || m.Kind == "name"
			return !(named && t.lower == "of" && k+1 < len(d.toks) && d.toks[k+1].isCapitalised())
		}
	}
	if m.End < span.End {
		if rest := d.text[m.End:span.End]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
			return true
		}
	}
	// Walk back over the rest of the mention's noun phrase ("of Russia's
	// National Security Council") to the word that governs it.
	for k := d.tokenAfter(m.Start) - 1; k >= 0 && d.toks[k].End > span.Start; k-- {
		t := d.toks[k]
		switch t.lower {
		case "of", "for", "at", "from", "in", "on", "with", "to", "by":
			return true
		}
		if !t.isCapitalised() && !determiners[t.lower] && !possessive(t.lower) && t.Text != "’" && t.Text != "'" {
			return false
		}
	}
	return false
}

// appositionOwner returns the name a title phrase [from, to) stands in
// apposition to ("Meanwhile, Abdul Ghani Baradar, Afghanistan's Deputy
// Prime Minister for Economic Affairs, sought"): the phrase sits between
// commas after a capitalised noun phrase that opens its clause.
func (d *doc) appositionOwner(from, to int) (int, int, bool) {
	closed := d.toks[to-1].Text == "," || to < len(d.toks) && d.toks[to].Text == ","
	if from < 2 || d.toks[from-1].Text != "," || !closed || d.toks[from].quoteID >= 0 {
		return 0, 0, false
	}
	o0, o1 := d.npLeft(from-1, max(0, from-12))
	if o1 <= o0 || !d.toks[o1-1].isCapitalised() || !d.toks[o0].isCapitalised() {
		return 0, 0, false
	}
	if o0 > 0 {
		switch p := d.toks[o0-1]; {
		case p.Text == "," || p.Text == "\n":
		case strings.Contains(d.text[p.End:d.toks[o0].Start], "\n"):
		case p.Text == "." || p.Text == "!" || p.Text == "?" || p.Text == ";":
		default:
			return 0, 0, false
		}
	}
	return o0, o1, true
}

// speakerFor names the speaker of a mention span: the entity when one was
// found, else the mention text, with pronouns resolved to the closest
// preceding name when entities are missing.
func (d *doc) speakerFor(span news.Span, ent *news.Entity, names [2][]nameRef) *news.Speaker {
	if span.End <= span.Start {
		return nil
	}
	if ent != nil {
		return &news.Speaker{EntityID: ent.ID, Name: ent.Name}
	}
	text := d.text[span.Start:span.End]
	if relativePronouns[strings.ToLower(text)] {
		if a0, a1 := d.antecedent(d.tokenAfter(span.Start)); a1 > a0 {
			head, ent := d.head(a0, a1)
			return d.speakerFor(head, ent, names)
		}
		return nil
	}
	if pronouns[strings.ToLower(text)] {
		for _, list := range names {
			for i := len(list) - 1; i >= 0; i-- {
				if list[i].end <= span.Start {
					return &news.Speaker{Name: list[i].name}
				}
			}
		}
		return nil
	}
	return &news.Speaker{Name: text}
}

// nameRef is a capitalised name seen as a speaker, for pronoun fallback.
type nameRef struct {
	name string
	end  int
}

// antecedent returns the noun phrase a relative pronoun at token k stands
// for: "Mr. Kerry and Mr. Obama, who sent", "the agency, which said".
func (d *doc) antecedent(k int) (int, int) {
	w := k
	if w-1 >= 0 && d.toks[w-1].Text == "," {
		w--
	}
	a0, a1 := d.npLeft(w, max(0, w-12))
	if a1 > a0 && relativePronouns[d.toks[a0].lower] {
		return 0, 0
	}
	return a0, a1
}
