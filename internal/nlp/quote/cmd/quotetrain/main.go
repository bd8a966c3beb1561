// Command quotetrain trains the attribution-span tagger of
// internal/nlp/quote/tagger on a PolNeAR split (text/*.txt,
// attributions/<article>_<annotator>.ann; every annotator's file of an
// article is one example) and writes models/quote/tagger.bin.gz. Each
// text is read with the rule stage's spans as hints (quote.RuleSpans), as
// quote.Find reads it. Training is deterministic for a given seed.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/nlp/quote"
	"github.com/parallax-news/parallax/internal/nlp/quote/tagger"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

func main() {
	data := flag.String("data", "../shared/data/polnear/train", "PolNeAR training split")
	out := flag.String("out", "models/quote", "output folder")
	epochs := flag.Int("epochs", 20, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffle seed")
	runs := flag.Int("runs", 3, "perceptrons trained with consecutive seeds and averaged (one run swings dev F1 by about 0.004)")
	prune := flag.Float64("prune", 8, "drop feature rows whose largest weight is smaller (dev F1 is flat from 2 to 12)")
	every := flag.Bool("every-annotator", true, "train on every annotator's file of an article, not only the first")
	flag.Parse()
	if err := run(*data, *out, *every, tagger.Config{Epochs: *epochs, Seed: *seed, Runs: *runs, Prune: float32(*prune)}); err != nil {
		slog.Error("quotetrain", "err", err)
		os.Exit(1)
	}
}

func run(data, out string, every bool, cfg tagger.Config) error {
	texts, gold, err := load(data, every)
	if err != nil {
		return err
	}
	toks := make([][]tokenize.Token, len(texts))
	labels := make([][]int, len(texts))
	for i, text := range texts {
		toks[i] = tokenize.Tokens(text)
		labels[i] = tagger.Encode(toks[i], gold[i])
	}
	cfg.Cues = tagger.CueWords(toks, labels, minCueCount, minCueRatio)
	x := tagger.NewExtractor(quote.CueClass, cfg.Cues)
	slog.Info("quotetrain: learned cues", "words", len(cfg.Cues))
	examples := make([]tagger.Example, len(texts))
	for i, text := range texts {
		d := x.ExtractHinted(text, quote.RuleSpans(text))
		examples[i] = tagger.Example{Doc: d, Labels: labels[i]}
	}
	start := time.Now()
	m := tagger.Train(cfg, examples)
	slog.Info("quotetrain: trained", "docs", len(examples), "features", m.Features(), "seconds", time.Since(start).Seconds())
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("mkdir %s: %w", out, err)
	}
	path := filepath.Join(out, "tagger.bin.gz")
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	slog.Info("quotetrain: wrote", "path", path)
	return nil
}

// Learned cue words must be part of a gold cue this often.
const (
	minCueCount = 3
	minCueRatio = 0.3
)

// load reads every article of the split with its first annotator's spans,
// or once per annotator when every is set.
func load(dir string, every bool) ([]string, []tagger.Spans, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return nil, nil, fmt.Errorf("no .ann files under %s/attributions", dir)
	}
	slices.Sort(anns)
	seen := map[string]bool{}
	var texts []string
	var golds []tagger.Spans
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		article := base[:max(0, strings.LastIndexByte(base, '_'))]
		if article == "" || seen[article] && !every {
			continue
		}
		seen[article] = true
		b, err := os.ReadFile(filepath.Join(dir, "text", article+".txt"))
		if err != nil {
			return nil, nil, fmt.Errorf("read text: %w", err)
		}
		text := string(b)
		f, err := os.Open(ann)
		if err != nil {
			return nil, nil, fmt.Errorf("open %s: %w", ann, err)
		}
		doc, err := eval.ReadBrat(f, text)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", ann, err)
		}
		var gold tagger.Spans
		for _, s := range doc.Spans {
			switch s.Type {
			case "Content":
				gold.Content = append(gold.Content, s.Extent())
			case "Source":
				gold.Source = append(gold.Source, s.Extent())
			case "Cue":
				gold.Cue = append(gold.Cue, s.Extent())
			}
		}
		texts = append(texts, text)
		golds = append(golds, gold)
	}
	return texts, golds, nil
}
