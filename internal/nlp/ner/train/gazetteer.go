package train

import (
	"bufio"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// gazetteer counts, per lower-cased entity string, how many training
// documents name it with each type.
type gazetteer struct {
	docs  map[string]*[4]int32
	fixed ner.GazetteerMap // external lists, always on
	// all is final(): every entry with its prefixes marked.
	all ner.GazetteerMap
}

func entityKey(tokens []string, c conll.Chunk) string {
	parts := make([]string, c.End-c.Start)
	for i := c.Start; i < c.End; i++ {
		parts[i-c.Start] = strings.ToLower(ner.NormalizeWord(tokens[i]))
	}
	return strings.Join(parts, " ")
}

// docEntities lists the typed entity strings of one document, each once.
func docEntities(d conll.Document) map[string][4]int32 {
	out := map[string][4]int32{}
	for _, s := range d.Sentences {
		for _, c := range conll.Chunks(s.Tags) {
			if c.End-c.Start > 6 {
				continue
			}
			k := entityKey(s.Tokens, c)
			v := out[k]
			v[typeIndex(c.Type)] = 1
			out[k] = v
		}
	}
	return out
}

func typeIndex(t string) int {
	for i, l := range []string{"PER", "ORG", "LOC", "MISC"} {
		if l == t {
			return i
		}
	}
	return 0
}

func newGazetteer(docs []conll.Document, fixed ner.GazetteerMap) *gazetteer {
	g := &gazetteer{docs: map[string]*[4]int32{}, fixed: fixed}
	for _, d := range docs {
		for k, v := range docEntities(d) {
			c := g.docs[k]
			if c == nil {
				c = new([4]int32)
				g.docs[k] = c
			}
			for i := range v {
				c[i] += v[i]
			}
		}
	}
	g.all = g.final()
	return g
}

// final is the gazetteer shipped with the model: every type an entity
// string had in the training data, plus the external lists.
func (g *gazetteer) final() ner.GazetteerMap {
	out := ner.GazetteerMap{}
	for k, b := range g.fixed {
		out[k] = b & 0x0f
	}
	for k, c := range g.docs {
		for i, n := range c {
			if n > 0 {
				out[k] |= 1 << i
			}
		}
	}
	out.MarkPrefixes()
	return out
}

// heldOut is the gazetteer as seen from one training document: entries
// only that document contributes are hidden, so the tagger learns how far
// to trust a gazetteer match on names it has not memorised.
type heldOut struct {
	g   *gazetteer
	own map[string][4]int32
}

func (h heldOut) Lookup(key []byte) uint8 {
	bits := h.g.all[string(key)] & ner.PrefixBit
	bits |= h.g.fixed[string(key)]
	c := h.g.docs[string(key)]
	if c == nil {
		return bits
	}
	own := h.own[string(key)]
	for i := range c {
		if c[i]-own[i] > 0 {
			bits |= 1 << i
		}
	}
	return bits
}

// ReadList reads a one-entry-per-line list (Reuters-21578 all-*-strings)
// into gazetteer entries of type typ; hyphens separate words there.
func ReadList(path, typ string, into ner.GazetteerMap) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bit := uint8(1) << typeIndex(typ)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		e := strings.TrimSpace(strings.ReplaceAll(sc.Text(), "-", " "))
		if e != "" {
			into[e] |= bit
		}
	}
	return sc.Err()
}
