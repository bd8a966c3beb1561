package timex

import "strings"

// Some matches are words that name a time only in other uses: a title
// ("This Week", "60 Minutes", "High Noon"), an ordinal ("a second
// group"), a march ("the March
// for Life"). falseHit rejects them by their capitals and neighbours.

// falseHit reports whether the match text[start:end] is not a timex.
func falseHit(text string, start, end int) bool {
	own := text[start:end]
	switch {
	case titled(text, start, end):
		return true
	case strings.EqualFold(own, "a second") || strings.EqualFold(own, "one second"):
		// "a second group", "a second betrayal": a count of seconds
		// is followed by what it measures out, not by a noun.
		next := wordAfter(text, end)
		return next != "" && !afterCount[next] && next[0] >= 'a' && next[0] <= 'z'
	case strings.EqualFold(own, "today"):
		return genericToday(text, end)
	case strings.EqualFold(own, "current"):
		// "the current account deficit", "current affairs": terms,
		// not the present.
		next := wordAfter(text, end)
		return next == "account" || next == "accounts" || next == "affairs"
	case strings.EqualFold(own, "noon"):
		return wordBefore(text, start) == "high"
	case strings.EqualFold(own, "march"):
		// "the March for Life", "the March of the Combatant Mothers".
		rest := text[end:]
		for _, p := range []string{" for ", " of the ", " on "} {
			if strings.HasPrefix(rest, p) && capitalisedAfter(text, end+len(p)-1) {
				return true
			}
		}
	}
	return false
}

// afterCount are words that may follow a count of seconds.
var afterCount = setOf(`ago later earlier before after or and of in to for from longer more less
or than into at on until that when while`)

// titleWords are words of a timex that are capitalised only at the start
// of a sentence: a capital elsewhere makes the match part of a name.
var titleWords = setOf(`second seconds minute minutes hour hours week weeks weekend month months
year years decade decades century quarter noon midnight today tonight tomorrow yesterday now
morning afternoon evening night this last next these past recent recently currently current
daily weekly monthly annually future past`)

// titled reports whether the match holds a title word capitalised where
// a sentence does not begin, in text that is not all capitals.
func titled(text string, start, end int) bool {
	own := text[start:end]
	if !hasLower(own) {
		return false
	}
	first := true
	for i := 0; i < len(own); {
		if own[i] == ' ' || own[i] == '-' || own[i] == '\n' {
			i++
			continue
		}
		j := i
		for j < len(own) && own[j] != ' ' && own[j] != '-' && own[j] != '\n' {
			j++
		}
		w := own[i:j]
		if w[0] >= 'A' && w[0] <= 'Z' && titleWords[asciiLower(strings.TrimSuffix(strings.TrimRight(w, ".,"), "'s"))] &&
			(!first || !sentenceStart(text, start)) {
			return true
		}
		first, i = false, j
	}
	return false
}

func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// sentenceStart reports whether a sentence, line or parenthetical may
// begin at i: only quotes and spaces lie between it and a full stop, a
// colon, a dash, an opening bracket or the start of a line.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		switch c := text[i-1]; c {
		case ' ', '\t', '"', '`', '\'':
			i--
		case '\n', '.', '!', '?', ':', ';', '(', '[', '-', '_':
			return true
		default:
			if c >= 0x80 {
				// Curly quotes and dashes.
				i--
				continue
			}
			return false
		}
	}
	return true
}

// wordAfter is the lower-cased word that follows i, "" at punctuation.
func wordAfter(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) && isAlnum(text[j]) {
		j++
	}
	return strings.ToLower(text[i:j])
}

// capitalisedAfter reports whether the word after i begins with a capital.
func capitalisedAfter(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && text[i] >= 'A' && text[i] <= 'Z'
}

// genericHeads are nouns that "today's" modifies when it means "of our
// times" ("today's youth", "today's personal computers"), not a day.
var genericHeads = setOf(`world youth society generation generations children kids young people
teenagers women men families students consumers workers computers technology technologies culture
politics standards economy`)

// genericToday reports whether "today" ending at end is the possessive
// of our times: "today's" with a generic noun within the next two words.
func genericToday(text string, end int) bool {
	rest := text[end:]
	switch {
	case strings.HasPrefix(rest, "'s "):
		rest = rest[3:]
	case strings.HasPrefix(rest, "’s "):
		rest = rest[len("’s "):]
	default:
		return false
	}
	for i, w := range strings.Fields(rest[:min(len(rest), 40)]) {
		if i == 2 {
			break
		}
		if genericHeads[strings.ToLower(strings.TrimRight(w, ".,;:'\"?!"))] {
			return true
		}
	}
	return false
}
