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
// implementation. It must be safe for concurrent use.
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
	out := Outcome{Source: in.Source, Status: Failed}
	if in.FetchedAt.IsZero() {
		in.FetchedAt = time.Now().UTC()
	}
	doc := news.Document{SourceURI: in.Source, FetchedAt: in.FetchedAt, ContentType: in.ContentType, Raw: in.Raw, SHA256: digest(in.Raw)}
	docID, created, err := p.Store.PutDocument(ctx, doc)
	if err != nil {
		out.Err = fmt.Errorf("%s: store raw input: %w", in.Source, err)
		return out
	}
	if !created {
		done, id, err := p.complete(ctx, docID)
		if err != nil {
			out.Err = fmt.Errorf("%s: %w", in.Source, err)
			return out
		}
		if done {
			out.Status, out.ArticleID = Unchanged, id
			return out
		}
	}
	var article news.Article
	if in.Article != nil {
		article = *in.Article
	} else {
		article, err = p.Extract.Extract(in.Source, in.Raw, in.ContentType)
		if err != nil {
			out.Err = err
			return out
		}
	}
	article.DocumentID = docID
	id, err := p.process(ctx, article)
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
	if a.TextSHA256 == "" {
		a.TextSHA256 = digest([]byte(a.Text))
	}
	id, _, err := p.Store.PutArticle(ctx, a)
	if err != nil {
		return 0, fmt.Errorf("store article: %w", err)
	}
	a.ID = id
	ann := p.Reader.Read(a)
	if err := p.Store.PutAnnotations(ctx, id, ann); err != nil {
		return id, fmt.Errorf("store annotations: %w", err)
	}
	if p.Assigner != nil {
		if err := p.Assigner.Assign(ctx, a, ann); err != nil {
			return id, fmt.Errorf("assign story: %w", err)
		}
	}
	return id, nil
}

// Reprocess re-reads a stored article (after a model update) and replaces
// its annotations. Story membership is kept.
func (p *Pipeline) Reprocess(ctx context.Context, articleID int64) error {
	a, err := p.Store.Article(ctx, articleID)
	if err != nil {
		return err
	}
	return p.Store.PutAnnotations(ctx, articleID, p.Reader.Read(a))
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
