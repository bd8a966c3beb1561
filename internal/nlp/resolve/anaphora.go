package resolve

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pronoun tables: the gender each pronoun implies and whether it is an
// object form (which rarely refers to the subject of its own clause).
var (
	pronounGender = map[string]byte{
		"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
		"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
	}
	objectPronouns = toSet(`him her`)
)

// genderedNouns give a person's gender from a title noun.
var genderedNouns = map[string]byte{
	"spokesman": 'm', "chairman": 'm', "congressman": 'm', "king": 'm', "prince": 'm',
	"emperor": 'm', "sultan": 'm', "emir": 'm', "pope": 'm',
	"spokeswoman": 'f', "chairwoman": 'f', "congresswoman": 'f', "queen": 'f', "princess": 'f',
}

// ambiguousHeads are role nouns too often used otherwise after "the" ("the
// general public", "the head office") to start a nominal mention.
var ambiguousHeads = toSet(`general major head chair forward justice partner owner player
champion executive speaker doctor officer deputy`)

// tokenAt returns the index of the first token starting at or after pos.
func (r *resolver) tokenAt(pos int) int {
	return sort.Search(len(r.tokens), func(i int) bool { return r.tokens[i].Start >= pos })
}

// collectHeads records, for every person, the role nouns in titles right
// before its names ("Defense Minister Sergei Shoigu") and in an appositive
// right after them ("Shoigu, Secretary of the Security Council,").
func (r *resolver) collectHeads() {
	for _, c := range r.clusters {
		if c.typ != "PER" {
			continue
		}
		for _, m := range c.mentions {
			i := r.tokenAt(m.Start)
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				w := r.tokens[j].Text
				if !IsRoleNoun(w) && !startsUpper(w) {
					break
				}
				r.addHead(c, w)
			}
			k := r.tokenAt(m.End)
			if k < len(r.tokens) && r.tokens[k].Text == "," {
				for j := k + 1; j < len(r.tokens) && j < k+12; j++ {
					w := r.tokens[j].Text
					if !isWordByte(w[0]) {
						break
					}
					r.addHead(c, w)
				}
			}
		}
	}
}

func (r *resolver) addHead(c *cluster, word string) {
	w := Fold(word)
	if !roleNouns[w] {
		return
	}
	c.heads[w] = true
	if g := genderedNouns[w]; g != 0 && c.gender == 0 {
		c.gender = g
	}
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nominal is a definite noun phrase headed by a role noun.
type nominal struct {
	start, end int
	head       string
}

// findNominals scans for "the [possessor’s] modifiers* ROLE [for|of
// Capitalised...]" phrases that do not overlap a name.
func (r *resolver) findNominals() []nominal {
	var out []nominal
	for i, t := range r.tokens {
		if !strings.EqualFold(t.Text, "the") {
			continue
		}
		j := i + 1
		if j < len(r.tokens) && !startsUpper(r.tokens[j].Text) && stripPossessive(r.tokens[j].Text) != r.tokens[j].Text {
			j++
		}
		headAt := -1
		for k := j; k < len(r.tokens) && k < j+5; k++ {
			w := r.tokens[k].Text
			if !isWordByte(w[0]) || w != stripPossessive(w) {
				break
			}
			if IsRoleNoun(w) && !ambiguousHeads[Fold(w)] {
				headAt = r.compoundHead(k)
				break
			}
			if strings.EqualFold(w, "the") || strings.EqualFold(w, "and") || strings.EqualFold(w, "of") {
				break
			}
		}
		if headAt < 0 {
			continue
		}
		end := r.extendTitle(headAt)
		n := nominal{start: t.Start, end: end, head: Fold(r.tokens[headAt].Text)}
		if !covered(r.names, n.start, n.end) {
			out = append(out, n)
		}
	}
	return out
}

// compoundHead extends a head over a compound title that ends in another
// role noun within two lower-case words ("chief financial officer").
func (r *resolver) compoundHead(k int) int {
	for look := 1; look <= 2 && k+look < len(r.tokens); look++ {
		w := r.tokens[k+look].Text
		if !isWordByte(w[0]) || w != stripPossessive(w) {
			break
		}
		if IsRoleNoun(w) {
			return r.compoundHead(k + look)
		}
		if w != strings.ToLower(w) && !startsUpper(r.tokens[k].Text) {
			break
		}
	}
	return k
}

// extendTitle extends a title ending at token headAt over "for/of" plus
// capitalised words ("Deputy Prime Minister for Economic Affairs").
func (r *resolver) extendTitle(headAt int) int {
	end := r.tokens[headAt].End
	k := headAt + 1
	if k+1 < len(r.tokens) && (r.tokens[k].Text == "for" || r.tokens[k].Text == "of") && startsUpper(r.tokens[k+1].Text) {
		k++
		for k < len(r.tokens) && (startsUpper(r.tokens[k].Text) || r.tokens[k].Text == "and" && k+1 < len(r.tokens) && startsUpper(r.tokens[k+1].Text)) {
			if covered(r.names, r.tokens[k].Start, r.tokens[k].End) {
				break
			}
			end = r.tokens[k].End
			k++
		}
	}
	return end
}

// addNominals links nominal mentions to people: an appositive after a name
// or a title right before one goes to that person; otherwise the most recent
// person whose titles share the head noun, or, failing that, the most
// salient recent person without a conflicting title.
func (r *resolver) addNominals() {
	for _, n := range r.findNominals() {
		if c := r.adjacentPerson(n); c != nil {
			r.add(c, n.start, n.end, KindNominal)
			r.addHead(c, n.head)
			continue
		}
		if r.inQuote(n.start) {
			continue
		}
		if c := r.antecedent(n.start, 0, false, func(c *cluster) (bool, float64) {
			switch {
			case c.heads[n.head]:
				return true, 3
			case genericRoleNouns[n.head] && len(c.heads) > 0:
				return true, 1
			case len(c.heads) == 0:
				return true, 0
			}
			return false, 0
		}); c != nil {
			r.add(c, n.start, n.end, KindNominal)
		}
	}
}

// adjacentPerson returns the person named right before the nominal with only
// a comma between them, or right after it with only a space between.
func (r *resolver) adjacentPerson(n nominal) *cluster {
	for _, c := range r.clusters {
		if c.typ != "PER" {
			continue
		}
		for _, m := range c.mentions {
			if m.Kind != KindName {
				continue
			}
			if m.End <= n.start && strings.TrimSpace(r.text[m.End:n.start]) == "," {
				return c
			}
			if m.Start >= n.end && strings.TrimSpace(r.text[n.end:m.Start]) == "" {
				return c
			}
		}
	}
	return nil
}

// addPronouns resolves third-person singular personal pronouns outside
// direct quotes to the best-scoring preceding person.
func (r *resolver) addPronouns() {
	for _, t := range r.tokens {
		g, ok := pronounGender[strings.ToLower(t.Text)]
		if !ok || r.inQuote(t.Start) || covered(r.names, t.Start, t.End) {
			continue
		}
		object := objectPronouns[strings.ToLower(t.Text)]
		c := r.antecedent(t.Start, g, object, func(*cluster) (bool, float64) { return true, 0 })
		if c == nil {
			continue
		}
		if c.gender == 0 {
			c.gender = g
		}
		r.add(c, t.Start, t.End, KindPronoun)
	}
}

// antecedent scores every person mentioned in the current or the three
// previous sentences before pos: recency, being the subject (first person
// mentioned) of its sentence, and how often it was mentioned. gender 0
// accepts any person; fit filters candidates and adds a bonus.
func (r *resolver) antecedent(pos int, gender byte, object bool, fit func(*cluster) (bool, float64)) *cluster {
	sent := r.sentenceOf(pos)
	var best *cluster
	bestScore, bestLast := 0.0, -1
	for _, c := range r.clusters {
		if c.typ != "PER" || gender != 0 && c.gender != 0 && c.gender != gender {
			continue
		}
		ok, bonus := fit(c)
		if !ok {
			continue
		}
		last, count := -1, 0
		for _, m := range c.mentions {
			// A name inside a quotation is what the speaker talks about,
			// not who "he" outside it is: “If Washington and Adams ...,” he said.
			if m.End <= pos && !r.inQuote(m.Start) {
				count++
				last = max(last, m.Start)
			}
		}
		if last < 0 {
			continue
		}
		ms := r.sentenceOf(last)
		dist := sent - ms
		if dist > 3 {
			continue
		}
		score := bonus - 2*float64(dist) + 0.5*float64(min(count, 4))
		if r.isSubject(c, ms) {
			score += 1.5
			if object && dist == 0 {
				score -= 4
			}
		}
		if best == nil || score > bestScore || score == bestScore && last > bestLast {
			best, bestScore, bestLast = c, score, last
		}
	}
	return best
}

// isSubject reports whether c is the first person mentioned in sentence s,
// not counting possessives ("Rashford's lawyer, Daniel Hart, said").
func (r *resolver) isSubject(c *cluster, s int) bool {
	if s >= len(r.sentences) {
		return false
	}
	span := r.sentences[s]
	first, firstStart := (*cluster)(nil), -1
	for _, o := range r.clusters {
		if o.typ != "PER" {
			continue
		}
		for _, m := range o.mentions {
			if m.Start < span.Start || m.Start >= span.End || (firstStart >= 0 && m.Start >= firstStart) {
				continue
			}
			if m.Text == stripPossessive(m.Text) && !hasPossessiveAfter(r.text, m.End) {
				first, firstStart = o, m.Start
			}
		}
	}
	return first == c
}
