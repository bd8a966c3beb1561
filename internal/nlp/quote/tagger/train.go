package tagger

import (
	"cmp"
	"log/slog"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Example is one training text: its extracted features and gold labels
// (one per token, from Encode).
type Example struct {
	Doc    Doc
	Labels []int
}

// Config controls training.
type Config struct {
	// Cues are the learned cue words stored with the model (see CueWords).
	Cues   []string
	Epochs int
	Seed   uint64
	// Runs is how many perceptrons, with consecutive seeds, are trained
	// and averaged (1 when zero).
	Runs int
	// Prune drops feature rows whose largest absolute averaged weight is
	// below this, to keep the shipped model small.
	Prune float32
}

// trainer is the perceptron state: current weights w and step-weighted
// sums u of the updates, so the averaged weight is w - u/step.
type trainer struct {
	index  map[uint64]int32
	keys   []uint64
	w, u   []float64
	tw, tu []float64
	trans  []float32
	step   float64
}

// Train learns an averaged structured perceptron over the examples'
// paragraph sequences, visiting them in a seeded random order. With
// Runs > 1 it trains that many perceptrons, with seeds Seed, Seed+1, ...,
// concurrently and averages their weights: a single perceptron's dev
// score swings by about 0.004 F1 with the visiting order, and the average
// of several is steadier and better than any one of them.
func Train(cfg Config, examples []Example) *Model {
	runs := max(1, cfg.Runs)
	trainers := make([]*trainer, runs)
	var wg sync.WaitGroup
	for r := range runs {
		wg.Go(func() { trainers[r] = run(cfg.Epochs, cfg.Seed+uint64(r), examples) })
	}
	wg.Wait()
	return average(trainers, cfg.Prune, cfg.Cues)
}

// run trains one perceptron with the given shuffle seed.
func run(epochs int, seed uint64, examples []Example) *trainer {
	t := &trainer{
		index: map[uint64]int32{},
		tw:    make([]float64, (NumLabels+1)*NumLabels),
		tu:    make([]float64, (NumLabels+1)*NumLabels),
		trans: make([]float32, (NumLabels+1)*NumLabels),
		step:  1,
	}
	type ref struct{ ex, seq int }
	var order []ref
	for i, e := range examples {
		for j := range e.Doc.Seqs {
			order = append(order, ref{i, j})
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for epoch := range epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, r := range order {
			e := examples[r.ex]
			s := e.Doc.Seqs[r.seq]
			if t.sequence(s.Feats, e.Labels[s.From:s.To]) {
				mistakes++
			}
			t.step++
		}
		slog.Info("quote tagger: epoch", "seed", seed, "epoch", epoch+1, "mistakes", mistakes, "sequences", len(order),
			"features", len(t.keys), "seconds", time.Since(start).Seconds())
	}
	return t
}

func (t *trainer) row(k uint64) int32 {
	r, ok := t.index[k]
	if !ok {
		r = int32(len(t.keys))
		t.index[k] = r
		t.keys = append(t.keys, k)
		t.w = append(t.w, make([]float64, NumLabels)...)
		t.u = append(t.u, make([]float64, NumLabels)...)
	}
	return r
}

// sequence decodes one sequence with the current weights and applies the
// update; it reports whether the prediction was wrong.
func (t *trainer) sequence(feats [][]uint64, gold []int) bool {
	rows := make([][]int32, len(feats))
	em := make([]float32, 0, len(feats)*NumLabels)
	for i, fs := range feats {
		rows[i] = make([]int32, len(fs))
		var sc [NumLabels]float64
		for j, f := range fs {
			r := t.row(f)
			rows[i][j] = r
			for l, v := range t.w[int(r)*NumLabels : int(r+1)*NumLabels] {
				sc[l] += v
			}
		}
		for _, v := range sc {
			em = append(em, float32(v))
		}
	}
	for i, v := range t.tw {
		t.trans[i] = float32(v)
	}
	pred := viterbi(em, t.trans, len(feats))
	wrong := false
	for i := range gold {
		if gold[i] != pred[i] {
			wrong = true
			for _, r := range rows[i] {
				t.add(int(r)*NumLabels+gold[i], 1)
				t.add(int(r)*NumLabels+pred[i], -1)
			}
		}
		pg, pp := NumLabels, NumLabels
		if i > 0 {
			pg, pp = gold[i-1], pred[i-1]
		}
		if pg != pp || gold[i] != pred[i] {
			t.addTrans(pg*NumLabels+gold[i], 1)
			t.addTrans(pp*NumLabels+pred[i], -1)
		}
	}
	return wrong
}

func (t *trainer) add(i int, v float64) {
	t.w[i] += v
	t.u[i] += t.step * v
}

func (t *trainer) addTrans(i int, v float64) {
	t.tw[i] += v
	t.tu[i] += t.step * v
}

// average returns the mean of the trainers' averaged weights, sorted by
// key, without the rows whose weights are all below prune in magnitude.
func average(ts []*trainer, prune float32, cues []string) *Model {
	index := map[uint64]int{}
	var keys []uint64
	var sum []float64
	trans := make([]float32, (NumLabels+1)*NumLabels)
	n := float64(len(ts))
	for _, t := range ts {
		for r, k := range t.keys {
			at, ok := index[k]
			if !ok {
				at = len(keys)
				index[k] = at
				keys = append(keys, k)
				sum = append(sum, make([]float64, NumLabels)...)
			}
			for l := range NumLabels {
				sum[at*NumLabels+l] += (t.w[r*NumLabels+l] - t.u[r*NumLabels+l]/t.step) / n
			}
		}
		for i := range trans {
			trans[i] += float32((t.tw[i] - t.tu[i]/t.step) / n)
		}
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	var kept []uint64
	var weights []float32
	row := make([]float32, NumLabels)
	for _, r := range order {
		var peak float32
		for l := range NumLabels {
			v := float32(sum[r*NumLabels+l])
			row[l] = v
			peak = max(peak, float32(math.Abs(float64(v))))
		}
		if peak == 0 || peak < prune {
			continue
		}
		kept = append(kept, keys[r])
		weights = append(weights, row...)
	}
	m, err := NewModel(kept, weights, trans, cues)
	if err != nil {
		panic(err) // dimensions are fixed by construction
	}
	return m
}

// CueWords lists the lower-cased words that are part of a gold CUE at
// least minCount times and in at least minRatio of their occurrences, in
// sorted order. toks and labels are per text, labels from Encode.
func CueWords(toks [][]tokenize.Token, labels [][]int, minCount int, minRatio float64) []string {
	seen, cue := map[string]int{}, map[string]int{}
	for d := range toks {
		for i, t := range toks[d] {
			w := strings.ToLower(t.Text)
			seen[w]++
			if l := labels[d][i]; l == bCue || l == iCue {
				cue[w]++
			}
		}
	}
	var out []string
	for w, n := range cue {
		if n >= minCount && float64(n) >= minRatio*float64(seen[w]) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
