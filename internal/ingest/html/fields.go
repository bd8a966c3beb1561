package html

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/abadojack/whatlanggo"

	"github.com/parallax-news/parallax/internal/news"
)

func firstOf(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// siteName is the outlet: og:site_name, JSON-LD publisher, application
// name, else the host without "www.".
func (m *pageMeta) siteName(pageURL string) string {
	if s := cleanText(html.UnescapeString(m.first("og:site_name", "application-name", "publisher", "dc.publisher"))); s != "" {
		return s
	}
	if s := cleanText(m.publisher); s != "" {
		return s
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// published finds the publication time from the most to the least
// explicit source: JSON-LD, article/OpenGraph meta, other date meta,
// itemprop, <time>, then the URL.
func (m *pageMeta) published(pageURL string, now time.Time) *news.Timestamp {
	candidates := []string{
		m.ld("datePublished"),
		m.first("article:published_time", "og:article:published_time", "og:published_time", "datepublished", "date_published",
			"article.published", "article_date_original", "publishdate", "publish-date", "publish_date", "pubdate", "date",
			"dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
			"cxenseparse:recs:publishtime", "originalpublicationdate", "displaydate", "release_date", "citation_publication_date"),
		m.itemprop["datepublished"], m.ld("dateCreated"), m.itemprop["datecreated"],
	}
	for _, t := range m.times {
		if t.pubdate {
			candidates = append(candidates, t.datetime)
		}
	}
	if len(m.times) > 0 {
		candidates = append(candidates, m.times[0].datetime)
	}
	for i, c := range candidates {
		if ts := parseDate(c, now); ts != nil {
			return localTime(ts, candidates[i+1:], now)
		}
	}
	return dateFromURL(pageURL, now)
}

// modified finds the last update time.
func (m *pageMeta) modified(now time.Time) *news.Timestamp {
	for _, c := range []string{
		m.ld("dateModified"),
		m.first("article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "last-modified", "dcterms.modified", "dc.date.modified", "lastmod"),
		m.itemprop["datemodified"],
	} {
		if ts := parseDate(c, now); ts != nil {
			return ts
		}
	}
	return nil
}

// language returns a lower-case ISO 639-1 code from <html lang>,
// og:locale, content-language or JSON-LD, else detected from text when the
// detector is confident.
func (m *pageMeta) language(text string) string {
	for _, v := range []string{m.lang, m.first("og:locale", "content-language", "language", "dc.language"), m.ld("inLanguage")} {
		if code := primaryTag(v); code != "" {
			return code
		}
	}
	if len(text) < 100 {
		return ""
	}
	info := whatlanggo.Detect(text[:min(len(text), 4000)])
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}$`)

func primaryTag(v string) string {
	v = strings.TrimSpace(v)
	v, _, _ = strings.Cut(strings.ReplaceAll(v, "_", "-"), "-")
	if !langTag.MatchString(v) {
		return ""
	}
	return strings.ToLower(v)
}

func cleanText(s string) string { return strings.Join(strings.Fields(s), " ") }

// descriptions returns the page's summaries: JSON-LD description, then
// the OpenGraph, Twitter and plain meta descriptions, HTML-unescaped.
func (m *pageMeta) descriptions() []string {
	var out []string
	for _, d := range []string{m.ld("description"), m.meta["og:description"], m.meta["twitter:description"], m.meta["description"]} {
		if d = cleanText(html.UnescapeString(d)); d != "" {
			out = append(out, d)
		}
	}
	return out
}
