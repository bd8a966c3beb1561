package tagger

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRowTable checks that every stored key finds its row, within half a
// quantization step, and that keys never stored find none.
func TestRowTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 20000)
	weights := make([]float32, len(keys)*NumLabels)
	stored := map[uint64]bool{}
	for i := range keys {
		keys[i] = rng.Uint64()
		stored[keys[i]] = true
		for l := range NumLabels {
			weights[i*NumLabels+l] = float32(rng.NormFloat64() * 10)
		}
	}
	keys[0] = 0 // the zero key has its own row
	tab := newRowTable(keys, weights)
	for i, k := range keys {
		row := tab.appendRow(nil, k)
		for l, v := range row {
			if want := weights[i*NumLabels+l]; math.Abs(float64(v-want)) > float64(tab.scale)/2+1e-6 {
				t.Fatalf("key %d label %d: %v, want %v (scale %v)", i, l, v, want, tab.scale)
			}
		}
	}
	foreign := 0
	for range 20000 {
		if k := rng.Uint64(); !stored[k] && tab.lookup(k) != nil {
			foreign++
		}
	}
	// About one probe in 65,536 of an occupied slot matches a foreign key.
	if foreign > 5 {
		t.Errorf("%d of 20000 foreign keys found a row", foreign)
	}
}
