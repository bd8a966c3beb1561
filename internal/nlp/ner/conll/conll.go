// Package conll reads CoNLL-2003 style column files (one token per line,
// the NER tag in the last column, blank lines between sentences,
// -DOCSTART- lines between documents) and normalises their tags to IOB2.
package conll

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Sentence is one sentence: tokens and their IOB2 tags, same length.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Document is a run of sentences between two -DOCSTART- lines. Files
// without -DOCSTART- lines are read as one document.
type Document struct {
	Sentences []Sentence
}

// ReadFile reads a CoNLL file, gunzipping it when it starts with the gzip
// magic bytes.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("conll %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	docs, err := Read(r)
	if err != nil {
		return nil, fmt.Errorf("conll %s: %w", path, err)
	}
	return docs, nil
}

// Read parses CoNLL columns from r. Tags may be IOB1 or IOB2; they are
// returned as IOB2. A line with a single column is an error wrapped around
// news.ErrInvalidInput.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Document
	var sent Sentence
	flushSentence := func() {
		if len(sent.Tokens) > 0 {
			sent.Tags = ToIOB2(sent.Tags)
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSentence()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			flushSentence()
			continue
		}
		fields := strings.Fields(string(text))
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want token and tag columns: %w", line, news.ErrInvalidInput)
		}
		sent.Tokens = append(sent.Tokens, fields[0])
		sent.Tags = append(sent.Tags, fields[len(fields)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

// ToIOB2 converts IOB1 tags (I- starts an entity unless it continues one of
// the same type) to IOB2 (every entity starts with B-). IOB2 input is
// returned unchanged. The slice is modified in place.
func ToIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") {
			typ := t[2:]
			if prev == "O" || prev[2:] != typ {
				tags[i] = "B-" + typ
			}
		}
		prev = tags[i]
		if prev != "O" && (len(prev) < 2 || prev[1] != '-') {
			prev = "O"
		}
	}
	return tags
}

// Chunk is an entity span over token indices [Start, End).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks extracts entity spans from IOB2 tags the way conlleval does: an
// I- tag that does not continue an entity of its type starts a new one.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Chunk{Start: open, End: i, Type: typ})
			open = -1
		}
	}
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			closeAt(i)
			open, typ = i, t[2:]
		case strings.HasPrefix(t, "I-"):
			if open < 0 || typ != t[2:] {
				closeAt(i)
				open, typ = i, t[2:]
			}
		default:
			closeAt(i)
		}
	}
	closeAt(len(tags))
	return out
}

// Counts accumulates exact-span matches per entity type, as conlleval
// scores them: an entity counts only when its span and type both match.
type Counts struct {
	TP, FP, FN map[string]int
	Tokens     int
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{}}
}

// Add scores one sentence of IOB2 tags.
func (c *Counts) Add(gold, pred []string) {
	c.Tokens += len(gold)
	want := map[Chunk]bool{}
	for _, ch := range Chunks(gold) {
		want[ch] = true
	}
	for _, ch := range Chunks(pred) {
		if want[ch] {
			c.TP[ch.Type]++
			delete(want, ch)
		} else {
			c.FP[ch.Type]++
		}
	}
	for ch := range want {
		c.FN[ch.Type]++
	}
}

// MicroF1 is the F1 over all types pooled.
func (c *Counts) MicroF1() float64 {
	var tp, fp, fn int
	for _, n := range c.TP {
		tp += n
	}
	for _, n := range c.FP {
		fp += n
	}
	for _, n := range c.FN {
		fn += n
	}
	if tp == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}
