// Package featrow maps hashed feature keys to weight rows for the linear
// sequence taggers (NER, quote attribution). It is their decoders' hot
// loop: an open-addressing table of key-row slots is several times faster
// than a Go map of the same keys, because a lookup usually touches one
// cache line.
package featrow

// Table is an immutable open-addressing hash table from feature key to
// row index. The zero Table finds nothing.
type Table struct {
	// slots holds each key next to its row, so that a hit reads one
	// cache line rather than one in a key array and one in a row array.
	slots []slot // key 0 marks an empty slot; key 0 is stored in zeroRow
	mask  uint64
	// zeroRow is the row of key 0, or -1.
	zeroRow int32
}

type slot struct {
	key uint64
	row int32
}

// New builds the table of keys: keys[r] maps to row r. Keys must be
// distinct.
func New(keys []uint64) Table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := Table{slots: make([]slot, size), mask: uint64(size - 1), zeroRow: -1}
	for r, k := range keys {
		if k == 0 {
			t.zeroRow = int32(r)
			continue
		}
		i := spread(k) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: k, row: int32(r)}
	}
	return t
}

// spread mixes the key's bits (Fibonacci hashing) so that feature hashes
// with similar low bits do not collide.
func spread(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 20 }

// Lookup returns the row of k, or -1 when k is not in the table.
func (t *Table) Lookup(k uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	if k == 0 {
		return t.zeroRow
	}
	i := spread(k) & t.mask
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			return s.row
		case 0:
			return -1
		}
		i = (i + 1) & t.mask
	}
}
