package html

import (
	"html"
	"regexp"
	"strings"
)

// bylinePrefix matches the words that introduce a name in a byline, in the
// languages of the outlets Parallax reads most.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:posted|written|published|text|photos?|interview|story|reported)\s+by|` +
	`(?:veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|artikel|beitrag|text|ein beitrag|interview)\s+von|post author(?:\s+by)?|` +
	`view all posts by|all posts by|zeige alle beiträge von|alle beiträge von|` +
	`by|von|vom|par|por|di|door|av|przez|autor(?:in)?|author|auteur|text|interview|redakteur(?:in)?)\s*[:\-–]?\s+|^[~:]\s*`)

// bylineTail matches what follows a name in a byline: a date or time,
// a separator before more page furniture.
var bylineTail = regexp.MustCompile(`(?i)\s*(?:[|·•»]|\s[-–—]\s|,?\s+(?:am|on|le|el|il|den|vor|at)\s+\d|\s*,?\s+\d|` +
	`,?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|` +
	`\s+(?:alle artikel|alles von|stand|publiziert|aktualisiert|updated|at|@\w+)\b).*$`)

// notByline matches byline-element texts that are date labels or comment
// headers rather than names.
var notByline = regexp.MustCompile(`(?i)^(?:posted on|published on|publiziert am|veröffentlicht am|erstellt am|aktualisiert am|updated)\b|\s(?:sagt|says|said|schreibt|writes)$`)

// notNames are values of author fields and byline elements that are
// labels, not names.
var notNames = map[string]bool{
	"name": true, "follow": true, "datum": true, "date": true, "no author": true, "admin": true, "administrator": true,
	"author": true, "autor": true, "posted": true, "share": true, "teilen": true, "unknown": true, "anonymous": true,
	"wordpressadmin": true,
}

// byline picks author names: JSON-LD author of the article (else of any
// object), author meta tags, itemprop=author, then rel=author and byline
// elements. A candidate that only names the outlet or a web address is
// kept as a last resort: a person named elsewhere on the page is better.
func (m *pageMeta) byline(site string) string {
	var candidates [][]string
	for _, obj := range m.jsonLD {
		if names := ldNames(obj["author"]); len(names) > 0 {
			candidates = append(candidates, names)
			break
		}
	}
	if len(m.ldAuthor) > 0 {
		candidates = append(candidates, m.ldAuthor)
	}
	for _, v := range []string{
		m.first("author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "twitter:creator", "citation_author"),
		m.itemprop["author"],
	} {
		if v != "" {
			candidates = append(candidates, []string{v})
		}
	}
	for _, b := range m.bylines {
		candidates = append(candidates, []string{b})
	}
	fallback := ""
	for _, names := range candidates {
		clean := cleanByline(names...)
		switch {
		case clean == "":
		case isOutletName(clean, site, m.publisher):
			if fallback == "" {
				fallback = clean
			}
		default:
			return clean
		}
	}
	return fallback
}

// isOutletName reports whether a byline names the outlet or a web address
// rather than a person.
func isOutletName(byline, site, publisher string) bool {
	b := strings.ToLower(byline)
	return strings.EqualFold(b, site) || strings.EqualFold(b, publisher) ||
		(strings.Contains(b, ".") && !strings.Contains(b, " ") && !strings.Contains(b, ". "))
}

// cleanByline drops "By" prefixes, trailing dates, URLs, handles, labels,
// duplicates and values too long to be names, and joins the rest with
// "; ".
func cleanByline(names ...string) string {
	var clean []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.Trim(cleanText(html.UnescapeString(n)), ` |,;:-–—·"'“”„`)
		if notByline.MatchString(n) {
			continue
		}
		for range 2 {
			n = bylinePrefix.ReplaceAllString(n, "")
		}
		n = strings.Trim(cleanText(bylineTail.ReplaceAllString(n, "")), ` |,;:-–—·"'“”„`)
		low := strings.ToLower(n)
		if n == "" || len(n) > 100 || notNames[low] || strings.Contains(n, "://") || strings.HasPrefix(n, "@") || seen[low] {
			continue
		}
		seen[low] = true
		clean = append(clean, n)
	}
	return strings.Join(clean, "; ")
}

// textBylineLead matches the label that opens a byline paragraph in the
// article text: "By Jane Doe", "von Max Muster", "Text: Anna Beispiel".
var textBylineLead = regexp.MustCompile(`(?i)^(?:by|von|text(?: von)?\s*:?|autor(?:in)?\s*:|author\s*:|par|por|door|przez)\s+`)

// personName matches one or two people's names: two to four capitalised
// words each, joined by "and"-words.
var personName = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:\s+(?:and|und|et|y|e|i|en|&)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})?$`)

const (
	// textBylineMaxChars bounds a byline paragraph.
	textBylineMaxChars = 80
	// textBylineEdge is how many paragraphs at each end of the text are
	// searched for a byline.
	textBylineEdge = 4
)

// textByline finds a byline paragraph ("By Jane Doe") among the first and
// last paragraphs of an article text, for pages whose markup and
// metadata name no author.
func textByline(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		if i >= textBylineEdge && i < len(paras)-textBylineEdge {
			continue
		}
		if len(p) > textBylineMaxChars || !textBylineLead.MatchString(p) {
			continue
		}
		name := strings.Trim(cleanText(bylineTail.ReplaceAllString(textBylineLead.ReplaceAllString(p, ""), "")), ` |,;:-–—·"'“”„`)
		if personName.MatchString(name) {
			return name
		}
	}
	return ""
}
