package text

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/ingest/decode"
	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestGolden runs every testdata/<name>.txt through ExtractBytes and
// compares the article with testdata/<name>.golden.json.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 20 {
		t.Fatalf("found %d fixtures, want at least 20", len(inputs))
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			art, err := ExtractBytes(name+".txt", raw, Options{})
			if err != nil {
				t.Fatalf("ExtractBytes: %v", err)
			}
			decoded, _, err := decode.Text(name, raw, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkOutput(t, decoded, art.Text)
			checkMetadata(t, decoded, art)
			got, err := json.MarshalIndent(art, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s mismatch (-want +got):\n%s", golden, cmp.Diff(string(want), string(got)))
			}
		})
	}
}

// checkOutput asserts the cleaner's contract on one output: valid UTF-8,
// paragraphs separated by one blank line, no trailing spaces, and every
// paragraph (so every sentence) present in the input up to whitespace.
func checkOutput(t *testing.T, input, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8: %q", out)
	}
	if out == "" {
		return
	}
	flatInput := collapseSpace(strings.ToValidUTF8(input, "\uFFFD"))
	for _, para := range strings.Split(out, "\n\n") {
		if para == "" || strings.Contains(para, "\n") {
			t.Errorf("paragraph is empty or holds a line break: %q", para)
		}
		if trimSpace(para) != para {
			t.Errorf("paragraph has surrounding spaces: %q", para)
		}
		if !strings.Contains(flatInput, collapseSpace(para)) {
			t.Errorf("output paragraph not in input: %q", para)
		}
	}
}

// checkMetadata asserts that title, byline and outlet are read from the
// input, never made up: each is in the input as written.
func checkMetadata(t *testing.T, input string, art news.Article) {
	t.Helper()
	flatInput := collapseSpace(strings.ToValidUTF8(input, "\uFFFD"))
	for field, p := range map[string]*string{"title": art.Title, "byline": art.Byline, "outlet": art.Outlet} {
		if p == nil {
			continue
		}
		if *p == "" || !utf8.ValidString(*p) || !strings.Contains(flatInput, collapseSpace(*p)) {
			t.Errorf("%s %q is not in the input", field, *p)
		}
	}
}

func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpaceLike), " ")
}

func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, s := range seeds {
		if raw, err := os.ReadFile(s); err == nil && utf8.Valid(raw) {
			f.Add(string(raw))
		}
	}
	f.Add("Title here\n\nBy Jane Doe November 27, 2024\n\nNone\n\nBody text.\nThe post T appeared first on O.")
	f.Add("Updated 3 hours ago\r\nx\n\n\n")
	f.Fuzz(func(t *testing.T, input string) {
		art := Extract("fuzz", input, Options{})
		checkOutput(t, input, art.Text)
		checkMetadata(t, input, art)
		if art.Language != nil && !utf8.ValidString(*art.Language) {
			t.Fatalf("invalid UTF-8 in language %q", *art.Language)
		}
	})
}

// BenchmarkExtract reports throughput over the fixtures: files/s and MB/s.
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var files [][]byte
	var total int64
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, raw)
		total += int64(len(raw))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i, raw := range files {
			if _, err := ExtractBytes(paths[i], raw, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(files))/b.Elapsed().Seconds(), "files/s")
}
