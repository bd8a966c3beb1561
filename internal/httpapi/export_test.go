package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestExportEndpoint(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		name, query string
		status      int
		ctype       string
		rows        int // data rows
	}{
		{"stories as JSON Lines", "/export/stories", 200, "application/x-ndjson", 1},
		{"mentions as CSV", "/export/mentions?format=csv", 200, "text/csv; charset=utf-8", 2},
		{"outlet filter", "/export/articles?format=csv&outlet=B", 200, "text/csv; charset=utf-8", 1},
		{"claims of the story", "/export/claims", 200, "application/x-ndjson", -1},
		{"unknown table", "/export/nope", 400, "application/problem+json", 0},
		{"unknown format", "/export/articles?format=xml", 400, "application/problem+json", 0},
		{"bad date", "/export/articles?from=yesterday", 400, "application/problem+json", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "GET", srv.URL+"/api/v1"+tt.query, "", "")
			if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != tt.ctype {
				t.Fatalf("%s: %d %q, want %d %q: %s", tt.query, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.ctype, body)
			}
			if tt.status != 200 {
				if resp.Header.Get("Content-Disposition") != "" {
					t.Errorf("a problem response carries Content-Disposition %q", resp.Header.Get("Content-Disposition"))
				}
				return
			}
			if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment; filename=\"parallax-") {
				t.Errorf("Content-Disposition = %q", resp.Header.Get("Content-Disposition"))
			}
			var n int
			if strings.Contains(tt.query, "format=csv") {
				rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
				if err != nil {
					t.Fatalf("CSV: %v", err)
				}
				n = len(rows) - 1
			} else {
				for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
					if !json.Valid([]byte(line)) {
						t.Fatalf("not JSON: %q", line)
					}
					n++
				}
			}
			if tt.rows >= 0 && n != tt.rows {
				t.Errorf("%d rows, want %d:\n%s", n, tt.rows, body)
			}
		})
	}
}
