package html

import (
	"regexp"
	"strings"
)

// Consensus trimming: two extractors built on different ideas
// (trafilatura's tag rules and readability's content scoring) rarely keep
// the same piece of page furniture. When a second opinion found the same
// article, short paragraphs at the edges of the text that it did not keep
// (bylines, "read more" teasers, newsletter calls, copyright lines,
// photo credits) are dropped. Long paragraphs and everything between the
// first and last confirmed paragraph stay: the first engine's recall is
// kept where the two disagree about the body itself.
const (
	// consensusMinCover is the share of the text's long paragraphs (by
	// length) the second opinion must contain to count as the same article.
	consensusMinCover = 0.5
	// consensusLongPara is the length from which a paragraph is long: it is
	// kept and counted in the cover even when unconfirmed.
	consensusLongPara = 100
)

// trimUnconfirmed drops the leading and trailing runs of short paragraphs
// of text that second does not contain, when second covers enough of text
// to be an account of the same article. Paragraphs are separated by blank
// lines in both texts.
func trimUnconfirmed(text, second string) string {
	if text == "" || second == "" {
		return text
	}
	other := cleanText(second)
	paras := strings.Split(text, "\n\n")
	confirmed := make([]bool, len(paras))
	var long, covered int
	for i, p := range paras {
		inOther := strings.Contains(other, cleanText(p))
		if len(p) >= consensusLongPara {
			long += len(p)
			if inOther {
				covered += len(p)
			}
		}
		confirmed[i] = inOther || len(p) >= consensusLongPara
	}
	if long == 0 || float64(covered) < consensusMinCover*float64(long) {
		return text
	}
	first, last := 0, len(paras)
	for first < last && !confirmed[first] {
		first++
	}
	for last > first && !confirmed[last-1] {
		last--
	}
	return strings.Join(paras[first:last], "\n\n")
}

// pictureNote matches the parenthesised note that marks a caption:
// "(Symbolbild)", "(Foto: Jane Doe)".
var pictureNote = regexp.MustCompile(`(?i)\((?:symbolbild|archivbild|foto|fotos|photo|bild|image|credit|picture)\b[^)]*\)`)

// secondLeadMax bounds the paragraphs taken from the second opinion's
// start.
const secondLeadMax = 3

// prependSecondLead puts back the paragraphs the second opinion has
// before text's first paragraph: the engines often split at the
// standfirst, and the one that kept it saw the start of the body. Only
// prose is taken: a paragraph of at least leadMinWords words ending like a
// sentence.
func prependSecondLead(text, second string) string {
	if text == "" || second == "" {
		return text
	}
	first, _, _ := strings.Cut(text, "\n\n")
	other := strings.Split(second, "\n\n")
	at := -1
	for i, p := range other {
		if i > secondLeadMax {
			break
		}
		if cleanText(p) == cleanText(first) {
			at = i
			break
		}
	}
	if at <= 0 {
		return text
	}
	var lead []string
	for _, p := range other[:at] {
		if len(strings.Fields(p)) >= leadMinWords && strings.ContainsAny(p[len(p)-1:], ".!?…\"“”»") && !strings.Contains(text, p) && !pictureNote.MatchString(p) {
			lead = append(lead, p)
		}
	}
	if len(lead) == 0 {
		return text
	}
	return strings.Join(append(lead, text), "\n\n")
}
