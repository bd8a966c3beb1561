package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestPostgres(t *testing.T) {
	dsn := pgtest.Start(t)
	open := func(t *testing.T) *Store {
		s, err := Open(t.Context(), pgtest.NewDatabase(t, dsn))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	}
	t.Run("Conformance", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
	})
	t.Run("RefusesNewerSchema", func(t *testing.T) {
		db := pgtest.NewDatabase(t, dsn)
		s, err := Open(t.Context(), db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.pool.Exec(t.Context(), `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err = Open(t.Context(), db)
		if !errors.Is(err, store.ErrSchemaTooNew) || !strings.Contains(err.Error(), "9999") {
			t.Errorf("Open(newer schema) = %v, want ErrSchemaTooNew naming version 9999", err)
		}
	})
	t.Run("ProcessesShareOneDatabase", func(t *testing.T) {
		testSharedDatabase(t, pgtest.NewDatabase(t, dsn))
	})
	t.Run("UnstorableTextIsInvalidInput", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		docID, _, err := s.PutDocument(t.Context(), news.Document{Raw: []byte("nul"), FetchedAt: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = s.PutArticle(t.Context(), news.Article{DocumentID: docID, Text: "before\x00after"})
		if !errors.Is(err, news.ErrInvalidInput) {
			t.Errorf("PutArticle(text with NUL) = %v, want ErrInvalidInput", err)
		}
	})
}

// testSharedDatabase opens several stores on one database at once, as
// scaled-out workers do: migrations run once and the same document stored
// by all of them exists once.
func testSharedDatabase(t *testing.T, dsn string) {
	const workers = 4
	stores := make([]*Store, workers)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for i := range workers {
		wg.Go(func() { stores[i], errs[i] = Open(t.Context(), dsn) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		defer stores[i].Close()
	}
	var created atomic.Int32
	ids := make([]int64, workers)
	for i, s := range stores {
		wg.Go(func() {
			id, c, err := s.PutDocument(t.Context(), news.Document{Raw: []byte("shared bytes"), FetchedAt: time.Now()})
			if err != nil {
				t.Errorf("PutDocument: %v", err)
			}
			if c {
				created.Add(1)
			}
			ids[i] = id
		})
	}
	wg.Wait()
	if created.Load() != 1 {
		t.Errorf("%d stores created the document, want 1", created.Load())
	}
	for _, id := range ids[1:] {
		if id != ids[0] {
			t.Errorf("document IDs differ: %v", ids)
		}
	}
	var migrations int
	if err := stores[0].pool.QueryRow(t.Context(), `SELECT COUNT(*) FROM schema_migrations`).Scan(&migrations); err != nil {
		t.Fatal(err)
	}
	if want, _ := loadMigrations(); migrations != len(want) {
		t.Errorf("schema_migrations has %d rows, want %d", migrations, len(want))
	}
}

// BenchmarkPutDocumentArticle measures the ingest write path against a
// local server (Unix socket, fsync off): one raw document and its article.
func BenchmarkPutDocumentArticle(b *testing.B) {
	s, err := Open(context.Background(), pgtest.Start(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := b.Context()
	text := strings.Repeat("Sergei Shoigu, Secretary of Russia's Security Council, arrived in Kabul on Monday. ", 40)
	b.SetBytes(int64(2 * len(text)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		raw := fmt.Appendf(nil, "<html>%d %s</html>", i, text)
		docID, _, err := s.PutDocument(ctx, news.Document{SourceURI: "bench", FetchedAt: time.Now(), Raw: raw})
		if err != nil {
			b.Fatal(err)
		}
		a := news.Article{DocumentID: docID, Title: news.Str(fmt.Sprint("Shoigu in Kabul ", i)), Outlet: news.Str("Bench"), Text: text}
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
