package storetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func testDocuments(t *testing.T, s store.Store) {
	ctx := t.Context()
	// Raw bytes that are not valid UTF-8 and contain NUL must survive as is.
	raw := []byte("caf\xe9 \x00 binary\r\n\xff\xfe tail")
	sum := sha256.Sum256(raw)
	doc := news.Document{
		SourceURI:   "https://example.org/a?b=c",
		FetchedAt:   time.Date(2024, 11, 25, 12, 30, 1, 123456000, time.FixedZone("", 3*3600)),
		ContentType: "text/html; charset=windows-1252",
		Raw:         raw,
	}
	id, created, err := s.PutDocument(ctx, doc)
	if err != nil || !created || id <= 0 {
		t.Fatalf("PutDocument = %d, %v, %v; want new positive ID", id, created, err)
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	want := doc
	want.ID = id
	want.SHA256 = hex.EncodeToString(sum[:])
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("Document round trip (-want +got):\n%s", diff)
	}
	if !bytes.Equal(got.Raw, raw) {
		t.Errorf("raw bytes = %q, want %q", got.Raw, raw)
	}

	// Same bytes again, even from another source, are the same document.
	again := doc
	again.SourceURI = "https://mirror.example.org/a"
	again.SHA256 = want.SHA256
	id2, created2, err := s.PutDocument(ctx, again)
	if err != nil || created2 || id2 != id {
		t.Errorf("PutDocument again = %d, %v, %v; want %d, false, nil", id2, created2, err, id)
	}
	if got, _ := s.Document(ctx, id); got.SourceURI != doc.SourceURI {
		t.Errorf("duplicate overwrote source: %q", got.SourceURI)
	}

	other, created3, err := s.PutDocument(ctx, news.Document{Raw: []byte("other bytes"), FetchedAt: base})
	if err != nil || !created3 || other == id {
		t.Errorf("PutDocument(other) = %d, %v, %v; want a new ID", other, created3, err)
	}
}

func testDocumentInvalid(t *testing.T, s store.Store) {
	ctx := t.Context()
	_, _, err := s.PutDocument(ctx, news.Document{FetchedAt: base})
	wantErr(t, "empty raw", err, news.ErrInvalidInput)
	_, _, err = s.PutDocument(ctx, news.Document{Raw: []byte("x"), SHA256: "deadbeef", FetchedAt: base})
	wantErr(t, "wrong sha256", err, news.ErrInvalidInput)
}

// testConcurrentSameDocument stores the same bytes from many goroutines:
// exactly one call creates the row and all get its ID.
func testConcurrentSameDocument(t *testing.T, s store.Store) {
	ctx := t.Context()
	const workers = 24
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created int
		seen    = map[int64]bool{}
		errs    []error
	)
	for range workers {
		wg.Go(func() {
			id, c, err := s.PutDocument(ctx, news.Document{Raw: []byte("same bytes everywhere"), FetchedAt: base})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			seen[id] = true
			if c {
				created++
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("concurrent PutDocument: %d errors, first: %v", len(errs), errs[0])
	}
	if created != 1 || len(seen) != 1 {
		t.Errorf("created %d rows with %d distinct IDs, want 1 and 1", created, len(seen))
	}
}

// testConcurrentWrites runs independent writers and readers at once; a
// backend must serialise or retry internally instead of failing.
func testConcurrentWrites(t *testing.T, s store.Store) {
	ctx := t.Context()
	const workers, each = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				docID, _, err := s.PutDocument(ctx, news.Document{Raw: fmt.Appendf(nil, "w%d-%d", w, i), FetchedAt: base})
				if err != nil {
					errs <- err
					continue
				}
				a := simpleArticle(fmt.Sprintf("t%d-%d", w, i), "Outlet", "body")
				a.DocumentID = docID
				if _, _, err := s.PutArticle(ctx, a); err != nil {
					errs <- err
				}
				if _, _, err := s.Articles(ctx, store.ArticleQuery{Limit: 5}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	n, err := s.CountArticles(ctx)
	if err != nil || n != workers*each {
		t.Errorf("CountArticles = %d, %v; want %d", n, err, workers*each)
	}
}
