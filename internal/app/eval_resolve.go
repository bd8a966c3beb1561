package app

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

// newEvalResolveCmd scores within-document person coreference on ECB+ XML
// documents: gold person names are given as NER spans, and the resolver must
// link them (pairwise name-clustering P/R/F1) and link third-person
// pronouns to a name of their gold chain (accuracy).
func newEvalResolveCmd(e *env) *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "resolve",
		Short: "Score entity resolution (name clustering, pronoun linking) on ECB+ XML",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval resolve: --data is required: %w", news.ErrInvalidInput)
			}
			m, err := scoreResolveECB(data)
			if err != nil {
				return fmt.Errorf("eval resolve: %w", err)
			}
			return printMetrics(e, asJSON, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "folder of ECB+ *.xml documents (searched recursively)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// resolveMetrics are the ECB+ coreference scores.
type resolveMetrics struct {
	Documents       int      `json:"documents"`
	NamePairs       eval.PRF `json:"name_pairs"`
	Pronouns        int      `json:"pronouns"`
	PronounLinked   int      `json:"pronouns_linked"`
	PronounAccuracy float64  `json:"pronoun_accuracy"`
	PronounPrec     float64  `json:"pronoun_precision"`
}

type ecbDoc struct {
	Tokens []struct {
		ID       int    `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Items []struct {
			XMLName xml.Name
			ID      string `xml:"m_id,attr"`
			Anchors []struct {
				ID int `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:",any"`
	} `xml:"Markables"`
	Relations struct {
		Items []struct {
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:",any"`
	} `xml:"Relations"`
}

var ecbPronouns = map[string]bool{"he": true, "him": true, "his": true, "himself": true, "she": true, "her": true, "hers": true, "herself": true}

// goldMention is one ECB+ person mention laid out in the rebuilt text.
type goldMention struct {
	start, end int
	chain      string
	pronoun    bool
}

func scoreResolveECB(dir string) (resolveMetrics, error) {
	var m resolveMetrics
	var tp, fp, fn, correct int
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc ecbDoc
		if err := xml.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		text, gold := layoutECB(doc)
		var names []resolve.Name
		for _, g := range gold {
			if !g.pronoun {
				names = append(names, resolve.Name{Start: g.start, End: g.end, Type: news.PER})
			}
		}
		owner := map[int]string{} // mention start -> predicted entity key
		kinds := map[int]string{}
		for i, e := range resolve.Resolve(text, nil, names) {
			for _, mm := range e.Mentions {
				owner[mm.Start] = fmt.Sprint(i)
				kinds[mm.Start] = mm.Kind
			}
		}
		m.Documents++
		for i, a := range gold {
			if a.pronoun {
				continue
			}
			for _, b := range gold[i+1:] {
				if b.pronoun {
					continue
				}
				same, pred := a.chain == b.chain, owner[a.start] != "" && owner[a.start] == owner[b.start]
				switch {
				case same && pred:
					tp++
				case pred:
					fp++
				case same:
					fn++
				}
			}
		}
		for _, p := range gold {
			if !p.pronoun || !hasEarlierName(gold, p) {
				continue
			}
			m.Pronouns++
			if kinds[p.start] != resolve.KindPronoun {
				continue
			}
			m.PronounLinked++
			for _, n := range gold {
				if !n.pronoun && n.chain == p.chain && n.start < p.start && owner[n.start] == owner[p.start] {
					correct++
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		return m, err
	}
	m.NamePairs = eval.NewPRF(tp, fp, fn)
	if m.Pronouns > 0 {
		m.PronounAccuracy = float64(correct) / float64(m.Pronouns)
	}
	if m.PronounLinked > 0 {
		m.PronounPrec = float64(correct) / float64(m.PronounLinked)
	}
	return m, nil
}

func hasEarlierName(gold []goldMention, p goldMention) bool {
	for _, n := range gold {
		if !n.pronoun && n.chain == p.chain && n.start < p.start {
			return true
		}
	}
	return false
}

// layoutECB rebuilds the document text (tokens joined by spaces, one
// sentence per line) and returns its gold person mentions that belong to a
// coreference chain: capitalised names and third-person pronouns.
func layoutECB(doc ecbDoc) (string, []goldMention) {
	var b strings.Builder
	starts, ends := map[int]int{}, map[int]int{}
	prevSentence := -1
	for _, t := range doc.Tokens {
		if b.Len() > 0 {
			if t.Sentence != prevSentence {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		prevSentence = t.Sentence
		starts[t.ID] = b.Len()
		b.WriteString(t.Text)
		ends[t.ID] = b.Len()
	}
	chain := map[string]string{}
	for _, r := range doc.Relations.Items {
		for _, s := range r.Sources {
			chain[s.ID] = r.Target.ID
		}
	}
	var gold []goldMention
	for _, mk := range doc.Markables.Items {
		if mk.XMLName.Local != "HUMAN_PART_PER" || len(mk.Anchors) == 0 || chain[mk.ID] == "" {
			continue
		}
		first, last := mk.Anchors[0].ID, mk.Anchors[len(mk.Anchors)-1].ID
		g := goldMention{start: starts[first], end: ends[last], chain: chain[mk.ID]}
		words := strings.Fields(b.String()[g.start:g.end])
		switch {
		case len(words) == 1 && ecbPronouns[strings.ToLower(words[0])]:
			g.pronoun = true
		case isCapitalisedName(words):
		default:
			continue
		}
		gold = append(gold, g)
	}
	return b.String(), gold
}

// isCapitalisedName accepts 1-4 capitalised words as a person name.
func isCapitalisedName(words []string) bool {
	if len(words) == 0 || len(words) > 4 || words[0] == "The" {
		return false
	}
	for _, w := range words {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}
