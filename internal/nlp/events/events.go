// Package events codes who-did-what-to-whom events in the PLOVER ontology
// (AGREE, CONSULT, DEMAND, ASSAULT, ...) from an article's sentences and
// the entities the reader found: text and annotations in, events out.
//
// Each sentence gives at most one event, read from its first cue phrase
// (lexicon.txt, written from the PLOVER category definitions): the actor is
// the first entity mention before the cue, after any reporting clause
// ("officials said Iraqi forces attacked ..." gives Iraqi forces), the
// target the first mention after it, leaving out places after "in", "at"
// and the like, which become the location. A negated cooperative cue
// ("did not agree") is coded REJECT.
package events

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// mention is one entity mention of the article.
type mention struct {
	start, end int
	entity     *news.Entity
}

// word is a token of a sentence with its forms for cue matching.
type word struct {
	tok         tokenize.Token
	lower, stem string
}

// Code reads the events of an article. It never fails: a sentence without
// a cue gives nothing.
func Code(text string, ann news.Annotations) []news.Event {
	return code(defaultLexicon, text, ann)
}

func code(lex lexicon, text string, ann news.Annotations) []news.Event {
	ments := mentions(text, ann.Entities)
	stems := stemCaches.get()
	defer stemCaches.put(stems)
	var out []news.Event
	for _, s := range ann.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		words := sentenceWords(lex, stems, text, s)
		i, c, ok := firstCue(lex, words, ments)
		if !ok {
			continue
		}
		j := i + len(c.words) - 1
		ev := news.Event{Sentence: s, Action: c.category, Start: words[i].tok.Start, End: words[j].tok.End}
		ev.Cue = text[ev.Start:ev.End]
		ev.Action, ev.Negated = frame(words, i, c.category)
		inSentence := within(ments, s)
		var actor, target *mention
		if m, ok := pickActor(text, words, i, inSentence); ok {
			actor = &m
			ev.Actor, ev.ActorID, ev.ActorSpan = actorName(m.entity), m.entity.ID, &news.Span{Start: m.start, End: m.end}
		} else if w, ok := agentNoun(words, i); ok {
			ev.Actor, ev.ActorSpan = w.tok.Text, &news.Span{Start: w.tok.Start, End: w.tok.End}
		}
		if m, ok := pickTarget(text, words, j, inSentence, actor); ok {
			target = &m
			ev.Target, ev.TargetID, ev.TargetSpan = actorName(m.entity), m.entity.ID, &news.Span{Start: m.start, End: m.end}
		}
		ev.Location = location(text, inSentence, actor, target)
		ev.Date = sentenceDate(ann.Timexes, s)
		out = append(out, ev)
	}
	return out
}

// cooperative categories turn into REJECT when negated.
var cooperative = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "COOPERATE": true,
	"AID": true, "CONCEDE": true, "RETREAT": true}

// Actions, as opposed to statements: announced for the future ("will
// withdraw", "is willing to release") a cooperative action is an AGREE and
// a hostile one a THREATEN, as PLOVER codes intentions.
var (
	cooperativeActs = map[string]bool{"CONSULT": true, "COOPERATE": true, "AID": true, "CONCEDE": true, "RETREAT": true}
	hostileActs     = map[string]bool{"PROTEST": true, "MOBILIZE": true, "SANCTION": true, "COERCE": true, "ASSAULT": true, "FIGHT": true}
)

// intent words within three words before an action announce it.
var intent = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true, "plans": true, "plan": true,
	"planned": true, "intends": true, "intend": true, "intended": true, "prepared": true, "ready": true,
	"willing": true, "going": true, "offered": true}

// Stopping cooperation is a SANCTION ("halted economic aid"); easing a
// restriction is a CONCEDE ("lifted a night curfew"). The governing verb
// stands up to three words before the cue; stems.
var (
	stopping = map[string]bool{"halt": true, "suspend": true, "cut": true, "stop": true, "end": true,
		"prohibit": true, "reduc": true, "freez": true, "froze": true, "cancel": true, "withhold": true, "withheld": true,
		"block": true, "termin": true}
	easing = map[string]bool{"lift": true, "eas": true, "cancel": true, "shorten": true, "end": true, "relax": true,
		"remov": true, "scrap": true, "revok": true, "abolish": true}
	restrictive = map[string]bool{"COERCE": true, "SANCTION": true}
)

// obligation words before a cue make it what someone demands ("the
// rebels must agree to changes").
var obligation = map[string]bool{"must": true, "should": true, "ought": true, "needs": true}

// military stems make violence conventional force (FIGHT) rather than
// unconventional (ASSAULT): "aircraft killed 46 civilians in an attack".
var military = setOfStems("forces", "troops", "army", "aircraft", "artillery", "military", "gunbattle",
	"rocket", "missile", "gunships", "airstrike", "shelling", "tanks", "warplanes", "navy", "mortar", "soldiers")

func setOfStems(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[stem(w)] = true
	}
	return m
}

// frame adjusts a cue's category for the words before it: negation,
// announced intentions, and verbs that stop or ease what the cue names.
func frame(words []word, i int, category string) (string, bool) {
	if negated(words, i) && cooperative[category] {
		return "REJECT", true
	}
	for k := max(0, i-3); k < i; k++ {
		w := words[k].stem
		switch {
		case stopping[w] && (cooperative[category] || category == "AID"):
			return "SANCTION", false
		case easing[w] && restrictive[category]:
			return "CONCEDE", false
		}
	}
	for k := max(0, i-3); k < i; k++ {
		if obligation[words[k].lower] && category != "DEMAND" {
			return "DEMAND", false
		}
	}
	if category == "ASSAULT" && slices.ContainsFunc(words, func(w word) bool { return military[w.stem] }) {
		return "FIGHT", false
	}
	for k := max(0, i-3); k < i; k++ {
		if intent[words[k].lower] {
			switch {
			case cooperativeActs[category]:
				return "AGREE", false
			case hostileActs[category]:
				return "THREATEN", false
			}
		}
	}
	return category, false
}

func mentions(text string, ents []news.Entity) []mention {
	var out []mention
	for i := range ents {
		for _, m := range ents[i].Mentions {
			if m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
				out = append(out, mention{m.Start, m.End, &ents[i]})
			}
		}
	}
	slices.SortFunc(out, func(a, b mention) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	return out
}

func within(ms []mention, s news.Span) []mention {
	lo, _ := slices.BinarySearchFunc(ms, s.Start, func(m mention, t int) int { return cmp.Compare(m.start, t) })
	hi := lo
	for hi < len(ms) && ms[hi].start < s.End {
		hi++
	}
	var out []mention
	for _, m := range ms[lo:hi] {
		if m.end <= s.End {
			out = append(out, m)
		}
	}
	return out
}

// sentenceWords tokenizes a sentence. Only words that can start a cue are
// stemmed (stemming is most of the cost): a stem keeps its word's first
// three letters, so the lexicon's prefixes rule the others out.
func sentenceWords(lex lexicon, stems stemCache, text string, s news.Span) []word {
	toks := tokenize.Tokens(text[s.Start:s.End])
	out := make([]word, len(toks))
	for k, t := range toks {
		t.Start += s.Start
		t.End += s.Start
		lower := strings.ToLower(t.Text)
		if strings.Contains(lower, "’") {
			lower = strings.ReplaceAll(lower, "’", "'")
		}
		out[k] = word{tok: t, lower: lower}
		if lex.needsStem(lower) {
			out[k].stem = stems.stem(lower)
		}
	}
	return out
}

// firstCue finds the first cue of the sentence that is not part of a name
// ("Resolute Support"), preferring the longest cue at a word.
func firstCue(lex lexicon, words []word, ments []mention) (int, cue, bool) {
	for i := range words {
		for _, key := range []string{words[i].stem, "=" + words[i].lower} {
			for _, c := range lex.byFirst[key] {
				if matches(c, words, i) && !inName(ments, words[i].tok.Start, words[i+len(c.words)-1].tok.End) {
					return i, c, true
				}
			}
		}
	}
	return 0, cue{}, false
}

func matches(c cue, words []word, i int) bool {
	if i+len(c.words) > len(words) {
		return false
	}
	for k, w := range c.words {
		got := words[i+k]
		if exact, ok := strings.CutPrefix(w, "="); ok {
			if got.lower != exact {
				return false
			}
		} else if got.stem != w {
			return false
		}
	}
	return true
}

func inName(ments []mention, start, end int) bool {
	k, _ := slices.BinarySearchFunc(ments, end, func(m mention, t int) int { return cmp.Compare(m.start, t) })
	for _, m := range ments[:k] {
		if m.start < end && start < m.end {
			return true
		}
	}
	return false
}

// negators within three words before a cue negate it.
var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "cannot": true,
	"didn't": true, "won't": true, "wouldn't": true, "doesn't": true, "don't": true, "hasn't": true, "haven't": true}

func negated(words []word, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if negators[words[k].lower] {
			return true
		}
	}
	return false
}

// reporting verbs and complementisers end the clause that introduces a
// report, so the actor of the reported event comes after them.
var reporting = map[string]bool{"said": true, "says": true, "say": true, "told": true, "announced": true,
	"reported": true, "stated": true, "added": true, "claimed": true, "confirmed": true, "that": true,
	"according": true, "quoted": true, "noted": true, "explained": true, "insisted": true}

// placePrepositions introduce a place, not a participant.
var placePrepositions = map[string]bool{"in": true, "at": true, "near": true, "from": true, "outside": true,
	"inside": true, "across": true, "into": true, "during": true, "throughout": true, "around": true, "since": true}

// pickActor takes the first participant mention before the cue and after
// the last reporting verb. When the reported clause starts with a pronoun
// the resolver left alone ("Syria said it will withdraw"), the speaker is
// the actor.
func pickActor(text string, words []word, cueAt int, ments []mention) (mention, bool) {
	from, rep := words[0].tok.Start, -1
	for k := 0; k < cueAt; k++ {
		if reporting[words[k].lower] {
			from, rep = words[k].tok.End, k
		}
	}
	first := func(lo, hi int) (mention, bool) {
		for _, m := range ments {
			if m.start >= hi {
				break
			}
			if m.start >= lo && !afterPlacePreposition(text, m.start) {
				return m, true
			}
		}
		return mention{}, false
	}
	if m, ok := first(from, words[cueAt].tok.Start); ok {
		return m, true
	}
	if rep >= 0 && rep+1 < cueAt && pronouns[words[rep+1].lower] {
		return first(words[0].tok.Start, words[rep].tok.Start)
	}
	return mention{}, false
}

var pronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true, "i": true}

func pickTarget(text string, words []word, cueEnd int, ments []mention, actor *mention) (mention, bool) {
	until := reportTail(words, cueEnd)
	after := words[cueEnd].tok.End
	var place *mention
	for k, m := range ments {
		if m.start < after || m.start >= until {
			continue
		}
		if actor != nil && m.entity == actor.entity {
			continue
		}
		if !afterPlacePreposition(text, m.start) {
			return m, true
		}
		if place == nil {
			place = &ments[k]
		}
	}
	// With no participant after the cue, the place it happens in is what
	// the action is directed at ("arrived in Amman", "a force in Liberia").
	if place != nil {
		return *place, true
	}
	return mention{}, false
}

// reportTail is where a trailing reporting clause (", officials said",
// ", the White House announced Tuesday") starts after the cue, or the end
// of the sentence.
func reportTail(words []word, cueEnd int) int {
	for k := cueEnd + 1; k < len(words); k++ {
		if words[k].lower != "," {
			continue
		}
		for n := k + 1; n < len(words) && n <= k+5; n++ {
			if reporting[words[n].lower] && words[n].lower != "that" {
				return words[k].tok.Start
			}
		}
	}
	return words[len(words)-1].tok.End
}

// afterPlacePreposition says the mention at pos follows "in", "at", ...
// (possibly with "the" between).
func afterPlacePreposition(text string, pos int) bool {
	before := strings.Fields(strings.ToLower(text[max(0, pos-20):pos]))
	if n := len(before); n > 0 && before[n-1] == "the" {
		before = before[:n-1]
	}
	return len(before) > 0 && placePrepositions[before[len(before)-1]]
}

// agents are unnamed actors common in event reports ("police arrested").
var agents = map[string]bool{"police": true, "troops": true, "soldiers": true, "forces": true, "army": true,
	"military": true, "rebels": true, "militants": true, "insurgents": true, "guerrillas": true,
	"government": true, "officials": true, "protesters": true, "protestors": true, "demonstrators": true,
	"students": true, "workers": true, "parliament": true, "court": true, "ministry": true, "authorities": true,
	"opposition": true, "gunmen": true, "militia": true, "leaders": true, "ministers": true}

func agentNoun(words []word, cueAt int) (word, bool) {
	from := 0
	for k := 0; k < cueAt; k++ {
		if reporting[words[k].lower] {
			from = k + 1
		}
	}
	for k := from; k < cueAt; k++ {
		if agents[words[k].lower] {
			return words[k], true
		}
	}
	return word{}, false
}

// actorName is the entity's name, or the country it stands for when it is
// a demonym or metonym ("Russian" and "Moscow" act as Russia).
func actorName(e *news.Entity) string {
	if e.Refers != "" {
		if c, ok := resolve.CountryByID(e.Refers); ok {
			return c.Name
		}
	}
	return e.Name
}

// location is the first place of the sentence after "in", "at", ... that
// is neither actor nor target.
func location(text string, ments []mention, actor, target *mention) string {
	for _, m := range ments {
		if m.entity.Type != "LOC" || (actor != nil && m.entity == actor.entity) || (target != nil && m.entity == target.entity) {
			continue
		}
		if afterPlacePreposition(text, m.start) {
			return m.entity.Name
		}
	}
	return ""
}

// sentenceDate is the first resolved day or time in the sentence.
func sentenceDate(ts []news.Timex, s news.Span) string {
	for _, t := range ts {
		if t.Start < s.Start || t.End > s.End || (t.Type != "DATE" && t.Type != "TIME") {
			continue
		}
		if v := t.Value; len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' {
			return v[:10]
		}
	}
	return ""
}
