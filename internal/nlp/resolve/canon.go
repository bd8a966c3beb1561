package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Entity ID prefixes by NER type; countries always use "loc", governments
// named by a capital use "gov".
const (
	prefixPER = "per:"
	prefixORG = "org:"
	prefixLOC = "loc:"
	prefixMSC = "misc:"
	prefixGov = "gov:"
)

// letterFolds maps letters that Unicode decomposition leaves alone.
var letterFolds = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ß': "ss",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'Þ': "th",
	'ð': "d", 'Ð': "d", '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '‐': "-", '‑': "-",
}

// Fold lower-cases s and removes diacritics so "Erdoğan" and "Erdogan"
// compare equal. Curly apostrophes become straight ones.
func Fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	return foldUnicode(s)
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := letterFolds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldASCII is Fold for ASCII text, which decomposition leaves alone:
// lower case, and '`' is an apostrophe. It reports false for other text.
// Text that is already folded comes back without a copy.
func foldASCII(s string) (string, bool) {
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if ('A' <= c && c <= 'Z') || c == '`' {
			changed = true
		}
	}
	if !changed {
		return s, true
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == '`':
			b[i] = '\''
		}
	}
	return string(b), true
}

// stripPossessive removes a trailing "'s" or "'" (straight or curly).
func stripPossessive(s string) string {
	for _, suf := range []string{"’s", "'s", "’S", "'S", "’", "'"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// honorifics are dropped from the front of person names before matching.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "sheikh": true,
	"mx": true, "madam": true, "monsieur": true, "herr": true,
}

// nameTokens folds a name and splits it into alphanumeric tokens, dropping a
// possessive ending and leading honorifics.
func nameTokens(s string, person bool) []string {
	f := Fold(stripPossessive(strings.TrimSpace(s)))
	toks := strings.FieldsFunc(f, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if person {
		for len(toks) > 1 && honorifics[toks[0]] {
			toks = toks[1:]
		}
	}
	return toks
}

// nameVariants unifies common transliteration variants of given names.
var nameVariants = map[string]string{
	"sergey": "sergei", "serguei": "sergei", "sergej": "sergei", "serhiy": "sergei", "serhii": "sergei",
	"aleksandr": "alexander", "alexandr": "alexander", "aleksander": "alexander", "oleksandr": "alexander",
	"alexey": "alexei", "aleksey": "alexei", "aleksei": "alexei", "oleksiy": "alexei", "oleksii": "alexei",
	"andrey": "andrei", "andriy": "andrei", "andrii": "andrei", "andrej": "andrei",
	"dmitry": "dmitri", "dmitriy": "dmitri", "dmytro": "dmitri",
	"yuri": "yuri", "yury": "yuri", "yuriy": "yuri", "iurii": "yuri", "yurii": "yuri",
	"nikolay": "nikolai", "mikhail": "mikhail", "mykhailo": "mikhail",
	"mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad", "muhammed": "muhammad",
	"mohamad": "muhammad", "muhamed": "muhammad", "mehmet": "muhammad", "mohammod": "muhammad",
	"abdel": "abdul", "abdal": "abdul", "abdoul": "abdul", "abd": "abdul",
	"hossein": "hussein", "husein": "hussein", "hussain": "hussein", "husain": "hussein",
	"osama": "usama", "omar": "umar", "ahmad": "ahmed", "mahmoud": "mahmud", "mahmood": "mahmud",
	"yevgeny": "evgeni", "evgeny": "evgeni", "yevgeniy": "evgeni", "evgeniy": "evgeni", "yevgeni": "evgeni",
	"matvey": "matvei", "timofey": "timofei", "arkady": "arkadi", "grigory": "grigori",
	"valery": "valeri", "valeriy": "valeri", "anatoly": "anatoli", "anatoliy": "anatoli",
	"vitaly": "vitali", "vitaliy": "vitali", "gennady": "gennadi", "gennadiy": "gennadi",
	"vasily": "vasili", "vasiliy": "vasili", "vassily": "vasili", "georgy": "georgi", "georgiy": "georgi",
	"zelenskyy": "zelensky", "zelenskiy": "zelensky", "zelenskyi": "zelensky", "zelenski": "zelensky",
}

// canonToken maps one folded name token to its canonical spelling.
func canonToken(t string) string {
	if v, ok := nameVariants[t]; ok {
		return v
	}
	// Slavic surname endings: -skiy, -skyy, -skyi, -ski all become -sky.
	for _, suf := range []string{"skiy", "skyy", "skyi", "skii", "ski"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf)+1 {
			return t[:len(t)-len(suf)] + "sky"
		}
	}
	if strings.HasSuffix(t, "iy") && len(t) > 4 {
		return t[:len(t)-2] + "i"
	}
	return t
}

// canonTokens returns the canonical tokens of a name.
func canonTokens(s string, person bool) []string {
	toks := nameTokens(s, person)
	for i, t := range toks {
		toks[i] = canonToken(t)
	}
	return toks
}

// typePrefix returns the ID prefix for an NER type.
func typePrefix(typ string) string {
	switch strings.ToUpper(typ) {
	case "PER":
		return prefixPER
	case "ORG":
		return prefixORG
	case "LOC":
		return prefixLOC
	default:
		return prefixMSC
	}
}

// CanonicalID returns the deterministic cross-article ID for a name of the
// given NER type: type prefix plus the folded, transliteration-unified name
// joined by underscores ("Sergey Shoygu's" -> "per:sergey_shoygu" style).
// Country names and their aliases map to "loc:<country>" whatever the type.
func CanonicalID(typ, name string) string {
	person := strings.EqualFold(typ, "PER")
	if !person {
		if c, ok := LookupCountry(name); ok {
			return prefixLOC + c.ID
		}
	}
	toks := canonTokens(name, person)
	if !person && len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return typePrefix(typ) + "_"
	}
	return typePrefix(typ) + strings.Join(toks, "_")
}
