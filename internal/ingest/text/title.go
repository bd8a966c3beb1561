package text

import (
	"slices"
	"strings"
)

// chooseTitle picks the headline among the one-line paragraphs above the
// body, or takes the title from the feed footer, and returns the
// paragraphs without it. Short lines above the chosen headline (kickers,
// site names, taglines) go with it.
func (x *extraction) chooseTitle(paras []paragraph) []paragraph {
	if x.footerTitle != "" {
		x.title = x.footerTitle
		key := matchKey(x.footerTitle)
		out := paras[:0]
		for _, p := range paras {
			if matchKey(stripHeading(p.text)) == key {
				continue
			}
			out = append(out, p)
		}
		return out
	}
	bodyStart := len(paras)
	var candidates []int
	for i, p := range paras {
		if p.lines > 1 || isSentenceLike(p.text) {
			bodyStart = i
			break
		}
		if isTitleLike(p.text) {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		return paras
	}
	chosen := candidates[0]
	// The headline sits right above the byline or date: prefer the last
	// candidate before them over site names and taglines higher up.
	if x.firstMeta >= 0 && (bodyStart == len(paras) || x.firstMeta < paras[bodyStart].first) {
		for _, i := range candidates {
			if paras[i].first < x.firstMeta {
				chosen = i
			}
		}
	}
	// A headline directly above a longer dek-shaped line is the title and
	// the line under it its dek: prefer the first of such a pair.
	if k := slices.Index(candidates, chosen); k > 0 {
		prev := candidates[k-1]
		if prev == chosen-1 && x.onlyBlankBetween(paras[prev], paras[chosen]) {
			prevWords, words := len(strings.Fields(paras[prev].text)), len(strings.Fields(paras[chosen].text))
			if prevWords >= 4 && prevWords < words {
				chosen = prev
			}
		}
	}
	x.title = stripHeading(paras[chosen].text)
	for _, p := range paras[:chosen] {
		x.warn("dropped %s: %q", reasonHeaderJunk, snippet(p.text))
	}
	// Between the headline and the text, a dek is kept but a lone word or
	// two (a section, an agency, a label) is furniture, unless a line
	// ending in a colon introduces it.
	out := make([]paragraph, 0, len(paras)-chosen-1)
	prev := paras[chosen].text
	for i, p := range paras[chosen+1:] {
		introduced := strings.HasSuffix(prev, ":")
		prev = p.text
		if chosen+1+i < bodyStart && len(strings.Fields(p.text)) <= 2 && !endsSentence(p.text) &&
			!strings.HasSuffix(p.text, ":") && !introduced {
			x.warn("dropped %s: %q", reasonHeaderJunk, snippet(p.text))
			continue
		}
		out = append(out, p)
	}
	return out
}

// onlyBlankBetween reports whether nothing but blank lines separates two
// paragraphs, so that no dropped furniture sat between them.
func (x *extraction) onlyBlankBetween(a, b paragraph) bool {
	for i := a.first + a.lines; i < b.first; i++ {
		if x.lines[i].text != "" {
			return false
		}
	}
	return true
}
