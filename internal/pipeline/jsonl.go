package pipeline

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/ingest/jsonl"
	"github.com/parallax-news/parallax/internal/news"
)

// ingestJSONL stores each record of a JSON Lines input as its own document
// (the line's bytes), so re-ingesting the file is idempotent per record and
// a bad line fails alone.
func (p *Pipeline) ingestJSONL(ctx context.Context, in Input) []Outcome {
	return p.IngestMany(ctx, []Input{in})[0]
}

// IngestMany ingests inputs in order and returns each input's outcomes,
// the same as calling Ingest on each in turn: a JSONL input still yields
// one outcome per line. The articles of all inputs are read a chunk at a
// time on all cores when the Reader is a BatchReader, so a directory of
// small files ingests as fast as one JSONL file of the same records.
func (p *Pipeline) IngestMany(ctx context.Context, ins []Input) [][]Outcome {
	outs := make([][]Outcome, len(ins))
	type slot struct{ input, item int }
	var at []slot // where each record's outcome goes
	var records []Input
	for i, in := range ins {
		if in.Article != nil || Sniff(in.Source, in.ContentType, in.Raw) != FormatJSONL {
			outs[i] = make([]Outcome, 1)
			at, records = append(at, slot{i, 0}), append(records, in)
			continue
		}
		items := jsonl.Parse(in.Source, in.Raw)
		outs[i] = make([]Outcome, len(items))
		for k, it := range items {
			if it.Err != nil {
				outs[i][k] = Outcome{Source: it.Source, Status: Failed, Err: it.Err}
				continue
			}
			a := it.Article
			at = append(at, slot{i, k})
			records = append(records, Input{
				Source:      it.Source,
				Raw:         it.Raw,
				ContentType: "application/x-ndjson",
				FetchedAt:   in.FetchedAt,
				Article:     &a,
			})
		}
	}
	for k, o := range p.ingestAll(ctx, records) {
		outs[at[k].input][at[k].item] = o
	}
	return outs
}

// ingestChunk is how many inputs ingestAll prepares before reading their
// articles at once: enough to keep every core busy, few enough that a
// failure midway leaves little stored but unread.
const ingestChunk = 32

// ingestAll ingests inputs in order with the outcomes of ingestOne on
// each. When the Reader is a BatchReader it prepares a chunk of inputs,
// reads the new articles of the chunk on all cores, then stores them one
// by one: every store write happens in the same order per input as in
// ingestOne, and the annotations are the same because Read depends on
// the article's content only.
func (p *Pipeline) ingestAll(ctx context.Context, ins []Input) []Outcome {
	batch, ok := p.Reader.(BatchReader)
	outs := make([]Outcome, len(ins))
	if !ok || len(ins) < 2 {
		for i, in := range ins {
			outs[i] = p.ingestOne(ctx, in)
		}
		return outs
	}
	for from := 0; from < len(ins); from += ingestChunk {
		to := min(from+ingestChunk, len(ins))
		var ready []int // inputs whose article is to be read, in order
		var articles []news.Article
		var again []int // copies of an earlier input of the chunk
		docs := map[int64]bool{}
		for i := from; i < to; i++ {
			out, a, read := p.prepare(ctx, ins[i])
			outs[i] = out
			switch {
			case !read:
			case docs[a.DocumentID]:
				// Its first copy is not stored yet: ingest it again once it
				// is, when it is found unchanged as in ingestOne.
				again = append(again, i)
			default:
				docs[a.DocumentID] = true
				ready, articles = append(ready, i), append(articles, a)
			}
		}
		anns, err := batch.ReadAll(ctx, articles, 0)
		for k, i := range ready {
			if err != nil {
				outs[i].Err = fmt.Errorf("%s: read: %w", ins[i].Source, err)
				continue
			}
			outs[i] = p.finish(ctx, outs[i], ins[i], articles[k], &anns[k])
		}
		for _, i := range again {
			outs[i] = p.ingestOne(ctx, ins[i])
		}
	}
	return outs
}
