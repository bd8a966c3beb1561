package feed

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestOPMLRoundTrip(t *testing.T) {
	subs, err := ParseOPML(mustRead(t, filepath.Join("testdata", "subscriptions.opml")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://a.example/feed.xml", Title: "Outlet A", HTMLURL: "https://a.example/", Category: "World/Europe"},
		{URL: "https://b.example/rss", Title: "Outlet B", Category: "World"},
		{URL: "https://c.example/atom", Title: "Top level"},
	}
	if len(subs) != len(want) {
		t.Fatalf("got %d subscriptions: %+v", len(subs), subs)
	}
	for i := range want {
		if subs[i] != want[i] {
			t.Errorf("sub %d = %+v, want %+v", i, subs[i], want[i])
		}
	}

	var buf bytes.Buffer
	if err := WriteOPML(&buf, "Parallax feeds", time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC), subs); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "export.opml.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if wantOut := mustRead(t, golden); !bytes.Equal(buf.Bytes(), wantOut) {
		t.Errorf("export differs from %s (run with -update):\n%s", golden, buf.Bytes())
	}
	again, err := ParseOPML(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if again[i] != want[i] {
			t.Errorf("round trip sub %d = %+v, want %+v", i, again[i], want[i])
		}
	}
}

func TestParseOPMLErrors(t *testing.T) {
	deep := bytes.Repeat([]byte(`<outline text="x">`), maxOutlineDepth+5)
	doc := append([]byte(`<opml version="2.0"><body>`), deep...)
	doc = append(doc, bytes.Repeat([]byte(`</outline>`), maxOutlineDepth+5)...)
	doc = append(doc, []byte(`</body></opml>`)...)
	if _, err := ParseOPML(doc); err == nil {
		t.Error("deep nesting accepted")
	}
	if _, err := ParseOPML([]byte("not xml at all <")); err == nil {
		t.Error("garbage accepted")
	}
	latin := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf\xe9\" xmlUrl=\"https://x.example/\"/></body></opml>")
	subs, err := ParseOPML(latin)
	if err != nil || len(subs) != 1 || subs[0].Title != "Café" {
		t.Errorf("latin-1 opml: %+v, %v", subs, err)
	}
}

func FuzzParseOPML(f *testing.F) {
	f.Add(mustRead(f, filepath.Join("testdata", "subscriptions.opml")))
	f.Fuzz(func(t *testing.T, data []byte) {
		ParseOPML(data)
	})
}
