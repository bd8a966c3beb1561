package compare

import (
	"cmp"
	"slices"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Alignment weights and thresholds. Stemmed content words carry most of the
// evidence; canonical entity IDs let "Moscow" and "Russia's government" or
// "Shoigu" and "Sergei Shoigu" meet.
const (
	wordWeight   = 0.7
	entityWeight = 0.3
	alignMin     = 0.3  // minimum similarity of two sentences expressing one claim
	wordMin      = 0.15 // and the minimum content-word overlap among them
	residualMax  = 0.25 // a clause this little covered by its partners is new content
	minStems     = 3    // shorter sentences and clauses carry no claim of their own
	// closeAlignMin is the similarity above which aligned sentences are
	// taken to report the same event, so that their dates and places
	// must agree; looser pairs are often related events on other days.
	closeAlignMin = 0.5
	// extraMin lets a sentence left over by the one-to-one matching join a
	// sentence that is already matched: one long sentence of an article
	// often packs what another says in two.
	extraMin = 0.4
)

// unit is one sentence of one article, analysed for alignment.
type unit struct {
	art   int // index into Input.Articles
	span  news.Span
	stems map[string]bool
	ents  map[string]bool
	group int
	// Sorted interned IDs of stems and ents: the all-pairs similarity
	// counts their overlap by merging, far cheaper than map lookups.
	stemIDs, entIDs []int32
	qty             []quantity // numbers, found on first use
	qtyDone         bool
}

// story is the analysed input shared by the comparison passes.
type story struct {
	in    Input
	root  []int // copy-group root of each article (index)
	units []*unit
	ments [][]mention // per article, sorted by start
	edges []edge
	// artQty holds each article's numbers once asked for (see
	// articleQuantities).
	artQty map[int][]quantity
	// people counts the mentions of each person name in the story (see
	// fullName).
	people map[string]int
}

type mention struct {
	start, end int
	id, refers string
	typ, name  string
}

type edge struct {
	a, b *unit
	sim  float64
}

// Compare aligns the articles of a story and reports what they share, what
// only one source says, where they conflict, quote variants, citations and
// copies.
func Compare(in Input) Comparison {
	s := analyse(in)
	s.align()
	out := Comparison{Shared: []Shared{}, Unique: []Unique{}, Conflicts: []Conflict{}, Quotes: []QuoteGroup{}, Citations: []Citation{}, Copies: []Copy{}}
	s.claims(&out)
	out.Conflicts = append(out.Conflicts, s.roleConflicts()...)
	out.Conflicts = append(out.Conflicts, s.topicConflicts()...)
	out.Conflicts = append(out.Conflicts, s.pairConflicts()...)
	out.Quotes = s.quoteGroups()
	for _, a := range in.Articles {
		for _, c := range a.Annotations.Citations {
			if c.Start < 0 || c.End > len(a.Text) || c.Start >= c.End {
				continue
			}
			out.Citations = append(out.Citations, Citation{ArticleID: a.ID, Source: c.Source, Text: a.Text[c.Start:c.End], Start: c.Start, End: c.End})
		}
		if a.CopyOf != 0 {
			out.Copies = append(out.Copies, Copy{ArticleID: a.ID, CopyOf: a.CopyOf})
		}
	}
	return out
}

func analyse(in Input) *story {
	s := &story{in: in, root: make([]int, len(in.Articles)), ments: make([][]mention, len(in.Articles))}
	index := map[int64]int{}
	for i, a := range in.Articles {
		index[a.ID] = i
	}
	for i := range in.Articles {
		r, seen := i, map[int]bool{}
		for !seen[r] {
			seen[r] = true
			j, ok := index[in.Articles[r].CopyOf]
			if in.Articles[r].CopyOf == 0 || !ok {
				break
			}
			r = j
		}
		s.root[i] = r
	}
	ids := map[string]int32{}
	for i, a := range in.Articles {
		for _, e := range a.Annotations.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(a.Text) || m.Start >= m.End {
					continue
				}
				s.ments[i] = append(s.ments[i], mention{m.Start, m.End, e.ID, e.Refers, e.Type, e.Name})
			}
		}
		slices.SortFunc(s.ments[i], func(x, y mention) int { return cmp.Compare(x.start, y.start) })
		// Titles are attributes of a person, compared on their own as role
		// conflicts; left in, they would make the same claim look different.
		var titles []news.Span
		for _, e := range a.Annotations.Entities {
			for _, r := range e.Roles {
				titles = append(titles, news.Span{Start: r.Start, End: r.End})
			}
		}
		sentences := a.Annotations.Sentences
		if len(sentences) == 0 {
			sentences = tokenize.Sentences(a.Text)
		}
		for _, sp := range sentences {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			u := &unit{art: i, span: sp, stems: stemsOutside(a.Text, sp.Start, sp.End, titles), ents: map[string]bool{}}
			if len(u.stems) < minStems {
				continue
			}
			for _, m := range s.mentionsIn(i, sp.Start, sp.End) {
				if m.id != "" {
					u.ents[m.id] = true
				}
				if m.refers != "" {
					u.ents[m.refers] = true
				}
			}
			u.stemIDs, u.entIDs = intern(ids, u.stems), intern(ids, u.ents)
			u.group = len(s.units)
			s.units = append(s.units, u)
		}
	}
	return s
}

// mentionsIn returns the mentions of article i inside [start,end).
func (s *story) mentionsIn(i, start, end int) []mention {
	var out []mention
	for _, m := range s.ments[i] {
		if m.start >= start && m.end <= end {
			out = append(out, m)
		}
	}
	return out
}

// similarity scores how likely two sentences express the same claim.
func similarity(a, b *unit) float64 {
	words := diceIDs(a.stemIDs, b.stemIDs)
	if words < wordMin {
		return 0
	}
	if len(a.entIDs) == 0 || len(b.entIDs) == 0 {
		return words
	}
	return wordWeight*words + entityWeight*diceIDs(a.entIDs, b.entIDs)
}

// intern maps a set of strings to sorted IDs, adding new ones to ids.
func intern(ids map[string]int32, set map[string]bool) []int32 {
	out := make([]int32, 0, len(set))
	for k := range set {
		id, ok := ids[k]
		if !ok {
			id = int32(len(ids))
			ids[k] = id
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// diceIDs is the Dice coefficient of two sorted ID sets.
func diceIDs(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// align matches sentences one-to-one between every pair of articles (best
// pairs first) and joins the matches into claims.
func (s *story) align() {
	byArt := make([][]*unit, len(s.in.Articles))
	for _, u := range s.units {
		byArt[u.art] = append(byArt[u.art], u)
	}
	parent := make([]int, len(s.units))
	size := make([]int, len(s.units))
	for i := range parent {
		parent[i], size[i] = i, 1
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	arts := make([]map[int]bool, len(s.units))
	for i, u := range s.units {
		arts[i] = map[int]bool{u.art: true}
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			lo, hi := min(ra, rb), max(ra, rb)
			parent[hi] = lo
			size[lo] += size[hi]
			for k := range arts[hi] {
				arts[lo][k] = true
			}
		}
	}
	// disjoint says two groups have no article in common: a claim has one
	// sentence per article, so matches that would give an article two
	// sentences in one claim chain different claims and are not joined.
	disjoint := func(a, b int) bool {
		ra, rb := find(a), find(b)
		if ra == rb {
			return false
		}
		for k := range arts[ra] {
			if arts[rb][k] {
				return false
			}
		}
		return true
	}
	for i := range byArt {
		for j := i + 1; j < len(byArt); j++ {
			var cand []edge
			for _, a := range byArt[i] {
				for _, b := range byArt[j] {
					if sim := similarity(a, b); sim >= alignMin {
						cand = append(cand, edge{a, b, sim})
					}
				}
			}
			slices.SortStableFunc(cand, func(x, y edge) int { return cmp.Compare(y.sim, x.sim) })
			used, extra := map[*unit]bool{}, map[*unit]bool{}
			for _, e := range cand {
				if used[e.a] || used[e.b] {
					continue
				}
				used[e.a], used[e.b] = true, true
				s.edges = append(s.edges, e)
				if disjoint(e.a.group, e.b.group) {
					union(e.a.group, e.b.group)
				}
			}
			for _, e := range cand {
				if e.sim < extraMin || (used[e.a] && used[e.b]) {
					continue
				}
				// Only a sentence no other article matched may join: joining
				// two claims through a loose pair would chain them together.
				left := e.a
				if used[e.a] {
					left = e.b
				}
				partner := e.a
				if partner == left {
					partner = e.b
				}
				if size[find(left.group)] > 1 || extra[partner] {
					continue
				}
				used[left], extra[partner] = true, true
				s.edges = append(s.edges, e)
				union(e.a.group, e.b.group)
			}
		}
	}
	groups := make([]int, len(s.units))
	for i := range s.units {
		groups[i] = find(i)
	}
	for i, u := range s.units {
		u.group = groups[i]
	}
}

// claims turns the aligned groups into shared and unique claims, and adds
// the clauses of shared sentences that their partners do not cover as
// unique claims of their own.
func (s *story) claims(out *Comparison) {
	groups := map[int][]*unit{}
	var order []int
	for _, u := range s.units {
		if _, ok := groups[u.group]; !ok {
			order = append(order, u.group)
		}
		groups[u.group] = append(groups[u.group], u)
	}
	for _, g := range order {
		members := groups[g]
		roots := map[int]bool{}
		for _, u := range members {
			roots[s.root[u.art]] = true
		}
		if len(roots) < 2 {
			u := members[0]
			for _, m := range members {
				if s.root[m.art] == m.art {
					u = m
					break
				}
			}
			out.Unique = append(out.Unique, s.unique(u, u.span.Start, u.span.End))
			continue
		}
		sh := Shared{Claim: s.text(members[0], members[0].span.Start, members[0].span.End)}
		for _, u := range members {
			sh.Support = append(sh.Support, s.evidence(u, u.span.Start, u.span.End))
		}
		out.Shared = append(out.Shared, sh)
		for _, u := range members {
			if s.root[u.art] != u.art {
				continue
			}
			partners := map[string]bool{}
			for _, o := range members {
				if s.root[o.art] != s.root[u.art] {
					for k := range o.stems {
						partners[k] = true
					}
				}
			}
			text := s.in.Articles[u.art].Text
			parts := clauses(text, u.span.Start, u.span.End)
			if len(parts) < 2 {
				continue
			}
			for _, c := range parts {
				st := contentStems(c.text)
				if len(st) >= minStems && coverage(st, partners) < residualMax {
					out.Unique = append(out.Unique, s.unique(u, c.start, c.end))
				}
			}
		}
	}
}

func (s *story) text(u *unit, start, end int) string {
	return s.in.Articles[u.art].Text[start:end]
}

func (s *story) evidence(u *unit, start, end int) Evidence {
	return Evidence{ArticleID: s.in.Articles[u.art].ID, Text: s.text(u, start, end), Start: start, End: end}
}

func (s *story) unique(u *unit, start, end int) Unique {
	t := s.text(u, start, end)
	return Unique{ArticleID: s.in.Articles[u.art].ID, Claim: t, Text: t, Start: start, End: end}
}
