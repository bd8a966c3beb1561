package train

import (
	"log/slog"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
)

// Config controls perceptron training.
type Config struct {
	Epochs int
	Seed   uint64
	// Gazetteer holds external entries (e.g. Reuters place lists) added to
	// the ones learned from the training data.
	Gazetteer ner.GazetteerMap
	// TwoPass trains the history features on the first pass's labels for
	// the whole document, as the tagger's second pass reads them.
	TwoPass bool
	// Prune drops feature rows whose largest absolute averaged weight is
	// below this, to keep the shipped model small.
	Prune float32
}

// Result is a trained model and its score on the development set after
// each epoch (empty without a development set).
type Result struct {
	Model  *ner.Model
	DevF1  []float64
	Pruned int
}

var numLabels = len(ner.Labels)

// trainer holds the perceptron state: current weights w and the running
// sums u of step-weighted updates, so the average is w - u/step.
type trainer struct {
	index   map[uint64]int32
	keys    []uint64
	w, u    []float64
	tw, tu  []float64 // transitions, (numLabels+1)*numLabels
	trans32 []float32 // tw as the decoder reads it
	step    float64
}

func (t *trainer) row(k uint64) int32 {
	r, ok := t.index[k]
	if !ok {
		r = int32(len(t.keys))
		t.index[k] = r
		t.keys = append(t.keys, k)
		t.w = append(t.w, make([]float64, numLabels)...)
		t.u = append(t.u, make([]float64, numLabels)...)
	}
	return r
}

// Train learns an averaged structured perceptron on train, reporting the
// development F1 after every epoch when dev is non-empty.
func Train(cfg Config, trainDocs, dev []conll.Document, clusters *ner.Clusters) Result {
	gz := newGazetteer(trainDocs, cfg.Gazetteer)
	x := &ner.Extractor{Clusters: clusters}
	t := &trainer{
		index:   map[uint64]int32{},
		tw:      make([]float64, (numLabels+1)*numLabels),
		tu:      make([]float64, (numLabels+1)*numLabels),
		trans32: make([]float32, (numLabels+1)*numLabels),
		step:    1,
	}
	own := make([]map[string][4]int32, len(trainDocs))
	for i, d := range trainDocs {
		own[i] = docEntities(d)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(trainDocs))
	for i := range order {
		order[i] = i
	}
	var res Result
	for epoch := range cfg.Epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, di := range order {
			d := trainDocs[di]
			g := heldOut{g: gz, own: own[di]}
			sents := make([][]string, len(d.Sentences))
			for i, s := range d.Sentences {
				sents[i] = s.Tokens
			}
			hist := ner.NewHistory(sents)
			if cfg.TwoPass {
				// Learn what the tagger's second pass sees: the first
				// pass's labels for the whole document.
				for _, s := range d.Sentences {
					labels, _ := t.sentence(x, s, g, hist, false)
					hist.Add(s.Tokens, labels)
				}
			}
			for _, s := range d.Sentences {
				labels, wrong := t.sentence(x, s, g, hist, true)
				if wrong {
					mistakes++
				}
				if !cfg.TwoPass {
					hist.Add(s.Tokens, labels)
				}
			}
		}
		m, pruned := t.average(cfg.Prune, gz.final())
		res.Model, res.Pruned = m, pruned
		attrs := []any{"epoch", epoch + 1, "mistakes", mistakes, "features", len(t.keys), "kept", m.Features(), "seconds", time.Since(start).Seconds()}
		if len(dev) > 0 {
			f1 := DevF1(dev, ner.New(m, clusters))
			res.DevF1 = append(res.DevF1, f1)
			attrs = append(attrs, "dev_f1", f1)
		}
		slog.Info("ner: epoch", attrs...)
	}
	return res
}

// sentence decodes one sentence with the current weights and returns its
// labels; with learn it also applies the perceptron update and reports
// whether the prediction was wrong.
func (t *trainer) sentence(x *ner.Extractor, s conll.Sentence, g ner.Gazetteer, hist *ner.History, learn bool) ([]string, bool) {
	_, feats := x.Extract(s.Tokens, g, hist)
	rows := make([][]int32, len(feats))
	em := make([]float32, 0, len(feats)*numLabels)
	sc := make([]float64, numLabels)
	for i, fs := range feats {
		rows[i] = make([]int32, len(fs))
		clear(sc)
		for j, f := range fs {
			r := t.row(f)
			rows[i][j] = r
			for l, v := range t.w[int(r)*numLabels : int(r+1)*numLabels] {
				sc[l] += v
			}
		}
		for _, v := range sc {
			em = append(em, float32(v))
		}
	}
	for i, v := range t.tw {
		t.trans32[i] = float32(v)
	}
	pred := ner.Viterbi(em, t.trans32, len(feats))
	labels := ner.IOB2(pred)
	if !learn {
		return labels, false
	}
	gold := ner.EncodeIOB2(s.Tags)
	wrong := t.update(rows, gold, pred)
	t.step++
	return labels, wrong
}

// update applies the perceptron update for one sentence and reports
// whether the prediction was wrong.
func (t *trainer) update(rows [][]int32, gold, pred []int) bool {
	wrong := false
	for i := range gold {
		if gold[i] != pred[i] {
			wrong = true
			for _, r := range rows[i] {
				t.add(int(r)*numLabels+gold[i], 1)
				t.add(int(r)*numLabels+pred[i], -1)
			}
		}
		pg, pp := numLabels, numLabels
		if i > 0 {
			pg, pp = gold[i-1], pred[i-1]
		}
		if pg != pp || gold[i] != pred[i] {
			t.addTrans(pg*numLabels+gold[i], 1)
			t.addTrans(pp*numLabels+pred[i], -1)
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

// average returns the averaged weights as a model, dropping rows whose
// weights are all smaller than prune in magnitude.
func (t *trainer) average(prune float32, gaz ner.GazetteerMap) (*ner.Model, int) {
	order := make([]int, len(t.keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return t.keys[order[i]] < t.keys[order[j]] })
	var keys []uint64
	var weights []float32
	pruned := 0
	row := make([]float32, numLabels)
	for _, r := range order {
		var peak float32
		for l := range numLabels {
			v := float32(t.w[r*numLabels+l] - t.u[r*numLabels+l]/t.step)
			row[l] = v
			peak = max(peak, float32(math.Abs(float64(v))))
		}
		if peak < prune || peak == 0 {
			pruned++
			continue
		}
		keys = append(keys, t.keys[r])
		weights = append(weights, row...)
	}
	trans := make([]float32, len(t.tw))
	for i := range trans {
		trans[i] = float32(t.tw[i] - t.tu[i]/t.step)
	}
	m, err := ner.NewModel(keys, weights, trans, gaz)
	if err != nil {
		panic(err) // dimensions are fixed by construction
	}
	return m, pruned
}

// DevF1 is the exact-span micro F1 of tagger on docs.
func DevF1(docs []conll.Document, tagger *ner.Tagger) float64 {
	counts := conll.NewCounts()
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Tokens
		}
		for i, pred := range tagger.TagDocument(words) {
			counts.Add(d.Sentences[i].Tags, pred)
		}
	}
	return counts.MicroF1()
}
