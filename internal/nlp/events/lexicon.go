package events

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

//go:embed lexicon.txt
var lexiconText string

// cue is one phrase of the lexicon. Each word is a stem, or an exact
// lower-case form when the lexicon wrote it with a leading "=" (for words
// whose other inflections mean something else: "backed" but not "back").
type cue struct {
	words    []string
	category string
	phrase   string
}

// lexicon indexes cues by their first word, longest first. prefixes holds
// the first three letters of every stem the coder compares (cue words and
// the frame words of events.go), so that other words go unstemmed.
type lexicon struct {
	byFirst  map[string][]cue
	prefixes map[string]bool
}

// needsStem says a lower-case word could stem to a stem the coder uses.
func (l lexicon) needsStem(lower string) bool { return l.prefixes[prefix(lower)] }

func prefix(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

var defaultLexicon = mustParse(lexiconText)

func mustParse(s string) lexicon {
	l, err := parseLexicon(s)
	if err != nil {
		panic(fmt.Sprintf("events: embedded lexicon: %v", err))
	}
	return l
}

// parseLexicon reads "CATEGORY<TAB>phrase; phrase" lines. A phrase that
// two categories claim is an error: the cue would be ambiguous.
func parseLexicon(s string) (lexicon, error) {
	l := lexicon{byFirst: map[string][]cue{}, prefixes: map[string]bool{}}
	for _, set := range []map[string]bool{stopping, easing, military} {
		for w := range set {
			l.prefixes[prefix(w)] = true
		}
	}
	owner := map[string]string{}
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		category, body, ok := strings.Cut(line, "\t")
		if !ok || category == "" {
			return lexicon{}, fmt.Errorf("line %d: want CATEGORY<TAB>phrases", n+1)
		}
		for _, phrase := range strings.Split(body, ";") {
			words := strings.Fields(strings.ToLower(phrase))
			if len(words) == 0 {
				continue
			}
			for i, w := range words {
				if !strings.HasPrefix(w, "=") {
					words[i] = stem(w)
					l.prefixes[prefix(words[i])] = true
				}
			}
			key := strings.Join(words, " ")
			if c, dup := owner[key]; dup {
				if c != category {
					return lexicon{}, fmt.Errorf("line %d: %q is both %s and %s", n+1, strings.TrimSpace(phrase), c, category)
				}
				continue
			}
			owner[key] = category
			l.byFirst[words[0]] = append(l.byFirst[words[0]], cue{words: words, category: category, phrase: strings.TrimSpace(phrase)})
		}
	}
	for k := range l.byFirst {
		slices.SortStableFunc(l.byFirst[k], func(a, b cue) int { return len(b.words) - len(a.words) })
	}
	return l, nil
}

// stem folds case and curly apostrophes and stems an English word.
func stem(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return english.Stem(w, false)
}

// stemCache remembers the stems of lower-case words. Stemming is most of
// the coder's cost and news text keeps using the same few thousand words,
// so each cache serves many documents (one goroutine at a time, from
// stemCaches) and is emptied once it grows past maxCachedStems words.
type stemCache map[string]string

const maxCachedStems = 1 << 15

func (c stemCache) stem(lower string) string {
	if s, ok := c[lower]; ok {
		return s
	}
	s := stem(lower)
	// Clones: the cache outlives the caller's text.
	c[strings.Clone(lower)] = strings.Clone(s)
	return s
}

// stemCachePool hands each concurrent Code its own stem cache.
type stemCachePool struct{ p sync.Pool }

var stemCaches stemCachePool

func (p *stemCachePool) get() stemCache {
	if c, ok := p.p.Get().(stemCache); ok {
		return c
	}
	return stemCache{}
}

func (p *stemCachePool) put(c stemCache) {
	if len(c) > maxCachedStems {
		clear(c)
	}
	p.p.Put(c)
}
