// Package archive opens the containers news dumps come in: gzip, bzip2 and
// zstd layers, tar archives and ZIP files. It walks the regular files inside
// and hands each to the caller as raw bytes, so that a corpus such as
// bbc.tar.gz or a day's export.jsonl.gz is ingested like a directory. A
// plain input passes through as its only file.
//
// Sizes are bounded twice: each file is cut off at Limits.FileBytes (it
// fails with news.ErrTooLarge and the walk goes on to the next one) and the
// whole decompressed stream at Limits.TotalBytes, which bounds the time and
// memory a decompression bomb can take.
package archive

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/klauspost/compress/zstd"

	"github.com/parallax-news/parallax/internal/news"
)

// Limits bound what one input may expand to. A zero field takes its
// default.
type Limits struct {
	// FileBytes caps each file after decompression (default 10 MiB).
	FileBytes int64
	// TotalBytes caps all decompressed bytes of one input (default 4 GiB).
	TotalBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.FileBytes <= 0 {
		l.FileBytes = 10 << 20
	}
	if l.TotalBytes <= 0 {
		l.TotalBytes = 4 << 30
	}
	return l
}

// File is one file of an input. Name is the input's name for a plain or
// singly compressed input, and "input/member/path" for an archive member.
// Err is set (and Raw nil) when this file alone could not be read.
type File struct {
	Name string
	Raw  []byte
	Err  error
}

// maxLayers bounds nested compression (a .tar.gz.gz is two layers).
const maxLayers = 3

// Walk calls yield with every file of the input r named name, in archive
// order, until yield returns false. r is read once, as a stream, except for
// ZIP files, which need random access: their bytes are read into memory up
// to TotalBytes, or read in place when r is an io.ReaderAt with a Size
// method (an *os.File or *bytes.Reader). The error reports what ended the
// walk early: a corrupt or truncated stream, or the total limit.
func Walk(name string, r io.Reader, lim Limits, yield func(File) bool) error {
	lim = lim.withDefaults()
	total := &capped{r: r, left: lim.TotalBytes, name: name, limit: lim.TotalBytes}
	br := bufio.NewReaderSize(total, 4096)
	var closers []io.Closer
	var layers []string
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	for {
		head, _ := br.Peek(512)
		kind := compression(head)
		if kind == "" {
			break
		}
		if len(layers) == maxLayers {
			return fmt.Errorf("%s: more than %d compression layers: %w", name, maxLayers, news.ErrInvalidInput)
		}
		layers = append(layers, kind)
		dec, err := decompressor(kind, br)
		if err != nil {
			return fmt.Errorf("%s: %s: %w: %w", name, kind, err, news.ErrInvalidInput)
		}
		closers = append(closers, dec)
		// The limit counts decompressed bytes: wrap the decoder, not the file.
		total = &capped{r: dec, left: lim.TotalBytes, name: name, limit: lim.TotalBytes}
		br = bufio.NewReaderSize(total, 4096)
	}
	head, _ := br.Peek(512)
	switch {
	case isTar(head):
		return walkTar(name, br, lim, yield)
	case isZip(head):
		if len(layers) == 0 {
			if ra, ok := r.(sizedReaderAt); ok {
				return walkZip(name, ra, ra.Size(), lim, yield)
			}
		}
		raw, err := io.ReadAll(br)
		if err != nil {
			return readError(name, err)
		}
		return walkZip(name, bytes.NewReader(raw), int64(len(raw)), lim, yield)
	}
	raw, err := readFile(name, br, lim.FileBytes)
	if fatal(err) {
		return err
	}
	yield(File{Name: name, Raw: raw, Err: err})
	return nil
}

// ReadFiles walks the file at path (see Walk) and calls fn with each
// member's name and bytes, stopping at the first error, a member's own
// included: for corpus readers, which want every file or none.
func ReadFiles(path string, lim Limits, fn func(name string, raw []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var ferr error
	err = Walk(path, f, lim, func(file File) bool {
		if ferr = file.Err; ferr == nil {
			ferr = fn(file.Name, file.Raw)
		}
		return ferr == nil
	})
	if err != nil {
		return err
	}
	return ferr
}

// Layers reports whether raw starts with a compression or archive format
// that Walk opens, so callers can skip it for plain inputs.
func Layers(raw []byte) bool {
	return compression(raw) != "" || isTar(raw) || isZip(raw)
}

type sizedReaderAt interface {
	io.ReaderAt
	Size() int64
}

func compression(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "gzip"
	case len(head) >= 10 && bytes.HasPrefix(head, []byte("BZh")) && head[3] >= '1' && head[3] <= '9' &&
		bytes.Equal(head[4:10], []byte("\x31\x41\x59\x26\x53\x59")):
		return "bzip2"
	case bytes.HasPrefix(head, []byte{0x28, 0xB5, 0x2F, 0xFD}):
		return "zstd"
	}
	return ""
}

func decompressor(kind string, r io.Reader) (io.ReadCloser, error) {
	switch kind {
	case "gzip":
		return gzip.NewReader(r)
	case "bzip2":
		return io.NopCloser(bzip2.NewReader(r)), nil
	default:
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			return nil, err
		}
		return d.IOReadCloser(), nil
	}
}

// isZip checks the signature of a ZIP file (or an empty one).
func isZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// isTar checks the ustar magic of a POSIX or GNU tar header.
func isTar(head []byte) bool {
	return len(head) >= 263 && (bytes.Equal(head[257:262], []byte("ustar")))
}

func walkTar(name string, r io.Reader, lim Limits, yield func(File) bool) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError(name, err)
		}
		if h.Typeflag != tar.TypeReg || skipMember(h.Name) {
			continue
		}
		member := name + "/" + strings.TrimPrefix(path.Clean("/"+h.Name), "/")
		raw, err := readFile(member, tr, lim.FileBytes)
		if fatal(err) {
			return err
		}
		if err == nil {
			raw, err = unwrapMember(member, raw, lim.FileBytes)
		}
		if !yield(File{Name: member, Raw: raw, Err: err}) {
			return nil
		}
	}
}

func walkZip(name string, ra io.ReaderAt, size int64, lim Limits, yield func(File) bool) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return fmt.Errorf("%s: zip: %w: %w", name, err, news.ErrInvalidInput)
	}
	var spent int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !f.Mode().IsRegular() || skipMember(f.Name) {
			continue
		}
		member := name + "/" + strings.TrimPrefix(path.Clean("/"+f.Name), "/")
		rc, err := f.Open()
		if err != nil {
			if !yield(File{Name: member, Err: fmt.Errorf("%s: %w: %w", member, err, news.ErrInvalidInput)}) {
				return nil
			}
			continue
		}
		// Each member is its own stream: the total limit spans them all.
		c := &capped{r: rc, left: lim.TotalBytes - spent, name: name, limit: lim.TotalBytes}
		raw, err := readFile(member, c, lim.FileBytes)
		rc.Close()
		spent = lim.TotalBytes - c.left
		if errors.Is(err, errTotal) {
			return err
		}
		if err == nil {
			raw, err = unwrapMember(member, raw, lim.FileBytes)
		}
		if !yield(File{Name: member, Raw: raw, Err: err}) {
			return nil
		}
	}
	return nil
}

// unwrapMember decompresses an archive member that is itself compressed
// (a .zip of .html.gz pages) to one file of at most max bytes. An archive
// inside an archive is not opened: it fails alone, by name.
func unwrapMember(name string, raw []byte, max int64) ([]byte, error) {
	kind := compression(raw)
	if kind == "" {
		if isTar(raw) || isZip(raw) {
			return nil, fmt.Errorf("%s: an archive inside an archive is not opened: %w", name, news.ErrInvalidInput)
		}
		return raw, nil
	}
	dec, err := decompressor(kind, bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w: %w", name, kind, err, news.ErrInvalidInput)
	}
	defer dec.Close()
	br := bufio.NewReaderSize(dec, 4096)
	if head, _ := br.Peek(512); Layers(head) {
		return nil, fmt.Errorf("%s: an archive inside an archive is not opened: %w", name, news.ErrInvalidInput)
	}
	return readFile(name, br, max)
}

// skipMember leaves out hidden files and the metadata macOS and archivers
// add (a directory walk skips hidden files the same way).
func skipMember(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." || part == "__MACOSX" {
			return true
		}
	}
	return false
}

// readFile reads one file up to max bytes; a longer file fails with
// news.ErrTooLarge after max+1 bytes, unread beyond (a tar walk skips the
// rest of the member itself, a ZIP member is a stream of its own).
func readFile(name string, r io.Reader, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readError(name, err)
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%s: larger than the %d-byte limit: %w", name, max, news.ErrTooLarge)
	}
	return raw, nil
}

// fatal reports whether a file's read error ends the walk: anything but
// the one file being over its own limit.
func fatal(err error) bool {
	return err != nil && (errors.Is(err, errTotal) || !errors.Is(err, news.ErrTooLarge))
}

// errTotal marks the end of a walk at Limits.TotalBytes.
var errTotal = errors.New("decompressed input exceeds the total limit")

func readError(name string, err error) error {
	if errors.Is(err, errTotal) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%s: truncated archive or compressed stream: %w", name, news.ErrInvalidInput)
	}
	return fmt.Errorf("%s: %w: %w", name, err, news.ErrInvalidInput)
}

// capped fails reads past its byte budget with errTotal.
type capped struct {
	r     io.Reader
	left  int64
	name  string
	limit int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Exactly at the limit is fine when the stream ends there.
		var one [1]byte
		if n, err := c.r.Read(one[:]); n == 0 && err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("%s: %w of %d bytes: %w", c.name, errTotal, c.limit, news.ErrTooLarge)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}
