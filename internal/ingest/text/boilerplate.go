package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Drop reasons, used in warnings.
const (
	reasonStray       = "stray value"
	reasonSymbols     = "symbol-only line"
	reasonLogo        = "logo or image alt text"
	reasonPrompt      = "site prompt"
	reasonShare       = "share or follow prompt"
	reasonNewsletter  = "newsletter sign-up"
	reasonCookie      = "cookie notice"
	reasonCredit      = "photo credit or caption"
	reasonAd          = "advertisement"
	reasonRelated     = "related-article list"
	reasonTags        = "tag line"
	reasonCopyright   = "copyright footer"
	reasonNavigation  = "navigation"
	reasonReadTime    = "reading time or counter"
	reasonTrailer     = "reporting credits"
	reasonRepost      = "repost notice"
	reasonHeaderJunk  = "header remnant"
	reasonDate        = "date line"
	reasonUpdateStamp = "update stamp"
	reasonPublished   = "publication stamp"
	reasonByline      = "byline"
	reasonSource      = "source line"
	reasonFooter      = "feed footer"
	reasonTitle       = "title"
	reasonDuplicate   = "repeated paragraph"
	reasonAuthorBio   = "author box"
	reasonLink        = "bare link"
)

// strayValues are serialisation leftovers of empty template fields.
var strayValues = setOf("none", "null", "undefined", "nan", "nil", "[object object]", "n/a", "{}", "[]")

// promptPhrases are whole lines that are interface text, compared after
// lowercasing and trimming trailing punctuation and arrows.
var promptPhrases = setOf(
	"skip to content", "skip to main content", "skip to navigation", "jump to", "toggle navigation",
	"open menu", "close menu", "menu", "search", "search for", "home", "back to top", "close",
	"sign in", "sign up", "like loading", "loading…", "log in", "login", "log out", "register", "my account", "donate", "support us",
	"subscribe", "subscribe now", "subscribed", "print", "email", "e-mail", "copy link", "link copied",
	"save", "saved", "bookmark", "gift this article", "comment", "comments", "leave a comment",
	"leave a reply", "cancel reply", "post a comment", "show comments", "view comments", "loading",
	"read more", "read more about", "continue reading", "read full article", "read the full article",
	"read full story", "read the full story", "see more", "show more", "load more", "view more",
	"previous", "next", "previous article", "next article", "previous post", "next post",
	"previous story", "next story", "amp", "view non-amp version", "go to full article",
	"view full site", "listen", "listen to this article", "listen to article", "play", "pause",
	"member-only story", "text to speech", "translate", "font size", "a a a", "accessibility",
	"zoom", "photo", "photos", "video", "videos", "gallery", "watch", "watch live", "live",
	"breaking", "breaking news", "trending", "sponsored", "sponsored content", "promoted",
	"paid content", "partner content", "advertisement", "advertising", "advert", "ad", "ads",
	"story continues below advertisement", "article continues below advertisement",
	"article continues below", "story continues below", "scroll to continue with content",
	"continue reading below", "content continues below", "report an error", "report a correction",
	"corrections", "feedback", "contact us", "about us", "privacy policy", "terms of use",
	"terms of service", "terms and conditions", "all rights reserved", "powered by wordpress",
	"proudly powered by wordpress", "more", "like this", "like", "share", "share this",
	"share this article", "share this story", "share this post", "share this page", "share article",
	"share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp",
	"share via email", "share via", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp",
	"telegram", "reddit", "pinterest", "instagram", "youtube", "tiktok", "threads", "bluesky",
	"flipboard", "messenger", "follow", "following", "follow us", "clap", "responses", "edit",
	"edit profile", "more stories", "most read", "most popular", "popular", "latest", "latest news",
	"latest stories", "top stories", "editor's picks", "editors' picks", "recommended",
	"recommended for you", "recommended stories", "recommended from medium", "you may also like",
	"you might also like", "related", "related articles", "related posts", "related stories",
	"related news", "related content", "related coverage", "related topics", "read also",
	"also read", "see also", "don't miss", "further reading", "in other news", "more news",
	"what to read next", "keep reading", "more on this story", "more from this author", "tags", "topics",
	"categories", "filed under", "keywords", "related tags", "related topics",
	"continue reading the main story", "skip advertisement", "supported by", "share full article",
	"reuse this content", "explore more on these topics", "most viewed", "our standards",
	"the thomson reuters trust principles",
)

// relatedHeaders start a list of links to other articles.
var relatedHeaders = setOf(
	"related", "related articles", "related posts", "related stories", "related news",
	"related content", "related coverage", "read also", "also read", "see also", "more stories",
	"most read", "most popular", "popular", "latest", "latest news", "latest stories",
	"top stories", "editor's picks", "editors' picks", "recommended", "recommended for you",
	"recommended stories", "recommended from medium", "you may also like", "you might also like",
	"don't miss", "further reading", "in other news", "more news", "what to read next",
	"keep reading", "more on this story", "more from this author", "trending", "read more",
	"related topics", "tags", "topics", "categories", "filed under", "keywords", "related tags",
	"explore more on these topics", "most viewed",
)

var (
	reLogo       = regexp.MustCompile(`(?i)^(?:(?:[\p{L}\p{N}&'’. -]{0,50}[\s_-])?logos?|logo(?:[\s_-][\p{L}\p{N}&'’. -]{0,50})?)$`)
	reAltText    = regexp.MustCompile(`(?i)^(?:featured image|image|img|icon|avatar|thumbnail|banner|placeholder|profile picture|author photo|author image)(?:[\s:_-].{0,40})?$`)
	reImageFile  = regexp.MustCompile(`(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$`)
	reCreditHead = regexp.MustCompile(`(?i)^\(?(?:photo|photograph|picture|pic|image|file photo|illustration|graphic|video|photo credit|image credit|image source|image caption|picture credit|main image|top image|header image|lead image|credit|credits|foto|bild|imagen)s?\b\s*(?:[:,/©|-]|by\b|credit\b|courtesy\b|source\b)`)
	reCreditTail = regexp.MustCompile(`(?i)(?:[\s(](?:photo|photograph|picture|image|file photo|photo credit|image credit|credit)s?\s*(?::|/|©|\bby\b)\s*[^.!?]{1,60}\)?|\((?:[^()]*\b(?:photos?|getty images|images|credit|shutterstock|file pic|ap photo|handout|courtesy)\b[^()]*)\))\.?$`)
	reAgencyOnly = regexp.MustCompile(`(?i)^\(?(?:[\p{L}.'’ -]{1,40}\s*/\s*)?(?:getty images|shutterstock|alamy|unsplash|pexels|ap photo|afp via getty images|reuters/[\p{L} .'-]+|epa(?:-efe)?|handout)(?:\s*/\s*[\p{L}.'’ -]{1,40})?\)?$`)
	rePhotoSlash = regexp.MustCompile(`^\(?[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,3}\s*/\s*(?:\p{Lu}{2,6}(?:-\p{Lu}{2,6})?|Reuters|Getty Images|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu(?: Agency)?|Sipa|Zuma|Redux|Sputnik|TASS|Handout)\)?$`)
	reShare      = regexp.MustCompile(`(?i)^(?:share|tweet|post|send|email|pin)\s+(?:this|it|on|to|via|with)\b.{0,60}$|^click (?:here )?to (?:share|print|email|tweet)\b.{0,80}$|^follow\s+.{1,40}\s+on\s+(?:x|twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|threads|bluesky|google news)\b.{0,20}$|^(?:print|email|save|share|download)\s+(?:this\s+)?(?:page|article|story|post|as pdf|pdf)$|^download (?:the|our)\b.{0,30}\bapp\b.{0,40}$|^(?:follow|find|join|like)\s+(?:us|me)\b.{0,80}$|^(?:join|follow)\s+(?:our|the)\b.{0,60}\b(?:channel|page|community|group|telegram|whatsapp|facebook|twitter|instagram|youtube|newsletter)\b.{0,40}$|^follow\s+@\S+.{0,40}$`)
	reSubscribe  = regexp.MustCompile(`(?i)^(?:subscribe|sign up|signup|register|get (?:our|the)\b|join)\b.{0,160}$`)
	reNewsletter = regexp.MustCompile(`(?i)\bnewsletters?\b|\binbox\b|\bsubscribe\b`)
	reCookie     = regexp.MustCompile(`(?i)\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|policy|settings|preferences|experience|browsing|agree)\b|\b(?:accept|reject|manage)\b.{0,30}\bcookies?\b`)
	reGhost      = regexp.MustCompile(`(?i)successfully (?:subscribed|signed in|signed up)|your link has expired|check your (?:e-?mail|inbox)|account is fully activated|you(?:'|’)ve successfully|you now have access to all content|already have an account|already a subscriber|not a subscriber|unlock (?:this|full) (?:article|story|access)|to continue reading|this content is for (?:subscribers|members)`)
	reReadTime   = regexp.MustCompile(`(?i)^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?)\.?\s*(?:read|listen|de lecture|de lectura|lesezeit|di lettura)|(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\s*:?.{0,20}|[\d.,]+\s*[km]?\s+(?:shares?|views?|likes?|claps?|followers?|comments?|responses?|replies|reads?)|(?:comments?|responses?|replies)\s*\(\d+\)|\d+\s*(?:comments?|responses?))$`)
	reTagLine    = regexp.MustCompile(`(?i)^(?:tags|tagged|tagged with|topics|categories|category|keywords|labels|themen|schlagwörter|étiquettes|mots-clés|etiquetas|temas)\s*[:：]\s*.{1,300}$|^(?:filed under|posted in|tagged in|published in|more about)\s*:?\s+[^.!?]{1,200}$`)
	reRelatedRef = regexp.MustCompile(`(?i)^(?:read more|read also|also read|see also|related|more|watch|listen|read|recommended|don't miss|must read|also see|lire aussi|à lire aussi|lea también|lee también|mehr zum thema|leggi anche|leia também)\s*[:|»>–—-]\s*.{1,200}$`)
	reAdLine     = regexp.MustCompile(`(?i)^our standards:.{0,80}$|(?i)^(?:advertisement|advertising|sponsored|ad)\s*[:\-–—]?\s*(?:scroll to (?:continue|read)|continue reading|story continues below|content continues below).{0,40}$|^(?:story|article|content|text) continues (?:below|after)\b.{0,40}$`)
	reTrailer    = regexp.MustCompile(`(?i)^\(?(?:reporting|additional reporting|writing|editing|compiled|translated|translation|graphics|produced|research)\s+by\b.{0,200}\)?$`)
	reRepost     = regexp.MustCompile(`(?i)^(?:this (?:article|story|post|piece|report) (?:was |is )?(?:originally|first) (?:published|appeared|posted)|(?:originally|first) (?:published|appeared|posted) (?:on|in|at|by))\b.{0,200}$`)
	reMoreFrom   = regexp.MustCompile(`(?i)^(?:more|discover more) (?:from|by|on|in|about) [^.!?]{1,60}$`)
	reLinkOnly   = regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.]+$`)
	reThanks     = regexp.MustCompile(`(?i)^(?:thanks|thank you) for reading\b.{0,160}$|^type your email`)
	reSymbols    = regexp.MustCompile(`^[\p{P}\p{S}\p{Z}]+$`)
	reNavSep     = regexp.MustCompile(`\s*(?:\||·|•|›|»|\s>\s|\s/\s)\s*`)
	reCopyright  = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright\b)`)
	reRights     = regexp.MustCompile(`(?i)\ball rights reserved\b|\btous droits réservés\b|\btodos los derechos reservados\b|\balle rechte vorbehalten\b`)
)

func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}

// phraseKey lowercases a line and trims the punctuation, arrows and counts
// that interface text carries around its words.
func phraseKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":.…»«›‹>→←|·•-–—!()[]0123456789", r)
	})
	return strings.ReplaceAll(s, "’", "'")
}

// boilerplateReason classifies one trimmed line as site furniture, or
// returns "" for a line that may be article text.
func boilerplateReason(line string) string {
	n := utf8.RuneCountInString(line)
	key := phraseKey(line)
	switch {
	case strayValues[strings.ToLower(line)]:
		return reasonStray
	case reSymbols.MatchString(line):
		return reasonSymbols
	case promptPhrases[key]:
		if relatedHeaders[key] {
			return reasonRelated
		}
		return reasonPrompt
	}
	if n > 400 {
		return ""
	}
	switch {
	case reCookie.MatchString(line) && (n <= 300 || strings.Contains(strings.ToLower(line), "we use cookies")):
		return reasonCookie
	case reGhost.MatchString(line) && n <= 200:
		return reasonPrompt
	}
	if n > 300 {
		return ""
	}
	switch {
	case reCopyright.MatchString(line), reRights.MatchString(line) && n <= 200:
		return reasonCopyright
	case reCreditHead.MatchString(line), reAgencyOnly.MatchString(line), reCreditTail.MatchString(line) && !endsSentence(line):
		return reasonCredit
	case reCreditTail.MatchString(line) && n <= 200:
		return reasonCredit
	case reTrailer.MatchString(line):
		return reasonTrailer
	case reRepost.MatchString(line):
		return reasonRepost
	case reAdLine.MatchString(line):
		return reasonAd
	case reTagLine.MatchString(line):
		return reasonTags
	case reRelatedRef.MatchString(line) && !endsSentence(line):
		return reasonRelated
	case reReadTime.MatchString(line):
		return reasonReadTime
	}
	if n > 200 {
		return ""
	}
	switch {
	case reShare.MatchString(line):
		return reasonShare
	case reLinkOnly.MatchString(line):
		return reasonLink
	case reThanks.MatchString(line):
		return reasonNewsletter
	case reSubscribe.MatchString(line) && reNewsletter.MatchString(line) || reNewsletter.MatchString(line) && strings.Contains(strings.ToLower(line), "sign up"):
		return reasonNewsletter
	}
	if n > 60 || endsSentence(line) {
		return ""
	}
	switch {
	case reLogo.MatchString(line), reAltText.MatchString(line), reImageFile.MatchString(line):
		return reasonLogo
	case reMoreFrom.MatchString(line):
		return reasonRelated
	case rePhotoSlash.MatchString(line):
		return reasonCredit
	case isNavLine(line):
		return reasonNavigation
	}
	return ""
}

// isNavLine spots menus flattened onto one line: three or more short items
// between separators ("Home | World | Asia").
func isNavLine(line string) bool {
	parts := reNavSep.Split(line, -1)
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(strings.Fields(p)) > 3 || endsSentence(p) {
			return false
		}
	}
	return true
}

// isMenuItem is a line short enough to be one entry of a flattened menu.
func isMenuItem(line string) bool {
	return len(strings.Fields(line)) <= 2 && utf8.RuneCountInString(line) <= 30 &&
		!strings.ContainsAny(line, ".!?,;:") && hasLetter(line)
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// endsSentence reports whether s ends like a sentence (a period, an
// exclamation or question mark, an ellipsis, possibly inside quotes).
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
