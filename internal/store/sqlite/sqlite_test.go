package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlcodec"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.PutDocument(t.Context(), news.Document{Raw: []byte("kept"), FetchedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(t.Context(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if doc, err := s.Document(t.Context(), id); err != nil || string(doc.Raw) != "kept" {
		t.Errorf("Document after reopen = %q, %v", doc.Raw, err)
	}
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	var applied int
	if err := s.read.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM schema_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if applied != len(migrations) {
		t.Errorf("schema_migrations has %d rows, want %d (one per migration, applied once)", applied, len(migrations))
	}
	var mode string
	if err := s.read.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(t.Context(), path)
	if !errors.Is(err, store.ErrSchemaTooNew) || !strings.Contains(err.Error(), "9999") {
		t.Errorf("Open(newer schema) = %v, want ErrSchemaTooNew naming version 9999", err)
	}
}

func TestOpenRejectsNonFilePaths(t *testing.T) {
	for _, path := range []string{"", ":memory:", "file:x.db?mode=memory", "x.db?_pragma=foo"} {
		if _, err := Open(t.Context(), path); !errors.Is(err, news.ErrInvalidInput) {
			t.Errorf("Open(%q) = %v, want ErrInvalidInput", path, err)
		}
	}
}

func TestSearchTerms(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Shoigu visits Kabul", `"Shoigu" "visits" "Kabul"`},
		{`"quoted" AND (x OR y*) NEAR/2 -z col:term ^start`, `"quoted" "AND" "x" "OR" "y" "NEAR" "2" "z" "col" "term" "start"`},
		{"Шойгу, Кабул; café naïve 2024", `"Шойгу" "Кабул" "café" "naïve" "2024"`},
		{"!!! ...", ``},
	}
	for _, tc := range tests {
		if got := ftsQuery(sqlcodec.SearchTerms(tc.in)); got != tc.want {
			t.Errorf("ftsQuery(sqlcodec.SearchTerms(%q)) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzSearch checks that no user text is an FTS5 syntax error: Search
// either runs or reports a text without words as invalid input.
func FuzzSearch(f *testing.F) {
	s := openTemp(f)
	defer s.Close()
	docID, _, err := s.PutDocument(f.Context(), news.Document{Raw: []byte("fuzz"), FetchedAt: time.Now()})
	if err != nil {
		f.Fatal(err)
	}
	a := news.Article{DocumentID: docID, Title: news.Str("Shoigu visits Kabul"), Text: "Talks on security and energy."}
	if _, _, err := s.PutArticle(f.Context(), a); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"Shoigu", `"unterminated`, "a AND OR NOT b", "NEAR(a b, 2)", "x*", "col:val", "-", "\x00\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, _, err := s.Search(t.Context(), store.SearchQuery{Text: text})
		if err != nil && !errors.Is(err, news.ErrInvalidInput) {
			t.Errorf("Search(%q): %v", text, err)
		}
	})
}

// BenchmarkPutDocumentArticle measures the ingest write path: one raw
// document and its article (each its own transaction), as the pipeline
// stores them.
func BenchmarkPutDocumentArticle(b *testing.B) {
	s := openTemp(b)
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

// BenchmarkPutDocumentArticleParallel is the same write path from
// concurrent goroutines, which the single writer connection serialises.
func BenchmarkPutDocumentArticleParallel(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	ctx := b.Context()
	text := strings.Repeat("Talks in Kabul covered security and energy cooperation. ", 60)
	var seq atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := seq.Add(1)
			docID, _, err := s.PutDocument(ctx, news.Document{FetchedAt: time.Now(), Raw: fmt.Appendf(nil, "%d %s", i, text)})
			if err != nil {
				b.Error(err)
				return
			}
			if _, _, err := s.PutArticle(ctx, news.Article{DocumentID: docID, Title: news.Str("Kabul talks"), Text: text}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkSearch ranks a 2,000-article corpus for a two-word query.
func BenchmarkSearch(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	ctx := b.Context()
	words := strings.Fields("security energy talks Kabul Moscow delegation minister council trade grain pipeline weather")
	for i := range 2000 {
		docID, _, err := s.PutDocument(ctx, news.Document{FetchedAt: time.Now(), Raw: fmt.Appendf(nil, "doc %d", i)})
		if err != nil {
			b.Fatal(err)
		}
		var body strings.Builder
		for j := range 200 {
			body.WriteString(words[(i*7+j*3)%len(words)])
			body.WriteByte(' ')
		}
		title := words[i%len(words)] + " " + words[(i/3)%len(words)]
		if _, _, err := s.PutArticle(ctx, news.Article{DocumentID: docID, Title: news.Str(title), Text: body.String()}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Search(ctx, store.SearchQuery{Text: "Kabul security", Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}
