package tagger

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Labels are the tag set, BIO over the three attribution roles.
var Labels = []string{"O", "B-CONTENT", "I-CONTENT", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE"}

// NumLabels is len(Labels).
const NumLabels = 7

const (
	labelO = iota
	bContent
	iContent
	bSource
	iSource
	bCue
	iCue
)

// Model holds the averaged perceptron weights: one row of NumLabels
// weights per feature key and (NumLabels+1)*NumLabels transition weights,
// the last row being from the sequence start.
type Model struct {
	// Cues are the words learned as cues from the training data; they
	// extend the rule lexicon in the features.
	Cues   []string
	cueSet map[string]bool
	rows   rowTable
	keys   []uint64 // in the order Encode writes them
	trans  []float32
}

// NewModel builds a model from sorted keys, their weight rows, the
// transition weights and the learned cue words.
func NewModel(keys []uint64, weights, trans []float32, cues []string) (*Model, error) {
	if len(weights) != len(keys)*NumLabels || len(trans) != (NumLabels+1)*NumLabels {
		return nil, fmt.Errorf("quote tagger: %d keys, %d weights, %d transitions: %w", len(keys), len(weights), len(trans), news.ErrInvalidInput)
	}
	m := &Model{Cues: cues, cueSet: map[string]bool{}, rows: newRowTable(keys, weights), keys: keys, trans: trans}
	for _, c := range cues {
		m.cueSet[c] = true
	}
	return m, nil
}

// Features is the number of feature rows.
func (m *Model) Features() int { return len(m.keys) }

const magic = "PQTAG2"

// Encode writes the model gzip-compressed.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("quote tagger: %w", err)
	}
	cues := []byte(strings.Join(m.Cues, "\n"))
	hdr := []uint64{uint64(NumLabels), uint64(len(m.keys))}
	// The rows live in the lookup table only, quantized; the file keeps
	// float32 so the format does not depend on the table's layout.
	weights := make([]float32, 0, len(m.keys)*NumLabels)
	for _, k := range m.keys {
		weights = m.rows.appendRow(weights, k)
	}
	for _, v := range []any{[]byte(magic), hdr, m.keys, weights, m.trans, uint64(len(cues)), cues} {
		if err := binary.Write(zw, binary.LittleEndian, v); err != nil {
			return fmt.Errorf("quote tagger: encode: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("quote tagger: encode: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(b []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("quote tagger: %w: %w", news.ErrInvalidInput, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("quote tagger: %w: %w", news.ErrInvalidInput, err)
	}
	if len(raw) < len(magic)+16 || string(raw[:len(magic)]) != magic {
		return nil, fmt.Errorf("quote tagger: bad header: %w", news.ErrInvalidInput)
	}
	raw = raw[len(magic):]
	labels, n := binary.LittleEndian.Uint64(raw), binary.LittleEndian.Uint64(raw[8:])
	raw = raw[16:]
	want := n*8 + n*NumLabels*4 + (NumLabels+1)*NumLabels*4 + 8
	if labels != NumLabels || uint64(len(raw)) < want || uint64(len(raw))-want != binary.LittleEndian.Uint64(raw[want-8:]) {
		return nil, fmt.Errorf("quote tagger: %d labels, %d bytes for %d keys: %w", labels, len(raw), n, news.ErrInvalidInput)
	}
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = binary.LittleEndian.Uint64(raw[i*8:])
	}
	raw = raw[n*8:]
	floats := func(k int) []float32 {
		out := make([]float32, k)
		for i := range out {
			out[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[i*4:]))
		}
		raw = raw[k*4:]
		return out
	}
	weights := floats(int(n) * NumLabels)
	trans := floats((NumLabels + 1) * NumLabels)
	var cues []string
	if len(raw) > 8 {
		cues = strings.Split(string(raw[8:]), "\n")
	}
	return NewModel(keys, weights, trans, cues)
}

// Extractor returns the feature extractor the model was trained with:
// lexicon (the rule stage's cue classes) extended by the learned cues,
// which take class LearnedCue.
func (m *Model) Extractor(lexicon func(string) int) Extractor {
	return cueExtractor(lexicon, m.cueSet)
}

// NewExtractor returns the extractor for a model trained with cues.
func NewExtractor(lexicon func(string) int, cues []string) Extractor {
	set := map[string]bool{}
	for _, c := range cues {
		set[c] = true
	}
	return cueExtractor(lexicon, set)
}

func cueExtractor(lexicon func(string) int, cues map[string]bool) Extractor {
	return Extractor{Cue: func(w string) int {
		if c := lexicon(w); c != 0 {
			return c
		}
		if cues[w] {
			return LearnedCue
		}
		return 0
	}}
}

// LearnedCue is the cue class of a word learned as a cue.
const LearnedCue = 9

// emissions sums the weight rows of each token's features. The sums are
// of integers (the quantized rows), so they do not depend on the order of
// the features or the table's layout.
func (m *Model) emissions(feats [][]uint64, em []float32) []float32 {
	em = slices.Grow(em[:0], len(feats)*NumLabels)
	for _, fs := range feats {
		var sc [NumLabels]int32
		for _, f := range fs {
			w := m.rows.lookup(f)
			if w == nil {
				continue
			}
			for l := range sc {
				sc[l] += int32(w[l])
			}
		}
		for _, v := range sc {
			em = append(em, float32(v)*m.rows.scale)
		}
	}
	return em
}

// Tag labels every token of doc and returns the spans it finds.
func (m *Model) Tag(doc Doc) Spans {
	labels := make([]int, len(doc.Tokens))
	var em []float32
	for _, s := range doc.Seqs {
		if s.Feats == nil {
			continue
		}
		em = m.emissions(s.Feats, em)
		copy(labels[s.From:s.To], viterbi(em, m.trans, s.To-s.From))
	}
	return decodeSpans(doc.Tokens, labels)
}

// viterbi returns the best label sequence for n tokens given emission
// scores em (n*NumLabels) and transitions trans ((NumLabels+1)*NumLabels,
// the last row from the start).
func viterbi(em, trans []float32, n int) []int {
	if n == 0 {
		return nil
	}
	const L = NumLabels
	score := make([]float32, n*L)
	back := make([]int8, n*L)
	for l := range L {
		score[l] = em[l] + trans[L*L+l]
	}
	for i := 1; i < n; i++ {
		for l := range L {
			best, arg := float32(math.Inf(-1)), 0
			for p := range L {
				if v := score[(i-1)*L+p] + trans[p*L+l]; v > best {
					best, arg = v, p
				}
			}
			score[i*L+l] = best + em[i*L+l]
			back[i*L+l] = int8(arg)
		}
	}
	out := make([]int, n)
	best := 0
	for l := 1; l < L; l++ {
		if score[(n-1)*L+l] > score[(n-1)*L+best] {
			best = l
		}
	}
	out[n-1] = best
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*L+out[i]])
	}
	return out
}
