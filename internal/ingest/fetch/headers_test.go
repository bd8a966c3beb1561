package fetch

import (
	"net/netip"
	"testing"
	"time"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://Example.COM:443/a/b?utm_source=x&b=2&a=1&fbclid=y#top", "https://example.com/a/b?a=1&b=2"},
		{"http://example.com", "http://example.com/"},
		{"http://example.com:8080/x?gclid=1", "http://example.com:8080/x"},
		{"https://example.com/p?z=1&z=0&UTM_medium=m", "https://example.com/p?z=1&z=0"},
		{"https://example.com/caf%C3%A9?q=a%20b", "https://example.com/caf%C3%A9?q=a%20b"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://example.com/", "/relative", "http://%zz"} {
		if _, err := Canonical(bad); err == nil {
			t.Errorf("Canonical(%q) accepted", bad)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 11, 25, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"30", 30 * time.Second},
		{"-5", 0},
		{"Mon, 25 Nov 2024 10:01:30 GMT", 90 * time.Second},
		{"Mon, 25 Nov 2024 09:00:00 GMT", 0},
		{"99999999999", maxRetryAfter},
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseMaxAge(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"max-age=60", time.Minute},
		{"public, MAX-AGE=3600, must-revalidate", time.Hour},
		{"no-store, max-age=60", 0},
		{"max-age=abc", 0},
	}
	for _, tt := range tests {
		if got := parseMaxAge(tt.in); got != tt.want {
			t.Errorf("parseMaxAge(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDetectType(t *testing.T) {
	tests := []struct {
		name, header, body, wantType, wantCharset string
	}{
		{"header charset", "text/html; charset=Shift_JIS", "<p>x</p>", "text/html", "shift_jis"},
		{"meta charset", "text/html", `<html><head><meta charset="iso-8859-2"></head>`, "text/html", "iso-8859-2"},
		{"xml declaration", "application/rss+xml", `<?xml version="1.0" encoding="windows-1251"?><rss/>`, "application/rss+xml", "windows-1251"},
		{"valid utf-8 sniffed", "", "<html><body>café</body></html>", "text/html", "utf-8"},
		{"latin-1 sniffed", "text/plain", "caf\xe9", "text/plain", "windows-1252"},
		{"bom", "text/html; charset=latin1", "\xef\xbb\xbf<p>x</p>", "text/html", "utf-8"},
	}
	for _, tt := range tests {
		gotType, gotCharset := detectType([]byte(tt.body), tt.header)
		if gotType != tt.wantType || gotCharset != tt.wantCharset {
			t.Errorf("%s: got %q %q, want %q %q", tt.name, gotType, gotCharset, tt.wantType, tt.wantCharset)
		}
	}
}

func TestPublicAddr(t *testing.T) {
	tests := map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1::1": true,
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "192.168.0.1": false, "172.16.5.4": false,
		"169.254.169.254": false, "0.0.0.0": false, "::": false, "224.0.0.1": false, "fe80::1": false,
		"fc00::1": false, "100.64.1.1": false, "::ffff:127.0.0.1": false,
	}
	for ip, want := range tests {
		if got := publicAddr(netip.MustParseAddr(ip)); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", ip, got, want)
		}
	}
}

func TestRobotsRules(t *testing.T) {
	const txt = `# comment
User-agent: Googlebot
Disallow: /

User-agent: parallax
User-agent: someone
Disallow: /search
Allow: /search/about$
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: *
Disallow: /tmp/
`
	ours := parseRobots([]byte(txt), "parallax")
	tests := map[string]bool{
		"/": true, "/search": false, "/search?q=x": false, "/search/about": true, "/search/about/x": false,
		"/doc.pdf": false, "/doc.pdf?x": true, "/tmp/x": true, "/robots.txt": true,
	}
	for path, want := range tests {
		if got := ours.allowed(path); got != want {
			t.Errorf("allowed(%q) = %v, want %v", path, got, want)
		}
	}
	if ours.crawlDelay != 2*time.Second {
		t.Errorf("crawl delay = %s", ours.crawlDelay)
	}
	star := parseRobots([]byte(txt), "otherbot")
	if star.allowed("/tmp/x") || !star.allowed("/search") {
		t.Error("otherbot should get the * group")
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /\n"), "/a/b")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		parseRobots(body, "parallax").allowed(path)
	})
}

func FuzzCanonical(f *testing.F) {
	f.Add("https://Example.com/a?utm_source=1&b=2#x")
	f.Fuzz(func(t *testing.T, raw string) {
		once, err := Canonical(raw)
		if err != nil {
			return
		}
		twice, err := Canonical(once)
		if err != nil || twice != once {
			t.Errorf("not idempotent: %q -> %q -> %q (%v)", raw, once, twice, err)
		}
	})
}
