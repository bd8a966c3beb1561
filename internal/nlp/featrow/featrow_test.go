package featrow

import (
	"math/rand/v2"
	"testing"
)

func TestLookupFindsEveryKeyAndOnlyThem(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []uint64{0, 1, 1 << 63}
	seen := map[uint64]bool{0: true, 1: true, 1 << 63: true}
	for len(keys) < 5000 {
		k := rng.Uint64()
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	tab := New(keys)
	for r, k := range keys {
		if got := tab.Lookup(k); got != int32(r) {
			t.Fatalf("Lookup(%d) = %d, want %d", k, got, r)
		}
	}
	for range 5000 {
		k := rng.Uint64()
		if !seen[k] && tab.Lookup(k) != -1 {
			t.Fatalf("Lookup(%d) found an absent key", k)
		}
	}
}

func TestEmptyTables(t *testing.T) {
	var zero Table
	if zero.Lookup(7) != -1 || zero.Lookup(0) != -1 {
		t.Error("zero Table found a key")
	}
	empty := New(nil)
	if empty.Lookup(7) != -1 || empty.Lookup(0) != -1 {
		t.Error("empty Table found a key")
	}
}

func BenchmarkLookup(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 600_000)
	for i := range keys {
		keys[i] = rng.Uint64()
	}
	tab := New(keys)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tab.Lookup(keys[(i*7919)%len(keys)])
	}
}
