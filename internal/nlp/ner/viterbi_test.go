package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The decoder's label groups must be exactly the BILOU constraints.
func TestDecoderGroupsMatchAllowed(t *testing.T) {
	for c := range numLabels {
		var want []int
		for p := range numLabels {
			if allowed(p, c) {
				want = append(want, p)
			}
		}
		var got []int
		if slices.Contains(openingLabels[:], c) {
			got = closedLabels[:]
		} else {
			got = []int{labelOf(typeOf(c), kindB), labelOf(typeOf(c), kindI)}
		}
		if !slices.Equal(got, want) {
			t.Errorf("predecessors of %s = %v, want %v", Labels[c], got, want)
		}
	}
}

// referenceViterbi is the plain decoder: every allowed predecessor of
// every label, in label order.
func referenceViterbi(em, trans []float32, n int) []int {
	const L = numLabels
	neg := float32(math.Inf(-1))
	score := make([]float32, n*L)
	back := make([]int, n*L)
	for c := range L {
		score[c] = neg
		if allowed(L, c) {
			score[c] = em[c] + trans[L*L+c]
		}
	}
	for i := 1; i < n; i++ {
		for c := range L {
			best, arg := neg, 0
			for p := range L {
				if !allowed(p, c) {
					continue
				}
				if s := score[(i-1)*L+p] + trans[p*L+c]; s > best {
					best, arg = s, p
				}
			}
			score[i*L+c] = best + em[i*L+c]
			back[i*L+c] = arg
		}
	}
	path := make([]int, n)
	best := neg
	for c := range L {
		if s := score[(n-1)*L+c]; s > best && canEnd(c) {
			best, path[n-1] = s, c
		}
	}
	for i := n - 1; i > 0; i-- {
		path[i-1] = back[i*L+path[i]]
	}
	return path
}

func TestViterbiMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var v viterbi
	for trial := range 2000 {
		n := 1 + rng.IntN(30)
		// Coarse values make ties common, which tests the tie-breaking.
		levels := float32(3 + trial%20)
		value := func() float32 { return float32(rng.IntN(int(levels))) - levels/2 }
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = value()
		}
		trans := make([]float32, (numLabels+1)*numLabels)
		for i := range trans {
			trans[i] = value() / 2
		}
		if got, want := v.decode(em, trans, n), referenceViterbi(em, trans, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d: decode = %v, reference %v", trial, got, want)
		}
	}
}
