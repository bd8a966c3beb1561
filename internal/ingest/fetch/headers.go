package fetch

import (
	"bytes"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// maxRetryAfter caps what a server may ask us to wait.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads delay-seconds or an HTTP date relative to now.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		d = time.Duration(max(secs, 0)) * time.Second
		if secs > int64(maxRetryAfter/time.Second) {
			d = maxRetryAfter
		}
	} else if at, err := http.ParseTime(v); err == nil {
		d = max(at.Sub(now), 0)
	}
	return min(d, maxRetryAfter)
}

// parseMaxAge reads Cache-Control max-age; no-store and no-cache give 0.
func parseMaxAge(v string) time.Duration {
	var age time.Duration
	for part := range strings.SplitSeq(v, ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch strings.ToLower(name) {
		case "no-store", "no-cache":
			return 0
		case "max-age":
			if secs, err := strconv.ParseInt(strings.Trim(value, `"`), 10, 64); err == nil && secs > 0 {
				age = time.Duration(secs) * time.Second
			}
		}
	}
	return age
}

// metaCharset finds <meta charset=...> and the http-equiv Content-Type
// form; pages often put it after the first 1024 bytes that the HTML
// standard's prescan reads, so we look further.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._:-]+)["']`)

// detectType returns the media type and the character encoding of body:
// byte order mark, then the Content-Type charset, then the XML declaration
// or HTML <meta>, then UTF-8 when the bytes are valid UTF-8, else
// windows-1252 (what browsers assume).
func detectType(body []byte, header string) (mediaType, charsetName string) {
	mediaType, params, err := mime.ParseMediaType(header)
	if err != nil || mediaType == "" {
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	mediaType = strings.ToLower(mediaType)
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return mediaType, "utf-8"
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return mediaType, "utf-16be"
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return mediaType, "utf-16le"
	}
	if name := canonicalCharset(params["charset"]); name != "" {
		return mediaType, name
	}
	head := body[:min(len(body), 1024)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if name := canonicalCharset(string(m[1])); name != "" {
			return mediaType, name
		}
	}
	if strings.Contains(mediaType, "html") {
		if m := metaCharset.FindSubmatch(body[:min(len(body), 8192)]); m != nil {
			if name := canonicalCharset(string(m[1])); name != "" {
				return mediaType, name
			}
		}
	}
	if utf8.Valid(body) {
		return mediaType, "utf-8"
	}
	return mediaType, "windows-1252"
}

func canonicalCharset(label string) string {
	label = strings.TrimSpace(label)
	if label == "" {
		return ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return ""
	}
	return name
}

// UTF8 returns Body decoded from Charset to UTF-8 (invalid sequences become
// U+FFFD), without a byte order mark.
func (r *Response) UTF8() []byte {
	if r.Charset == "" || r.Charset == "utf-8" {
		return bytes.ToValidUTF8(stripBOM(r.Body), []byte("\uFFFD"))
	}
	enc, err := htmlindex.Get(r.Charset)
	if err != nil {
		return bytes.ToValidUTF8(r.Body, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(r.Body)
	if err != nil {
		return bytes.ToValidUTF8(r.Body, []byte("\uFFFD"))
	}
	return stripBOM(out)
}

// productToken is the robots.txt name of a User-Agent: "Parallax/0.1 (...)"
// is "parallax".
func productToken(userAgent string) string {
	token, _, _ := strings.Cut(strings.TrimSpace(userAgent), "/")
	token, _, _ = strings.Cut(token, " ")
	return strings.ToLower(token)
}
