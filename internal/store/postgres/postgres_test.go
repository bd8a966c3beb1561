package postgres

import (
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	server := pgtest.Start(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), pgtest.NewDatabase(t, server))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}
