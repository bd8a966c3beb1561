package timex

import "strings"

// tense is the time orientation of the clause around a timex, read from
// the nearest verb; it decides which way "Monday" or "March" resolves.
type tense int

const (
	unknownTense tense = iota
	past
	present
	future
)

var pastVerbs = setOf(`was were had did said told made went came took gave saw held left began
began won lost fell rose met sent paid spoke sold bought brought thought found led struck got
became knew ran set put cut hit let kept shot flew drew fought froze broke chose wrote drove
rode stood understood meant felt heard sought taught caught built spent lent bent dealt slid
swore tore wore woke sank sang shook stole stuck stung struck swept swam threw withdrew agreed
been gone done seen taken given known shown grown thrown flown fallen risen spoken written
driven chosen broken frozen stolen forgotten begun grew fled hung swung spun dug hid laid overcame
undertook upheld withheld forgot sat ate slept wept crept rang drank shrank sprang blew arose shone
forbade mistook`)

var presentVerbs = setOf(`is are am says say does do has have`)

var futureMarkers = setOf(`will shall 'll won't wo would might may until upcoming scheduled
planning plans plan intends intend expects expect`)

// notPast are words ending in -ed that are not past-tense verbs.
var notPast = setOf(`need needed feed speed seed shed bed red embed proceed exceed succeed hundred
indeed naked wicked sacred kindred creed breed greed steed weed deed bleed united limited
related based interested concerned alleged so-called supposed detailed advanced armed`)

// determiners make the -ed word after them an adjective.
var determiners = setOf(`a an the these those its their his her our my your`)

// auxiliaries before a participle take its tense away.
var auxiliaries = setOf(`be being to is are am`)

// prospective are participles that point ahead when followed by "to"
// ("is expected to", "scheduled to").
var prospective = setOf(`expected scheduled planned set due poised slated going likely supposed`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// word is a lower-cased word with its byte span.
type word struct {
	text       string
	start, end int
}

// clauseWords returns the words of the sentence around [start, end),
// excluding the timex itself.
func clauseWords(text string, start, end int) []word {
	from, to := sentenceBounds(text, start, end)
	var words []word
	i := from
	for i < to {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < to && (isWordByte(text[j]) || text[j] == '\'' || text[j] == '-') {
			j++
		}
		if j <= start || i >= end {
			words = append(words, word{strings.ToLower(text[i:j]), i, j})
		}
		i = j
	}
	return words
}

// sentenceBounds finds the sentence containing [start, end): it stops at
// sentence-final punctuation followed by a space and a capital, at blank
// lines, and at most a few hundred bytes away.
func sentenceBounds(text string, start, end int) (int, int) {
	const reach = 300
	from := start
	for from > 0 && start-from < reach {
		if boundaryBefore(text, from) {
			break
		}
		from--
	}
	to := end
	for to < len(text) && to-end < reach {
		if boundaryBefore(text, to) {
			break
		}
		to++
	}
	return from, to
}

// boundaryBefore reports whether a sentence starts at i.
func boundaryBefore(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	if text[i-1] == '\n' && (i < 2 || text[i-2] == '\n') {
		return true
	}
	if text[i-1] != ' ' && text[i-1] != '\n' || i < 2 {
		return false
	}
	p := text[i-2]
	if p != '.' && p != '!' && p != '?' && p != '"' {
		return false
	}
	return text[i] >= 'A' && text[i] <= 'Z' && !abbreviationBefore(text, i-2)
}

// abbreviationBefore reports whether the period at i ends an abbreviation
// ("Nov.", "Mr.", "U.S.").
func abbreviationBefore(text string, i int) bool {
	if text[i] != '.' {
		return false
	}
	j := i
	for j > 0 && isWordByte(text[j-1]) {
		j--
	}
	w := strings.ToLower(text[j:i])
	if len(w) == 1 {
		return true
	}
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "gen", "gov",
		"sen", "rep", "lt", "col", "sgt", "capt", "prof", "jan", "feb", "mar", "apr", "aug",
		"sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
		"sat", "sun", "no", "vs", "ft", "mt", "a.m", "p.m":
		return true
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// tenseAt reads the tense of the clause around [start, end) from the
// verb nearest to it in its own clause: a reporting clause ("officials
// said") or a main clause ("the House will ...") does not set the tense of
// a timex in the clause it introduces or is modified by. A timex in a
// participial clause ("after voting to override the veto Wednesday") has
// no tense of its own; one in a phrase without a verb ("On Monday, ...")
// takes the tense of the sentence.
func tenseAt(text string, start, end int) tense {
	if open, closed, ok := bracketed(text, start, end); ok {
		// "will leave at 4 in the morning (4 a.m. EDT Thursday)": an
		// aside takes the tense of the clause it glosses, not of the
		// sentence around both.
		start, end = open, closed
	}
	if wordBefore(text, start) == "since" {
		// "on patrol since March": a time counted from is gone.
		return past
	}
	words := clauseWords(text, start, end)
	from, to := clauseSpan(text, words, start, end)
	if t, i := nearestTense(words, from, to, start, end); t != unknownTense {
		if t == past && intentions[words[i].text] && i+1 < len(words) && words[i+1].text == "to" && words[i+1].end <= start {
			// "agreed to acquire it in January": the timex belongs to
			// the infinitive, whose time the past intention does not fix.
			return unknownTense
		}
		if t == past && plans[words[i].text] && words[i].end <= start && !afterDeterminer(words, i) {
			// "protesters planned a demonstration on Saturday": the
			// timex dates what was planned, which may still lie ahead.
			return unknownTense
		}
		if t == future && (words[i].text == "until" || words[i].text == "till") && pastPerfect(words) {
			// "Until Thursday, they had not called him a suspect": a
			// state that held up to a day now gone.
			return past
		}
		return t
	}
	if participial(words[from:to]) {
		return unknownTense
	}
	t, _ := nearestTense(words, 0, len(words), start, end)
	return t
}

// bracketed returns the span of the brackets around [start, end), when
// they hold it within a short reach and on one line.
func bracketed(text string, start, end int) (open, closed int, ok bool) {
	const reach = 40
	open = -1
	for i := start - 1; i >= 0 && start-i <= reach; i-- {
		if c := text[i]; c == '(' {
			open = i
			break
		} else if c == ')' || c == '\n' {
			return 0, 0, false
		}
	}
	if open < 0 {
		return 0, 0, false
	}
	for i := end; i < len(text) && i-end <= reach; i++ {
		if c := text[i]; c == ')' {
			return open, i + 1, true
		} else if c == '(' || c == '\n' {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// intentions are past verbs of intending or agreeing whose infinitive
// may lie ahead of the time of speaking.
var intentions = setOf(`agreed decided voted promised pledged vowed wanted hoped sought tried offered
asked prepared moved threatened proposed intended aimed`)

// plans are past verbs whose object, and the time it names, may lie
// ahead of the time of speaking.
var plans = setOf(`planned scheduled arranged organized organised`)

// pastPerfect reports whether the sentence has a verb in the past perfect
// ("had not called", "had been").
func pastPerfect(words []word) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i].text != "had" {
			continue
		}
		next := words[i+1].text
		if next == "not" || next == "never" || next == "been" || pastVerbs[next] || strings.HasSuffix(next, "ed") {
			return true
		}
	}
	return false
}

// nearestTense is the tense of the word in words[from:to] nearest to
// [start, end), and that word's index.
func nearestTense(words []word, from, to, start, end int) (tense, int) {
	best, bestDist, bestAt := unknownTense, 1<<30, -1
	for i := from; i < to; i++ {
		w := words[i]
		t := classify(words, i)
		if t == unknownTense {
			continue
		}
		dist := start - w.end
		if w.start >= end {
			// The verb a time adverbial goes with mostly comes before
			// it ("will double its flights by August in the search for
			// markets untouched by the crisis"): words after count as
			// twice as far.
			dist = 2*(w.start-end) + 1
		}
		if dist < bestDist {
			best, bestDist, bestAt = t, dist, i
		}
	}
	return best, bestAt
}

// clauseOpeners begin a subordinate or relative clause.
var clauseOpeners = setOf(`that which who whom whose when while after before because although though
if unless whereas where but`)

// clauseSpan returns the range of words in the clause holding [start,
// end): it is bounded by punctuation that sets off clauses and by the
// words that open one.
func clauseSpan(text string, words []word, start, end int) (from, to int) {
	first := len(words) // index of the first word after the timex
	for i, w := range words {
		if w.start >= end {
			first = i
			break
		}
	}
	from = first
	for from > 0 {
		w := words[from-1]
		limit := start
		if from < first {
			limit = words[from].start
		}
		if clauseBreak(text[w.end:limit]) {
			break
		}
		from--
		if clauseOpeners[w.text] {
			break
		}
	}
	to = first
	for to < len(words) {
		w := words[to]
		limit := end
		if to > first {
			limit = words[to-1].end
		}
		if clauseBreak(text[limit:w.start]) || clauseOpeners[w.text] {
			break
		}
		to++
	}
	return from, to
}

// clauseBreak reports whether the text between two words sets off a
// clause.
func clauseBreak(gap string) bool {
	return strings.ContainsAny(gap, ",;:()\"`") || strings.Contains(gap, "--") || strings.Contains(gap, "''") ||
		strings.Contains(gap, " - ") || strings.Contains(gap, "\u2014")
}

// participial reports whether a clause is a participle after the word
// that opens it ("after voting", "before leaving", "while visiting").
func participial(clause []word) bool {
	for i := 0; i+1 < len(clause); i++ {
		if participleOpeners[clause[i].text] && strings.HasSuffix(clause[i+1].text, "ing") {
			return true
		}
	}
	return false
}

var participleOpeners = setOf(`after before while when since by upon without`)

// afterDeterminer reports whether words[i] follows a determiner, perhaps
// with one adverb between ("a still unspecified date").
func afterDeterminer(words []word, i int) bool {
	if i > 0 && determiners[words[i-1].text] {
		return true
	}
	if i > 1 && (words[i-1].text == "still" || strings.HasSuffix(words[i-1].text, "ly")) {
		return determiners[words[i-2].text]
	}
	return false
}

func classify(words []word, i int) tense {
	w := words[i].text
	next, prev := "", ""
	if i+1 < len(words) {
		next = words[i+1].text
	}
	if i > 0 {
		prev = words[i-1].text
	}
	if prospective[w] && (next == "to" || next == "for") {
		// "is scheduled to close", "expected to": ahead, whatever the
		// auxiliary, except a plan already in the past perfect ("had
		// been due to expire Friday").
		if prev == "had" || prev == "been" && i > 1 && words[i-2].text == "had" {
			return past
		}
		return future
	}
	if (w == "was" || w == "were") && i+2 < len(words) && words[i+2].text == "to" &&
		(prospective[next] || next == "planning") {
		// "were planning to drive", "was due to": ahead of then, and
		// most often of now.
		return future
	}
	if auxiliaries[prev] && (pastVerbs[w] || strings.HasSuffix(w, "ed")) {
		// "would be paid", "to be acquired": the auxiliary carries the tense.
		return unknownTense
	}
	switch {
	case futureMarkers[w] || strings.HasSuffix(w, "'ll") || w == "would" || w == "next" && next != "to":
		return future
	case w == "going" && next == "to", (w == "is" || w == "are") && next == "to":
		return future
	case w == "soon" && prev == "as" && next == "as":
		return future
	case pastVerbs[w], w == "ago", w == "last", w == "earlier", w == "yesterday":
		return past
	case presentVerbs[w]:
		return present
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w] && !strings.ContainsRune(w, '\'') && !afterDeterminer(words, i):
		// After a determiner an -ed word is an adjective ("a still
		// unspecified date", "the proposed merger").
		return past
	}
	return unknownTense
}
