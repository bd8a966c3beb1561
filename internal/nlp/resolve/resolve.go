package resolve

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Name is one named-entity span from the NER tagger: a half-open byte range
// into the text and its type (PER, ORG, LOC or MISC).
type Name struct {
	Start, End int
	Type       string
}

// Mention kinds.
const (
	KindName    = "name"
	KindPronoun = "pronoun"
	KindNominal = "nominal"
	KindDemonym = "demonym"
)

// cluster is an entity under construction.
type cluster struct {
	id, name, typ, refers string
	// nameToks are the canonical tokens of the longest person name.
	nameToks []string
	mentions []news.Mention
	gender   byte // 'm', 'f' or 0 when unknown
	// heads are the role nouns seen in titles next to the entity's names.
	heads map[string]bool
}

// resolver holds the per-article state of one Resolve call.
type resolver struct {
	text      string
	sentences []news.Span
	tokens    []tokenize.Token
	quotes    []news.Span
	clusters  []*cluster
	byKey     map[string]*cluster
	// names are the cleaned input spans, sorted by start.
	names []Name
}

// Resolve groups the names of one article into entities and adds pronoun and
// nominal mentions that refer to people. sentences may be nil, in which case
// they are computed with tokenize.Sentences. Entities come back in order of
// first mention; every mention satisfies Text == text[Start:End]. Names
// outside the text or overlapping an earlier name are ignored.
func Resolve(text string, sentences []news.Span, names []Name) []news.Entity {
	if sentences == nil {
		sentences = tokenize.Sentences(text)
	}
	r := &resolver{
		text:      text,
		sentences: sentences,
		tokens:    tokenize.Tokens(text),
		quotes:    quoteSpans(text),
		byKey:     map[string]*cluster{},
	}
	r.names = platformNames(text, dropPartyTags(text, cleanNames(text, names)))
	r.names = addAcronymNames(text, r.names)
	r.groupNames()
	r.collectHeads()
	r.addNominals()
	r.addPronouns()
	return r.entities()
}

// cleanNames drops spans outside the text or overlapping an earlier span and
// trims surrounding spaces.
func cleanNames(text string, names []Name) []Name {
	out := make([]Name, 0, len(names))
	for _, n := range names {
		if n.Start < 0 || n.End > len(text) || n.Start >= n.End {
			continue
		}
		for n.Start < n.End && isSpaceByte(text[n.Start]) {
			n.Start++
		}
		for n.End > n.Start && isSpaceByte(text[n.End-1]) {
			n.End--
		}
		if n.Start < n.End {
			n.Type = strings.ToUpper(n.Type)
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	kept := out[:0]
	for _, n := range out {
		if len(kept) > 0 && n.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, n)
	}
	return kept
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r'
}

// cluster returns the cluster for key, creating it with the given identity.
func (r *resolver) cluster(key, id, name, typ, refers string) *cluster {
	if c, ok := r.byKey[key]; ok {
		return c
	}
	c := &cluster{id: id, name: name, typ: typ, refers: refers, heads: map[string]bool{}}
	r.byKey[key] = c
	r.clusters = append(r.clusters, c)
	return c
}

// add records a mention of c.
func (r *resolver) add(c *cluster, start, end int, kind string) {
	c.mentions = append(c.mentions, news.Mention{Start: start, End: end, Text: r.text[start:end], Kind: kind})
}

// sentenceOf returns the index of the sentence containing pos (or the last
// sentence starting before it).
func (r *resolver) sentenceOf(pos int) int {
	i := sort.Search(len(r.sentences), func(i int) bool { return r.sentences[i].Start > pos })
	return max(i-1, 0)
}

func (r *resolver) inQuote(pos int) bool {
	for _, q := range r.quotes {
		if pos >= q.Start && pos < q.End {
			return true
		}
	}
	return false
}

// entities converts the clusters to news.Entity values ordered by first
// mention.
func (r *resolver) entities() []news.Entity {
	out := make([]news.Entity, 0, len(r.clusters))
	for _, c := range r.clusters {
		if len(c.mentions) == 0 {
			continue
		}
		slices.SortFunc(c.mentions, func(a, b news.Mention) int { return cmp.Compare(a.Start, b.Start) })
		aliases := []string{}
		for _, m := range c.mentions {
			alias := stripPossessive(m.Text)
			if (m.Kind == KindName || m.Kind == KindDemonym) && !slices.Contains(aliases, alias) {
				aliases = append(aliases, alias)
			}
		}
		out = append(out, news.Entity{
			ID: c.id, Name: c.name, Type: c.typ, Aliases: aliases,
			Mentions: c.mentions, Roles: []news.Role{}, Refers: c.refers,
		})
	}
	slices.SortStableFunc(out, func(a, b news.Entity) int { return cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start) })
	return out
}

// quoteSpans finds direct-speech spans: text between curly quotes, and
// between pairs of straight double quotes within a paragraph.
func quoteSpans(text string) []news.Span {
	var spans []news.Span
	open := -1
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "“"):
			open = i
		case strings.HasPrefix(text[i:], "”") && open >= 0:
			spans = append(spans, news.Span{Start: open, End: i + len("”")})
			open = -1
		}
	}
	// Straight quotes pair within a paragraph, or across a paragraph break
	// when the quote goes on without a new opening mark and the next
	// paragraph's first mark closes it ("A ... 2015.\n\nB ...," he said).
	offset, carried, carryParas := 0, -1, 0
	for para := range strings.SplitSeq(text, "\n") {
		first := -1
		for i := 0; i < len(para); i++ {
			if para[i] != '"' {
				continue
			}
			if first < 0 && carried >= 0 && i > 0 && para[i-1] != ' ' && para[i-1] != '\t' {
				spans = append(spans, news.Span{Start: carried, End: offset + i + 1})
				carried = -1
				continue
			}
			carried = -1
			if first < 0 {
				first = i
				continue
			}
			spans = append(spans, news.Span{Start: offset + first, End: offset + i + 1})
			first = -1
		}
		switch {
		case first >= 0:
			carried, carryParas = offset+first, 2
		case strings.TrimSpace(para) == "":
		case !strings.Contains(para, `"`) && carryParas > 1:
			// A paragraph without marks keeps an open quote open, once.
			carryParas--
		default:
			carried = -1
		}
		offset += len(para) + 1
	}
	return spans
}
