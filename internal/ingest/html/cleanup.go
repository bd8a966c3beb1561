package html

import (
	"regexp"
	"strings"
)

// adLabel matches a paragraph that is only an advertising label.
var adLabel = regexp.MustCompile(`(?i)^(?:advertisement|advertising|ad|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|pubblicità|reklama)$`)

// tailMarker matches a short paragraph that opens the related-content,
// comments or sharing block after an article, in the languages of the
// outlets Parallax reads most.
var tailMarker = regexp.MustCompile(`(?i)^(?:` +
	`related(?: articles| stories| content| news| posts| coverage)?|read (?:more|next|also)|more (?:from|on|stories|news)\b.*|` +
	`you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories)?|most (?:popular|read|viewed)|trending(?: now)?|` +
	`share this(?: article| story| page)?|leave a (?:reply|comment)|\d* ?comments?|` +
	`(?:das )?(?:könnte|dürfte) (?:sie|dich) auch interessieren|(?:das )?thema könnte (?:sie|dich) auch interessieren|schon gelesen|` +
	`weitere (?:themen|artikel|nachrichten|beiträge)|neueste (?:artikel|beiträge)|lesen sie (?:auch|mehr)|mehr zum thema.*|auch interessant|ähnliche (?:artikel|beiträge)|` +
	`empfohlene (?:beiträge|artikel)|mehr themen|weitere beiträge.*|entdecke weitere.*|videos zum thema|zum weiterlesen|vorschau auf den nächsten artikel|` +
	`(?:à )?lire aussi|sur le même sujet|leer más|te puede interesar|noticias relacionadas|leggi anche|czytaj (?:też|także)|zobacz (?:też|także)` +
	`|weitere informationen|zusatzinformationen|(?:presse|medien)?kontakt|kontakt für rückfragen|contact(?: us)?|(?:more|further) information|` +
	`quellen(?:angaben)?|sources|originalpublikation|über (?:den autor|die autorin)|about the author` +
	`)\s*[:?!.…]*$`)

// copyrightLine matches a rights notice, which closes a page rather than
// an article.
var copyrightLine = regexp.MustCompile(`(?i)©|\(c\) ?(?:19|20)\d\d|^copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone`)

// creditLine matches a photo credit or an inline "read also" teaser: a
// label, a colon and a short tail. Such a line names another page or the
// picture's owner, never article prose.
var creditLine = regexp.MustCompile(`(?i)^(?:(?:titel|beitrags)?bild(?:quelle)?|fotos?|photos?|crédits? photos?|credits?|` +
	`quellen?|sources?|fuentes?|fontes?|źródło|bildnachweis|fotonachweis|photographs?|images?|illustrations?|image copyright|` +
	`czytaj (?:też|także)|zobacz (?:też|także)|lesen sie auch|read (?:more|also)|see also|also read|related|lire aussi|leggi anche|lee también)\s*:\s*\S|^\(credits?: [^()]*\)$`)

// furnitureLine matches a whole paragraph that is a page widget's label
// (table of contents, newsletter box, embed placeholder, gallery control)
// wherever it stands; the content under such a label is left to the other
// rules.
var furnitureLine = regexp.MustCompile(`(?i)^(?:inhaltsverzeichnis|table of contents|neueste (?:artikel|beiträge)|zum newsletter anmelden|` +
	`(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter|externer inhalt|bild anzeigen bild schließen|meist-?(?:gelesen|diskutiert)|` +
	`continue reading(?: the main story)?|supported by|(?:view|see) this post on instagram|sieh dir diesen beitrag auf instagram an|zum vergrößern (?:bitte )?anklicken|listen to this (?:article|story)|media playback is unsupported on your device|copy link|image caption|` +
	`(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|` +
	`(?:(?:share|tweet|email|e-mail|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|xing|flipboard|copy link|link kopieren|teilen|drucken)(?:\s*[|/·,]\s*|\s+|$)){2,12})\s*[:.!]*$`)

// callToAction matches a page's appeal to the reader (subscribe, follow,
// sign up, log in to read on, comment rules) and inline "read also"
// teasers with their label, in the languages of the outlets Parallax reads
// most. Such a paragraph addresses the visitor, not the story's reader.
var callToAction = regexp.MustCompile(`(?i)^(?:lesen sie (?:hier|auch|mehr)|lea(?: también| más)?|vea también|le puede interesar|mira|auch lesen|à lire aussi|dowiedz się więcej)\s*[:»]|` +
	`\b(?:sign up (?:for|to) (?:our|the)|subscribe (?:now|today|to (?:our|the))|(?:follow|find) us on|never miss (?:the|our)|already a subscriber|` +
	`to (?:view|read|continue reading) the full (?:story|article)|comments are moderated|letters? to the editor|` +
	`síguenos|siguenos en|suscríbete|abonniere unseren|zum newsletter anmelden|pour lire la suite|zapraszamy (?:też )?do subskrypcji|` +
	`download the \w+ apps?|sign up to get)\b|\bnewsletter\b.*\bsign up(?: here| now| today)?[.!]?$|` +
	`\b(?:follow|join|find) (?:us|me) (?:on|at)\b|\bfollow\b[^.]{0,60}\son\s+(?:twitter|facebook|instagram|telegram|youtube|tiktok|linkedin)\b[^.]*@\w|` +
	`\b(?:síguenos|seguir a\s.{0,40}\sen (?:facebook|twitter|instagram)|únete|canal de (?:telegram|youtube|whatsapp)|folgen sie uns|folge uns|` +
	`in (?:deinen|ihren) posteingang|support (?:our|independent) (?:work|journalism)|consider supporting|help us (?:continue|keep)|gefällt (?:dir|ihnen) unser)\b`)

// pageNotice matches a short paragraph that is the page speaking about
// itself rather than the story: comment-box notices, "last changed" lines,
// embed placeholders that wait for a click, the credit line of an
// embedded social post.
var pageNotice = regexp.MustCompile(`(?i)^(?:keine kommentare|noch keine kommentare|no comments(?: yet)?|a post shared by|ein beitrag geteilt von)\b|` +
	`\b(?:eingeloggt|angemeldet|logged in|log in|sign in)\b.*\b(?:kommentar|comment)|\b(?:komment|comment)\w*\b.*\b(?:eingeloggt|angemeldet|logged in)\b|` +
	`\b(?:verraten sie|schreibt|erzählt|let us know|tell us)\b.*\b(?:in den kommentaren|in the comments)\b|` +
	`^(?:letzte änderung|zuletzt (?:aktualisiert|geändert)|last (?:updated|modified)|stand)\s*:?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\S*$|` +
	`\b(?:klicken sie auf den (?:unteren )?button|click (?:on )?the button below)\b.*\b(?:laden|load)\b`)

// disclosure matches an advertising or affiliate disclosure, a comment
// policy or a liability note: what the publisher must say about the page,
// not the story.
var disclosure = regexp.MustCompile(`(?i)\baffiliate[- ]?links?\b|\b(?:dieser beitrag|dieser artikel|this (?:post|article|page)) (?:enthält|contains) (?:werbung|anzeigen|affiliate|references to products)|` +
	`advertisers do not influence|\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)|^\*?(?:anzeige|werbung)\s*[-–.,:]\s|` +
	`\bwe welcome (?:reader )?comments\b|\bwe ask that comments\b|\bcomments (?:may be|will be) (?:republished|reviewed)\b|` +
	`^\(?(?:alle )?angaben ohne gewähr\)?\.?$|\bals e-?paper\b`)

// metaLine matches a paragraph that is only page metadata: a date (with a
// time and a category), a category label, a newsletter box title.
var metaLine = regexp.MustCompile(`(?i)^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4})(?:,?\s+\d{1,2}:\d{2}(?:\s*uhr)?)?(?:\s*\|\s*\S+)?$|` +
	`^(?:kategorie|category|rubrik|ressort)\s*:\s*\S+$|^\d+\s*min(?:ute)?s?\.?\s+(?:read|lesezeit)$|^(?:reading time|lesezeit|lesedauer)\s*:?\s*\d+\s*(?:min|minuten|minutes)\.?$|^[\p{L}\d ]{0,30}\bnewsletter$`)

// captionEnd matches a picture caption: a short paragraph that ends with
// the picture's credit, in brackets ("... in Congress (Photo: Jane
// Doe/Reuters).") or after its last sentence ("... in Taipei. Photo: AFP").
var captionEnd = regexp.MustCompile(`(?i)\((?:symbolbild|archivbild|fotos?|photos?|bild|image|credit|picture|imagen|foto ?:)\b[^()]*\)\.?$|` +
	`[.!?]\s+(?:fotos?|photos?|photograph|bild|image|picture|credit)\s*:\s*[^.!?:]{2,60}$`)

// maxCaptionLen bounds the paragraphs tested against captionEnd.
const maxCaptionLen = 300

// maxNoticeLen bounds the paragraphs tested against pageNotice.
const maxNoticeLen = 200

// maxCallToActionLen bounds the paragraphs tested against callToAction.
const maxCallToActionLen = 250

// maxCreditLen bounds the paragraphs tested against creditLine.
const maxCreditLen = 90

// maxCopyrightLen bounds the paragraphs tested against copyrightLine: a
// longer one is prose that mentions copyright.
const maxCopyrightLen = 200

// maxMarkerLen bounds the paragraphs tested against tailMarker.
const maxMarkerLen = 60

// trimBoilerplate drops advertising labels, photo credits, teaser lines and copyright notices and cuts the text at a
// related-content or comments heading found in its second half, where such
// blocks follow an article that the extractor did not separate from them.
func trimBoilerplate(text string) string {
	paras := strings.Split(text, "\n\n")
	total := len(text)
	kept := make([]string, 0, len(paras))
	seen := 0
	for _, p := range paras {
		at := seen
		seen += len(p) + 2
		if adLabel.MatchString(p) || (len(p) <= maxCopyrightLen && copyrightLine.MatchString(p)) ||
			(len(p) <= maxCreditLen && (creditLine.MatchString(p) || furnitureLine.MatchString(p))) ||
			(len(p) <= maxCallToActionLen && callToAction.MatchString(p)) || (len(p) <= maxNoticeLen && pageNotice.MatchString(p)) ||
			(len(p) <= maxCallToActionLen && disclosure.MatchString(p)) || (len(p) <= maxCreditLen && metaLine.MatchString(p)) ||
			(len(p) <= maxCaptionLen && captionEnd.MatchString(p)) {
			continue
		}
		if len(p) <= maxMarkerLen && at > total/2 && tailMarker.MatchString(p) {
			break
		}
		kept = append(kept, p)
	}
	// A link's punctuation left alone after the paragraph it closed (a
	// dropped "Sign up here.") ends no article.
	for len(kept) > 0 && strings.Trim(kept[len(kept)-1], ".,;:|·-–— ") == "" {
		kept = kept[:len(kept)-1]
	}
	return strings.Join(kept, "\n\n")
}
