package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Reader derives annotations from an article; internal/nlp/reader is the
// implementation. It must be safe for concurrent use, and the annotations
// must depend on the article's content only, not on its storage IDs: a
// batch may be read before its articles are stored.
type Reader interface {
	Read(a news.Article) news.Annotations
}

// Assigner places a stored, read article into a story and persists the
// result. It is called in arrival order by one goroutine at a time.
type Assigner interface {
	Assign(ctx context.Context, a news.Article, ann news.Annotations) error
}

// Input is one raw input to ingest.
type Input struct {
	Source      string // file path or URL
	Raw         []byte
	ContentType string
	FetchedAt   time.Time
	// Article, when set, is used instead of extracting Raw (feed items whose
	// page could not be fetched, JSONL records).
	Article *news.Article
}

// Status is what happened to one input.
type Status string

// Outcome statuses.
const (
	Ingested  Status = "ingested"
	Unchanged Status = "unchanged"
	Failed    Status = "failed"
)

// Outcome reports one article-sized result of an input.
type Outcome struct {
	Source    string
	Status    Status
	ArticleID int64
	Err       error
}

// Pipeline sequences the stages around a store.
type Pipeline struct {
	Store    store.Store
	Extract  Extractor
	Reader   Reader
	Assigner Assigner // may be nil: no story assignment
}

// Ingest stores and processes one input. A JSONL input yields one outcome
// per line: each record is stored as its own document so that one bad line
// loses nothing else. Errors are reported per outcome, never returned for
// the batch.
func (p *Pipeline) Ingest(ctx context.Context, in Input) []Outcome {
	if in.Article == nil && Sniff(in.Source, in.ContentType, in.Raw) == FormatJSONL {
		return p.ingestJSONL(ctx, in)
	}
	return []Outcome{p.ingestOne(ctx, in)}
}

func (p *Pipeline) ingestOne(ctx context.Context, in Input) Outcome {
	out, article, read := p.prepare(ctx, in)
	if !read {
		return out
	}
	return p.finish(ctx, out, in, article, nil)
}

// prepare stores the raw input and returns the article still to be read
// and stored (read true), or the input's final outcome (read false): a
// failure, or a document every stage already ran for.
func (p *Pipeline) prepare(ctx context.Context, in Input) (out Outcome, article news.Article, read bool) {
	out = Outcome{Source: in.Source, Status: Failed}
	if in.FetchedAt.IsZero() {
		in.FetchedAt = time.Now().UTC()
	}
	doc := news.Document{SourceURI: in.Source, FetchedAt: in.FetchedAt, ContentType: in.ContentType, Raw: in.Raw, SHA256: digest(in.Raw)}
	docID, created, err := p.Store.PutDocument(ctx, doc)
	if err != nil {
		out.Err = fmt.Errorf("%s: store raw input: %w", in.Source, err)
		return out, article, false
	}
	if !created {
		done, id, err := p.complete(ctx, docID)
		if err != nil {
			out.Err = fmt.Errorf("%s: %w", in.Source, err)
			return out, article, false
		}
		if done {
			out.Status, out.ArticleID = Unchanged, id
			return out, article, false
		}
	}
	if in.Article != nil {
		article = *in.Article
	} else {
		article, err = p.Extract.Extract(in.Source, in.Raw, in.ContentType)
		if err != nil {
			out.Err = err
			return out, article, false
		}
	}
	article.DocumentID = docID
	if article.TextSHA256 == "" {
		article.TextSHA256 = digest([]byte(article.Text))
	}
	return out, article, true
}

// finish stores a prepared article with its annotations (read now when
// ann is nil) and assigns its story.
func (p *Pipeline) finish(ctx context.Context, out Outcome, in Input, article news.Article, ann *news.Annotations) Outcome {
	id, err := p.processRead(ctx, article, ann)
	if err != nil {
		out.Err = fmt.Errorf("%s: %w", in.Source, err)
		return out
	}
	out.Status, out.ArticleID = Ingested, id
	return out
}

// complete reports whether every stage already ran for a stored document;
// when the article exists but later stages were interrupted it finishes them.
func (p *Pipeline) complete(ctx context.Context, docID int64) (bool, int64, error) {
	a, err := p.Store.ArticleByDocument(ctx, docID)
	if errors.Is(err, news.ErrNotFound) {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, err
	}
	if _, err := p.Store.Annotations(ctx, a.ID); err == nil {
		if _, err := p.Store.StoryOfArticle(ctx, a.ID); err == nil || p.Assigner == nil {
			return true, a.ID, nil
		}
	}
	_, err = p.process(ctx, a)
	return err == nil, a.ID, err
}

// process stores the article, reads it and assigns its story.
func (p *Pipeline) process(ctx context.Context, a news.Article) (int64, error) {
	return p.processRead(ctx, a, nil)
}

// processRead is process with the article's annotations already read,
// unless ann is nil.
func (p *Pipeline) processRead(ctx context.Context, a news.Article, ann *news.Annotations) (int64, error) {
	if a.TextSHA256 == "" {
		a.TextSHA256 = digest([]byte(a.Text))
	}
	id, _, err := p.Store.PutArticle(ctx, a)
	if err != nil {
		return 0, fmt.Errorf("store article: %w", err)
	}
	a.ID = id
	if ann == nil {
		read := p.Reader.Read(a)
		ann = &read
	}
	if err := p.Store.PutAnnotations(ctx, id, *ann); err != nil {
		return id, fmt.Errorf("store annotations: %w", err)
	}
	if p.Assigner != nil {
		if err := p.Assigner.Assign(ctx, a, *ann); err != nil {
			return id, fmt.Errorf("assign story: %w", err)
		}
	}
	return id, nil
}

// BatchReader is a Reader that can read many articles at once across
// cores; ReprocessAll uses it when the Reader offers it.
type BatchReader interface {
	ReadAll(ctx context.Context, articles []news.Article, workers int) ([]news.Annotations, error)
}

// reprocessChunk is how many articles ReprocessAll loads and reads at a
// time: enough to keep every core busy, few enough to bound memory.
const reprocessChunk = 64

// ReprocessAll re-reads the stored articles ids, reading a chunk at a time
// in parallel when the Reader is a BatchReader, and stores the annotations
// in id order. An article that fails to load or store is passed to failed
// and does not stop the others; only a cancelled ctx ends the run early.
func (p *Pipeline) ReprocessAll(ctx context.Context, ids []int64, failed func(id int64, err error)) error {
	batch, ok := p.Reader.(BatchReader)
	for from := 0; from < len(ids); from += reprocessChunk {
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		chunk := ids[from:min(from+reprocessChunk, len(ids))]
		var loaded []int64
		var articles []news.Article
		for _, id := range chunk {
			a, err := p.Store.Article(ctx, id)
			if err != nil {
				failed(id, err)
				continue
			}
			loaded, articles = append(loaded, id), append(articles, a)
		}
		var anns []news.Annotations
		if ok {
			var err error
			if anns, err = batch.ReadAll(ctx, articles, 0); err != nil {
				return err
			}
		} else {
			for _, a := range articles {
				anns = append(anns, p.Reader.Read(a))
			}
		}
		for i, id := range loaded {
			if err := p.Store.PutAnnotations(ctx, id, anns[i]); err != nil {
				failed(id, err)
			}
		}
	}
	return nil
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
