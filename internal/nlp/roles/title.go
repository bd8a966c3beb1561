package roles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// abbreviations of titles, expanded in normalised titles.
var abbreviations = map[string]string{
	"sen": "senator", "gov": "governor", "gen": "general", "rep": "representative",
	"lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
	"adm": "admiral", "maj": "major", "cmdr": "commander", "pres": "president",
	"sec": "secretary", "supt": "superintendent", "insp": "inspector", "det": "detective",
	"amb": "ambassador", "atty": "attorney", "dep": "deputy", "min": "minister",
	"cpl": "corporal", "pm": "prime minister", "ceo": "chief executive officer",
	"cfo": "chief financial officer", "coo": "chief operating officer",
	"cto": "chief technology officer", "vp": "vice president", "fm": "foreign minister",
}

// spellings unifies British and American spellings inside titles.
var spellings = map[string]string{
	"defence": "defense", "counsellor": "counselor", "organisation": "organization",
	"labour": "labor", "programme": "program", "adviser": "advisor",
}

// formerWords mark a past role.
var formerWords = map[string]bool{"former": true, "ex": true, "then": true, "onetime": true, "erstwhile": true, "late": false}

// reorderHeads are heads for which "H of X" is normalised to "X H".
var reorderHeads = map[string]bool{
	"secretary": true, "minister": true, "director": true, "chairman": true, "chairwoman": true,
	"president": true, "commissioner": true, "governor": true, "chancellor": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true,
}

// orgHeads end the name of an organisation inside a title.
var orgHeads = map[string]bool{
	"council": true, "ministry": true, "committee": true, "party": true, "bank": true, "court": true,
	"commission": true, "agency": true, "department": true, "office": true, "assembly": true,
	"parliament": true, "senate": true, "congress": true, "company": true, "corp": true, "inc": true,
	"group": true, "club": true, "federation": true, "union": true, "association": true,
	"authority": true, "service": true, "board": true, "fund": true, "institute": true,
	"university": true, "army": true, "police": true, "forces": true, "force": true, "navy": true,
	"guard": true, "organization": true, "organisation": true, "cabinet": true, "government": true,
	"league": true, "team": true, "foundation": true, "bureau": true, "directorate": true,
}

// parse reads the title in text[start:end], which may begin with an article
// and a possessive ("the country’s ...", "Afghanistan’s ..."), and returns
// the role with its normalised form, tense, organisation and country.
func (a *attacher) parse(start, end int) (news.Role, bool) {
	i, j := a.tokenAt(start), a.tokenAt(end)
	var r news.Role
	contextual := false
	possessed := false // the last word skipped was a possessive
	for i < j {
		w := a.tokens[i].Text
		lw := strings.ToLower(w)
		switch {
		case lw == "the" || lw == "a" || lw == "an":
			i++
			possessed = false
			continue
		case possessivePronouns[lw]:
			i++
			possessed = true
			continue
		case possessed && countOrdinal(w):
			// "the president’s second secretary of state" counts the
			// holders of the office; "Second Secretary" is a rank.
			i++
			possessed = false
			continue
		case isCountryPossessive(w):
			if c, ok := countryOf(stripPossessive(w)); ok && r.Country == "" {
				r.Country = c
			}
			i++
			possessed = true
			continue
		case w != stripPossessive(w) && !startsUpper(w):
			// "the country’s ..." takes its country from the context;
			// "the carmaker’s ..." only points at the employer.
			contextual = contextNouns[strings.ToLower(stripPossessive(w))]
			i++
			possessed = true
			continue
		}
		break
	}
	if i >= j {
		return news.Role{}, false
	}
	r.Start, r.End = a.tokens[i].Start, a.tokens[j-1].End
	r.Title = a.text[r.Start:r.End]
	var words []string
	for k := i; k < j; k++ {
		w := a.tokens[k].Text
		if n := countryAt(a.tokens[k:j]); n > 0 {
			if c, ok := countryOf(joinTokens(a.tokens[k : k+n])); ok && r.Country == "" {
				r.Country = c
			}
			k += n - 1
			continue
		}
		for _, part := range strings.Split(w, "-") {
			lp := strings.Trim(resolve.Fold(stripPossessive(part)), ".")
			switch {
			case lp == "":
			case formerWords[lp]:
				r.Former = true
			case lp == "the" || lp == "a" || lp == "an":
			case abbreviations[lp] != "" && (strings.HasSuffix(part, ".") || strings.ToUpper(part) == part):
				words = append(words, abbreviations[lp])
			case spellings[lp] != "":
				words = append(words, spellings[lp])
			default:
				words = append(words, lp)
			}
		}
	}
	r.Normalized = normalize(words)
	r.Org = a.orgIn(r.Start, r.End)
	if contextual {
		r.Country = ""
		if a.contextual == nil {
			a.contextual = map[int]bool{}
		}
		a.contextual[r.Start] = true
	}
	return r, r.Normalized != ""
}

// possessivePronouns open a title without being part of it ("his
// national security adviser").
var possessivePronouns = map[string]bool{"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true}

// countOrdinal reports whether w is a lower-case ordinal that, after a
// possessive, counts the holders of an office: "second" to "tenth", or
// digits with a suffix ("70th"). "first" stays: "first lady", "first
// deputy prime minister" are titles.
func countOrdinal(w string) bool {
	switch w {
	case "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(w, suffix); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return n != "1"
		}
	}
	return false
}

// normalize joins title words, dropping dangling prepositions and turning
// "secretary of national security council" into "national security council
// secretary" when the head is a simple office.
func normalize(words []string) string {
	for len(words) > 0 && (words[len(words)-1] == "of" || words[len(words)-1] == "for" || words[len(words)-1] == "and") {
		words = words[:len(words)-1]
	}
	for len(words) > 0 && (words[0] == "of" || words[0] == "for" || words[0] == "and") {
		words = words[1:]
	}
	ofAt := -1
	for k, w := range words {
		if w == "of" {
			if ofAt >= 0 {
				ofAt = -2
				break
			}
			ofAt = k
		}
		if w == "for" || w == "and" {
			ofAt = -2
			break
		}
	}
	if ofAt > 0 && ofAt <= 2 && reorderHeads[words[ofAt-1]] {
		words = append(append([]string{}, words[ofAt+1:]...), words[:ofAt]...)
	}
	return strings.Join(words, " ")
}

// orgIn names the organisation a title mentions: an ORG entity inside the
// span, or a capitalised phrase ending in an organisation noun.
func (a *attacher) orgIn(start, end int) string {
	for _, e := range a.entities {
		if e.Type != news.ORG {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= start && m.End <= end {
				return e.Name
			}
		}
	}
	i, j := a.tokenAt(start), a.tokenAt(end)
	for k := j - 1; k >= i; k-- {
		if !orgHeads[strings.ToLower(a.tokens[k].Text)] || !startsUpper(a.tokens[k].Text) {
			continue
		}
		first := k
		for first > i && startsUpper(a.tokens[first-1].Text) && !isCountryPossessive(a.tokens[first-1].Text) &&
			countryAt(a.tokens[first-1:k+1]) == 0 && !isHead(a.tokens[first-1].Text) {
			first--
		}
		return a.text[a.tokens[first].Start:a.tokens[k].End]
	}
	return ""
}

// contextNouns in a possessive point to a country named elsewhere ("the
// country’s", "the nation’s").
var contextNouns = map[string]bool{"country": true, "nation": true, "state": true, "kingdom": true, "republic": true}

// isHead reports whether a word ends a title: a role noun or a title
// abbreviation ("Sen.", "Gen.").
func isHead(w string) bool {
	base := strings.TrimSuffix(stripPossessive(w), ".")
	if k := strings.LastIndexByte(base, '-'); k >= 0 {
		base = base[k+1:]
	}
	if resolve.IsRoleNoun(base) {
		return true
	}
	lw := strings.ToLower(base)
	return abbreviations[lw] != "" && (strings.HasSuffix(w, ".") || strings.ToUpper(base) == base)
}

// modifiers are lower-case words that may precede a title head before a
// name ("deputy foreign minister", "acting party chairman").
var modifiers = toSet(`former ex then acting interim deputy vice prime foreign defense defence
interior finance economy trade justice health education chief senior top junior state
assistant associate general executive national security team club party opposition
rebel militia police army military coach head first lead principal managing special
presidential federal regional local provincial city county district outgoing incoming
caretaker supreme grand new longtime veteran`)

// stopWords are capitalised words that cannot be part of a title.
var stopWords = toSet(`on in at during meanwhile after before when while but and as with by
for from to the a an yesterday today tonight monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october
november december last this that who which where according however also said says
if although though since because so then`)

// isPrenominalWord reports whether a word can be part of a title before a
// name.
func isPrenominalWord(w string) bool {
	lw := strings.ToLower(w)
	if stopWords[lw] || w != stripPossessive(w) {
		return false
	}
	if isHead(w) || modifiers[lw] || startsUpper(w) {
		return true
	}
	if k := strings.IndexByte(lw, '-'); k > 0 {
		return formerWords[lw[:k]] || modifiers[lw[:k]]
	}
	return false
}

// isCountryPossessive reports whether w is a country name with a
// possessive ending ("Russia’s", "U.S.'s").
func isCountryPossessive(w string) bool {
	base := stripPossessive(w)
	if base == w {
		return false
	}
	_, ok := resolve.LookupCountry(base)
	return ok
}

// countryOf returns the display name of the country a name, alias or
// demonym evokes.
func countryOf(s string) (string, bool) {
	if c, ok := resolve.LookupCountry(s); ok {
		return c.Name, true
	}
	if c, ok := resolve.LookupDemonym(s); ok {
		return c.Name, true
	}
	return "", false
}

// countryAt returns how many of the leading tokens (1-3) name a country or
// demonym, or 0.
func countryAt(toks []tokenize.Token) int {
	for n := min(3, len(toks)); n >= 1; n-- {
		if !startsUpper(toks[0].Text) {
			return 0
		}
		if _, ok := countryOf(joinTokens(toks[:n])); ok {
			return n
		}
	}
	return 0
}

func joinTokens(toks []tokenize.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

func stripPossessive(s string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
