// Command nertrain trains the NER model shipped in models/ner: it induces
// word clusters from unlabeled news (Reuters-21578, BBC News and the CoNLL
// training text), then trains the perceptron on CoNLL-2003 train, reporting
// dev (testa) F1 per epoch. Run by `make models`.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/ner/conll"
	"github.com/parallax-news/parallax/internal/nlp/ner/train"
)

func main() {
	data := flag.String("data", "../shared/data", "folder with conll2003, reuters21578 and bbc-news")
	out := flag.String("out", "models/ner", "folder to write model.bin.gz and clusters.txt.gz to")
	epochs := flag.Int("epochs", 8, "perceptron epochs")
	seed := flag.Uint64("seed", 1, "shuffle seed of the first run")
	runs := flag.Int("runs", 3, "train this many models with seeds seed, seed+1, ... and ship their average")
	twoPass := flag.Bool("two-pass", false, "train history features on whole-document first-pass labels (measured worse on dev: 0.919 vs 0.929)")
	recluster := flag.Bool("recluster", false, "induce clusters even when OUT/clusters.txt.gz exists")
	prune := flag.Float64("prune", 0.01, "drop feature rows whose averaged weights are all below this")
	flag.Parse()
	if err := run(*data, *out, *epochs, *runs, *seed, *twoPass, *recluster, float32(*prune)); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

func run(data, out string, epochs, runs int, seed uint64, twoPass, recluster bool, prune float32) error {
	trainDocs, err := conll.ReadFile(filepath.Join(data, "conll2003", "conllpp_train.txt.gz"))
	if err != nil {
		return err
	}
	dev, err := conll.ReadFile(filepath.Join(data, "conll2003", "conllpp_dev.txt.gz"))
	if err != nil {
		return err
	}
	clusterPath := filepath.Join(out, "clusters.txt.gz")
	clusters, err := loadClusters(clusterPath)
	if err != nil || recluster {
		if clusters, err = induce(data, trainDocs); err != nil {
			return err
		}
		if err := write(clusterPath, func(b *bytes.Buffer) error { return ner.EncodeClusters(b, clusters) }); err != nil {
			return err
		}
	}
	gaz := ner.GazetteerMap{}
	for _, l := range []struct{ file, typ string }{
		{"all-places-strings.lc.txt", "LOC"},
		{"all-people-strings.lc.txt", "PER"},
	} {
		if err := train.ReadList(filepath.Join(data, "reuters21578", l.file), l.typ, gaz); err != nil {
			return err
		}
	}
	start := time.Now()
	models := make([]*ner.Model, runs)
	for i := range models {
		cfg := train.Config{Epochs: epochs, Seed: seed + uint64(i), TwoPass: twoPass, Gazetteer: gaz, Prune: prune}
		models[i] = train.Train(cfg, trainDocs, dev, clusters).Model
	}
	model, err := ner.Average(models...)
	if err != nil {
		return err
	}
	slog.Info("ner: trained", "seconds", time.Since(start).Seconds(), "runs", runs, "features", model.Features(),
		"dev_f1", train.DevF1(dev, ner.New(model, clusters)))
	return write(filepath.Join(out, "model.bin.gz"), func(b *bytes.Buffer) error { return model.Encode(b) })
}

func loadClusters(path string) (*ner.Clusters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.DecodeClusters(f)
}

func induce(data string, trainDocs []conll.Document) (*ner.Clusters, error) {
	start := time.Now()
	sents, err := train.ReadReuters(filepath.Join(data, "reuters21578"))
	if err != nil {
		return nil, err
	}
	bbc, err := train.ReadBBC(filepath.Join(data, "bbc-news", "bbc.tar.gz"))
	if err != nil {
		return nil, err
	}
	sents = append(sents, bbc...)
	for _, d := range trainDocs {
		for _, s := range d.Sentences {
			words := make([]string, len(s.Tokens))
			for i, w := range s.Tokens {
				words[i] = ner.NormalizeWord(w)
			}
			sents = append(sents, words)
		}
	}
	c := train.InduceClusters(sents, train.ClusterConfig{Sizes: []int{640, 160, 40}, MinCount: 3, Iterations: 6})
	slog.Info("clusters: induced", "sentences", len(sents), "words", c.Len(), "seconds", time.Since(start).Seconds())
	return c, nil
}

// write replaces path atomically with what fill encodes.
func write(path string, fill func(*bytes.Buffer) error) error {
	var b bytes.Buffer
	if err := fill(&b); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
