package quote

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// outlets are major news agencies and outlets, canonical name first in
// each row followed by other spellings.
var outlets = [][]string{
	{"TASS", "Tass", "ITAR-TASS"}, {"RIA Novosti", "RIA"}, {"Interfax"}, {"Reuters"},
	{"Associated Press", "AP"}, {"AFP", "Agence France-Presse", "Agence France Presse"},
	{"Xinhua"}, {"Bloomberg"}, {"BBC"}, {"CNN"}, {"Al Jazeera"}, {"Sputnik"}, {"RT"},
	{"Kommersant"}, {"Vedomosti"}, {"Izvestia"}, {"The New York Times", "New York Times", "NYT"},
	{"The Washington Post", "Washington Post"}, {"The Wall Street Journal", "Wall Street Journal", "WSJ"},
	{"The Guardian"}, {"Financial Times"}, {"Fox News"}, {"NBC News", "NBC"}, {"CBS News", "CBS"},
	{"ABC News", "ABC"}, {"NPR"}, {"Politico"}, {"Axios"}, {"Dow Jones"}, {"Anadolu", "Anadolu Agency"},
	{"Yonhap"}, {"Kyodo"}, {"TOLOnews", "Tolo News"}, {"Khaama Press"}, {"Pajhwok"}, {"Ariana News"},
	{"IRNA"}, {"ANI"}, {"PTI"}, {"EFE"}, {"ANSA"}, {"dpa", "DPA"}, {"Ukrinform"}, {"UNIAN"},
	{"Der Spiegel", "Spiegel"}, {"Le Monde"}, {"The Times"}, {"The Telegraph"}, {"Daily Mail"},
	{"The Hill"}, {"USA Today"}, {"Breitbart", "Breitbart News"}, {"The Huffington Post", "Huffington Post", "HuffPost"},
	{"Haaretz"}, {"The Times of Israel", "Times of Israel"}, {"Kyiv Independent"}, {"Meduza"}, {"NHK"},
	{"CCTV"}, {"Global Times"}, {"South China Morning Post"}, {"Nikkei"}, {"Arab News"}, {"Al Arabiya"},
	{"MSNBC"}, {"Newsweek"}, {"Time"}, {"The Atlantic"}, {"Los Angeles Times"}, {"Chicago Tribune"},
	{"The Economist"}, {"Le Figaro"}, {"El País"}, {"Deutsche Welle", "DW"}, {"France 24"}, {"Euronews"},
}

// outletNames maps every spelling to its canonical name.
var outletNames = func() map[string]string {
	m := map[string]string{}
	for _, row := range outlets {
		for _, n := range row {
			m[n] = row[0]
		}
	}
	return m
}()

// outletIndex maps the first token of every outlet spelling to the
// spellings' token sequences, for a linear scan over a text's tokens.
var outletIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for n := range outletNames {
		var words []string
		for _, t := range tokenize.Tokens(n) {
			words = append(words, t.Text)
		}
		m[words[0]] = append(m[words[0]], words)
	}
	for _, seqs := range m {
		slices.SortFunc(seqs, func(a, b []string) int {
			return cmp.Or(len(b)-len(a), strings.Compare(strings.Join(a, " "), strings.Join(b, " ")))
		})
	}
	return m
}()

// outletMatches finds known outlets in toks as whole tokens, longest
// spelling first, returning the canonical name and token range of each.
func outletMatches(text string, toks []tokenize.Token) []news.Citation {
	var out []news.Citation
	for k := 0; k < len(toks); k++ {
		for _, seq := range outletIndex[toks[k].Text] {
			if k+len(seq) > len(toks) || !tokensEqual(toks[k:k+len(seq)], seq) {
				continue
			}
			end := toks[k+len(seq)-1].End
			out = append(out, news.Citation{Source: outletNames[text[toks[k].Start:end]], Start: toks[k].Start, End: end})
			k += len(seq) - 1
			break
		}
	}
	return out
}

func tokensEqual(toks []tokenize.Token, words []string) bool {
	for i, w := range words {
		if toks[i].Text != w {
			return false
		}
	}
	return true
}

// agencyPattern catches outlets missing from the list by their description:
// "the Bakhtar news agency", "the Kabul Times newspaper".
var agencyPattern = regexp.MustCompile(`\b((?:[A-Z][\p{L}\-]*\s){0,3}[A-Z][\p{L}\-]*)\s(?:news\s+agency|newspaper|news\s+outlet|broadcaster|daily|news\s+service|TV|television)\b`)

// datelinePattern reads "MOSCOW, Nov 25 /TASS/ -" and "LONDON (Reuters) -".
var datelinePattern = regexp.MustCompile(`(?m)^[^\n]{0,80}?[/(]([A-Z][\p{L}\- ]{1,40}?)[/)]\s*[-–—]`)

// signoffPattern reads a final "— AFP" or "(Reuters)" line.
var signoffPattern = regexp.MustCompile(`(?m)^\s*[-–—]\s*([A-Z][\p{L}\- ]{1,40}?)\s*$`)

// outletIn returns the canonical name of the outlet a phrase names.
func outletIn(phrase string) (string, bool) {
	if cs := outletMatches(phrase, tokenize.Tokens(phrase)); len(cs) > 0 {
		return cs[0].Source, true
	}
	if !mayDescribeOutlet(phrase) {
		return "", false
	}
	if m := agencyPattern.FindStringSubmatch(phrase); m != nil {
		return strings.TrimPrefix(m[1], "The "), true
	}
	return "", false
}

// isReporting reports whether an attribution relays someone else's words:
// an outlet's report ("TASS reported", "according to TASS") whose content
// holds the speaker's own attribution.
func (d *doc) isReporting(a attribution) bool {
	if a.srcTo <= a.srcFrom {
		return false
	}
	_, ok := outletIn(d.text[d.toks[a.srcFrom].Start:d.toks[a.srcTo-1].End])
	return ok || a.lemma == "report"
}

// sourceName names an attribution's source for a reporting chain.
func (d *doc) sourceName(a attribution) string {
	phrase := d.text[d.toks[a.srcFrom].Start:d.toks[a.srcTo-1].End]
	if name, ok := outletIn(phrase); ok {
		return name
	}
	head := d.sourceSpan(a)
	return d.text[head.Start:head.End]
}

// sourceSpan is the part of an attribution's source phrase that names the
// source: the whole phrase when it is a described source ("Russian state
// media"), else its head.
func (d *doc) sourceSpan(a attribution) news.Span {
	if from, ok := d.commonHead(a.srcFrom, a.srcTo); ok {
		return news.Span{Start: d.toks[from].Start, End: d.toks[a.srcTo-1].End}
	}
	head, _ := d.head(a.srcFrom, a.srcTo)
	return head
}

// commonHead reports whether a source phrase [from, to) is a capitalised
// modifier before a common noun ("Russian state media", "the Kremlin's
// press office"), which names the source as a whole; it returns where
// the phrase starts after a determiner.
func (d *doc) commonHead(from, to int) (int, bool) {
	if determiners[d.toks[from].lower] && to-from > 2 {
		from++
	}
	last := d.toks[to-1]
	if to-from < 2 || !d.toks[from].isCapitalised() || !last.isLower() || last.quoteID >= 0 {
		return from, false
	}
	for _, t := range d.toks[from:to] {
		if t.isPunct() || npStop[t.lower] {
			return from, false
		}
	}
	return from, true
}

// articleSources finds the agencies an article as a whole comes from: its
// dateline and its sign-off.
func articleSources(text string) []news.Citation {
	var out []news.Citation
	head := text[:min(len(text), 600)]
	if m := datelinePattern.FindStringSubmatchIndex(head); m != nil {
		name := head[m[2]:m[3]]
		if canonical, ok := outletNames[name]; ok || isAllCaps(name) {
			if ok {
				name = canonical
			}
			out = append(out, news.Citation{Source: name, Start: m[2], End: m[3]})
		}
	}
	tailStart := max(0, len(text)-200)
	for tailStart > 0 && !utf8.RuneStart(text[tailStart]) {
		tailStart--
	}
	tail := text[tailStart:]
	if m := signoffPattern.FindAllStringSubmatchIndex(tail, -1); m != nil {
		last := m[len(m)-1]
		name := tail[last[2]:last[3]]
		if canonical, ok := outletNames[name]; ok {
			out = append(out, news.Citation{Source: canonical, Start: tailStart + last[2], End: tailStart + last[3]})
		}
	}
	return out
}

// dateline returns where a dateline's line starts and the offset just
// after its dash, or 0, 0.
func dateline(text string) (int, int) {
	head := text[:min(len(text), 600)]
	// Every dateline has a slash or parenthesis and a dash: most texts
	// have neither near the top, and are spared the pattern.
	if !strings.ContainsAny(head, "/(") || !strings.ContainsAny(head, "-–—") {
		return 0, 0
	}
	if m := datelinePattern.FindStringIndex(head); m != nil {
		return m[0], m[1]
	}
	return 0, 0
}

// mayDescribeOutlet is a cheap filter before agencyPattern.
func mayDescribeOutlet(s string) bool {
	for _, w := range []string{"agency", "newspaper", "outlet", "broadcaster", "daily", "service", "TV", "television"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// agencyMatches runs agencyPattern only around the words it needs.
func (d *doc) agencyMatches() [][]int {
	if !mayDescribeOutlet(d.text) {
		return nil
	}
	var out [][]int
	for _, t := range d.toks {
		switch t.Text {
		case "agency", "newspaper", "outlet", "broadcaster", "daily", "service", "TV", "television":
		default:
			continue
		}
		from := max(0, t.Start-120)
		for from > 0 && !utf8.RuneStart(d.text[from]) {
			from--
		}
		window := d.text[from:t.End]
		ms := agencyPattern.FindAllStringSubmatchIndex(window, -1)
		if len(ms) == 0 {
			continue
		}
		m := ms[len(ms)-1]
		if from+m[1] != t.End {
			continue
		}
		for i := range m {
			m[i] += from
		}
		out = append(out, m)
	}
	return out
}

func isAllCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// citations lists the article-level citations: the article's own sources
// (dateline, sign-off), every mention of a known outlet or of a described
// one ("the Bakhtar news agency"), and the sources of reports ("X
// reported", "according to X").
func (d *doc) citations(atts []attribution, article []news.Citation) []news.Citation {
	out := append([]news.Citation(nil), article...)
	toks := make([]tokenize.Token, len(d.toks))
	for i, t := range d.toks {
		toks[i] = t.Token
	}
	out = append(out, outletMatches(d.text, toks)...)
	for _, m := range d.agencyMatches() {
		name := strings.TrimPrefix(d.text[m[2]:m[3]], "The ")
		out = append(out, news.Citation{Source: name, Start: m[3] - len(name), End: m[3]})
	}
	for _, a := range append(append([]attribution(nil), atts...), d.relays...) {
		if a.srcTo <= a.srcFrom || a.lemma != "report" && a.lemma != "according to" {
			continue
		}
		head := d.sourceSpan(a)
		if r, _ := utf8.DecodeRuneInString(d.text[head.Start:]); unicode.IsUpper(r) {
			out = append(out, news.Citation{Source: d.text[head.Start:head.End], Start: head.Start, End: head.End})
		}
	}
	return dedupCitations(out)
}

func dedupCitations(cs []news.Citation) []news.Citation {
	var out []news.Citation
	for _, c := range cs {
		if !slices.ContainsFunc(out, func(o news.Citation) bool { return o.Start < c.End && c.Start < o.End }) {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b news.Citation) int { return a.Start - b.Start })
	return out
}
