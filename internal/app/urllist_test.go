package app

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadURLList(t *testing.T) {
	tests := []struct {
		name, in  string
		urls, bad []string
	}{
		{"lines", "# from a colleague\nhttps://a.example/1\n\nhttp://b.example/2\nhttps://a.example/1\n",
			[]string{"https://a.example/1", "http://b.example/2"}, nil},
		{"bad line", "https://a.example/1\nnot a url\nftp://x/y\n",
			[]string{"https://a.example/1"}, []string{`line 2: "not a url" is not an http(s) URL`, `line 3: "ftp://x/y" is not an http(s) URL`}},
		{"Media Cloud CSV", "stories_id,publish_date,title,url,language\n1,2024-11-25,\"Shoigu, in Kabul\",https://a.example/s,en\n2,2024-11-26,Other,https://b.example/t,en\n",
			[]string{"https://a.example/s", "https://b.example/t"}, nil},
		{"GDELT TSV", "GLOBALEVENTID\tSQLDATE\tSOURCEURL\n1\t20241125\thttps://a.example/g\n",
			[]string{"https://a.example/g"}, nil},
		{"CSV without a url column is read as lines", "a,b\nhttps://a.example/x\n",
			[]string{"https://a.example/x"}, []string{`line 1: "a,b" is not an http(s) URL`}},
		{"BOM", "\ufeffurl\nhttps://a.example/bom\n", []string{"https://a.example/bom"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			urls, bad, err := readURLList(strings.NewReader(tt.in), 1<<20)
			if err != nil || !slices.Equal(urls, tt.urls) || !slices.Equal(bad, tt.bad) {
				t.Errorf("got %q, bad %q, err %v; want %q, bad %q", urls, bad, err, tt.urls, tt.bad)
			}
		})
	}
	if _, _, err := readURLList(strings.NewReader(strings.Repeat("x", 100)), 10); err == nil {
		t.Error("an oversized list was accepted")
	}
}

// ingest --urls fetches every listed page (here from a local server) and
// reports the lines that are no URL, the rest of the batch going on.
func TestIngestURLList(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article><h1>Page %s</h1><p>The council of Quokkaville met on Monday and approved a plan for the harbour %s, officials said.</p></article></body></html>", r.URL.Path, r.URL.Path, r.URL.Path)
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "export.csv")
	body := fmt.Sprintf("stories_id,url\n1,%s/one\n2,%s/two\n3,nonsense\n", srv.URL, srv.URL)
	if err := os.WriteFile(list, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Main(t.Context(), []string{"ingest", "--urls", list, "--db", filepath.Join(dir, "p.db"), "--allow-private", "--log-level", "warn"}, strings.NewReader(""), &out, &errOut)
	if code == 0 || !strings.Contains(errOut.String(), `line 4: "nonsense" is not an http(s) URL`) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut.String())
	}
	if strings.Count(out.String(), "ingested  "+srv.URL) != 2 {
		t.Errorf("stdout:\n%s", out.String())
	}
	out.Reset()
	errOut.Reset()
	code = Main(t.Context(), []string{"extract", "--urls", "-", "--allow-private"}, strings.NewReader(srv.URL+"/three\n"), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "Page /three") {
		t.Errorf("extract --urls -: exit %d, out %s, err %s", code, out.String(), errOut.String())
	}
}
