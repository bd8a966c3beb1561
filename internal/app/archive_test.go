package app

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const archiveArticle = `Parliament passes the budget

By Jane Doe, March 3, 2024

LONDON - Parliament passed the annual budget on Tuesday after a long debate, the speaker said.

The vote was 320 to 290. "This is a fair budget," the finance minister told reporters.
`

// writeTarGz writes a gzipped tar of name -> body (in the order given).
func writeTarGz(t *testing.T, path string, files ...[2]string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Name: f[0], Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(f[1]))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Archives and compressed files are read like directories: every member is
// its own input, a broken member fails alone, and a corrupt archive is
// reported by name while the other arguments still go through.
func TestIngestArchives(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.tar.gz")
	writeTarGz(t, corpus,
		[2]string{"news/one.txt", archiveArticle},
		[2]string{"news/broken.txt", "\x00\x01\x02\x03\x04\x05\x06\x07 binary junk \x00\x00\x00"},
		[2]string{"news/two.txt", strings.Replace(archiveArticle, "budget", "health bill", -1)},
	)
	var page bytes.Buffer
	zw := gzip.NewWriter(&page)
	zw.Write([]byte("<html><head><title>Storm hits the coast</title></head><body><article><h1>Storm hits the coast</h1>" +
		"<p>A storm hit the northern coast on Monday, cutting power to thousands of homes, officials said.</p>" +
		"<p>Crews worked through the night to restore lines, the utility said in a statement.</p></article></body></html>"))
	zw.Close()
	pageGz := filepath.Join(dir, "storm.html.gz")
	if err := os.WriteFile(pageGz, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.tar.gz")
	raw, _ := os.ReadFile(corpus)
	if err := os.WriteFile(cut, raw[:len(raw)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(dir, "p.db")
	var out, errOut bytes.Buffer
	code := Main(t.Context(), []string{"ingest", corpus, cut, pageGz, "--db", db, "--log-level", "warn"}, strings.NewReader(""), &out, &errOut)
	if code == 0 {
		t.Fatalf("ingest with a broken member and a cut archive exited 0: %s", errOut.String())
	}
	for _, want := range []string{corpus + "/news/broken.txt: binary file", "FAILED " + cut + "/news/one.txt: truncated"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
	for _, want := range []string{corpus + "/news/one.txt", corpus + "/news/two.txt", pageGz} {
		if !strings.Contains(out.String(), "ingested  "+want) {
			t.Errorf("stdout lacks the ingest of %s:\n%s", want, out.String())
		}
	}

	out.Reset()
	errOut.Reset()
	if code := Main(t.Context(), []string{"extract", pageGz, "--json"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("extract %s: exit %d: %s", pageGz, code, errOut.String())
	}
	var a struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Storm hits the coast" || !strings.Contains(a.Text, "Crews worked through the night") {
		t.Errorf("gzipped page extracted as %+v", a)
	}
}
