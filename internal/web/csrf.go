package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"

	"github.com/parallax-news/parallax/internal/news"
)

const csrfCookie = "parallax_csrf"

// csrfToken returns the request's CSRF token, setting the cookie when the
// browser has none yet (double-submit: forms echo it in a hidden field).
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return token
}

// checkForm rejects cross-site form posts: the browser's Sec-Fetch-Site and
// Origin must say same origin, and the form must echo the cookie's token.
func checkForm(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return fmt.Errorf("cross-site form post (%s): %w", site, news.ErrUnauthorized)
	}
	if origin := r.Header.Get("Origin"); origin != "" {
		u, err := url.Parse(origin)
		if err != nil || u.Host != r.Host {
			return fmt.Errorf("form posted from origin %q: %w", origin, news.ErrUnauthorized)
		}
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || c.Value == "" {
		return fmt.Errorf("form without CSRF cookie: %w", news.ErrUnauthorized)
	}
	if subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) != 1 {
		return fmt.Errorf("form with wrong CSRF token: %w", news.ErrUnauthorized)
	}
	return nil
}
