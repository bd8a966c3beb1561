package pipeline

import (
	"context"

	"github.com/parallax-news/parallax/internal/ingest/jsonl"
)

// ingestJSONL stores each record of a JSON Lines input as its own document
// (the line's bytes), so re-ingesting the file is idempotent per record and
// a bad line fails alone.
func (p *Pipeline) ingestJSONL(ctx context.Context, in Input) []Outcome {
	var outs []Outcome
	for _, it := range jsonl.Parse(in.Source, in.Raw) {
		if it.Err != nil {
			outs = append(outs, Outcome{Source: it.Source, Status: Failed, Err: it.Err})
			continue
		}
		a := it.Article
		outs = append(outs, p.ingestOne(ctx, Input{
			Source:      it.Source,
			Raw:         it.Raw,
			ContentType: "application/x-ndjson",
			FetchedAt:   in.FetchedAt,
			Article:     &a,
		}))
	}
	return outs
}
