package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/httpapi"
)

const hostileTitle = `<script>alert("t")</script><img src=x onerror=alert(1)>`

const hostileText = `Shoigu said on Monday: "We </mark><script>alert(2)</script> support Kabul." ` +
	`<a href="javascript:alert(3)" onmouseover="alert(4)">click</a> <svg onload=alert(5)></svg> ` +
	`Officials in Moscow said 12 people attended the meeting in Kabul on Tuesday.`

// inert fails on any script element, event-handler attribute or
// javascript: URL in a page.
func inert(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return
		}
		tok := z.Token()
		if tok.Type != html.StartTagToken && tok.Type != html.SelfClosingTagToken {
			continue
		}
		if tok.Data == "script" || tok.Data == "svg" || tok.Data == "img" {
			t.Errorf("hostile element <%s> rendered", tok.Data)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler %s=%q on <%s>", a.Key, a.Val, tok.Data)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("javascript URL in %s on <%s>", a.Key, tok.Data)
			}
		}
	}
}

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestHostileArticleIsInert(t *testing.T) {
	srv := startDemo(t, "")
	res, err := srv.Svc.IngestInput(context.Background(), httpapi.IngestRequest{Text: hostileText, Title: hostileTitle, Outlet: `javascript:alert(6)`, PublishedAt: "2024-11-26"})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(res.ArticleID, 10)
	a, err := srv.Svc.Article(context.Background(), res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/articles/" + id, "/search?q=" + url.QueryEscape("kabul"), "/search?q=" + url.QueryEscape(hostileTitle), "/"}
	if a.StoryID != 0 {
		pages = append(pages, "/stories/"+strconv.FormatInt(a.StoryID, 10))
	}
	for _, e := range a.Annotations.Entities {
		pages = append(pages, "/entities/"+url.PathEscape(e.ID))
	}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			resp, body := get(t, srv.URL+p)
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d", resp.StatusCode)
			}
			inert(t, body)
		})
	}
	_, body := get(t, srv.URL+"/articles/"+id)
	if !strings.Contains(body, "&lt;/mark&gt;&lt;script&gt;") {
		t.Errorf("escaped text missing from the article page")
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := startDemo(t, "")
	resp, _ := get(t, srv.URL+"/")
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "script-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") == "" {
		t.Errorf("headers %v", resp.Header)
	}
}

// csrfSession fetches a form page and returns the cookie jar client and
// the form's CSRF token.
func csrfSession(t *testing.T, base string) (*http.Client, string) {
	t.Helper()
	c := &http.Client{Jar: newJar(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(base + "/add")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	_, rest, ok := strings.Cut(string(b), `name="csrf" value="`)
	if !ok {
		t.Fatal("no csrf field on /add")
	}
	token, _, _ := strings.Cut(rest, `"`)
	return c, token
}

func TestFormGuards(t *testing.T) {
	srv := startDemo(t, "")
	withToken := startDemo(t, "s3cret")
	tests := []struct {
		name    string
		base    string
		csrf    func(real string) string
		headers map[string]string
		token   string
		want    int
	}{
		{"valid", srv.URL, same, nil, "", http.StatusSeeOther},
		{"wrong csrf", srv.URL, func(string) string { return "forged" }, nil, "", http.StatusUnauthorized},
		{"cross-site fetch", srv.URL, same, map[string]string{"Sec-Fetch-Site": "cross-site"}, "", http.StatusUnauthorized},
		{"foreign origin", srv.URL, same, map[string]string{"Origin": "https://evil.example"}, "", http.StatusUnauthorized},
		{"token required", withToken.URL, same, nil, "", http.StatusUnauthorized},
		{"token given", withToken.URL, same, nil, "s3cret", http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, real := csrfSession(t, tt.base)
			form := url.Values{"csrf": {tt.csrf(real)}, "text": {"A short pasted note about Kabul."}, "title": {"Guard " + tt.name}, "token": {tt.token}}
			req, _ := http.NewRequest(http.MethodPost, tt.base+"/add", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			checkGuard(t, c, req, tt.headers, tt.want)
			// The upload form is guarded the same way.
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			mw.WriteField("csrf", tt.csrf(real))
			mw.WriteField("token", tt.token)
			fw, _ := mw.CreateFormFile("files", "guard.txt")
			fmt.Fprintf(fw, "Guard upload %s\n\nA short uploaded note about Kabul and its %s guard.\n", tt.name, tt.name)
			mw.Close()
			req, _ = http.NewRequest(http.MethodPost, tt.base+"/upload", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			checkGuard(t, c, req, tt.headers, tt.want)
		})
	}
}

func checkGuard(t *testing.T, c *http.Client, req *http.Request, headers map[string]string, want int) {
	t.Helper()
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != want {
		t.Fatalf("%s: status %d, want %d", req.URL.Path, resp.StatusCode, want)
	}
}

func same(s string) string { return s }
