package html

import (
	"html"
	"regexp"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/ingest/html/htmltext"
)

// bylinePrefix matches the words that introduce a name in a byline, in the
// languages of the outlets Parallax reads most.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:posted|written|published|text|photos?|interview|story|reported)\s+by|` +
	`(?:publié|écrit|rédigé)\s+par|(?:veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|artikel|beitrag|text|ein beitrag|interview)\s+von|post author(?:\s+by)?|` +
	`view all posts by|all posts by|zeige alle beiträge von|alle beiträge von|` +
	`by|von|vom|par|por|di|door|av|przez|autor(?:in)?|author|auteur|text|words|interview|redakteur(?:in)?)\s*[:\-–]?\s+|^[~:]\s*`)

// roleTitle matches a form of address or a job title before a name:
// "Herr", "Rechtsanwalt", "FOCUS-Online-Experte". Academic titles stay:
// they are part of how a writer signs; so does the "Frau" of a pen name
// ("Frau Sabienes"), which is kept when one word would remain.
var roleTitle = regexp.MustCompile(`(?i)^(?:herr|frau|mr\.?|mrs\.?|ms\.?|rechtsanwalt|rechtsanwältin|[\p{L}-]+-expert(?:e|in))\s+`)

// bylineTail matches what follows a name in a byline: a date or time,
// a separator before more page furniture.
var bylineTail = regexp.MustCompile(`(?i)\s*(?:[|·•»]|\s[-–—]\s|,?\s+(?:am|on|le|el|il|den|vor|at)\s+\d|\s*,?\s+\d|` +
	`,?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|` +
	`,?\s+(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?,?\s+\d|` +
	`\s+(?:alle artikel|alles von|stand|publiziert|aktualisiert|updated|at|@\w+)\b|` +
	`\s+(?:illustrations?|fotos?|photos?|photography|bilder|pictures)(?:\s+(?:von|by)\b|\s*:)).*$`)

// datedByline matches the date (and time) that opens a byline before its
// "by" label: "29. Juni 2017, 23:39 · von Tobi", "Posted on May 3, 2020 by
// Jane Doe".
var datedByline = regexp.MustCompile(`(?i)^[^|·•]*\d[^|·•]*?(?:\s*[|·•])?\s+(?:by|von|par|por|door|przez)\s+`)

// notByline matches byline-element texts that are date labels or comment
// headers rather than names.
var notByline = regexp.MustCompile(`(?i)^(?:posted on|published on|publiziert am|veröffentlicht am|erstellt am|aktualisiert am|updated)\b|\s(?:sagt|says|said|schreibt|writes)$`)

// notNames are values of author fields and byline elements that are
// labels, not names.
var notNames = map[string]bool{
	"name": true, "follow": true, "datum": true, "date": true, "no author": true, "admin": true, "administrator": true,
	"author": true, "autor": true, "posted": true, "share": true, "teilen": true, "unknown": true, "anonymous": true,
	"wordpressadmin": true, "by": true, "von": true, "par": true, "published by": true, "posted by": true, "written by": true,
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
		m.labelledMeta(),
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
	for i, names := range candidates {
		clean := cleanByline(names...)
		switch {
		case clean == "":
		case isOutletName(clean, site, m.publisher):
			if fallback == "" {
				fallback = clean
			}
		default:
			later := candidates[i+1:]
			for _, name := range m.ldPersons {
				later = append(later, []string{name})
			}
			return dropOutlet(fullerName(clean, later), site, m.publisher)
		}
	}
	return fallback
}

// dropOutlet removes the outlet named after a person in a byline ("Rob
// Picheta, CNN", "Adam Aaronson PhillyVoice Staff"): the outlet is the
// article's Outlet, not one of its authors.
func dropOutlet(byline, site, publisher string) string {
	names := strings.Split(byline, "; ")
	for _, outlet := range []string{site, publisher} {
		if outlet == "" {
			continue
		}
		suffix := regexp.MustCompile(`(?i)[\s,/|–-]+` + regexp.QuoteMeta(outlet) + `(?:\s+staff)?$`)
		for i, n := range names {
			if cut := suffix.ReplaceAllString(n, ""); cut != n && personName.MatchString(cut) {
				names[i] = cut
			}
		}
	}
	return strings.Join(names, "; ")
}

// fullerName returns a later candidate that completes a one-word byline
// ("Anna" -> "Anna Beispiel"): author fields often hold a login or first
// name where the byline element has the full name.
func fullerName(byline string, later [][]string) string {
	if strings.Contains(byline, " ") {
		return byline
	}
	for _, names := range later {
		clean := cleanByline(names...)
		first, _, _ := strings.Cut(clean, " ")
		if strings.EqualFold(first, byline) && personName.MatchString(clean) {
			return clean
		}
	}
	return byline
}

// authorLabel matches the label of an author field: Yoast's twitter:label1
// ("Written by", "Verfasst von") and page bylines ("Autor:").
var authorLabel = regexp.MustCompile(`(?i)^(?:written by|geschrieben von|verfasst von|écrit par|escrito por|scritto da|autor(?:in|en)?|authors?|auteurs?|verfasser(?:in)?)\s*:?$`)

// labelledMeta returns the value of a twitter:dataN meta whose
// twitter:labelN names an author.
func (m *pageMeta) labelledMeta() string {
	for _, n := range []string{"1", "2", "3"} {
		if authorLabel.MatchString(strings.TrimSpace(m.meta["twitter:label"+n])) {
			return m.meta["twitter:data"+n]
		}
	}
	return ""
}

// isOutletName reports whether a byline names the outlet or a web address
// rather than a person.
func isOutletName(byline, site, publisher string) bool {
	b := strings.ToLower(byline)
	return strings.EqualFold(b, site) || strings.EqualFold(b, publisher) ||
		(strings.Contains(b, ".") && !strings.Contains(b, " ") && !strings.Contains(b, ". "))
}

// cleanByline drops "By" prefixes, trailing dates, URLs and other values
// with a colon left after the prefix (a label, not a name), handles, labels,
// duplicates and values too long to be names, and joins the rest with
// "; ".
func cleanByline(names ...string) string {
	var clean []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.Trim(cleanText(html.UnescapeString(n)), ` |,;:-–—·"'“”„`)
		n = datedByline.ReplaceAllString(n, "")
		if notByline.MatchString(n) || authorLabel.MatchString(n) {
			continue
		}
		for range 2 {
			n = bylinePrefix.ReplaceAllString(n, "")
		}
		if rest := roleTitle.ReplaceAllString(n, ""); len(strings.Fields(rest)) >= 2 {
			n = rest
		}
		n = strings.ReplaceAll(n, " ,", ",")
		n = strings.Trim(cleanText(bylineTail.ReplaceAllString(n, "")), ` |,;:-–—·"'“”„`)
		low := strings.ToLower(n)
		if n == "" || len(n) > 100 || notNames[low] || strings.Contains(n, ":") || strings.HasPrefix(n, "@") || seen[low] {
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

// copyrightHolder matches a rights notice and captures its holder:
// "© 2019 Jane Doe", "Copyright (c) 2012- Jane Doe. All rights reserved".
var copyrightHolder = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))*\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:(?:19|20)\d\d)?)?\s*)?(?:by\s+)?([^.|•·,©]+)`)

// trailingYear matches a year after a rights holder's name.
var trailingYear = regexp.MustCompile(`\s+(?:19|20)\d\d\s*$`)

// companyName matches the legal form or trade words of a company name:
// a publisher holds the rights of its journalists' articles, so a company
// in the rights notice says nothing about who wrote the text.
var companyName = regexp.MustCompile(`(?i)\b(?:gmbh|ag|se|kg|ohg|ug|e\.\s?v|inc|ltd|llc|plc|corp(?:oration)?|co|company|s\.?a|sarl|media|medien|fachmedien|verlag|group|gruppe|holding|solutions|software|publishing|news|network)\b\.?`)

// pageCopyright returns the person named in the page's last rights
// notice, for pages that name no author at all: on a personal site the
// rights holder wrote the text.
func pageCopyright(doc *nethtml.Node) string {
	paras := strings.Split(htmltext.Node(doc), "\n\n")
	for i := len(paras) - 1; i >= 0; i-- {
		if len(paras[i]) > maxCopyrightLen {
			continue
		}
		m := copyrightHolder.FindStringSubmatch(paras[i])
		if m == nil {
			continue
		}
		name := strings.TrimSpace(trailingYear.ReplaceAllString(bylineTail.ReplaceAllString(m[1], ""), ""))
		if personName.MatchString(name) && !companyName.MatchString(name) {
			return name
		}
	}
	return ""
}

// pageBylineLabel matches a labelled author line anywhere on a page:
// "Autor: Fritz Imhof", "Authors Jane Doe and John Roe".
var pageBylineLabel = regexp.MustCompile(`(?i)^(?:(?:autor(?:in|en)?|authors?|auteur|verfasser(?:in)?|redaktion|text)\s*:|autoren|authors)\s*`)

// trailingNote matches a parenthesised note after a name: "(Pressesprecher)".
var trailingNote = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// pageByline finds a labelled author line ("Autor: X", "von X") in the
// page text, for pages whose byline has neither markup nor metadata and
// stands outside the article text. A label alone on its line
// ("Autor:" in its own element) names the next line.
func pageByline(doc *nethtml.Node) string {
	paras := strings.Split(htmltext.Node(doc), "\n\n")
	for i, p := range paras {
		if len(p) > textBylineMaxChars {
			continue
		}
		var name string
		switch {
		case authorLabel.MatchString(p) && i+1 < len(paras):
			name = paras[i+1]
		case pageBylineLabel.MatchString(p):
			name = pageBylineLabel.ReplaceAllString(p, "")
		case textBylineLead.MatchString(p):
			name = textBylineLead.ReplaceAllString(p, "")
		default:
			continue
		}
		name = strings.Trim(cleanText(trailingNote.ReplaceAllString(bylineTail.ReplaceAllString(name, ""), "")), ` |,;:-–—·"'“”„`)
		if personName.MatchString(name) {
			return name
		}
	}
	return ""
}

const (
	// bioMaxChars bounds an author's biography paragraph.
	bioMaxChars = 700
	// bioEdge is how many paragraphs at the end of the text may be a
	// biography.
	bioEdge = 2
)

// dropAuthorBio removes the closing paragraphs that open with an author's
// full name ("Jane Doe is a reporter covering ..."): the biography pages
// print under an article describes the writer, not the story.
func dropAuthorBio(text, byline string) string {
	if byline == "" {
		return text
	}
	paras := strings.Split(text, "\n\n")
	end := len(paras)
	for end > 1 && len(paras)-end < bioEdge {
		p := strings.ToLower(paras[end-1])
		isBio := false
		for name := range strings.SplitSeq(byline, "; ") {
			if strings.Contains(name, " ") && len(p) <= bioMaxChars && strings.HasPrefix(p, strings.ToLower(name)+" ") {
				isBio = true
			}
		}
		if !isBio {
			break
		}
		end--
	}
	return strings.Join(paras[:end], "\n\n")
}

// agencyCode matches a paragraph that is only a news agency's or an
// editor's sign-off: "aja/PAP", "(dpa)", "dpa/lno". Editors sign in lower
// case, which tells "erb/ots" from a category path like "TV/Serie/DVD".
var agencyCode = regexp.MustCompile(`^\(?\p{Ll}{2,5}(?:/\p{L}{2,5})+\)?$|^\((?:dpa|afp|ap|apa|reuters|kna|epd|sda|ats|efe|ansa|pap)\)$`)

// dropBylineParas removes the byline written as text at the edges of the
// article ("By Jane Doe, CNN", "Verfasst von: jane | 31. Dezember 2008",
// a lone "Jane Doe") and agency sign-offs: the byline is metadata, kept
// in Byline.
func dropBylineParas(text, byline string) string {
	paras := strings.Split(text, "\n\n")
	if len(paras) < 2 {
		return text
	}
	names := strings.Split(strings.ToLower(byline), "; ")
	kept := paras[:0]
	for i, p := range paras {
		if (i < textBylineEdge || i >= len(paras)-textBylineEdge) && len(p) <= textBylineMaxChars && isBylinePara(p, names) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "\n\n")
}

func isBylinePara(p string, names []string) bool {
	if agencyCode.MatchString(p) {
		return true
	}
	low := strings.ToLower(cleanText(p))
	labelled := bylinePrefix.MatchString(p) || datedByline.MatchString(p)
	clean := strings.ToLower(cleanByline(p))
	for _, name := range names {
		if name == "" {
			continue
		}
		if low == name || (labelled && strings.HasPrefix(clean, name)) {
			return true
		}
	}
	return false
}
