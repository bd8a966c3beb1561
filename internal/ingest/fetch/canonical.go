package fetch

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// trackingParams are query keys that identify a campaign or click, not a
// page; prefixes end with "_".
var trackingParams = []string{
	"utm_", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
	"yclid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "ocid",
}

func isTracking(key string) bool {
	key = strings.ToLower(key)
	for _, t := range trackingParams {
		if key == t || (strings.HasSuffix(t, "_") && strings.HasPrefix(key, t)) {
			return true
		}
	}
	return false
}

// Canonical returns the form of an absolute http(s) URL used as an identity:
// lower-case scheme and host, no default port, no fragment, no tracking
// parameters (utm_*, fbclid, gclid, ...), query sorted by key, "/" for an
// empty path.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w: %v", raw, news.ErrInvalidInput, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical %q: %w", raw, ErrUnsupportedScheme)
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonical %q: no host: %w", raw, news.ErrInvalidInput)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u.Host = host
	if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	}
	if port != "" {
		u.Host += ":" + port
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

// cleanQuery drops tracking parameters and sorts the rest by key, keeping
// each key's values in their original order and encoding.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if !isTracking(key) {
			kept = append(kept, part)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, _, _ := strings.Cut(kept[i], "=")
		kj, _, _ := strings.Cut(kept[j], "=")
		return ki < kj
	})
	return strings.Join(kept, "&")
}
