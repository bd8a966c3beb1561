package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRelatedItems bounds how many lines a related-articles header can take.
const maxRelatedItems = 20

var reSegmentSep = regexp.MustCompile(`\s*(?:\||·|•)\s*|\s+[—–]\s+`)

// maxBioLines bounds the author box taken after a byline below the text;
// minBodyBeforeBio is how many prose lines must come first, so that a
// byline under a standfirst does not count as one.
const (
	maxBioLines      = 4
	minBodyBeforeBio = 3
)

// classify walks the lines once, dropping furniture and reading metadata.
func (x *extraction) classify() {
	relatedLeft, bioLeft, bodyLines := 0, 0, 0
	for i := range x.lines {
		ln := &x.lines[i]
		if ln.text == "" || ln.drop != "" {
			continue
		}
		seenBody := bodyLines > 0
		if x.metadataLine(i, seenBody) {
			if bodyLines >= minBodyBeforeBio && ln.drop == reasonByline {
				// A byline below the text opens an author box.
				bioLeft = maxBioLines
			}
			continue
		}
		if reason := boilerplateReason(ln.text); reason != "" {
			if reason == reasonCopyright && x.outlet == "" {
				x.outlet = copyrightOutlet(ln.text)
			}
			// "More from AUTHOR" opens a list below the text, not above it.
			if reason == reasonRelated && (relatedHeaders[phraseKey(ln.text)] || bodyLines > 0 && reMoreFrom.MatchString(ln.text)) {
				relatedLeft = maxRelatedItems
			}
			x.dropLine(i, reason)
			continue
		}
		if x.segmentedMetadata(i, seenBody) {
			continue
		}
		// A list item right above a byline or date is the headline: the
		// list has ended.
		if relatedLeft > 0 && isRelatedItem(ln.text) && !x.nextIsMeta(i) {
			relatedLeft--
			x.dropLine(i, reasonRelated)
			continue
		}
		relatedLeft = 0
		if bioLeft > 0 && utf8.RuneCountInString(ln.text) <= 200 {
			bioLeft--
			x.dropLine(i, reasonAuthorBio)
			continue
		}
		bioLeft = 0
		if isSentenceLike(ln.text) {
			bodyLines++
		} else if bodyLines == 0 && isTitleLike(ln.text) && len(strings.Fields(ln.text)) >= 4 {
			x.sawHeadline = true
		}
	}
}

// metadataLine handles stamps, bylines and source lines; it reports whether
// line i was one (and is now dropped).
func (x *extraction) metadataLine(i int, seenBody bool) bool {
	text := x.lines[i].text
	if st, ok := parseStamp(text); ok {
		x.applyStamp(i, st, seenBody)
		x.dropLine(i, st.kind)
		return true
	}
	if b, ok := parseByline(text); ok {
		x.applyByline(i, b, seenBody)
		return true
	}
	if b, ok := parseStampByline(text); ok {
		x.applyByline(i, b, seenBody)
		return true
	}
	// A lone name above a "Follow" button (Medium), or under the headline
	// and above a date (Substack, many CMS), is the byline.
	if isNameLine(text) && (phraseKey(x.nextText(i)) == "follow" || x.sawHeadline && !seenBody && x.nextIsDate(i)) {
		x.applyByline(i, byline{names: text}, seenBody)
		return true
	}
	if m := reSource.FindStringSubmatch(text); m != nil {
		if name := outletName(m[1]); name != "" {
			if x.outlet == "" {
				x.outlet = name
			}
			x.dropLine(i, reasonSource)
			return true
		}
	}
	return false
}

// segmentedMetadata handles a line of metadata pieces between separators,
// such as "5 min read · Nov 27, 2024" or "Published 27 Nov 2024 | Updated
// 28 Nov 2024 10:02 GMT". Every piece must be metadata or furniture.
func (x *extraction) segmentedMetadata(i int, seenBody bool) bool {
	if utf8.RuneCountInString(x.lines[i].text) > 200 {
		return false
	}
	parts := reSegmentSep.Split(x.lines[i].text, -1)
	if len(parts) < 2 {
		return false
	}
	stamps := make([]stamp, 0, len(parts))
	var bylines []byline
	for _, p := range parts {
		p = trimSpace(p)
		if p == "" || boilerplateReason(p) != "" {
			continue
		}
		if st, ok := parseStamp(p); ok {
			stamps = append(stamps, st)
			continue
		}
		if b, ok := parseByline(p); ok {
			bylines = append(bylines, b)
			continue
		}
		return false
	}
	if len(stamps) == 0 && len(bylines) == 0 {
		return false
	}
	for _, st := range stamps {
		x.applyStamp(i, st, seenBody)
	}
	for _, b := range bylines {
		x.applyByline(i, b, seenBody)
	}
	x.dropLine(i, reasonPublished)
	return true
}

func (x *extraction) applyStamp(i int, st stamp, seenBody bool) {
	field := "published_at"
	if st.kind == reasonUpdateStamp {
		field = "updated_at"
	}
	switch {
	case st.relative != "":
		x.warn("%s: relative stamp %q not resolved", field, st.relative)
		return
	case st.unread != "":
		x.warn("%s: could not read %q without guessing", field, st.unread)
		return
	}
	switch st.kind {
	case reasonUpdateStamp:
		if x.updated == nil {
			x.updated = st.value
		} else if x.updated.ts.String() != st.value.ts.String() {
			x.warn("updated_at: ignored a second update stamp %s", st.value.ts)
		}
	case reasonPublished:
		x.setPublished(i, st.value)
	case reasonDate:
		// A bare date above the article or right under its byline is its
		// publication date; one elsewhere below the text may be anything (a
		// related item, a comment), so it is only dropped.
		if !seenBody || x.prevKept(i) == reasonByline {
			x.setPublished(i, st.value)
		}
	}
}

func (x *extraction) setPublished(i int, v *dateValue) {
	if x.firstMeta < 0 {
		x.firstMeta = i
	}
	if x.published == nil {
		x.published = v
	} else if x.published.ts.Day() != v.ts.Day() {
		x.warn("published_at: ignored a second publication date %s", v.ts)
	}
}

func (x *extraction) applyByline(i int, b byline, seenBody bool) {
	if x.firstMeta < 0 {
		x.firstMeta = i
	}
	switch {
	case b.names == "":
	case x.byline == "":
		x.byline = b.names
	case x.byline != b.names:
		x.warn("byline: ignored a second byline %q", snippet(b.names))
	}
	if b.stamp != nil {
		if b.stamp.kind == reasonDate {
			// A date written in the byline is the publication date.
			b.stamp.kind = reasonPublished
		}
		x.applyStamp(i, *b.stamp, seenBody)
	}
	x.dropLine(i, reasonByline)
}

// nextIsMeta reports whether the next non-blank line is a byline or stamp.
func (x *extraction) nextIsMeta(i int) bool {
	next := x.nextText(i)
	if _, ok := parseStamp(next); ok {
		return true
	}
	_, ok := parseByline(next)
	return ok
}

// nextIsDate reports whether the next non-blank line is a date or stamp.
func (x *extraction) nextIsDate(i int) bool {
	_, ok := parseStamp(x.nextText(i))
	return ok
}

// prevKept returns the drop reason of the nearest non-blank line above i
// ("" when that line is kept).
func (x *extraction) prevKept(i int) string {
	for j := i - 1; j >= 0; j-- {
		if x.lines[j].text != "" {
			return x.lines[j].drop
		}
	}
	return ""
}

func (x *extraction) nextText(i int) string {
	for j := i + 1; j < len(x.lines); j++ {
		if x.lines[j].text != "" {
			return x.lines[j].text
		}
	}
	return ""
}

// dropMenus removes runs of three or more one- or two-word lines: a site
// menu flattened into text. Dropped lines between them do not break a run.
func (x *extraction) dropMenus() {
	var run []int
	flush := func() {
		if len(run) >= 3 {
			for _, i := range run {
				x.dropLine(i, reasonNavigation)
			}
		}
		run = run[:0]
	}
	for i, ln := range x.lines {
		switch {
		case ln.text == "" || ln.drop != "":
		case isMenuItem(ln.text):
			run = append(run, i)
		default:
			flush()
		}
	}
	flush()
}

// minProseWords is the length from which a line ending like a sentence is
// taken for article prose; shorter ones above the text are taglines,
// captions or labels.
const minProseWords = 10

// isSentenceLike is a line that reads as article prose rather than a
// heading: a full sentence of some length, or too long for a headline.
func isSentenceLike(s string) bool {
	words := len(strings.Fields(s))
	if words > 30 {
		return true
	}
	if isEllipsisHeadline(s) {
		return false
	}
	return endsSentence(s) && words >= minProseWords && !strings.HasSuffix(s, "?")
}

// isEllipsisHeadline is a short line trailing off with an ellipsis, a
// headline device ("Rivals of the £400 Apple...") rather than prose.
func isEllipsisHeadline(s string) bool {
	t := strings.TrimRight(s, `"'”’ `)
	return (strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")) && len(strings.Fields(s)) <= 12
}

// isTitleLike is a short line shaped like a headline: a few words, a
// capital or digit first, no closing period or trailing colon.
func isTitleLike(s string) bool {
	s = stripHeading(s)
	n := utf8.RuneCountInString(s)
	words := len(strings.Fields(s))
	if n < 8 || n > 200 || words < 2 || words > 30 || !hasLetter(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:", last) && !isEllipsisHeadline(s) {
		return false
	}
	opening := strings.TrimLeft(s, `"'“‘«`)
	first, size := utf8.DecodeRuneInString(opening)
	second, _ := utf8.DecodeRuneInString(opening[size:])
	// Headlines open with a capital, a number or a currency sign; brand
	// names such as "iTunes" or "eBay" open with a lower-case letter
	// followed by a capital.
	return unicode.IsUpper(first) || unicode.IsDigit(first) || unicode.Is(unicode.Sc, first) ||
		first == '&' || unicode.IsLower(first) && unicode.IsUpper(second)
}

// isRelatedItem is a line that can belong to a list of links: a headline,
// a date, a bullet item; not a paragraph of prose.
func isRelatedItem(s string) bool {
	if _, ok := parseStamp(s); ok {
		return true
	}
	n := utf8.RuneCountInString(s)
	return n <= 160 && (!endsSentence(s) || n < 60)
}

// stripHeading removes Markdown heading marks from a title line.
func stripHeading(s string) string {
	t := strings.TrimLeft(s, "#")
	if t != s && strings.HasPrefix(t, " ") {
		return trimSpace(t)
	}
	return s
}
