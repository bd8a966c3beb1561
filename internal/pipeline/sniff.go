package pipeline

import (
	"bytes"
	"net/http"
	"path"
	"strings"

	"github.com/parallax-news/parallax/internal/ingest/jsonl"
)

// Format is the kind of content an input holds.
type Format string

// Input formats, detected from content first and names/types second.
const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSONL Format = "jsonl"
	FormatFeed  Format = "feed"
)

// Sniff decides the format of raw from its bytes, falling back on the
// declared content type and the file name only when the bytes don't tell.
func Sniff(name, contentType string, raw []byte) Format {
	head := raw
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	lower := bytes.ToLower(head)
	switch {
	case jsonl.Looks(raw):
		return FormatJSONL
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return FormatFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return FormatHTML
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<head")) || bytes.Contains(lower, []byte("<body")):
		return FormatHTML
	case strings.HasPrefix(http.DetectContentType(head), "text/html"):
		return FormatHTML
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return FormatHTML
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "feed+json"):
		return FormatFeed
	}
	switch strings.ToLower(path.Ext(trimCompression(name))) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return FormatText
}

// trimCompression drops a compression suffix from a file name, so that
// page.html.gz is sniffed as the page it was before compression.
func trimCompression(name string) string {
	lower := strings.ToLower(name)
	for _, ext := range []string{".gz", ".bz2", ".zst"} {
		if strings.HasSuffix(lower, ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return name
}
