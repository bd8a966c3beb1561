package quote

import (
	"log/slog"
	"strings"
	"sync"

	quotemodel "github.com/parallax-news/parallax/models/quote"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/quote/tagger"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// learnedModel is the embedded attribution-span tagger, decoded once; nil
// when it cannot be read (Find then runs on the rules alone).
var learnedModel = sync.OnceValue(func() *tagger.Model {
	m, err := tagger.Decode(quotemodel.Tagger)
	if err != nil {
		slog.Warn("quote: learned tagger unavailable", "err", err)
		return nil
	}
	return m
})

// rules reads the rule attributions of every unit, in text order.
func (d *doc) rules(sentences []news.Span) []attribution {
	var atts, prev []attribution
	for _, u := range d.units(sentences) {
		as := d.unitAttributions(u, prev)
		atts = append(atts, as...)
		prev = as
	}
	return atts
}

// withLearned runs the tagger over the text, with the rule attributions
// as hints, and combines its spans with them.
func (d *doc) withLearned(atts []attribution) []attribution {
	m := learnedModel()
	if m == nil {
		return atts
	}
	x := m.Extractor(CueClass)
	x.SkipInert = true
	return d.combine(m.Tag(x.ExtractHinted(d.text, d.hints(atts))), atts)
}

// hints are the contents, cues and sources of rule attributions as
// tagger spans.
func (d *doc) hints(atts []attribution) tagger.Spans {
	var h tagger.Spans
	for _, a := range atts {
		h.Content = append(h.Content, a.content)
		if a.cueFrom >= 0 && a.cueTo > a.cueFrom {
			h.Cue = append(h.Cue, news.Span{Start: d.toks[a.cueFrom].Start, End: d.toks[a.cueTo-1].End})
		}
		if a.srcTo > a.srcFrom {
			h.Source = append(h.Source, news.Span{Start: d.toks[a.srcFrom].Start, End: d.toks[a.srcTo-1].End})
		}
	}
	return h
}

// RuleSpans returns the spans the rules alone find in text: the hints the
// tagger is trained with (internal/nlp/quote/cmd/quotetrain).
func RuleSpans(text string) tagger.Spans {
	d := newDoc(text, nil)
	return d.hints(d.rules(tokenize.Sentences(text)))
}

// combine keeps the rule attributions the tagger confirms (a direct
// quotation, an interview turn, or a reported content that overlaps a
// tagged CONTENT). A tagged content stands for the reported rule contents
// it overlaps: the first keeps its cue and source and takes the tagged
// extent (the tagger, which reads the rules' spans, learned where PolNeAR
// ends them), the others go. Reported attributions get the tagged SOURCE
// nearest their cue, and the tagged contents no kept rule holds are added.
func (d *doc) combine(spans tagger.Spans, rules []attribution) []attribution {
	var kept []attribution
	for _, r := range rules {
		if r.direct || r.lemma == ":" {
			kept = append(kept, r)
		}
	}
	direct := len(kept)
	taken := make([]bool, len(rules))
	// keptAs is where a rule attribution went in kept (-1 when not kept).
	keptAs := make([]int, len(rules))
	for i := range keptAs {
		keptAs[i] = -1
	}
	for _, raw := range spans.Content {
		c := d.trimSpan(raw)
		var over []int
		for i, r := range rules {
			if r.direct || r.lemma == ":" || raw.Start >= r.content.End || r.content.Start >= raw.End {
				continue
			}
			if taken[i] {
				if k := keptAs[i]; k >= 0 && c.End > c.Start && d.resumes(kept[k], c) {
					kept[k].content.End = c.End
				}
				continue
			}
			over = append(over, i)
			taken[i] = true
		}
		switch {
		case len(over) == 0:
			continue
		case c.End <= c.Start || d.overlapsAny(c, kept[:direct]):
			// A tagged content that reaches into a quotation or its
			// speaker leaves the rules' own extents.
			for _, i := range over {
				keptAs[i] = len(kept)
				kept = append(kept, rules[i])
			}
			continue
		}
		r := rules[over[0]]
		keptAs[over[0]] = len(kept)
		// A tagged extent that takes in the subject and cue before the
		// rule content ("half said they were worried") leaves the rule's.
		if r.cueFrom < 0 || r.cueTo <= r.cueFrom || c.Start >= d.toks[r.cueTo-1].End || r.content.Start < d.toks[r.cueTo-1].End {
			r.cueTo = d.cueThrough(r, c)
			r.content = c
		}
		kept = append(kept, r)
	}
	for i, r := range kept {
		if r.direct || r.cueFrom < 0 || r.cueTo <= r.cueFrom {
			continue
		}
		cue := news.Span{Start: d.toks[r.cueFrom].Start, End: d.toks[r.cueTo-1].End}
		s, ok := d.nearest(cue, spans.Source)
		if !ok || d.overlapsAny(s, kept[i:i+1]) {
			continue
		}
		// A rule source in the cue's sentence outweighs a tagged one beyond it.
		if r.srcTo > r.srcFrom && d.sentenceBetween(s, cue) && !d.sentenceBetween(news.Span{Start: d.toks[r.srcFrom].Start, End: d.toks[r.srcTo-1].End}, cue) {
			continue
		}
		// A tagged source beyond the content, on the far side from the
		// cue, is the next attribution's ("half said X, and 4 in 10 said").
		if c := r.content; cue.End <= c.Start && c.End <= s.Start || s.End <= c.Start && c.End <= cue.Start {
			continue
		}
		// A rule subject whose relative clause is or holds the tagged
		// source ("Officials who spoke with the newspaper said") stays.
		if r.srcTo > r.srcFrom && d.toks[r.srcTo-1].End <= s.Start && s.End <= cue.Start && d.relativeBetween(r.srcTo, d.tokenAfter(s.Start)+1) {
			continue
		}
		// A tagged source before the rule subject with a cue between them
		// is that cue's ("State media reported that Moscow supports").
		if r.srcTo > r.srcFrom && s.End <= d.toks[r.srcFrom].Start && d.cueBetween(d.tokenAfter(s.End), r.srcFrom) {
			continue
		}
		kept[i].srcFrom, kept[i].srcTo = d.tokenAfter(s.Start), d.tokenAfter(s.End)
	}
	for i, r := range kept {
		// A reported rule content that neither the rules nor the tagger
		// gave a source takes its cue's subject.
		if !r.direct && r.lemma != ":" && r.cueFrom >= 0 && r.cueTo > r.cueFrom && r.srcTo <= r.srcFrom {
			kept[i].srcFrom, kept[i].srcTo = d.cueSubject(r.cueFrom)
			if kept[i].srcTo <= kept[i].srcFrom {
				kept[i].srcFrom, kept[i].srcTo = d.speechTagSource(r.cueFrom, kept)
			}
		}
	}
	return append(kept, d.learned(spans, kept)...)
}

// resumes reports whether tagged content c continues a's content on the
// far side of a's own cue and source ("Too often, | Mr. Clarke said, |
// the debate ..."): a's content ends before its cue, c starts after it,
// and only the attribution and punctuation lie between them.
func (d *doc) resumes(a attribution, c news.Span) bool {
	if a.cueFrom < 0 || a.cueTo <= a.cueFrom || c.Start < a.content.End {
		return false
	}
	cue := news.Span{Start: d.toks[a.cueFrom].Start, End: d.toks[a.cueTo-1].End}
	if cue.Start < a.content.End || cue.End > c.Start {
		return false
	}
	for k := d.tokenAfter(a.content.End); k < len(d.toks) && d.toks[k].End <= c.Start; k++ {
		t := d.toks[k]
		inAttribution := k >= a.cueFrom && k < a.cueTo || k >= a.srcFrom && k < a.srcTo
		if !inAttribution && !(t.isPunct() && t.Text != "." && t.Text != "?" && t.Text != "!") {
			return false
		}
	}
	return true
}

// cueThrough returns the end token of r's cue when its content becomes c:
// a content that now starts a few words after the cue leaves them to the
// cue ("expressed concern about | the deficit").
func (d *doc) cueThrough(r attribution, c news.Span) int {
	if r.cueFrom < 0 || r.cueTo <= r.cueFrom || d.toks[r.cueTo-1].End > r.content.Start || c.Start <= r.content.Start {
		return r.cueTo
	}
	to := d.tokenAfter(c.Start)
	if to-r.cueTo > maxCueWords {
		return r.cueTo
	}
	for _, t := range d.toks[r.cueTo:to] {
		if t.isPunct() || t.quoteID >= 0 {
			return r.cueTo
		}
	}
	return to
}

// maxCueWords is how many words a cue may gain from its content.
const maxCueWords = 3

// overlapsTokens reports whether s overlaps tokens [from, to).
func (d *doc) overlapsTokens(s news.Span, from, to int) bool {
	return to > from && s.Start < d.toks[to-1].End && d.toks[from].Start < s.End
}

// cueBetween reports whether a lower-case cue word of the rule lexicon is
// among tokens [from, to).
func (d *doc) cueBetween(from, to int) bool {
	for _, t := range d.toks[from:to] {
		if _, c := cueLemma(t.lower); c != 0 && t.isLower() {
			return true
		}
	}
	return false
}

// sentenceBetween reports whether a sentence ends between spans a and b,
// which do not overlap.
func (d *doc) sentenceBetween(a, b news.Span) bool {
	lo, hi, ok := gap(a, b)
	if !ok {
		return false
	}
	for _, t := range d.toks[d.tokenAfter(lo):d.tokenAfter(hi)] {
		if t.Text == "." || t.Text == "?" || t.Text == "!" {
			return true
		}
	}
	return false
}

// relativeBetween reports whether a relative pronoun is among tokens
// [from, to).
func (d *doc) relativeBetween(from, to int) bool {
	for _, t := range d.toks[from:to] {
		switch t.lower {
		case "who", "whom", "which", "that", "whose":
			return true
		}
	}
	return false
}

// learned turns tagged contents into attributions, skipping those that
// overlap a content of kept, the rule attributions combine kept (a rule
// content the tagger trimmed away or dropped no longer blocks a tagged
// content there: nested attributions, PolNeAR dev recall 0.668 -> 0.679).
// Quotations are the rules' domain: a tagged
// content that starts inside one the rules did not attribute is dropped.
// Each content needs a tagged CUE close by in its sentence that is more
// than a light verb ("made a visit" is no report), and takes as source the
// tagged SOURCE span of its paragraph nearest to that cue, else the cue's
// subject, else the possessor of a nominal cue ("his written reply to":
// PolNeAR dev source 0.8983 -> 0.8997), else the subject of the clause of
// an infinitive cue ("Darby joined the show to talk about": 0.8997 ->
// 0.9003).
func (d *doc) learned(spans tagger.Spans, kept []attribution) []attribution {
	var out []attribution
	for _, raw := range spans.Content {
		c := d.trimSpan(raw)
		if c.End <= c.Start || c.Start < d.bodyStart && c.End > d.datelineStart || d.overlapsAny(c, kept) || d.overlapsAny(c, d.relays) {
			continue
		}
		from, to := d.tokenAfter(c.Start), d.tokenAfter(c.End)
		// "said Tuesday night on Fox News' ...": a span that opens with a
		// day is the setting of a speech tag, not what was said.
		if to-from < minLearnedTokens || d.toks[from].quoteID >= 0 || weekday(d.toks[from].lower) || d.toks[from].lower == "yesterday" || d.toks[from].lower == "tonight" {
			continue
		}
		cue, ok := d.attachedCue(raw, spans.Cue)
		if !ok {
			continue
		}
		a := attribution{content: c}
		a.cueFrom, a.cueTo = d.tokenAfter(cue.Start), d.tokenAfter(cue.End)
		if a.cueTo-a.cueFrom == 1 && lightVerbs[d.toks[a.cueFrom].lower] || d.adjectivePredicate(a.cueFrom, a.cueTo) {
			continue
		}
		// "said Tuesday night | on Fox News' “...”": a cue that took in a
		// time and a content that opens with a preposition are the speech
		// tag's setting, not what was said.
		if last := d.toks[a.cueTo-1].lower; (weekday(last) || timeNoun(last)) && adjunctStart[d.toks[from].lower] {
			continue
		}
		if relayCues[d.toks[a.cueFrom].lower] {
			continue
		}
		a.lemma, a.class = cueLemma(d.toks[a.cueFrom].lower)
		if d.evidentialThing(a.cueFrom, a.cueTo) || d.bareObjectCue(a.cueFrom, a.cueTo, from) || d.attributiveCue(a.cueFrom, a.cueTo, from) {
			continue
		}
		s, ok := d.nearest(cue, nearSide(cue, c, spans.Source))
		if ok && !d.sentenceBetween(s, cue) {
			a.srcFrom, a.srcTo = d.tokenAfter(s.Start), d.tokenAfter(s.End)
		} else if a.srcFrom, a.srcTo = d.cueSubject(a.cueFrom); a.srcTo <= a.srcFrom && ok {
			// A source in another sentence stands only when the cue's own has no subject.
			a.srcFrom, a.srcTo = d.tokenAfter(s.Start), d.tokenAfter(s.End)
		}
		if a.srcTo <= a.srcFrom {
			a.srcFrom, a.srcTo = d.speechTagSource(a.cueFrom, kept)
		}
		if a.srcTo <= a.srcFrom {
			a.srcFrom, a.srcTo = d.possessor(a.cueFrom)
		}
		if a.srcTo <= a.srcFrom {
			a.srcFrom, a.srcTo = d.infinitiveSubject(a.cueFrom)
		}
		out = append(out, a)
	}
	return out
}

// speechTagSource returns the source of the attribution in atts whose
// cue and source end at the comma right before a participle cue at token
// k: the participle goes on with that speaker ("“...,” Mr. Hedge said,
// referring to the resorts"). It returns an empty range when there is none.
func (d *doc) speechTagSource(k int, atts []attribution) (int, int) {
	if k < 1 || d.toks[k-1].Text != "," || !strings.HasSuffix(d.toks[k].lower, "ing") {
		return 0, 0
	}
	for _, a := range atts {
		if a.srcTo > a.srcFrom && a.cueTo > a.cueFrom && max(a.cueTo, a.srcTo) == k-1 {
			return a.srcFrom, a.srcTo
		}
	}
	return 0, 0
}

// cueSubject returns the subject of the cue at token k in its sentence
// for a tagged content the tagger found no source for: the noun phrase
// before the cue ("CNN also noted", "Weber, who advises Kasich, ...
// lauded"), or the clause's subject for a participle or a coordinated
// verb ("..., accusing", "Smith spoke and delivered"). It returns an
// empty range when there is none.
func (d *doc) cueSubject(k int) (int, int) {
	floor := k
	for floor > 0 && !clauseEnds[d.toks[floor-1].Text] && !strings.Contains(d.text[d.toks[floor-1].End:d.toks[floor].Start], "\n") {
		floor--
	}
	// A nominal cue ("the contention of", "a verbal attack") has no
	// subject before it.
	if c := d.toks[k]; !c.isLower() && k > floor || determiners[c.lower] {
		return 0, 0
	}
	m := d.subjectEnd(k, floor)
	s0, s1 := d.npLeft(m, floor)
	if s1 <= s0 {
		s0, s1 = d.clauseSubjectOf(k, m, floor)
	}
	// A subject that takes in the cue is the participle itself
	// ("Conceding there would ...").
	if s1 <= s0 || s0 <= k && k < s1 || d.inanimateSubject(s0, s1, floor) {
		return 0, 0
	}
	// A lone lower-case word is no subject ("... buttress | the
	// contention of", "the | hope").
	if w := d.toks[s0]; s1-s0 == 1 && (determiners[w.lower] || w.isLower() && !pronouns[w.lower]) {
		return 0, 0
	}
	// Nor a date or a connective ("Tuesday", "But").
	if w := d.toks[s1-1].lower; weekday(w) || month(w) || clauseOpeners[w] {
		return 0, 0
	}
	return s0, s1
}

// clauseSubjectOf returns the subject of a cue at token k with no noun
// phrase right before it (m is where its subject would end, floor the
// sentence start): the head before an apposition ("Trump, a Republican
// candidate, shares"), or the clause's subject for a participle or a
// coordinated verb ("..., laying out", "prepared a statement but decided
// to", "Conceding that ..., he").
func (d *doc) clauseSubjectOf(k, m, floor int) (int, int) {
	if m-1 >= floor && d.toks[m-1].Text == "," {
		if h0, ok := d.appositionHead(m-1, floor); ok {
			return d.npRight(h0, m-1)
		}
	}
	participle := strings.HasSuffix(d.toks[k].lower, "ing")
	var before string
	if m-1 >= floor {
		before = d.toks[m-1].lower
	}
	coordinated := before == "and" || before == "but"
	if coordinated || participle && (m == floor || before == "," || participleLead[before]) {
		end := k
		for end < len(d.toks) && !clauseEnds[d.toks[end].Text] {
			end++
		}
		return d.clauseSubject(unit{from: floor, to: end})
	}
	return 0, 0
}

// nearSide drops the sources beyond content c on the far side from its
// cue: they are the next attribution's ("half said X, and 4 in 10 said").
func nearSide(cue, c news.Span, sources []news.Span) []news.Span {
	var out []news.Span
	for _, s := range sources {
		if cue.End <= c.Start && c.End <= s.Start || s.End <= c.Start && c.End <= cue.Start {
			continue
		}
		out = append(out, s)
	}
	return out
}

// lightVerbs are no cue on their own: their object is an event ("made an
// unexpected visit", "held talks"); tagged with more words ("made clear",
// "made the case") they are.
var lightVerbs = map[string]bool{
	"make": true, "makes": true, "made": true, "making": true, "take": true, "takes": true,
	"took": true, "taking": true, "hold": true, "holds": true, "held": true, "holding": true,
	"pay": true, "pays": true, "paid": true, "paying": true, "give": true, "gives": true,
	"gave": true, "giving": true, "have": true, "has": true, "had": true, "having": true,
}

// relayCues name the source that follows them, never a content: "citing a
// diplomat", "quoting officials", "according to the report".
var relayCues = map[string]bool{"citing": true, "quoting": true, "according": true}

// minLearnedTokens is the shortest tagged content kept, in tokens.
const minLearnedTokens = 2

// maxCueGap is how many tokens may separate a tagged content from its cue.
const maxCueGap = 6

// attachedCue returns the tagged cue nearest to content s with at most
// maxCueGap tokens and no sentence end or line break between them.
func (d *doc) attachedCue(s news.Span, cues []news.Span) (news.Span, bool) {
	best, bestGap := news.Span{}, -1
	for _, c := range cues {
		lo, hi, ok := gap(s, c)
		if !ok {
			continue
		}
		i, j := d.tokenAfter(lo), d.tokenAfter(hi)
		if j-i > maxCueGap || strings.Contains(d.text[lo:hi], "\n") {
			continue
		}
		ends := false
		for _, t := range d.toks[i:j] {
			if t.Text == "." || t.Text == "?" || t.Text == "!" {
				ends = true
			}
		}
		if !ends && (bestGap < 0 || j-i < bestGap) {
			best, bestGap = c, j-i
		}
	}
	return best, bestGap >= 0
}

// gap returns the text between two spans that do not overlap.
func gap(s, c news.Span) (lo, hi int, ok bool) {
	switch {
	case c.End <= s.Start:
		return c.End, s.Start, true
	case c.Start >= s.End:
		return s.End, c.Start, true
	}
	return 0, 0, false
}

// trimSpan drops quotation marks, punctuation and spaces at both ends
// and a leading "that".
func (d *doc) trimSpan(s news.Span) news.Span {
	const cut = " \t\n\"“”‘’'«»„,.;:—–-"
	t := d.text[s.Start:s.End]
	left := strings.TrimLeft(t, cut)
	s.Start += len(t) - len(left)
	s.End = s.Start + len(strings.TrimRight(left, cut))
	// Contents start after the complementiser ("said that ...").
	if rest, ok := strings.CutPrefix(d.text[s.Start:s.End], "that "); ok {
		s.Start = s.End - len(rest)
	}
	return s
}

// overlapsAny reports whether s overlaps the content or the source of
// one of atts.
func (d *doc) overlapsAny(s news.Span, atts []attribution) bool {
	for _, a := range atts {
		if s.Start < a.content.End && a.content.Start < s.End {
			return true
		}
		if a.srcTo > a.srcFrom && s.Start < d.toks[a.srcTo-1].End && d.toks[a.srcFrom].Start < s.End {
			return true
		}
	}
	return false
}

// nearest returns the span of cands closest to s in the same paragraph
// that does not overlap it.
func (d *doc) nearest(s news.Span, cands []news.Span) (news.Span, bool) {
	best, bestDist := news.Span{}, -1
	for _, c := range cands {
		lo, hi, ok := gap(s, c)
		if !ok || strings.Contains(d.text[lo:hi], "\n") {
			continue
		}
		if dist := hi - lo; bestDist < 0 || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best, bestDist >= 0
}

// copulas link a subject to an adjective: "is keen", "seems eager".
var copulas = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true,
}

// adjectivePredicate reports whether tagged cue tokens [from, to) are a
// copula and a word the cue lexicon does not know ("is keen", "seems
// keen" to ...): a disposition the writer ascribes, not a report.
func (d *doc) adjectivePredicate(from, to int) bool {
	if to-from != 2 || !copulas[d.toks[from].lower] {
		return false
	}
	w := d.toks[from+1].lower
	_, class := cueLemma(w)
	return class == 0 && !objectVerbs[w] && len(topicCues[w]) == 0
}

// evidentialThing reports whether tagged cue tokens [from, to) hold an
// evidential verb whose subject is a thing ("This visit underscores").
// The tagger's cue may take in the subject's head ("visit underscores").
func (d *doc) evidentialThing(from, to int) bool {
	for k := from; k < to; k++ {
		if lemma, _ := cueLemma(d.toks[k].lower); evidentialVerbs[lemma] {
			floor := d.lineStart(k)
			m := d.skipModifiersLeft(k, floor)
			f, t := d.npLeft(m, floor)
			return t > f && d.inanimateSubject(f, t, floor)
		}
	}
	return false
}

// lineStart returns the first token of the line holding token k.
func (d *doc) lineStart(k int) int {
	for k > 0 && !strings.Contains(d.text[d.toks[k-1].End:d.toks[k].Start], "\n") {
		k--
	}
	return k
}

// possessor returns the possessor right before a nominal cue at token k,
// its source ("his written reply to", "Trump's criticism of", "his harsh
// criticism of"), or an empty range.
func (d *doc) possessor(k int) (int, int) {
	// A cue with its own determiner ("the contention of") or a name has
	// no possessor.
	if c := d.toks[k]; k < 1 || determiners[c.lower] || !c.isLower() {
		return 0, 0
	}
	isPossessive := func(w string) bool { return possessive(w) || w == "'s" || w == "’s" }
	// One modifier may come between ("his harsh criticism of").
	if m := d.toks[k-1]; k >= 2 && m.isLower() && !m.isPunct() && !determiners[m.lower] && !isPossessive(m.lower) && isPossessive(d.toks[k-2].lower) {
		k--
	}
	switch p := d.toks[k-1]; {
	case p.lower == "'s" || p.lower == "’s":
		if f, t := d.npLeft(k-1, d.lineStart(k-1)); t > f {
			return f, t
		}
	case possessive(p.lower):
		return k - 1, k
	}
	return 0, 0
}

// infinitiveSubject returns the subject of the clause whose infinitive
// is the cue at token k ("Darby joined the show to talk about"), or an
// empty range.
func (d *doc) infinitiveSubject(k int) (int, int) {
	if d.toks[k].lower == "to" {
		k++ // the tagged cue may take in the "to"
	}
	if k < 1 || k >= len(d.toks) || d.toks[k-1].lower != "to" {
		return 0, 0
	}
	floor := k - 1
	for floor > 0 && !clauseEnds[d.toks[floor-1].Text] && !strings.Contains(d.text[d.toks[floor-1].End:d.toks[floor].Start], "\n") {
		floor--
	}
	s0, s1 := d.clauseSubject(unit{from: floor, to: k - 1})
	if s1 <= s0 || d.inanimateSubject(s0, s1, floor) {
		return 0, 0
	}
	// A clause that opens with a connective or a subordinator ("When
	// Guajardo sat down to talk") has its subject after it, a name or a
	// pronoun.
	if w := d.toks[s0].lower; clauseOpeners[w] || subordinators[w] || w == "unless" || w == "until" || w == "whether" {
		s0, s1 = d.npRight(s0+1, k-1)
		if s1 <= s0 || !d.toks[s0].isCapitalised() && !pronouns[d.toks[s0].lower] {
			return 0, 0
		}
	}
	return s0, s1
}

// bareObjectCue reports whether tagged cue tokens [from, to), right
// before a content starting at token k, end in a gerund after a
// preposition that the rules take as a cue only before a complement
// ("that", "to", a quotation), here with a bare noun phrase as its object
// ("assistance in countering the impact of sanctions"): an activity, not a
// report.
func (d *doc) bareObjectCue(from, to, k int) bool {
	if k != to || to-2 < from-1 || to < 2 {
		return false
	}
	w := d.toks[to-1]
	if !strings.HasSuffix(w.lower, "ing") || !gerundPrepositions[d.toks[to-2].lower] || objectVerbs[w.lower] || whWords[d.toks[k].lower] {
		return false
	}
	lemma, _ := cueLemma(w.lower)
	return complementOnly[lemma] && !d.plausibleCue(unit{from: to - 1, to: len(d.toks)}, to-1, lemma)
}

// gerundPrepositions take a gerund: "in countering", "by withholding".
var gerundPrepositions = map[string]bool{
	"in": true, "of": true, "for": true, "by": true, "on": true, "about": true, "at": true,
	"from": true, "with": true, "without": true, "after": true, "before": true,
}

// whWords open an indirect question, a complement of its own: "without
// knowing how they would".
var whWords = map[string]bool{
	"how": true, "what": true, "whether": true, "why": true, "if": true, "who": true,
	"where": true, "when": true, "which": true,
}

// attributiveCue reports whether a one-word tagged cue right before its
// content is a participle that modifies the content's head ("the alleged
// shooter"): a determiner before it makes it an adjective, not a verb.
func (d *doc) attributiveCue(from, to, k int) bool {
	if to-from != 1 || k != to || from == 0 || !strings.HasSuffix(d.toks[from].lower, "ed") {
		return false
	}
	switch d.toks[from-1].lower {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}
