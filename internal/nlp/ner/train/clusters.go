package train

import (
	"log/slog"
	"math"
	"sort"

	"github.com/parallax-news/parallax/internal/nlp/ner"
)

// ClusterConfig controls word-cluster induction.
type ClusterConfig struct {
	// Sizes are the cluster counts, finest first (e.g. 1000, 250, 60).
	// The finest clustering is learned over words; each coarser one
	// clusters the classes of the previous, so the levels nest like the
	// prefixes of a Brown-cluster bit string.
	Sizes []int
	// MinCount drops rarer words.
	MinCount int
	// Iterations is the number of exchange passes per level.
	Iterations int
}

// bigramGraph holds the bigram counts of a vocabulary of items (words or
// classes) as sparse adjacency lists.
type bigramGraph struct {
	count       []int64
	right, left [][]edge // right[w]: (v, n(w,v)), v != w; left[w]: (u, n(u,w))
	self        []int64  // n(w,w)
}

type edge struct {
	to int32
	n  int64
}

// InduceClusters learns word classes that maximise the likelihood of a
// class-bigram model with the exchange algorithm (Kneser & Ney 1993,
// Martin et al. 1998), then coarsens them level by level.
func InduceClusters(sents [][]string, cfg ClusterConfig) *ner.Clusters {
	freq := map[string]int64{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	vocab := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= int64(cfg.MinCount) {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int32, len(vocab)+1)
	for i, w := range vocab {
		id[w] = int32(i)
	}
	// One extra item stands for all rarer words and the sentence boundary.
	other := int32(len(vocab))
	pairs := map[[2]int32]int64{}
	for _, s := range sents {
		prev := other
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = other
			}
			pairs[[2]int32{prev, cur}]++
			prev = cur
		}
		pairs[[2]int32{prev, other}]++
	}
	g := newGraph(len(vocab)+1, pairs)
	slog.Info("clusters: vocabulary", "words", len(vocab), "bigrams", len(pairs))

	levels := make([][]int32, len(cfg.Sizes))
	for li, k := range cfg.Sizes {
		cls := exchange(g, k, cfg.Iterations)
		levels[li] = cls
		if li+1 < len(cfg.Sizes) {
			g = g.collapse(cls, k)
		}
	}
	ids := make(map[string][]int16, len(vocab))
	for i, w := range vocab {
		row := make([]int16, len(cfg.Sizes))
		c := int32(i)
		for li := range levels {
			c = levels[li][c]
			row[li] = int16(c)
		}
		ids[w] = row
	}
	return ner.NewClusters(cfg.Sizes, ids)
}

func newGraph(n int, pairs map[[2]int32]int64) *bigramGraph {
	g := &bigramGraph{count: make([]int64, n), right: make([][]edge, n), left: make([][]edge, n), self: make([]int64, n)}
	keys := make([][2]int32, 0, len(pairs))
	for p := range pairs {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, p := range keys {
		c := pairs[p]
		g.count[p[0]] += c
		if p[0] == p[1] {
			g.self[p[0]] += c
			continue
		}
		g.right[p[0]] = append(g.right[p[0]], edge{p[1], c})
		g.left[p[1]] = append(g.left[p[1]], edge{p[0], c})
	}
	return g
}

// collapse builds the bigram graph of the k classes cls assigns.
func (g *bigramGraph) collapse(cls []int32, k int) *bigramGraph {
	pairs := map[[2]int32]int64{}
	for w := range g.right {
		for _, e := range g.right[w] {
			pairs[[2]int32{cls[w], cls[e.to]}] += e.n
		}
		if g.self[w] > 0 {
			pairs[[2]int32{cls[w], cls[w]}] += g.self[w]
		}
	}
	out := newGraph(k, pairs)
	// Unigram counts are those of the items, not of the left-hand sides.
	clear(out.count)
	for w, c := range g.count {
		out.count[cls[w]] += c
	}
	return out
}

// xlogx caches x*log(x) for small counts.
type xlogx []float64

func newXlogx(n int) xlogx {
	t := make(xlogx, n)
	for i := 1; i < n; i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}

func (t xlogx) f(x int64) float64 {
	if x < int64(len(t)) {
		return t[x]
	}
	return float64(x) * math.Log(float64(x))
}

// exchange moves each item to the class that most improves the class
// bigram likelihood sum f(N(a,b)) - 2 sum f(N(a)), for a few passes.
func exchange(g *bigramGraph, k, iterations int) []int32 {
	n := len(g.count)
	cls := make([]int32, n)
	for w := range cls {
		cls[w] = int32(w % k) // items come in frequency order
	}
	big := make([]int64, k*k)
	uni := make([]int64, k)
	for w := range n {
		uni[cls[w]] += g.count[w]
		big[int(cls[w])*k+int(cls[w])] += g.self[w]
		for _, e := range g.right[w] {
			big[int(cls[w])*k+int(cls[e.to])] += e.n
		}
	}
	var total int64
	for _, c := range g.count {
		total += c
	}
	fx := newXlogx(int(min(total+1, 1<<24)))
	r := make([]int64, k)
	l := make([]int64, k)
	var rc, lc []int32 // classes with non-zero r / l
	for it := range iterations {
		moved := 0
		for w := range n {
			clear(r)
			clear(l)
			rc, lc = rc[:0], lc[:0]
			for _, e := range g.right[w] {
				c := cls[e.to]
				if r[c] == 0 {
					rc = append(rc, c)
				}
				r[c] += e.n
			}
			for _, e := range g.left[w] {
				c := cls[e.to]
				if l[c] == 0 {
					lc = append(lc, c)
				}
				l[c] += e.n
			}
			a := int(cls[w])
			apply(big, uni, k, a, r, l, rc, lc, g.self[w], g.count[w], -1)
			best, bestGain := a, math.Inf(-1)
			for b := range k {
				gain := -2 * (fx.f(uni[b]+g.count[w]) - fx.f(uni[b]))
				diag := g.self[w] + r[b] + l[b]
				gain += fx.f(big[b*k+b]+diag) - fx.f(big[b*k+b])
				for _, c := range rc {
					if int(c) != b {
						v := big[b*k+int(c)]
						gain += fx.f(v+r[c]) - fx.f(v)
					}
				}
				for _, c := range lc {
					if int(c) != b {
						v := big[int(c)*k+b]
						gain += fx.f(v+l[c]) - fx.f(v)
					}
				}
				if gain > bestGain+1e-9 {
					best, bestGain = b, gain
				}
			}
			apply(big, uni, k, best, r, l, rc, lc, g.self[w], g.count[w], 1)
			if best != a {
				cls[w] = int32(best)
				moved++
			}
		}
		slog.Info("clusters: exchange pass", "classes", k, "pass", it+1, "moved", moved)
		if moved == 0 {
			break
		}
	}
	return cls
}

// apply adds (sign 1) or removes (sign -1) an item with right/left class
// counts r, l from class a.
func apply(big, uni []int64, k, a int, r, l []int64, rc, lc []int32, self, count int64, sign int64) {
	for _, c := range rc {
		big[a*k+int(c)] += sign * r[c]
	}
	for _, c := range lc {
		big[int(c)*k+a] += sign * l[c]
	}
	big[a*k+a] += sign * self
	uni[a] += sign * count
}
