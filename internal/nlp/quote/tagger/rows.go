package tagger

import (
	"math"
	"math/bits"
)

// rowTable is an immutable open-addressing hash table from feature key to
// weight row. The emissions loop is memory-bound (one random read per
// feature of every token), so a slot is 16 bytes, four to a cache line:
// the row is quantized to int16 (one scale for the whole table) and the
// key is kept as a 16-bit fingerprint next to it. The home position holds
// the key's high bits and the fingerprint lower ones, so a foreign key
// is taken for a stored one about once in 65,536 probes of an occupied
// slot; the few keys that miss the table are the only ones exposed to it.
// Probing is linear and never wraps: the slot array ends with enough
// empty slots for every probe sequence to stop on one.
type rowTable struct {
	slots []rowSlot // fingerprint 0 marks an empty slot
	size  uint64    // home positions are [0, size)
	scale float32   // a row's weights are w * scale
	zero  *[NumLabels]int16
}

type rowSlot struct {
	fp uint16
	w  [NumLabels]int16
}

// The table has 4 home slots for every 3 keys: at 75% load a hit probes
// about two slots, which share a cache line more often than not.
const rowSlotsPerKeyNum, rowSlotsPerKeyDen = 4, 3

func newRowTable(keys []uint64, weights []float32) rowTable {
	t := rowTable{size: uint64(max(16, len(keys)*rowSlotsPerKeyNum/rowSlotsPerKeyDen)), scale: 1}
	var maxAbs float64
	for _, w := range weights {
		maxAbs = max(maxAbs, math.Abs(float64(w)))
	}
	if maxAbs > 0 {
		t.scale = float32(maxAbs / math.MaxInt16)
	}
	t.slots = make([]rowSlot, t.size+1)
	for r, k := range keys {
		var w [NumLabels]int16
		for l, v := range weights[r*NumLabels : (r+1)*NumLabels] {
			w[l] = int16(math.Round(float64(v / t.scale)))
		}
		if k == 0 {
			t.zero = &w
			continue
		}
		i := t.home(k)
		for t.slots[i].fp != 0 {
			i++
		}
		if i == uint64(len(t.slots)-1) {
			t.slots = append(t.slots, rowSlot{}) // keep an empty slot last
		}
		t.slots[i] = rowSlot{fp: fingerprint(k), w: w}
	}
	return t
}

// mix spreads a key's bits before they are split into home and
// fingerprint.
func mix(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 }

// home maps a key to its first probe: the high bits of the mixed key
// scaled to size (Lemire's multiply-shift range reduction).
func (t *rowTable) home(k uint64) uint64 {
	hi, _ := bits.Mul64(mix(k), t.size)
	return hi
}

// fingerprint is bits 7-22 of the mixed key, which the home position
// (its top bits) does not use; never 0, the empty mark.
func fingerprint(k uint64) uint16 {
	return max(uint16(mix(k)>>7), 1)
}

// lookup returns the quantized weight row of k, or nil when k is not in
// the table.
func (t *rowTable) lookup(k uint64) *[NumLabels]int16 {
	if k == 0 {
		return t.zero
	}
	if len(t.slots) == 0 {
		return nil
	}
	fp := fingerprint(k)
	slots := t.slots[t.home(k):]
	for i := range slots {
		s := &slots[i]
		if s.fp == fp {
			return &s.w
		}
		if s.fp == 0 {
			return nil
		}
	}
	return nil
}

// appendRow appends k's weights, dequantized, to dst (zeros when k is not
// in the table).
func (t *rowTable) appendRow(dst []float32, k uint64) []float32 {
	w := t.lookup(k)
	for l := range NumLabels {
		v := float32(0)
		if w != nil {
			v = float32(w[l]) * t.scale
		}
		dst = append(dst, v)
	}
	return dst
}
