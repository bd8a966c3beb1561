package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/nlp/featrow"
)

// Model is a linear sequence model: one weight row per feature key, label
// transition weights and the gazetteer its features were trained with.
type Model struct {
	index   map[uint64]int32
	table   featrow.Table
	weights []float32 // row-major: row*numLabels + label
	// trans[prev*numLabels+cur]; row numLabels holds the start weights.
	trans     []float32
	gazetteer GazetteerMap
}

// NewModel builds a model from feature keys and their weight rows
// (len(weights) == len(keys)*len(Labels)), transition weights
// ((len(Labels)+1)*len(Labels), last row = sentence start) and a gazetteer,
// whose prefixes it marks.
func NewModel(keys []uint64, weights, trans []float32, gaz GazetteerMap) (*Model, error) {
	if len(weights) != len(keys)*numLabels || len(trans) != (numLabels+1)*numLabels {
		return nil, errors.New("ner: weight dimensions do not match the label set")
	}
	idx := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		idx[k] = int32(i)
	}
	gaz.MarkPrefixes()
	return &Model{index: idx, table: featrow.New(keys), weights: weights, trans: trans, gazetteer: gaz}, nil
}

// Features is the number of weight rows.
func (m *Model) Features() int { return len(m.index) }

// Gazetteer is the gazetteer the model's features read.
func (m *Model) Gazetteer() GazetteerMap { return m.gazetteer }

// Under the BILOU constraints a label either opens a token after a closed
// one (O, B-X and U-X may follow only O, L-* or U-*) or continues a name
// (I-X and L-X may follow only B-X or I-X). The decoder exploits the
// first group's shared predecessors: it gathers their scores once per
// token into a fixed-size array.

// closedLabels are the labels after which a new name (or O) may start, in
// increasing order: O, then L and U of each type.
var closedLabels = func() (out [1 + 2*len(entityTypes)]int) {
	out[0] = 0
	for ti := range entityTypes {
		out[1+2*ti], out[2+2*ti] = labelOf(ti, kindL), labelOf(ti, kindU)
	}
	return out
}()

// openingLabels are the labels whose predecessors are closedLabels: O,
// then B and U of each type.
var openingLabels = func() (out [1 + 2*len(entityTypes)]int) {
	out[0] = 0
	for ti := range entityTypes {
		out[1+2*ti], out[2+2*ti] = labelOf(ti, kindB), labelOf(ti, kindU)
	}
	return out
}()

// Viterbi returns the best label sequence (indices into Labels) for the
// emission scores em (len n*len(Labels)) under transition weights trans.
func Viterbi(em, trans []float32, n int) []int {
	var v viterbi
	return v.decode(em, trans, n)
}

// viterbi holds the decoder's buffers for reuse across sentences.
type viterbi struct {
	score []float32
	back  []int8
}

// decode finds the best allowed path. Among equal scores it keeps the
// lowest-numbered predecessor, as a scan of the labels in order would.
func (v *viterbi) decode(em, trans []float32, n int) []int {
	if n == 0 {
		return nil
	}
	const L = numLabels
	neg := float32(math.Inf(-1))
	v.score = slices.Grow(v.score[:0], n*L)[:n*L]
	v.back = slices.Grow(v.back[:0], n*L)[:n*L]
	score, back := v.score, v.back
	for c := range L {
		score[c] = neg
		if allowed(L, c) {
			score[c] = em[c] + trans[L*L+c]
		}
	}
	// opening[k][j] is the weight of closedLabels[j] -> openingLabels[k].
	var opening [len(openingLabels)][len(closedLabels)]float32
	for k, c := range openingLabels {
		for j, p := range closedLabels {
			opening[k][j] = trans[p*L+c]
		}
	}
	for i := 1; i < n; i++ {
		prev := (*[L]float32)(score[(i-1)*L : i*L])
		cur := (*[L]float32)(score[i*L : (i+1)*L])
		row := (*[L]float32)(em[i*L : (i+1)*L])
		bk := (*[L]int8)(back[i*L : (i+1)*L])
		var closed [len(closedLabels)]float32
		for j, p := range closedLabels {
			closed[j] = prev[p]
		}
		// A predecessor scored -Inf (a label that cannot start a
		// sentence) never beats best, so it needs no test.
		for k, c := range openingLabels {
			best, j := bestClosed(&closed, &opening[k])
			cur[c] = best + row[c]
			bk[c] = int8(closedLabels[j])
		}
		for ti := range entityTypes {
			b, in := labelOf(ti, kindB), labelOf(ti, kindI)
			for _, c := range [2]int{in, labelOf(ti, kindL)} {
				best, arg := neg, 0
				if s := prev[b] + trans[b*L+c]; s > best {
					best, arg = s, b
				}
				if s := prev[in] + trans[in*L+c]; s > best {
					best, arg = s, in
				}
				cur[c] = best + row[c]
				bk[c] = int8(arg)
			}
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
		path[i-1] = int(back[i*L+path[i]])
	}
	return path
}

// bestClosed returns the best of score[j]+weight[j] and its j, the
// lowest j among equals; with every sum -Inf, j is 0. It is unrolled:
// this is the decoder's innermost loop.
func bestClosed(score, weight *[len(closedLabels)]float32) (float32, int) {
	best, arg := float32(math.Inf(-1)), 0
	if s := score[0] + weight[0]; s > best {
		best, arg = s, 0
	}
	if s := score[1] + weight[1]; s > best {
		best, arg = s, 1
	}
	if s := score[2] + weight[2]; s > best {
		best, arg = s, 2
	}
	if s := score[3] + weight[3]; s > best {
		best, arg = s, 3
	}
	if s := score[4] + weight[4]; s > best {
		best, arg = s, 4
	}
	if s := score[5] + weight[5]; s > best {
		best, arg = s, 5
	}
	if s := score[6] + weight[6]; s > best {
		best, arg = s, 6
	}
	if s := score[7] + weight[7]; s > best {
		best, arg = s, 7
	}
	if s := score[8] + weight[8]; s > best {
		best, arg = s, 8
	}
	return best, arg
}

const modelMagic = "PLXNER03"

// Encode writes the model gzip-compressed. Rows are written in key order
// so the same model always encodes to the same bytes.
func (m *Model) Encode(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	bw.WriteString(modelMagic)
	put := func(v any) { _ = binary.Write(bw, binary.LittleEndian, v) }
	put(uint32(len(keys)))
	var prev uint64
	var vb [binary.MaxVarintLen64]byte
	for _, k := range keys {
		bw.Write(vb[:binary.PutUvarint(vb[:], k-prev)])
		prev = k
	}
	for _, k := range keys {
		r := m.index[k]
		put(m.weights[int(r)*numLabels : int(r+1)*numLabels])
	}
	put(m.trans)
	entries := make([]string, 0, len(m.gazetteer))
	for e, bits := range m.gazetteer {
		if bits&typeBits != 0 {
			entries = append(entries, e)
		}
	}
	sort.Strings(entries)
	put(uint32(len(entries)))
	for _, e := range entries {
		bw.Write(vb[:binary.PutUvarint(vb[:], uint64(len(e)))])
		bw.WriteString(e)
		bw.WriteByte(m.gazetteer[e] & typeBits)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	return zw.Close()
}

// DecodeModel reads a model written by Encode.
func DecodeModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: decode model: %w", err)
	}
	br := bufio.NewReader(zr)
	m, err := decodeModel(br)
	if err != nil {
		return nil, fmt.Errorf("ner: decode model: %w", err)
	}
	return m, nil
}

func decodeModel(br *bufio.Reader) (*Model, error) {
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil {
		return nil, err
	}
	if string(magic) != modelMagic {
		return nil, errors.New("not a parallax NER model")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	keys := make([]uint64, n)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		prev += d
		keys[i] = prev
	}
	weights := make([]float32, int(n)*numLabels)
	if err := binary.Read(br, binary.LittleEndian, weights); err != nil {
		return nil, err
	}
	trans := make([]float32, (numLabels+1)*numLabels)
	if err := binary.Read(br, binary.LittleEndian, trans); err != nil {
		return nil, err
	}
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	gaz := make(GazetteerMap, n)
	var sb strings.Builder
	for range n {
		l, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		sb.Reset()
		if _, err := io.CopyN(&sb, br, int64(l)); err != nil {
			return nil, err
		}
		bits, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		gaz[sb.String()] = bits
	}
	return NewModel(keys, weights, trans, gaz)
}

// Average returns the model whose weights are the mean of the given
// models' (a feature missing from a model counts as zero there). Averaging
// perceptrons trained on different example orders lowers their variance.
// The gazetteer is the first model's.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("ner: no models to average")
	}
	sum := map[uint64][]float32{}
	var keys []uint64
	for _, m := range models {
		for k, r := range m.index {
			row, ok := sum[k]
			if !ok {
				row = make([]float32, numLabels)
				sum[k] = row
				keys = append(keys, k)
			}
			for l, v := range m.weights[int(r)*numLabels : int(r+1)*numLabels] {
				row[l] += v
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	n := float32(len(models))
	weights := make([]float32, 0, len(keys)*numLabels)
	for _, k := range keys {
		for _, v := range sum[k] {
			weights = append(weights, v/n)
		}
	}
	trans := make([]float32, (numLabels+1)*numLabels)
	for _, m := range models {
		for i, v := range m.trans {
			trans[i] += v / n
		}
	}
	return NewModel(keys, weights, trans, models[0].gazetteer)
}
