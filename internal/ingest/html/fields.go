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

// headline picks the title: the page's single <h1>, else JSON-LD
// headline, OpenGraph/Twitter title, then <title>, without site-name
// decorations; an <h1> still wins when the metadata title only decorates
// it ("Section: Headline | Site").
func (m *pageMeta) headline(site, host string) string {
	var best string
	for _, c := range []string{
		m.ld("headline"), m.first("og:title", "twitter:title", "headline", "dc.title", "sailthru.title", "parsely-title"), m.title,
	} {
		if c = stripSiteSuffix(cleanText(html.UnescapeString(c)), site, host); c != "" {
			best = c
			break
		}
	}
	// A page with one multi-word <h1> that is not the site name shows its
	// headline there; metadata titles often carry kickers or site names.
	if len(m.h1) == 1 {
		if h := cleanText(html.UnescapeString(m.h1[0])); len(strings.Fields(h)) >= 2 && !strings.EqualFold(h, site) {
			return h
		}
	}
	for _, h := range m.h1 {
		h = cleanText(html.UnescapeString(h))
		if len(h) >= 8 && (best == "" || strings.Contains(strings.ToLower(best), strings.ToLower(h))) {
			return h
		}
	}
	return best
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "}

// stripSiteSuffix removes " | Site Name" style suffixes (or prefixes) from
// a title when that part names the site or looks like a host name.
func stripSiteSuffix(title, site, host string) string {
	isSite := func(part string) bool {
		part = strings.ToLower(strings.TrimSpace(part))
		hostName := strings.TrimPrefix(host, "www.")
		if i := strings.LastIndex(hostName, "."); i > 0 {
			hostName = hostName[:i]
		}
		return part != "" && (strings.EqualFold(part, site) || (strings.Contains(part, ".") && !strings.Contains(part, " ")) ||
			(hostName != "" && strings.ReplaceAll(part, " ", "") == strings.ReplaceAll(hostName, "-", "")))
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		if isSite(parts[len(parts)-1]) {
			return strings.Join(parts[:len(parts)-1], sep)
		}
		if isSite(parts[0]) {
			return strings.Join(parts[1:], sep)
		}
	}
	return title
}

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
