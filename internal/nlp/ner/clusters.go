package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// EncodeClusters writes clusters as gzip-compressed text: a header line
// "# sizes K1 K2 ..." then one "word<TAB>id1<TAB>id2..." line per word,
// sorted by word so the file is reproducible.
func EncodeClusters(w io.Writer, c *Clusters) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString("# sizes")
	for _, k := range c.Sizes {
		bw.WriteString(" " + strconv.Itoa(k))
	}
	bw.WriteByte('\n')
	words := make([]string, 0, len(c.ids))
	for w := range c.ids {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, word := range words {
		bw.WriteString(word)
		for _, id := range c.ids[word] {
			bw.WriteByte('\t')
			bw.WriteString(strconv.Itoa(int(id)))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: encode clusters: %w", err)
	}
	return zw.Close()
}

// DecodeClusters reads clusters written by EncodeClusters.
func DecodeClusters(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: decode clusters: %w", err)
	}
	sc := bufio.NewScanner(zr)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "# sizes") {
		return nil, fmt.Errorf("ner: decode clusters: missing header")
	}
	var sizes []int
	for _, f := range strings.Fields(strings.TrimPrefix(sc.Text(), "# sizes")) {
		k, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("ner: decode clusters header: %w", err)
		}
		sizes = append(sizes, k)
	}
	ids := map[string][]int16{}
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != len(sizes)+1 {
			return nil, fmt.Errorf("ner: decode clusters: bad line %q", sc.Text())
		}
		row := make([]int16, len(sizes))
		for i, f := range fields[1:] {
			v, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("ner: decode clusters: %w", err)
			}
			row[i] = int16(v)
		}
		ids[fields[0]] = row
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: decode clusters: %w", err)
	}
	return NewClusters(sizes, ids), nil
}
