package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

// ClusterMetrics scores a predicted clustering against gold clusters.
type ClusterMetrics struct {
	Docs              int     `json:"docs"`
	Clusters          int     `json:"clusters"`
	GoldClusters      int     `json:"gold_clusters"`
	BCubedPrecision   float64 `json:"bcubed_precision"`
	BCubedRecall      float64 `json:"bcubed_recall"`
	BCubedF1          float64 `json:"bcubed_f1"`
	PairwisePrecision float64 `json:"pairwise_precision"`
	PairwiseRecall    float64 `json:"pairwise_recall"`
	PairwiseF1        float64 `json:"pairwise_f1"`
	DocsPerSecond     float64 `json:"docs_per_second"`
	// Shuffled summarises the scores over seeded random input orders
	// (EvalClusterShuffled); nil when none were run.
	Shuffled *ShuffledScores `json:"shuffled,omitempty"`
}

// ShuffledScores are B-cubed and pairwise F1 over several input orders.
type ShuffledScores struct {
	Orders     int    `json:"orders"`
	BCubedF1   Spread `json:"bcubed_f1"`
	PairwiseF1 Spread `json:"pairwise_f1"`
}

// Spread is the mean, minimum and maximum of a score over runs.
type Spread struct {
	Mean float64 `json:"mean"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
}

func spread(xs []float64) Spread {
	if len(xs) == 0 {
		return Spread{}
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return Spread{Mean: sum / float64(len(xs)), Min: slices.Min(xs), Max: slices.Max(xs)}
}

// EvalClusterShuffled is EvalCluster on the given order, plus the spread
// of the scores over orders shuffled with seeds 1..orders. The clusterer
// is deterministic for an order but its result depends on it, so one
// order can flatter or punish a change; documents with publication times
// are still fed in time order, so a shuffle only reorders ties (ECB+ has
// no times and is fully shuffled).
func EvalClusterShuffled(docs []ClusterDoc, cfg cluster.Config, orders int) ClusterMetrics {
	m := EvalCluster(docs, cfg)
	if orders <= 0 {
		return m
	}
	var b3, pw []float64
	for seed := range orders {
		shuffled := slices.Clone(docs)
		rng := rand.New(rand.NewPCG(uint64(seed+1), 0x5eed))
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		r := EvalCluster(shuffled, cfg)
		b3, pw = append(b3, r.BCubedF1), append(pw, r.PairwiseF1)
	}
	m.Shuffled = &ShuffledScores{Orders: orders, BCubedF1: spread(b3), PairwiseF1: spread(pw)}
	return m
}

// LoadClusterDocs reads an ECB+ corpus directory or a JSONL file of
// {id, text, title?, published_at?, outlet?, gold}.
func LoadClusterDocs(path string) ([]ClusterDoc, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cluster data: %w", err)
	}
	if info.IsDir() {
		return ReadECBPlus(path)
	}
	return ReadClusterJSONL(path)
}

// ReadClusterJSONL reads one JSON document per line.
func ReadClusterJSONL(path string) ([]ClusterDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cluster data: %w", err)
	}
	defer f.Close()
	var docs []ClusterDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var row struct {
			ID          json.RawMessage `json:"id"`
			Title       string          `json:"title"`
			Text        string          `json:"text"`
			Outlet      string          `json:"outlet"`
			PublishedAt string          `json:"published_at"`
			Gold        json.RawMessage `json:"gold"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %w", path, line, news.ErrInvalidInput, err)
		}
		if len(row.Gold) == 0 {
			return nil, fmt.Errorf("%s:%d: no gold label: %w", path, line, news.ErrInvalidInput)
		}
		docs = append(docs, ClusterDoc{
			ID:        strings.Trim(string(row.ID), `"`),
			Title:     row.Title,
			Text:      row.Text,
			Outlet:    row.Outlet,
			Published: row.PublishedAt,
			Gold:      strings.Trim(string(row.Gold), `"`),
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// SelectHalf keeps the documents whose gold group (the label up to its
// first "_": the ECB+ topic, else the whole label) falls in the given half
// of the sorted groups: 0 = even positions, 1 = odd. It splits dev data for
// honest tuning: tune on one half, report on the other.
func SelectHalf(docs []ClusterDoc, half int) []ClusterDoc {
	group := func(d ClusterDoc) string {
		g, _, _ := strings.Cut(d.Gold, "_")
		return g
	}
	var groups []string
	for _, d := range docs {
		groups = append(groups, group(d))
	}
	slices.Sort(groups)
	groups = slices.Compact(groups)
	pos := make(map[string]int, len(groups))
	for i, g := range groups {
		pos[g] = i
	}
	var out []ClusterDoc
	for _, d := range docs {
		if pos[group(d)]%2 == half {
			out = append(out, d)
		}
	}
	return out
}

// parsePublished accepts RFC 3339 and YYYY-MM-DD; anything else is unknown.
func parsePublished(s string) time.Time {
	for _, layout := range []string{time.RFC3339, time.DateOnly, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// EvalCluster feeds docs through a clusterer in publication order where
// every document is dated, else in file order, and scores the stories
// against the gold labels. Entities come from ProxyEntities.
func EvalCluster(docs []ClusterDoc, cfg cluster.Config) ClusterMetrics {
	pred, elapsed := predictClusters(docs, cfg)
	gold := make([]string, len(docs))
	for i, d := range docs {
		gold[i] = d.Gold
	}
	m := ScoreClusters(pred, gold)
	if elapsed > 0 {
		m.DocsPerSecond = float64(len(docs)) / elapsed.Seconds()
	}
	return m
}

// predictClusters runs the clusterer over docs as EvalCluster does and
// returns each document's final story (after merges and splits) and the
// time spent clustering.
func predictClusters(docs []ClusterDoc, cfg cluster.Config) ([]string, time.Duration) {
	order := make([]int, len(docs))
	published := make([]time.Time, len(docs))
	dated := true
	for i, d := range docs {
		order[i] = i
		published[i] = parsePublished(d.Published)
		dated = dated && !published[i].IsZero()
	}
	if dated {
		slices.SortStableFunc(order, func(a, b int) int { return published[a].Compare(published[b]) })
	}
	c := cluster.New(cfg)
	storyOf := make([]int64, len(docs))
	merged := make(map[int64]int64) // merged story -> story it went into
	start := time.Now()
	for _, i := range order {
		d := docs[i]
		a := c.Add(cluster.Doc{
			ID:        int64(i + 1),
			Title:     d.Title,
			Text:      d.Text,
			Outlet:    d.Outlet,
			Published: published[i],
			Entities:  ProxyEntities(d.Title + "\n" + d.Text),
		})
		storyOf[i] = a.StoryID
		for _, m := range a.Merged {
			merged[m] = a.StoryID
		}
		if a.Split != nil {
			for _, id := range a.Split.Moved {
				storyOf[id-1] = a.Split.To
			}
		}
	}
	elapsed := time.Since(start)
	pred := make([]string, len(docs))
	for i := range docs {
		s := storyOf[i]
		for {
			next, ok := merged[s]
			if !ok {
				break
			}
			s = next
		}
		pred[i] = fmt.Sprint(s)
	}
	return pred, elapsed
}

// ClusterError is one disagreement between the predicted stories and the
// gold clusters: a story holding documents of several gold clusters
// ("merged"), or a gold cluster spread over several stories ("split").
type ClusterError struct {
	Kind string `json:"kind"`
	// Key is the story (merged) or the gold label (split) in question.
	Key string `json:"key"`
	// Parts counts its documents by gold label (merged) or by story
	// (split), largest first; Docs lists the document IDs of each part.
	Parts []ClusterPart `json:"parts"`
}

// ClusterPart is one share of a ClusterError.
type ClusterPart struct {
	Label string   `json:"label"`
	Docs  []string `json:"docs"`
}

// ClusterErrors runs the clusterer as EvalCluster does and lists where its
// stories and the gold clusters disagree: merges first, then splits, each
// sorted by key. It is for reading errors, not for scoring.
func ClusterErrors(docs []ClusterDoc, cfg cluster.Config) []ClusterError {
	pred, _ := predictClusters(docs, cfg)
	gold := make([]string, len(docs))
	ids := make([]string, len(docs))
	for i, d := range docs {
		gold[i], ids[i] = d.Gold, d.ID
	}
	return disagreements(pred, gold, ids)
}

// disagreements lists the predicted labels holding several gold labels and
// the gold labels spread over several predicted labels.
func disagreements(pred, gold, ids []string) []ClusterError {
	group := func(kind string, key, part []string) []ClusterError {
		parts := make(map[string]map[string][]string)
		for i := range key {
			if parts[key[i]] == nil {
				parts[key[i]] = make(map[string][]string)
			}
			parts[key[i]][part[i]] = append(parts[key[i]][part[i]], ids[i])
		}
		var out []ClusterError
		for k, byPart := range parts {
			if len(byPart) < 2 {
				continue
			}
			e := ClusterError{Kind: kind, Key: k}
			for label, docs := range byPart {
				e.Parts = append(e.Parts, ClusterPart{Label: label, Docs: docs})
			}
			slices.SortFunc(e.Parts, func(a, b ClusterPart) int {
				if len(a.Docs) != len(b.Docs) {
					return len(b.Docs) - len(a.Docs)
				}
				return strings.Compare(a.Label, b.Label)
			})
			out = append(out, e)
		}
		slices.SortFunc(out, func(a, b ClusterError) int { return strings.Compare(a.Key, b.Key) })
		return out
	}
	return append(group("merged", pred, gold), group("split", gold, pred)...)
}

// ScoreClusters computes B-cubed and pairwise precision, recall and F1 of
// predicted labels against gold labels (same length, one per document).
func ScoreClusters(pred, gold []string) ClusterMetrics {
	n := len(pred)
	m := ClusterMetrics{Docs: n}
	if n == 0 {
		return m
	}
	type cell struct{ p, g string }
	joint := make(map[cell]int)
	predSize := make(map[string]int)
	goldSize := make(map[string]int)
	for i := range pred {
		joint[cell{pred[i], gold[i]}]++
		predSize[pred[i]]++
		goldSize[gold[i]]++
	}
	m.Clusters, m.GoldClusters = len(predSize), len(goldSize)
	var p, r float64
	for i := range pred {
		both := float64(joint[cell{pred[i], gold[i]}])
		p += both / float64(predSize[pred[i]])
		r += both / float64(goldSize[gold[i]])
	}
	m.BCubedPrecision, m.BCubedRecall = p/float64(n), r/float64(n)
	m.BCubedF1 = F1(m.BCubedPrecision, m.BCubedRecall)
	pairs := func(k int) int { return k * (k - 1) / 2 }
	var tp, predPairs, goldPairs int
	for _, k := range joint {
		tp += pairs(k)
	}
	for _, k := range predSize {
		predPairs += pairs(k)
	}
	for _, k := range goldSize {
		goldPairs += pairs(k)
	}
	pw := NewPRF(tp, predPairs-tp, goldPairs-tp)
	m.PairwisePrecision, m.PairwiseRecall, m.PairwiseF1 = pw.Precision, pw.Recall, pw.F1
	return m
}
