// Command prose scores github.com/jdkato/prose/v3's entity recognizer on a
// CoNLL-2003 file with the same exact-span rules as `parallax eval ner`, as
// a baseline for docs/BENCHMARKS.md. It is its own module so prose never
// enters the parallax binary:
//
//	cd internal/nlp/ner/baseline/prose && go run . ../../../../../../shared/data/conll2003/conllpp_dev.txt.gz
//
// prose's labels map as PERSON->PER; GPE, GSP, LOCATION, FACILITY->LOC;
// ORGANIZATION->ORG; anything else->MISC.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jdkato/prose/v3"
)

type span struct {
	start, end int
	typ        string
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prose CONLL_FILE.gz")
		os.Exit(2)
	}
	sents, err := read(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	labels := map[string]int{}
	tokens := 0
	var elapsed time.Duration
	for _, s := range sents {
		tokens += len(s.words)
		text := strings.Join(s.words, " ")
		// offsets[i] is the byte where word i starts in text.
		starts := map[int]int{}
		ends := map[int]int{}
		off := 0
		for i, w := range s.words {
			starts[off] = i
			ends[off+len(w)] = i + 1
			off += len(w) + 1
		}
		t0 := time.Now()
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false))
		elapsed += time.Since(t0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pred := map[span]bool{}
		for _, e := range doc.Entities() {
			labels[e.Label]++
			si, ok1 := starts[e.Start]
			ei, ok2 := ends[e.End()]
			if !ok1 || !ok2 {
				fp[mapLabel(e.Label)]++ // not on token boundaries: cannot match
				continue
			}
			pred[span{si, ei, mapLabel(e.Label)}] = true
		}
		gold := chunks(s.tags)
		for g := range gold {
			if pred[g] {
				tp[g.typ]++
			} else {
				fn[g.typ]++
			}
		}
		for p := range pred {
			if !gold[p] {
				fp[p.typ]++
			}
		}
	}
	out := map[string]any{"tokens": tokens, "tokens_per_second": float64(tokens) / elapsed.Seconds(), "prose_labels": labels}
	per := map[string]any{}
	var T, P, N int
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		per[typ] = prf(tp[typ], fp[typ], fn[typ])
		T, P, N = T+tp[typ], P+fp[typ], N+fn[typ]
	}
	for k, v := range prf(T, P, N) {
		out[k] = v
	}
	out["per_type"] = per
	b, _ := json.Marshal(out)
	fmt.Println(string(b))
}

func mapLabel(l string) string {
	switch l {
	case "PERSON":
		return "PER"
	case "GPE", "GSP", "LOCATION", "FACILITY":
		return "LOC"
	case "ORG", "ORGANIZATION":
		return "ORG"
	}
	return "MISC"
}

func prf(tp, fp, fn int) map[string]float64 {
	var p, r, f float64
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return map[string]float64{"precision": p, "recall": r, "f1": f}
}

type sentence struct{ words, tags []string }

func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var out []sentence
	var cur sentence
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			if len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur = sentence{}
			continue
		}
		cur.words = append(cur.words, fields[0])
		cur.tags = append(cur.tags, fields[len(fields)-1])
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// chunks reads IOB1 or IOB2 tags as conlleval does.
func chunks(tags []string) map[span]bool {
	out := map[span]bool{}
	open, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = tags[i]
		}
		continues := strings.HasPrefix(t, "I-") && open >= 0 && t[2:] == typ
		if open >= 0 && !continues {
			out[span{open, i, typ}] = true
			open = -1
		}
		if t != "O" && !continues {
			open, typ = i, t[2:]
		}
	}
	return out
}
