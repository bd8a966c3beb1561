package feed

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	at := func(s string) time.Time {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	tests := []struct {
		file, feedURL string
		wantTitle     string
		wantTTL       time.Duration
		want          []Item
		wantKeys      []string
	}{
		{
			file: "rss2.xml", feedURL: "https://news.example.com/rss", wantTitle: "Example News", wantTTL: 45 * time.Minute,
			want: []Item{
				{GUID: "item-1", URL: "https://news.example.com/2024/11/25/shoigu-kabul?utm_source=rss", Title: "Shoigu visits Kabul",
					Published: at("2024-11-25T10:30:00Z"), Author: "Jane Roe", Content: "<p>Full text of the article.</p>", Summary: "Short summary."},
				{URL: "https://News.Example.com/b#comments", Title: "No GUID", Published: at("2024-11-26T08:00:00Z")},
			},
			wantKeys: []string{"item-1", "https://news.example.com/b"},
		},
		{
			file: "atom.xml", wantTitle: "Atom Outlet",
			want: []Item{{GUID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", URL: "https://atom.example.org/one", Title: "Entry one",
				Published: at("2024-11-25T06:00:00Z"), Updated: at("2024-11-25T11:00:00Z"), Author: "John Doe",
				Content: "<p>Atom content</p>", Summary: "Atom summary"}},
		},
		{
			file: "feed.json", wantTitle: "JSON Outlet",
			want: []Item{{GUID: "j1", URL: "https://json.example.net/j1", Title: "JSON item", Published: at("2024-11-25T10:00:00Z"),
				Author: "Ann Lee", Content: "<p>JSON content</p>", Summary: "JSON summary"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(mustRead(t, filepath.Join("testdata", tt.file)), tt.feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.wantTitle || f.TTL != tt.wantTTL {
				t.Errorf("title %q ttl %s", f.Title, f.TTL)
			}
			if len(f.Items) != len(tt.want) {
				t.Fatalf("%d items, want %d", len(f.Items), len(tt.want))
			}
			for i, want := range tt.want {
				got := f.Items[i]
				if !got.Published.Equal(want.Published) || !got.Updated.Equal(want.Updated) {
					t.Errorf("item %d times %v %v, want %v %v", i, got.Published, got.Updated, want.Published, want.Updated)
				}
				got.Published, got.Updated, want.Published, want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
				if got != want {
					t.Errorf("item %d\n got %+v\nwant %+v", i, got, want)
				}
			}
			for i, key := range tt.wantKeys {
				if got := f.Items[i].Key(); got != key {
					t.Errorf("item %d key %q, want %q", i, got, key)
				}
			}
		})
	}
}

func TestParseRefusesEntities(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`
	if _, err := Parse([]byte(laughs), ""); !errors.Is(err, ErrEntityDeclaration) || !errors.Is(err, news.ErrInvalidInput) {
		t.Errorf("error = %v, want ErrEntityDeclaration", err)
	}
	if _, err := ParseOPML([]byte(strings.Replace(laughs, "rss", "opml", -1))); !errors.Is(err, ErrEntityDeclaration) {
		t.Errorf("opml error = %v, want ErrEntityDeclaration", err)
	}
	huge := make([]byte, MaxFeedBytes+1)
	if _, err := Parse(huge, ""); !errors.Is(err, news.ErrTooLarge) {
		t.Errorf("huge feed error = %v", err)
	}
	if _, err := Parse([]byte("<html><body>not a feed</body></html>"), ""); !errors.Is(err, news.ErrInvalidInput) {
		t.Errorf("html error = %v", err)
	}
}

// gofeedFixtures extracts the feed inputs of gofeed's parser test suite.
func gofeedFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	path := os.Getenv("PARALLAX_GOFEED_TESTDATA")
	if path == "" {
		path = "/work/shared/data/gofeed-testdata/testdata.tar.gz"
	}
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gofeed fixtures: %v", err)
		}
		t.Skipf("gofeed fixtures not available (set PARALLAX_GOFEED_TESTDATA): %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(h.Name, "testdata/parser/") || h.Typeflag != tar.TypeReg {
			continue
		}
		isInput := strings.HasSuffix(h.Name, ".xml") || (strings.Contains(h.Name, "/json/") && strings.HasSuffix(h.Name, ".json"))
		if !isInput || (strings.HasSuffix(h.Name, ".json") && !strings.Contains(h.Name, "parser/json/")) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name] = b
	}
	return out
}

// TestParseGofeedCorpus runs every input of gofeed's own parser suite: none
// may panic and nearly all must parse.
func TestParseGofeedCorpus(t *testing.T) {
	fixtures := gofeedFixtures(t)
	if len(fixtures) < 100 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	failed := 0
	for name, data := range fixtures {
		if _, err := Parse(data, "https://example.com/feed"); err != nil {
			failed++
			t.Logf("%s: %v", name, err)
		}
	}
	if rate := float64(failed) / float64(len(fixtures)); rate > 0.05 {
		t.Errorf("%d of %d fixtures failed", failed, len(fixtures))
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "feed.json"} {
		f.Add(mustRead(f, filepath.Join("testdata", name)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://example.com/")
		if err == nil && feed == nil {
			t.Fatal("nil feed without error")
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := mustRead(b, filepath.Join("testdata", "rss2.xml"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
