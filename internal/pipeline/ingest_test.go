package pipeline_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/reader"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/story/cluster"
)

func newPipeline(t *testing.T) (*pipeline.Pipeline, store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r, err := reader.New()
	if err != nil {
		t.Fatal(err)
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.Pipeline{Store: st, Extract: pipeline.Formats{MaxBytes: 1 << 20}, Reader: r, Assigner: stories}, st
}

const dump = "Port reopens after storm\n\nBy Ana Silva\n\nThe port of Valencia reopened on Monday after a storm closed it for three days, the harbour authority said.\n"

func TestIngestIsIdempotent(t *testing.T) {
	p, st := newPipeline(t)
	ctx := context.Background()
	first := p.Ingest(ctx, pipeline.Input{Source: "a.txt", Raw: []byte(dump)})
	if len(first) != 1 || first[0].Status != pipeline.Ingested || first[0].Err != nil {
		t.Fatalf("first ingest = %+v", first)
	}
	again := p.Ingest(ctx, pipeline.Input{Source: "copy-of-a.txt", Raw: []byte(dump)})
	if len(again) != 1 || again[0].Status != pipeline.Unchanged || again[0].ArticleID != first[0].ArticleID {
		t.Fatalf("second ingest = %+v, want unchanged article %d", again, first[0].ArticleID)
	}
	if n, _ := st.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
	a, err := st.Article(ctx, first[0].ArticleID)
	if err != nil || news.Deref(a.Title) != "Port reopens after storm" || news.Deref(a.Byline) != "Ana Silva" {
		t.Errorf("article = %+v, %v", a, err)
	}
	if _, err := st.StoryOfArticle(ctx, a.ID); err != nil {
		t.Errorf("article has no story: %v", err)
	}
}

// TestIngestResumesInterruptedDocument stores only the raw bytes, as a run
// killed right after PutDocument would have, and checks that ingesting the
// same input again finishes every stage.
func TestIngestResumesInterruptedDocument(t *testing.T) {
	p, st := newPipeline(t)
	ctx := context.Background()
	sum := sha256.Sum256([]byte(dump))
	if _, _, err := st.PutDocument(ctx, news.Document{SourceURI: "a.txt", Raw: []byte(dump), SHA256: hex.EncodeToString(sum[:])}); err != nil {
		t.Fatal(err)
	}
	out := p.Ingest(ctx, pipeline.Input{Source: "a.txt", Raw: []byte(dump)})
	if len(out) != 1 || out[0].Status != pipeline.Ingested {
		t.Fatalf("resume = %+v, want ingested", out)
	}
	if _, err := st.Annotations(ctx, out[0].ArticleID); err != nil {
		t.Errorf("no annotations after resume: %v", err)
	}
}

func TestIngestBadInputsFailAlone(t *testing.T) {
	p, st := newPipeline(t)
	ctx := context.Background()
	jsonl := `{"id":"1","title":"Port reopens","text":"The port of Valencia reopened on Monday.","published_at":"2024-11-25"}
{"id":"2","text":""}
not json
{"id":"3","title":"Storm damage","text":"Fishermen counted the damage after the storm.","outlet":"Wire"}
`
	outs := p.Ingest(ctx, pipeline.Input{Source: "batch.jsonl", Raw: []byte(jsonl)})
	var ok, failed int
	for _, o := range outs {
		switch o.Status {
		case pipeline.Ingested:
			ok++
		case pipeline.Failed:
			failed++
			if !errors.Is(o.Err, news.ErrInvalidInput) {
				t.Errorf("%s: err = %v, want ErrInvalidInput", o.Source, o.Err)
			}
		}
	}
	if ok != 2 || failed != 2 {
		t.Fatalf("outcomes = %+v, want 2 ingested and 2 failed", outs)
	}
	binary := p.Ingest(ctx, pipeline.Input{Source: "image.png", Raw: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")})
	if len(binary) != 1 || binary[0].Status != pipeline.Failed || !errors.Is(binary[0].Err, news.ErrInvalidInput) {
		t.Errorf("binary input = %+v, want a failure", binary)
	}
	if n, _ := st.CountArticles(ctx); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
	// The JSONL file again: every good record unchanged, nothing duplicated.
	for _, o := range p.Ingest(ctx, pipeline.Input{Source: "batch.jsonl", Raw: []byte(jsonl)}) {
		if o.Status == pipeline.Ingested {
			t.Errorf("%s ingested twice", o.Source)
		}
	}
}

// TestLoadStoriesReconciles removes a stored story, as an interrupted run
// could leave things, and checks that rebuilding the stories restores one
// story per article and no empty stories.
func TestLoadStoriesReconciles(t *testing.T) {
	p, st := newPipeline(t)
	ctx := context.Background()
	texts := []string{
		dump,
		"Valencia port traffic resumes\n\nShips entered the port of Valencia on Monday after the storm that closed it for three days, port officials said.\n",
		"Chess champion retains title\n\nThe world chess champion retained her title in Madrid on Sunday after a tense final game.\n",
	}
	var ids []int64
	for i, text := range texts {
		out := p.Ingest(ctx, pipeline.Input{Source: fmt.Sprintf("%d.txt", i), Raw: []byte(text)})
		ids = append(ids, out[0].ArticleID)
	}
	victim, err := st.StoryOfArticle(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteStory(ctx, victim.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.LoadStories(ctx, st, cluster.DefaultConfig()); err != nil {
		t.Fatal(err)
	}
	seen := map[int64]int{}
	list, _, err := st.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if len(s.ArticleIDs) == 0 {
			t.Errorf("story %d is empty", s.ID)
		}
		for _, id := range s.ArticleIDs {
			seen[id]++
		}
	}
	for _, id := range ids {
		if seen[id] != 1 {
			t.Errorf("article %d is in %d stories", id, seen[id])
		}
	}
}

// TestReprocessAllRereadsAndReportsFailures reprocesses stored articles
// (more than one chunk) plus an ID that does not exist: every stored
// article gets annotations equal to a fresh read, and only the missing ID
// is reported.
func TestReprocessAllRereadsAndReportsFailures(t *testing.T) {
	p, st := newPipeline(t)
	ctx := context.Background()
	var ids []int64
	for i := range 70 {
		text := fmt.Sprintf("Port %d reopens\n\nThe port of Valencia reopened on Monday after storm number %d, the harbour authority said.\n", i, i)
		res := p.Ingest(ctx, pipeline.Input{Source: fmt.Sprintf("p%d.txt", i), Raw: []byte(text)})
		if len(res) != 1 || res[0].Err != nil {
			t.Fatalf("ingest %d = %+v", i, res)
		}
		ids = append(ids, res[0].ArticleID)
	}
	for _, id := range ids {
		if err := st.PutAnnotations(ctx, id, news.Annotations{}); err != nil {
			t.Fatal(err)
		}
	}
	missing := ids[len(ids)-1] + 1000
	var failed []int64
	err := p.ReprocessAll(ctx, append(ids, missing), func(id int64, err error) {
		if !errors.Is(err, news.ErrNotFound) {
			t.Errorf("article %d: %v, want not found", id, err)
		}
		failed = append(failed, id)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0] != missing {
		t.Errorf("failed = %v, want [%d]", failed, missing)
	}
	for _, id := range []int64{ids[0], ids[64], ids[69]} {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Annotations(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := p.Reader.Read(a)
		if len(got.Sentences) == 0 || len(got.Sentences) != len(want.Sentences) || len(got.Timexes) != len(want.Timexes) || len(got.Quotes) != len(want.Quotes) {
			t.Errorf("article %d: reprocessed %d sentences / %d timexes / %d quotes, fresh read %d / %d / %d",
				id, len(got.Sentences), len(got.Timexes), len(got.Quotes), len(want.Sentences), len(want.Timexes), len(want.Quotes))
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := p.ReprocessAll(cancelled, ids, func(int64, error) {}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run = %v, want context.Canceled", err)
	}
}

// readOnly hides the Reader's ReadAll, so the pipeline reads one article
// at a time.
type readOnly struct{ pipeline.Reader }

// TestIngestJSONLBatchMatchesOneByOne ingests a JSONL file whose records
// outnumber a read chunk, with a repeated record, once through the batch
// reader and once reading article by article, and checks that the
// outcomes and the stored annotations are the same.
func TestIngestJSONLBatchMatchesOneByOne(t *testing.T) {
	ctx := context.Background()
	var lines []byte
	for i := range 40 {
		port := benchPorts[i%len(benchPorts)]
		lines = fmt.Appendf(lines, `{"id":"%d","title":"%s port","text":"The %s port authority said on Monday that ship %d arrived, a spokeswoman told reporters."}`+"\n", i, port, port, i)
		if i == 3 {
			lines = fmt.Appendf(lines, `{"id":"%d","title":"%s port","text":"The %s port authority said on Monday that ship %d arrived, a spokeswoman told reporters."}`+"\n", i, port, port, i)
		}
	}
	in := pipeline.Input{Source: "batch.jsonl", Raw: lines}
	batched, bst := newPipeline(t)
	single, sst := newPipeline(t)
	single.Reader = readOnly{single.Reader}
	got, want := batched.Ingest(ctx, in), single.Ingest(ctx, in)
	if len(got) != 41 {
		t.Fatalf("%d outcomes, want 41", len(got))
	}
	sameOutcomes(t, got, want, bst, sst)
	if got[4].Status != pipeline.Unchanged {
		t.Errorf("repeated record = %+v, want unchanged", got[4])
	}
}

// sameOutcomes checks that two runs over the same inputs had the same
// outcomes and stored the same annotations.
func sameOutcomes(t *testing.T, got, want []pipeline.Outcome, gotStore, wantStore store.Store) {
	t.Helper()
	ctx := context.Background()
	if len(got) != len(want) {
		t.Fatalf("%d outcomes, one by one %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Status != want[i].Status || got[i].ArticleID != want[i].ArticleID || got[i].Source != want[i].Source {
			t.Fatalf("outcome %d = %+v, one by one %+v", i, got[i], want[i])
		}
		if got[i].Status != pipeline.Ingested {
			continue
		}
		a, errA := gotStore.Annotations(ctx, got[i].ArticleID)
		b, errB := wantStore.Annotations(ctx, want[i].ArticleID)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if errA != nil || errB != nil || !bytes.Equal(ja, jb) {
			t.Fatalf("article %d: annotations differ (%v, %v)\n%s\n%s", got[i].ArticleID, errA, errB, ja, jb)
		}
	}
}

// TestIngestManyMatchesIngest ingests a mixed batch (more text dumps than
// a read chunk, a repeated file, a JSONL file with a bad line, a binary
// file) at once and input by input, and checks that each input gets the
// same outcomes and the stored annotations are the same.
func TestIngestManyMatchesIngest(t *testing.T) {
	ctx := context.Background()
	var ins []pipeline.Input
	for i := range 36 {
		port := benchPorts[i%len(benchPorts)]
		text := fmt.Sprintf("%s port reopens\n\nBy Ana Silva\n\nThe port of %s reopened on Monday after ship %d ran aground, the harbour authority said.\n", port, port, i)
		ins = append(ins, pipeline.Input{Source: fmt.Sprintf("dump-%d.txt", i), Raw: []byte(text)})
	}
	ins = append(ins, ins[2],
		pipeline.Input{Source: "batch.jsonl", Raw: []byte(`{"id":"1","title":"Storm","text":"Fishermen counted the damage after the storm."}` + "\nnot json\n")},
		pipeline.Input{Source: "image.png", Raw: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")})
	batched, bst := newPipeline(t)
	single, sst := newPipeline(t)
	single.Reader = readOnly{single.Reader}
	many := batched.IngestMany(ctx, ins)
	if len(many) != len(ins) {
		t.Fatalf("%d outcome lists for %d inputs", len(many), len(ins))
	}
	var got, want []pipeline.Outcome
	for i, in := range ins {
		one := single.Ingest(ctx, in)
		if len(many[i]) != len(one) {
			t.Fatalf("input %s: %d outcomes, one by one %d", in.Source, len(many[i]), len(one))
		}
		got, want = append(got, many[i]...), append(want, one...)
	}
	sameOutcomes(t, got, want, bst, sst)
	if s := many[36][0].Status; s != pipeline.Unchanged {
		t.Errorf("repeated file = %s, want unchanged", s)
	}
	if o := many[37]; len(o) != 2 || o[0].Status != pipeline.Ingested || o[1].Status != pipeline.Failed {
		t.Errorf("JSONL outcomes = %+v, want one ingested and one failed", o)
	}
	if o := many[38][0]; o.Status != pipeline.Failed || !errors.Is(o.Err, news.ErrInvalidInput) {
		t.Errorf("binary input = %+v, want an invalid-input failure", o)
	}
}
