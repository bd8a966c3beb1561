package httpapi_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/parallax-news/parallax/internal/httpapi"
)

func TestUpload(t *testing.T) {
	srv := newServer(t, "")
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for _, f := range [][2]string{{"a.txt", "First article text, long enough."}, {"bad.bin", "\x00\x01\x02"}, {"b.txt", "Second article text, long enough."}} {
		tw.WriteHeader(&tar.Header{Name: f[0], Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(f[1]))})
		tw.Write([]byte(f[1]))
	}
	tw.Close()
	zw.Close()
	post := func(query string, body []byte) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Post(srv.URL+httpapi.Prefix+"/upload"+query, "application/octet-stream", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		return resp, buf.Bytes()
	}
	resp, body := post("?name=batch.tar.gz", b.Bytes())
	var res httpapi.UploadResult
	if err := json.Unmarshal(body, &res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, body %s", resp.StatusCode, body)
	}
	var got []string
	for _, it := range res.Items {
		got = append(got, it.Source+" "+it.Status)
	}
	want := []string{"upload/batch.tar.gz/a.txt ingested", "upload/batch.tar.gz/bad.bin failed", "upload/batch.tar.gz/b.txt ingested"}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || res.Error != "" {
		t.Errorf("items %q (error %q), want %q", got, res.Error, want)
	}
	for _, tt := range []struct {
		query string
		body  []byte
		want  int
	}{
		{"", b.Bytes(), 400},
		{"?name=cut.tar.gz", b.Bytes()[:20], 400},
		{"?name=big.txt", bytes.Repeat([]byte("x"), 5000), 413},
	} {
		if resp, body := post(tt.query, tt.body); resp.StatusCode != tt.want {
			t.Errorf("upload%s: status %d, want %d (%s)", tt.query, resp.StatusCode, tt.want, body)
		}
	}
}
