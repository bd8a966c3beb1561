// Package featrow maps hashed feature keys to weight rows for the linear
// sequence taggers (NER, quote attribution). It is their decoders' hot
// loop: an open-addressing table of two flat arrays is about twice as fast
// as a Go map of the same keys, because a lookup touches one or two cache
// lines.
package featrow

// Table is an immutable open-addressing hash table from feature key to
// row index. The zero Table finds nothing.
type Table struct {
	keys []uint64 // 0 marks an empty slot; key 0 is stored in zeroRow
	rows []int32
	mask uint64
	// zeroRow is the row of key 0, or -1.
	zeroRow int32
}

// New builds the table of keys: keys[r] maps to row r. Keys must be
// distinct.
func New(keys []uint64) Table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := Table{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1), zeroRow: -1}
	for r, k := range keys {
		if k == 0 {
			t.zeroRow = int32(r)
			continue
		}
		i := slot(k) & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.rows[i] = k, int32(r)
	}
	return t
}

// slot spreads the key's bits (Fibonacci hashing) so that feature hashes
// with similar low bits do not collide.
func slot(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 20 }

// Lookup returns the row of k, or -1 when k is not in the table.
func (t *Table) Lookup(k uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	if k == 0 {
		return t.zeroRow
	}
	i := slot(k) & t.mask
	for {
		switch t.keys[i] {
		case k:
			return t.rows[i]
		case 0:
			return -1
		}
		i = (i + 1) & t.mask
	}
}
