package memqueue_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/queue/memqueue"
	"github.com/parallax-news/parallax/internal/queue/queuetest"
)

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(_ *testing.T, retry queue.Retry) queue.Queue {
		return memqueue.New(memqueue.Config{Retry: retry})
	})
}
