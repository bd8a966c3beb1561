package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ProxyEntities derives cheap entity IDs from text when no entity linker
// ran: each run of capitalised words ("Sergei Shoigu", "Kabul") becomes
// "ent:sergei_shoigu", and a multi-word run also yields its last word
// ("ent:shoigu") so that later surname-only mentions match. Leading
// capitalised function words ("The", "In") are dropped. It is a proxy for
// the entity-resolution stage, good enough to score clustering with.
func ProxyEntities(text string) []string {
	var out []string
	seen := make(map[string]bool)
	var run []string
	emit := func() {
		for len(run) > 0 && proxyStop[strings.ToLower(run[0])] {
			run = run[1:]
		}
		if len(run) == 0 {
			return
		}
		add := func(words []string) {
			id := "ent:" + strings.ToLower(strings.Join(words, "_"))
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		add(run)
		if len(run) > 1 {
			add(run[len(run)-1:])
		}
		run = run[:0]
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r != ' ' {
				emit() // punctuation and line breaks end a name
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '-' && r2 != '\'' {
				break
			}
			i += s2
		}
		word := strings.TrimRight(text[start:i], "-'")
		if unicode.IsUpper(r) && utf8.RuneCountInString(word) > 1 {
			run = append(run, strings.TrimSuffix(word, "'s"))
			if len(run) == 4 {
				emit()
			}
			continue
		}
		emit()
	}
	emit()
	return out
}

var proxyStop = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "of": true,
	"and": true, "but": true, "or": true, "for": true, "to": true, "by": true, "with": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"his": true, "her": true, "its": true, "their": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "when": true, "while": true, "after": true,
	"before": true, "as": true, "if": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "updated": true, "published": true,
	"first": true, "last": true, "however": true, "also": true, "one": true,
}
