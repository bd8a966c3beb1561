package html

import (
	"html"
	"net/url"
	"regexp"
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headline picks the title: the page's single <h1>, else JSON-LD
// headline, OpenGraph/Twitter title, then <title>, without site-name
// decorations; an <h1> still wins when the metadata title only decorates
// it ("Section: Headline | Site"). A metadata title made of several parts
// ("Outlet - Headline - Section") is cut to the part the page shows as a
// heading.
func (m *pageMeta) headline(site, host string) string {
	var titles []string
	for _, c := range []string{
		m.ld("headline"), m.first("og:title", "twitter:title", "headline", "dc.title", "sailthru.title", "parsely-title"), m.title,
	} {
		if c = stripSiteSuffix(cleanText(html.UnescapeString(c)), site, host); c != "" {
			titles = append(titles, c)
		}
	}
	best := firstOf(titles)
	// A page with one multi-word <h1> that is not the site name shows its
	// headline there; metadata titles often carry kickers or site names.
	if len(m.h1) == 1 {
		if h := cleanHeading(m.h1[0], titles, site, host); len(strings.Fields(h)) >= 2 && !strings.EqualFold(h, site) {
			return h
		}
	}
	for _, h := range m.h1 {
		h = cleanHeading(h, titles, site, host)
		if len(h) >= 8 && (best == "" || strings.Contains(foldTypography(best), foldTypography(h))) {
			return h
		}
	}
	if part := shownPart(best, append(m.h1[:len(m.h1):len(m.h1)], m.headings...)); part != "" {
		return part
	}
	// A page without an <h1> and with no title but the site's name (an
	// old blog template) shows the post's title as its first heading.
	if len(m.h1) == 0 && (best == "" || strings.EqualFold(best, site)) {
		for _, h := range m.headings {
			if h = cleanText(html.UnescapeString(h)); len(strings.Fields(h)) >= 2 {
				return h
			}
		}
	}
	return best
}

// typography maps the characters that a page's heading and its metadata
// title spell differently (typographic and straight quotes and
// apostrophes, dashes and hyphens) to one spelling.
var typography = strings.NewReplacer("’", "'", "‘", "'", "´", "'", "`", "'", "“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"",
	"–", "-", "—", "-", "‑", "-", "…", "...")

// foldTypography is s lower-cased, whitespace-collapsed and in
// typography's spelling, for comparing titles.
func foldTypography(s string) string {
	return strings.ToLower(cleanText(typography.Replace(s)))
}

// headingTail matches what may follow the headline inside an <h1> that
// the metadata title leaves out: a separator or a date opens it.
var headingTail = regexp.MustCompile(`^\s*(?:[|•·»/]|\d)|^\s+[–—-]\s`)

// cleanHeading strips an <h1>'s site name, and the label before or the
// date and section list after the headline when a metadata title gives the
// headline alone ("Headline: X" or "X 02.02.2022 • News" where og:title
// is "X"). A longer label with a colon is a kicker that belongs to the
// headline, unless it is set apart by a space before the colon.
func cleanHeading(h string, titles []string, site, host string) string {
	h = stripSiteSuffix(cleanText(html.UnescapeString(h)), site, host)
	low := strings.ToLower(h)
	for _, t := range titles {
		lt := strings.ToLower(t)
		if len(strings.Fields(t)) < headlineMinWords || lt == low {
			continue
		}
		if strings.HasPrefix(low, lt) && headingTail.MatchString(h[len(t):]) {
			return t
		}
		if strings.HasSuffix(low, lt) {
			label := strings.TrimSpace(h[:len(h)-len(t)])
			if strings.HasSuffix(label, " :") || (strings.HasSuffix(label, ":") && len(strings.Fields(label)) == 1) {
				return t
			}
		}
	}
	return h
}

// shownPart returns the part of a title split at a separator that the page
// shows as a heading of its own, in the heading's spelling, or "".
func shownPart(title string, headings []string) string {
	// The page's own spelling of the whole title wins over the metadata's.
	for _, h := range headings {
		if h = cleanText(html.UnescapeString(h)); h != title && foldTypography(h) == foldTypography(title) {
			return h
		}
	}
	for _, sep := range shownSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if len(p) < 8 {
				continue
			}
			for _, h := range headings {
				if h = cleanText(html.UnescapeString(h)); foldTypography(p) == foldTypography(h) {
					return h
				}
			}
		}
	}
	return ""
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", "|"}

// shownSeparators are the separators shownPart splits at: also a spaced
// colon, which only a heading can tell from a kicker.
var shownSeparators = append(titleSeparators, " : ")

// siteLabelMaxWords bounds a title part that names the site by containing
// its host label ("MyOOS Community Forum" on foren.myoos.de): a longer part
// is a headline that mentions the site.
const siteLabelMaxWords = 5

// datePart matches a title part that is only a date.
var datePart = regexp.MustCompile(`^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$`)

// stripSiteSuffix removes " | Site Name" style suffixes (or prefixes) from
// a title when that part names the site, looks like a host name, contains
// the host's name, and a part that is a date.
func stripSiteSuffix(title, site, host string) string {
	hostName := strings.TrimPrefix(host, "www.")
	if i := strings.LastIndex(hostName, "."); i > 0 {
		hostName = hostName[:i]
	}
	if i := strings.LastIndex(hostName, "."); i >= 0 {
		hostName = hostName[i+1:]
	}
	hostName = strings.ReplaceAll(hostName, "-", "")
	isSite := func(part string) bool {
		part = strings.ToLower(strings.TrimSpace(part))
		if part == "" {
			return false
		}
		squeezed := strings.NewReplacer(" ", "", "-", "", "'", "", "’", "").Replace(part)
		return strings.EqualFold(part, site) || (strings.Contains(part, ".") && !strings.Contains(part, " ")) ||
			(hostName != "" && squeezed == hostName) ||
			(len(hostName) >= 4 && strings.Contains(squeezed, hostName) && len(strings.Fields(part)) <= siteLabelMaxWords)
	}
	isDate := func(part string) bool { return datePart.MatchString(strings.TrimSpace(part)) }
	// A title may carry both a site name and a date ("02.01.2022 -
	// Headline - Site"): the site first, then the date.
	return stripPart(stripPart(title, isSite), isDate)
}

// stripPart removes the last part of title, else the first, when it is
// decoration.
func stripPart(title string, decoration func(string) bool) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		if decoration(parts[len(parts)-1]) {
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		}
		if decoration(parts[0]) {
			return strings.TrimSpace(strings.Join(parts[1:], sep))
		}
	}
	return title
}

// siteHeadingClass matches the class of a heading that holds the site's
// logo or name.
var siteHeadingClass = regexp.MustCompile(`(?i)logo|site-?title|site-?name|brand|masthead`)

// isSiteHeading reports whether a heading is the site's logo or name set
// as an <h1>, never an article's headline: by its class, or by being
// wholly a link to the site's front page.
func isSiteHeading(h *nethtml.Node) bool {
	if siteHeadingClass.MatchString(attr(h, "class") + " " + attr(h, "id")) {
		return true
	}
	text := textOf(h)
	for p := h; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			return isHomeURL(attr(p, "href"))
		}
	}
	var link *nethtml.Node
	var find func(*nethtml.Node)
	find = func(n *nethtml.Node) {
		for c := n.FirstChild; c != nil && link == nil; c = c.NextSibling {
			if c.Type == nethtml.ElementNode && c.DataAtom == atom.A {
				link = c
				return
			}
			find(c)
		}
	}
	find(h)
	return link != nil && textOf(link) == text && isHomeURL(attr(link, "href"))
}

// isHomeURL reports whether href points at a site's front page. An
// archived page's links keep the original address after the archive's
// prefix; that address decides.
func isHomeURL(href string) bool {
	if i := strings.LastIndex(href, "http"); i > 0 {
		href = href[i:]
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || href == "" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	switch strings.TrimSuffix(u.Path, "/") {
	case "", "/index.html", "/index.php", "/index.htm":
		return true
	}
	return false
}
