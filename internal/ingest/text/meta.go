package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	reUpdated   = regexp.MustCompile(`(?i)^(?:last\s+updated?|last\s+modified|last\s+edited|updated|update|modified|edited|mis\s+à\s+jour|actualizado|actualizada|aktualisiert|aggiornato|atualizado|atualizada)(?:\s+(?:on|at|le|el|am|il|em))?\s*(?:[:\-–—]\s*)?(.*)$`)
	rePublished = regexp.MustCompile(`(?i)^(?:first\s+published|published|posted|publication\s+date|date\s+published|date|dated|publié|publicado|publicada|veröffentlicht|pubblicato|publicat)(?:\s+(?:on|at|le|el|am|il|em))?\s*(?:[:\-–—]\s*)?(.*)$`)
	reRelative  = regexp.MustCompile(`(?i)^(?:(?:\d+|an?|one|few|several)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|just now|moments ago|today|yesterday|recently|il y a .{1,20}|hace .{1,20}|vor .{1,20})\.?$`)
	reByline    = regexp.MustCompile(`(?i)^(?:by|von|par|por|door)\s+(.+)$`)
	reAuthor    = regexp.MustCompile(`(?i)^(?:author|authors|written by|words by|story by|reporter|reported by|autor|autora|auteur|autore|text)\s*[:：]?\s+(.+)$`)
	reSource    = regexp.MustCompile(`(?i)^(?:source|quelle|fuente|fonte|источник)\s*[:：]\s*(.{1,60})$`)
	reFooter    = regexp.MustCompile(`(?:^|[\s.!?"”’])The (?:post|article) (.+?) (?:appeared first|first appeared|was first published) (?:on|in) (.+?)\s*\.?\s*$`)
	reSlashLine = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{M}\d .,'’-]{1,60}/([\p{Lu}][\p{L}-]{1,20}(?: [\p{Lu}][\p{L}-]+){0,2})/\.?\s`)
	reDateline  = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{M}\d .,'’-]{1,60}\(([\p{Lu}][\p{L}]{1,20}(?: [\p{Lu}][\p{L}]+){0,2})\)\s*[-–—]`)
)

// maxBylineRunes bounds the lines read as bylines; longer ones are prose.
const maxBylineRunes = 200

// nameConnectors may appear uncapitalised inside a list of personal names.
var nameConnectors = setOf("and", "&", "with", "y", "e", "et", "und", "de", "da", "das", "dos", "del",
	"della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "di", "ter", "zu")

// stamp is what a metadata line says about the article's dates.
type stamp struct {
	kind  string // reasonUpdateStamp, reasonPublished or reasonDate
	value *dateValue
	// relative is the unresolved relative phrase ("3 hours ago").
	relative string
	// unread is a stamp whose date could not be read without guessing
	// ("05/03/2024": day and month could be swapped).
	unread string
}

// parseStamp recognises an update stamp, a publication stamp or a line
// that is only a date. ok is false for anything else, including sentences
// that merely start with "Updated".
func parseStamp(line string) (stamp, bool) {
	line = strings.TrimSpace(line)
	if m := reUpdated.FindStringSubmatch(line); m != nil {
		if st, ok := stampValue(reasonUpdateStamp, m[1]); ok {
			return st, true
		}
	}
	if m := rePublished.FindStringSubmatch(line); m != nil {
		if st, ok := stampValue(reasonPublished, m[1]); ok {
			return st, true
		}
	}
	if v, ok := parseDate(line); ok {
		return stamp{kind: reasonDate, value: &v}, true
	}
	if reRelative.MatchString(line) {
		return stamp{kind: reasonDate, relative: line}, true
	}
	return stamp{}, false
}

func stampValue(kind, rest string) (stamp, bool) {
	rest = strings.TrimSpace(rest)
	if v, ok := parseDate(rest); ok {
		return stamp{kind: kind, value: &v}, true
	}
	if reRelative.MatchString(rest) {
		return stamp{kind: kind, relative: rest}, true
	}
	if dateShaped(rest) {
		return stamp{kind: kind, unread: rest}, true
	}
	return stamp{}, false
}

// clockWords may sit in a date besides month, weekday and zone names.
var clockWords = setOf("am", "pm", "a", "p", "m", "at", "uhr", "h", "de", "del", "le", "el", "um", "à", "às", "alle", "on")

// dateShaped reports whether s is built only of numbers and date words,
// the shape of a stamp whose value is unreadable rather than a sentence.
func dateShaped(s string) bool {
	if utf8.RuneCountInString(s) > 40 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		if months[lw] == 0 && !weekdays[lw] && !clockWords[lw] && !ambiguousZones[strings.ToUpper(w)] {
			if _, ok := zoneOffsets[strings.ToUpper(w)]; !ok {
				return false
			}
		}
	}
	return true
}

// byline is a parsed byline line: the names and any date written with them.
type byline struct {
	names string
	stamp *stamp
}

// parseByline reads "By NAME[S] [DATE]", "Author: NAME" and the like. The
// names must look like names (capitalised words and connectors) so that
// sentences such as "By Monday the talks had ended." are left alone.
func parseByline(line string) (byline, bool) {
	if utf8.RuneCountInString(line) > maxBylineRunes {
		return byline{}, false
	}
	var rest string
	if m := reByline.FindStringSubmatch(line); m != nil {
		rest = m[1]
	} else if m := reAuthor.FindStringSubmatch(line); m != nil {
		rest = m[1]
	} else {
		return byline{}, false
	}
	names, st := splitTrailingStamp(rest)
	names = trimNameList(names)
	if !looksLikeNames(names) {
		return byline{}, false
	}
	return byline{names: names, stamp: st}, true
}

// parseStampByline reads a stamp followed by the author, the WordPress
// "Posted on March 12, 2024 by Hannah Lowe". Names that do not look like
// names are left out, but the line is still a stamp.
func parseStampByline(line string) (byline, bool) {
	if utf8.RuneCountInString(line) > maxBylineRunes {
		return byline{}, false
	}
	lower := strings.ToLower(line)
	for at := strings.Index(lower, " by "); at > 0; {
		if st, ok := parseStamp(line[:at]); ok {
			names := trimNameList(line[at+len(" by "):])
			if looksLikeNames(names) {
				return byline{names: names, stamp: &st}, true
			}
			// "by admin": the stamp is still a stamp, the name is no name.
			if len(strings.Fields(names)) <= 2 && !endsSentence(names) {
				return byline{stamp: &st}, true
			}
		}
		next := strings.Index(lower[at+1:], " by ")
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return byline{}, false
}

// splitTrailingStamp separates a date or stamp glued to the end of a byline
// ("Vusala Abbasova November 27, 2024"), trying each word boundary from the
// left so that the longest trailing date wins.
func splitTrailingStamp(s string) (string, *stamp) {
	for i := 1; i < len(s); i++ {
		if !strings.ContainsRune(" ,|", rune(s[i-1])) || s[i] == ' ' {
			continue
		}
		tail := strings.TrimLeft(s[i:], "|·•-–—, ")
		if st, ok := parseStamp(tail); ok {
			return s[:i], &st
		}
	}
	return s, nil
}

func trimNameList(s string) string {
	s = strings.TrimSpace(s)
	for {
		before := s
		s = strings.TrimRight(s, " ,;:|·•-–—")
		for _, suffix := range []string{" on", " at", " and", " le", " el", " am", " published", " Published", " updated", " Updated"} {
			s = strings.TrimSuffix(s, suffix)
		}
		if s == before {
			return s
		}
	}
}

// looksLikeNames accepts "Jane Doe", "Jane Doe and John Smith",
// "J. R. Doe, Staff Writer" and "JANE DOE", and refuses sentences.
func looksLikeNames(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 120 || endsSentence(s) && !endsWithInitial(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 16 {
		return false
	}
	afterComma := false
	for i, w := range words {
		bare := strings.Trim(w, ",;()")
		if bare == "" || bare == "|" || bare == "·" || bare == "•" {
			afterComma = true
			continue
		}
		first, _ := utf8.DecodeRuneInString(bare)
		switch {
		case unicode.IsUpper(first):
			if i == 0 && (weekdays[strings.ToLower(bare)] || months[strings.ToLower(bare)] != 0) {
				return false
			}
		case nameConnectors[strings.ToLower(bare)] && i > 0:
		case afterComma && unicode.IsLetter(first):
		default:
			return false
		}
		if strings.HasSuffix(w, ",") {
			afterComma = true
		}
	}
	return true
}

func endsWithInitial(s string) bool {
	fields := strings.Fields(s)
	last := fields[len(fields)-1]
	return utf8.RuneCountInString(last) <= 3 && strings.HasSuffix(last, ".")
}

// isNameLine is a line holding one person's name and nothing else, the way
// Medium prints the author above a "Follow" button.
func isNameLine(line string) bool {
	words := strings.Fields(line)
	return len(words) >= 2 && len(words) <= 4 && utf8.RuneCountInString(line) <= 40 &&
		!strings.ContainsAny(line, ",;:!?") && looksLikeNames(line)
}

// copyrightOutlet takes the holder out of "© 2024 Outlet. All rights
// reserved." or "Copyright (c) 2019-2024 Outlet Ltd".
func copyrightOutlet(line string) string {
	s := reRights.ReplaceAllString(line, "")
	// The holder is named first; licence text may follow in more sentences.
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	for {
		before := s
		s = strings.TrimSpace(s)
		lower := strings.ToLower(s)
		switch {
		case strings.HasPrefix(s, "©"):
			s = s[len("©"):]
		case strings.HasPrefix(lower, "(c)"):
			s = s[3:]
		case strings.HasPrefix(lower, "copyright"):
			s = s[len("copyright"):]
		}
		s = strings.TrimLeft(s, " ,.:-–0123456789")
		if s == before {
			break
		}
	}
	s = strings.TrimRight(s, " .,;:-–—")
	return outletName(s)
}

// outletName returns s when it is short and name-like enough to be an
// outlet, else "".
func outletName(s string) string {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(s) > 60 || endsSentence(s) {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return ""
	}
	return s
}

// footer is what a feed footer says about the article.
type footer struct {
	title, outlet string
	// at is the byte offset in the line where the footer starts.
	at int
}

// parseFooter reads a WordPress-style feed footer, "The post TITLE appeared
// first on OUTLET.", alone on a line or glued to the end of the last one.
func parseFooter(line string) (footer, bool) {
	m := reFooter.FindStringSubmatchIndex(line)
	if m == nil {
		return footer{}, false
	}
	at := strings.Index(line[m[0]:], "The ") + m[0]
	return footer{
		title:  strings.TrimSpace(line[m[2]:m[3]]),
		outlet: outletName(strings.TrimSpace(line[m[4]:m[5]])),
		at:     at,
	}, true
}

// datelineAgency reads the agency from a wire dateline such as
// "KABUL, Nov 25 (Reuters) - ..." or "MOSCOW, November 25. /TASS/. ...".
func datelineAgency(paragraph string) string {
	m := reDateline.FindStringSubmatch(paragraph)
	if m == nil {
		// "MOSCOW, November 25. /TASS/. ..."
		if m = reSlashLine.FindStringSubmatch(paragraph); m == nil {
			return ""
		}
	}
	return m[1]
}
