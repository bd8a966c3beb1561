package fetch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/parallax-news/parallax/internal/news"
)

// maxEncodingLayers bounds stacked Content-Encodings ("gzip, gzip, ...").
const maxEncodingLayers = 3

// readBody reads at most max wire bytes and at most max decoded bytes. The
// decoded cap is what stops a decompression bomb: a few kilobytes of gzip
// can expand to gigabytes.
func readBody(r io.Reader, contentEncoding string, max int64) ([]byte, error) {
	var decoded io.Reader = &capReader{r: r, max: max, what: "wire"}
	layers := encodingLayers(contentEncoding)
	if len(layers) > maxEncodingLayers {
		return nil, fmt.Errorf("%d stacked content encodings: %w", len(layers), news.ErrInvalidInput)
	}
	for i := len(layers) - 1; i >= 0; i-- {
		var err error
		decoded, err = decoder(layers[i], decoded)
		if err != nil {
			return nil, err
		}
	}
	body, err := io.ReadAll(&capReader{r: decoded, max: max, what: "decoded"})
	if err != nil {
		return nil, err
	}
	return body, nil
}

func encodingLayers(header string) []string {
	var layers []string
	for part := range strings.SplitSeq(header, ",") {
		part = strings.ToLower(strings.TrimSpace(part))
		if part != "" && part != "identity" {
			layers = append(layers, part)
		}
	}
	return layers
}

func decoder(encoding string, r io.Reader) (io.Reader, error) {
	switch encoding {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, decodeError(encoding, err)
		}
		return zr, nil
	case "deflate":
		// "deflate" should be zlib-wrapped, but many servers send raw DEFLATE.
		br := bufio.NewReader(r)
		head, _ := br.Peek(2)
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, decodeError(encoding, err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	case "br":
		return brotli.NewReader(r), nil
	default:
		return nil, fmt.Errorf("unsupported content encoding %q: %w", encoding, news.ErrInvalidInput)
	}
}

func decodeError(encoding string, err error) error {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooSlow) || errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("bad %s body: %w: %v", encoding, news.ErrInvalidInput, err)
}

// capReader fails with ErrTooLarge once more than max bytes pass through.
type capReader struct {
	r    io.Reader
	max  int64
	n    int64
	what string
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n > c.max {
		return 0, fmt.Errorf("more than %d %s bytes: %w", c.max, c.what, ErrTooLarge)
	}
	if rest := c.max + 1 - c.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n, fmt.Errorf("more than %d %s bytes: %w", c.max, c.what, ErrTooLarge)
	}
	return n, err
}

// watchdog cancels a body read that stalls (no bytes for idle) or trickles
// (average rate under minRate after grace). Cancelling the request context
// makes the blocked Read return, so a silent server cannot hold us.
type watchdog struct {
	r       io.Reader
	cancel  context.CancelCauseFunc
	idle    time.Duration
	minRate int64
	grace   time.Duration
	start   time.Time
	n       int64
	timer   *time.Timer
}

func newWatchdog(r io.Reader, cancel context.CancelCauseFunc, idle time.Duration, minRate int64, grace time.Duration) *watchdog {
	w := &watchdog{r: r, cancel: cancel, idle: idle, minRate: minRate, grace: grace, start: time.Now()}
	w.timer = time.AfterFunc(idle, func() {
		cancel(fmt.Errorf("no data for %s: %w", idle, ErrTooSlow))
	})
	return w
}

func (w *watchdog) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		w.n += int64(n)
		w.timer.Reset(w.idle)
		if elapsed := time.Since(w.start); elapsed > w.grace && float64(w.n)/elapsed.Seconds() < float64(w.minRate) {
			slow := fmt.Errorf("%d bytes in %s, under %d B/s: %w", w.n, elapsed.Round(time.Millisecond), w.minRate, ErrTooSlow)
			w.cancel(slow)
			return n, slow
		}
	}
	return n, err
}

func (w *watchdog) stop() { w.timer.Stop() }

// stripBOM drops a UTF-8 byte order mark.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }
