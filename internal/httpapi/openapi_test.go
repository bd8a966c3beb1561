package httpapi_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/httpapi"
)

type openAPIDoc struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type schema struct {
	Ref        string            `json:"$ref"`
	AllOf      []schema          `json:"allOf"`
	Required   []string          `json:"required"`
	Properties map[string]schema `json:"properties"`
	Items      *schema           `json:"items"`
}

type operation struct {
	Responses map[string]struct {
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func loadDoc(t *testing.T, url string) openAPIDoc {
	t.Helper()
	resp, body := do(t, "GET", url+"/api/v1/openapi.json", "", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("openapi.json: %d", resp.StatusCode)
	}
	var doc openAPIDoc
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestOpenAPIMatchesRoutes fails on a route the document lacks or a
// documented operation no route serves.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	srv := newServer(t, "")
	doc := loadDoc(t, srv.URL)
	routes := map[string]bool{}
	for _, rt := range httpapi.NewAPI(httpapi.Config{}, nil).Routes() {
		if rt.Method == "" {
			continue // the catch-all that answers unknown API paths with 404
		}
		routes[strings.ToLower(rt.Method)+" "+strings.TrimPrefix(rt.Pattern, httpapi.Prefix)] = true
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			documented[method+" "+path] = true
		}
	}
	var missing, extra []string
	for r := range routes {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	for d := range documented {
		if !routes[d] {
			extra = append(extra, d)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("routes not documented: %v; documented but not routed: %v", missing, extra)
	}
}

// TestResponsesHaveRequiredFields checks live responses against the
// required fields of their documented schemas, following $ref and allOf
// into objects and array items.
func TestResponsesHaveRequiredFields(t *testing.T) {
	srv := newServer(t, "")
	doc := loadDoc(t, srv.URL)
	tests := []struct{ path, docPath string }{
		{"/stories", "/stories"},
		{"/stories/1", "/stories/{id}"},
		{"/articles", "/articles"},
		{"/articles/1", "/articles/{id}"},
		{"/entities/per:sergei_shoigu", "/entities/{id}"},
		{"/search?q=kabul", "/search"},
		{"/feeds", "/feeds"},
		{"/stories/999", "/stories/{id}"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := do(t, "GET", srv.URL+httpapi.Prefix+tt.path, "", "")
			var op operation
			if err := json.Unmarshal(doc.Paths[tt.docPath]["get"], &op); err != nil {
				t.Fatal(err)
			}
			documented, ok := op.Responses[itoa(resp.StatusCode)]
			if !ok {
				t.Fatalf("status %d not documented for %s", resp.StatusCode, tt.docPath)
			}
			ct := strings.Split(resp.Header.Get("Content-Type"), ";")[0]
			media, ok := documented.Content[ct]
			if !ok {
				t.Fatalf("content type %q not documented", ct)
			}
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatal(err)
			}
			checkRequired(t, doc, media.Schema, v, "$")
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func checkRequired(t *testing.T, doc openAPIDoc, s schema, v any, at string) {
	t.Helper()
	if s.Ref != "" {
		name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
		ref, ok := doc.Components.Schemas[name]
		if !ok {
			t.Fatalf("%s: unknown schema %s", at, s.Ref)
		}
		checkRequired(t, doc, ref, v, at)
		return
	}
	for _, part := range s.AllOf {
		checkRequired(t, doc, part, v, at)
	}
	switch val := v.(type) {
	case map[string]any:
		for _, field := range s.Required {
			if _, ok := val[field]; !ok {
				t.Errorf("%s: required field %q missing", at, field)
			}
		}
		for name, prop := range s.Properties {
			if sub, ok := val[name]; ok && sub != nil {
				checkRequired(t, doc, prop, sub, at+"."+name)
			}
		}
	case []any:
		if s.Items != nil {
			for i, item := range val {
				checkRequired(t, doc, *s.Items, item, at+"["+itoa(i)+"]")
			}
		}
	}
}
