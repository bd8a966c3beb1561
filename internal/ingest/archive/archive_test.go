package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/parallax-news/parallax/internal/news"
)

var lim = Limits{FileBytes: 1 << 10, TotalBytes: 1 << 20}

type entry struct{ name, body string }

func tarOf(t *testing.T, entries ...entry) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, e := range entries {
		if strings.HasSuffix(e.name, "/") {
			if err := tw.WriteHeader(&tar.Header{Name: e.name, Typeflag: tar.TypeDir, Mode: 0o755}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(e.body))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zipOf(t *testing.T, entries ...entry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gz(t *testing.T, raw []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zst(t *testing.T, raw []byte) []byte {
	t.Helper()
	w, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	return w.EncodeAll(raw, nil)
}

// walked is a walk's files as "name=body" or "name!error", and its error.
func walked(name string, r io.Reader, l Limits) ([]string, error) {
	var got []string
	err := Walk(name, r, l, func(f File) bool {
		if f.Err != nil {
			got = append(got, f.Name+"!"+f.Err.Error())
		} else {
			got = append(got, f.Name+"="+string(f.Raw))
		}
		return true
	})
	return got, err
}

func TestWalk(t *testing.T) {
	bz2, err := os.ReadFile("testdata/article.txt.bz2")
	if err != nil {
		t.Fatal(err)
	}
	corpus := tarOf(t, entry{"bbc/", ""}, entry{"bbc/a.txt", "first"}, entry{"bbc/.hidden", "x"},
		entry{"bbc/b.txt", "second"}, entry{"__MACOSX/._a.txt", "meta"})
	tests := []struct {
		name string
		raw  []byte
		want []string
	}{
		{"plain.txt", []byte("just text"), []string{"plain.txt=just text"}},
		{"a.html.gz", gz(t, []byte("<html>page</html>")), []string{"a.html.gz=<html>page</html>"}},
		{"a.txt.bz2", bz2, []string{"a.txt.bz2=Title line\n\nA bzip2 compressed article body.\n"}},
		{"a.jsonl.zst", zst(t, []byte(`{"text":"x"}`+"\n")), []string{"a.jsonl.zst=" + `{"text":"x"}` + "\n"}},
		{"c.tar", corpus, []string{"c.tar/bbc/a.txt=first", "c.tar/bbc/b.txt=second"}},
		{"c.tar.gz", gz(t, corpus), []string{"c.tar.gz/bbc/a.txt=first", "c.tar.gz/bbc/b.txt=second"}},
		{"c.tar.gz.gz", gz(t, gz(t, corpus)), []string{"c.tar.gz.gz/bbc/a.txt=first", "c.tar.gz.gz/bbc/b.txt=second"}},
		{"c.zip", zipOf(t, entry{"x/one.html", "<p>1</p>"}, entry{"x/.DS_Store", "junk"}, entry{"../two.txt", "2"}),
			[]string{"c.zip/x/one.html=<p>1</p>", "c.zip/two.txt=2"}},
		{"c.zip.gz", gz(t, zipOf(t, entry{"one.txt", "1"})), []string{"c.zip.gz/one.txt=1"}},
		{"pages.zip", zipOf(t, entry{"a.html.gz", string(gz(t, []byte("<p>A</p>")))}, entry{"b.txt.zst", string(zst(t, []byte("B")))}),
			[]string{"pages.zip/a.html.gz=<p>A</p>", "pages.zip/b.txt.zst=B"}},
		{"nested.tar", tarOf(t, entry{"in.tar.gz", string(gz(t, tarOf(t, entry{"x", "1"})))}, entry{"in.zip", string(zipOf(t, entry{"y", "2"}))}, entry{"ok.txt", "3"}),
			[]string{"nested.tar/in.tar.gz!nested.tar/in.tar.gz: an archive inside an archive is not opened: invalid input",
				"nested.tar/in.zip!nested.tar/in.zip: an archive inside an archive is not opened: invalid input", "nested.tar/ok.txt=3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := walked(tt.name, bytes.NewReader(tt.raw), lim)
			if err != nil {
				t.Fatalf("Walk: %v", err)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("files\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A zip read through an *os.File is opened in place (ReadAt), not copied.
func TestWalkZipFile(t *testing.T) {
	p := t.TempDir() + "/c.zip"
	if err := os.WriteFile(p, zipOf(t, entry{"a.txt", "A"}, entry{"b.txt", "B"}), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := walked("c.zip", f, lim)
	if err != nil || strings.Join(got, "|") != "c.zip/a.txt=A|c.zip/b.txt=B" {
		t.Fatalf("got %q, %v", got, err)
	}
}

// One oversized member fails alone; the members around it still come.
func TestWalkOversizedMember(t *testing.T) {
	big := strings.Repeat("x", int(lim.FileBytes)+1)
	for name, raw := range map[string][]byte{
		"c.tar.gz": gz(t, tarOf(t, entry{"a.txt", "A"}, entry{"big.txt", big}, entry{"c.txt", "C"})),
		"c.zip":    zipOf(t, entry{"a.txt", "A"}, entry{"big.txt", big}, entry{"c.txt", "C"}),
	} {
		var names []string
		err := Walk(name, bytes.NewReader(raw), lim, func(f File) bool {
			names = append(names, f.Name)
			if strings.HasSuffix(f.Name, "big.txt") != (f.Err != nil) {
				t.Errorf("%s: err %v", f.Name, f.Err)
			}
			if f.Err != nil && !errors.Is(f.Err, news.ErrTooLarge) {
				t.Errorf("%s: %v is not ErrTooLarge", f.Name, f.Err)
			}
			return true
		})
		if err != nil || len(names) != 3 {
			t.Errorf("%s: walked %q, %v", name, names, err)
		}
	}
	got, err := walked("big.txt.gz", bytes.NewReader(gz(t, []byte(big))), lim)
	if err != nil || len(got) != 1 || !strings.Contains(got[0], "larger than the 1024-byte limit") {
		t.Errorf("plain oversized: %q, %v", got, err)
	}
}

// A gzip bomb stops at the total limit with ErrTooLarge instead of
// inflating: 64 MiB of zeros (64 KiB compressed) against a 1 MiB budget.
func TestWalkBomb(t *testing.T) {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 {
		w.Write(zeros)
	}
	w.Close()
	bomb := b.Bytes()
	inTar := gz(t, tarOf(t, entry{"a.txt", "A"}, entry{"b.txt", strings.Repeat("y", 900)},
		entry{"c.txt", strings.Repeat("z", 900)}))
	for name, tc := range map[string]struct {
		raw []byte
		l   Limits
	}{
		"bomb.gz":    {bomb, Limits{FileBytes: 10 << 20, TotalBytes: 1 << 20}},
		"bomb.gz.gz": {gz(t, bomb), Limits{FileBytes: 10 << 20, TotalBytes: 1 << 20}},
		"c.tar.gz":   {inTar, Limits{FileBytes: 1 << 10, TotalBytes: 2 << 10}},
	} {
		files, err := walked(name, bytes.NewReader(tc.raw), tc.l)
		if !errors.Is(err, news.ErrTooLarge) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v (files %d), want ErrTooLarge naming the input", name, err, len(files))
		}
	}
}

func TestWalkBroken(t *testing.T) {
	good := gz(t, tarOf(t, entry{"a.txt", strings.Repeat("A", 600)}, entry{"b.txt", "B"}))
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"cut.tar.gz", good[:len(good)/2], "truncated"},
		{"bad.gz", append([]byte{0x1F, 0x8B}, "not really gzip"...), "bad.gz: gzip"},
		{"bad.zip", []byte("PK\x03\x04 not a zip at all"), "bad.zip: zip"},
		{"deep.gz", gz(t, gz(t, gz(t, gz(t, []byte("x"))))), "more than 3 compression layers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := walked(tt.name, bytes.NewReader(tt.raw), lim)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, news.ErrInvalidInput) {
				t.Fatalf("err = %v, want ErrInvalidInput containing %q", err, tt.want)
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	n := 0
	raw := tarOf(t, entry{"a", "1"}, entry{"b", "2"}, entry{"c", "3"})
	err := Walk("c.tar", bytes.NewReader(raw), lim, func(File) bool { n++; return n < 2 })
	if err != nil || n != 2 {
		t.Fatalf("n = %d, err = %v", n, err)
	}
}

func TestLayers(t *testing.T) {
	for _, tt := range []struct {
		raw  []byte
		want bool
	}{
		{[]byte("plain text"), false},
		{[]byte("BZh is how this sentence starts"), false},
		{gz(t, []byte("x")), true},
		{tarOf(t, entry{"a", "1"}), true},
		{zipOf(t, entry{"a", "1"}), true},
	} {
		if got := Layers(tt.raw); got != tt.want {
			t.Errorf("Layers(%q...) = %v", tt.raw[:min(8, len(tt.raw))], got)
		}
	}
}

func FuzzWalk(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte{0x1F, 0x8B, 8, 0, 0, 0, 0, 0})
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		_ = Walk("fuzz", bytes.NewReader(raw), Limits{FileBytes: 1 << 16, TotalBytes: 1 << 20}, func(f File) bool {
			if f.Err == nil && int64(len(f.Raw)) > 1<<16 {
				t.Fatalf("%s: %d bytes over the file limit", f.Name, len(f.Raw))
			}
			return true
		})
	})
}
