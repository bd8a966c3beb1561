package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

func TestOpenStorePicksBackend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "parallax.db")
	s, err := openStore(t.Context(), path)
	if err != nil {
		t.Fatalf("openStore(%s): %v", path, err)
	}
	defer s.Close()
	if _, ok := s.(*sqlite.Store); !ok {
		t.Errorf("openStore(file) = %T, want *sqlite.Store", s)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file not created: %v", err)
	}

	// Nothing listens on port 1: the error shows the postgres backend ran.
	for _, dsn := range []string{"postgres://127.0.0.1:1/x?connect_timeout=2", "postgresql://127.0.0.1:1/x?connect_timeout=2"} {
		s, err := openStore(t.Context(), dsn)
		if !errors.Is(err, news.ErrUnavailable) {
			t.Errorf("openStore(%s) = %T, %v; want the postgres backend to report ErrUnavailable", dsn, s, err)
		}
	}
	if _, err := openStore(t.Context(), ""); !errors.Is(err, news.ErrInvalidInput) {
		t.Errorf("openStore(\"\") = %v, want ErrInvalidInput", err)
	}
}

func TestWithStore(t *testing.T) {
	called := false
	if err := withStore(t.Context(), "", func(store.Store) error { called = true; return nil }); !errors.Is(err, news.ErrInvalidInput) || called {
		t.Errorf("withStore(\"\") = %v, ran fn: %v; want ErrInvalidInput without running fn", err, called)
	}
	path := filepath.Join(t.TempDir(), "with.db")
	errDone := errors.New("done")
	err := withStore(t.Context(), path, func(st store.Store) error {
		if _, err := st.CountArticles(t.Context()); err != nil {
			t.Errorf("CountArticles in fn: %v", err)
		}
		return errDone
	})
	if !errors.Is(err, errDone) {
		t.Errorf("withStore = %v, want fn's error", err)
	}
}
