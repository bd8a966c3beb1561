package tokenize

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"words and punctuation", "Shoigu visited Kabul.", []string{"Shoigu", "visited", "Kabul", "."}},
		{"dotted acronym", "The U.S. and the U.K. agreed.", []string{"The", "U.S.", "and", "the", "U.K.", "agreed", "."}},
		{"initials", "John F. Kennedy", []string{"John", "F.", "Kennedy"}},
		{"titles", "Mr. Smith met Dr. Jones", []string{"Mr.", "Smith", "met", "Dr.", "Jones"}},
		{"decimals and thousands", "It rose 3.5% to $1,357.25 billion", []string{"It", "rose", "3.5", "%", "to", "$", "1,357.25", "billion"}},
		{"clock and fractions", "at 10:30 on 24/7", []string{"at", "10:30", "on", "24/7"}},
		{"apostrophes", "Russia’s army and Putin's aides don't", []string{"Russia’s", "army", "and", "Putin's", "aides", "don't"}},
		{"hyphens", "a well-known U.S.-based firm", []string{"a", "well-known", "U.S.-based", "firm"}},
		{"ellipsis", "Wait... what?!", []string{"Wait", "...", "what", "?!"}},
		{"unicode ellipsis and quotes", "“Yes…” he said", []string{"“", "Yes", "…", "”", "he", "said"}},
		{"ampersand", "AT&T and S&P rose", []string{"AT&T", "and", "S&P", "rose"}},
		{"dash run", "left -- right", []string{"left", "--", "right"}},
		{"comma not between digits", "Paris, France", []string{"Paris", ",", "France"}},
		{"trailing apostrophe", "the players' union", []string{"the", "players", "'", "union"}},
		{"empty", "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Tokens(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Shoigu arrived. He met officials.", []string{"Shoigu arrived.", "He met officials."}},
		{"title does not end", "Dr. Smith arrived. Mr. Jones left.", []string{"Dr. Smith arrived.", "Mr. Jones left."}},
		{"acronym inside", "The U.S. Treasury said so. Markets fell.", []string{"The U.S. Treasury said so.", "Markets fell."}},
		{"acronym at end", "He moved to the U.S. The move was quick.", []string{"He moved to the U.S.", "The move was quick."}},
		{"initials", "John F. Kennedy spoke. Crowds cheered.", []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		{"decimal", "Growth was 2.5 percent. Rates held.", []string{"Growth was 2.5 percent.", "Rates held."}},
		{"closing quote", `"We are ready." Officials agreed.`, []string{`"We are ready."`, "Officials agreed."}},
		{"typographic quote", "“We are ready.” Officials agreed.", []string{"“We are ready.”", "Officials agreed."}},
		{"bracket", "(See below.) Then more.", []string{"(See below.)", "Then more."}},
		{"quote then lower case", `"Stop!" he said. Then he left.`, []string{`"Stop!" he said.`, "Then he left."}},
		{"ellipsis continues", "He paused... and went on. Next.", []string{"He paused... and went on.", "Next."}},
		{"ellipsis ends", "He paused... Then he left.", []string{"He paused...", "Then he left."}},
		{"question and exclamation", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"headline", "Shoigu visits Kabul\n\nRussia's security chief arrived on Monday.", []string{"Shoigu visits Kabul", "Russia's security chief arrived on Monday."}},
		{"headline single newline", "Shoigu visits Kabul\nRussia's security chief arrived.", []string{"Shoigu visits Kabul", "Russia's security chief arrived."}},
		{"wrapped line", "the drought since early\nand improving prospects.", []string{"the drought since early\nand improving prospects."}},
		{"paragraph always ends", "Talks in\n\nmoscow", []string{"Talks in", "moscow"}},
		{"no final stop", "Breaking news", []string{"Breaking news"}},
		{"company abbreviation", "Acme Inc. said profits rose.", []string{"Acme Inc. said profits rose."}},
		{"hyphenated state abbreviation", "Rep. Ann Lee (D-N.C.) disagreed. He left.", []string{"Rep. Ann Lee (D-N.C.) disagreed.", "He left."}},
		{"missing space is still an end", "He left.Then she spoke.", []string{"He left.", "Then she spoke."}},
		{"whitespace only", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func checkInvariants(t *testing.T, text string) {
	t.Helper()
	prev := 0
	for _, tok := range Tokens(text) {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %+v out of order or range (prev end %d, len %d)", tok, prev, len(text))
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token text %q != text[%d:%d] %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if strings.TrimSpace(tok.Text) == "" && utf8.ValidString(tok.Text) {
			t.Fatalf("blank token %+v", tok)
		}
		prev = tok.End
	}
	prev = 0
	for _, s := range Sentences(text) {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %+v out of order or range (prev end %d, len %d)", s, prev, len(text))
		}
		prev = s.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, seed := range []string{
		"The U.S. Treasury said so. Markets fell.",
		"“We are ready.” Officials agreed...\n\nNext",
		"1,357.25 10:30 24/7 AT&T Russia’s",
		"a.b.c. ... !? \xff\xfe U.S.-",
		"Mr.\n\n\"Dr.\" )",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat("Russian Security Council Secretary Sergei Shoigu arrived in Kabul on Monday, "+
		"the U.S. Treasury said. “We are aimed at developing cooperation,” he said… Markets rose 2.5%.\n\n", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

// The fast paths of isWordRune must agree with package unicode.
func TestWordRuneFastPaths(t *testing.T) {
	for r := rune(0); r <= 0x206f; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		if r < utf8.RuneSelf && (asciiClass[r] == asciiSpace) != unicode.IsSpace(r) {
			t.Errorf("asciiClass[%U] disagrees with unicode.IsSpace", r)
		}
	}
}

func TestInLower(t *testing.T) {
	set := setOf("u.s.", "straße", "mr.")
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"U.S.", true}, {"u.s.", true}, {"Mr.", true}, {"MR.", true}, {"Mrs.", false},
		{"STRASSE", false}, {"Straße", true}, {"", false},
		{"Averyveryverylongword.", false},
	} {
		if got := inLower(set, tc.in); got != tc.want || got != set[strings.ToLower(tc.in)] {
			t.Errorf("inLower(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
