package resolve

import (
	"slices"
	"strings"
	"testing"
)

func TestCanonicalID(t *testing.T) {
	tests := []struct{ typ, name, want string }{
		{"PER", "Sergei Shoigu", "per:sergei_shoigu"},
		{"PER", "Sergey Shoigu’s", "per:sergei_shoigu"},
		{"PER", "Serguei Lavrov", "per:sergei_lavrov"},
		{"PER", "Dmitriy Peskov", "per:dmitri_peskov"},
		{"PER", "Dmitry Peskov", "per:dmitri_peskov"},
		{"PER", "Mohamed Salah", "per:muhammad_salah"},
		{"PER", "Mohammed bin Salman", "per:muhammad_bin_salman"},
		{"PER", "Abdel Fattah el-Sisi", "per:abdul_fattah_el_sisi"},
		{"PER", "Aleksandr Lukashenko", "per:alexander_lukashenko"},
		{"PER", "Alexander Lukashenko", "per:alexander_lukashenko"},
		{"PER", "Volodymyr Zelenskyy", "per:volodymyr_zelensky"},
		{"PER", "Volodymyr Zelenskiy", "per:volodymyr_zelensky"},
		{"PER", "Recep Tayyip Erdoğan", "per:recep_tayyip_erdogan"},
		{"PER", "Mr. Keir Starmer", "per:keir_starmer"},
		{"PER", "Lech Wałęsa", "per:lech_walesa"},
		{"LOC", "U.S.", "loc:united_states"},
		{"LOC", "America", "loc:united_states"},
		{"ORG", "US", "loc:united_states"},
		{"LOC", "Britain", "loc:united_kingdom"},
		{"LOC", "UK", "loc:united_kingdom"},
		{"LOC", "Côte d'Ivoire", "loc:cote_divoire"},
		{"LOC", "Türkiye", "loc:turkey"},
		{"ORG", "the Taliban", "org:taliban"},
		{"ORG", "Goldman Sachs", "org:goldman_sachs"},
		{"MISC", "Champions League", "misc:champions_league"},
	}
	for _, tt := range tests {
		if got := CanonicalID(tt.typ, tt.name); got != tt.want {
			t.Errorf("CanonicalID(%q, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}

func TestCountryTable(t *testing.T) {
	members := 0
	for _, c := range countries().byID {
		if c.Name == "" || c.ID == "" {
			t.Errorf("incomplete row %+v", c)
		}
		members++
	}
	if members < 193 {
		t.Errorf("country table has %d rows, want all 193 UN members", members)
	}
	for _, tt := range []struct {
		lookup   func(string) (Country, bool)
		in, want string
	}{
		{LookupDemonym, "Russian", "russia"},
		{LookupDemonym, "Afghans", "afghanistan"},
		{LookupDemonym, "British", "united_kingdom"},
		{LookupCapital, "Moscow", "russia"},
		{LookupCapital, "Washington", "united_states"},
		{LookupCapital, "Kyiv", "ukraine"},
		{LookupCapital, "the Kremlin", "russia"},
		{LookupCountry, "Russian Federation", "russia"},
		{LookupCountry, "the U.S.", "united_states"},
	} {
		c, ok := tt.lookup(tt.in)
		if !ok || c.ID != tt.want {
			t.Errorf("lookup(%q) = %q, %v; want %q", tt.in, c.ID, ok, tt.want)
		}
	}
}

func TestResolveNames(t *testing.T) {
	text := "Russia’s Shoigu Visits Kabul\n\nSergei Shoigu arrived on Monday. Shoigu’s visit was unexpected, and Sergei said little."
	ents := Resolve(text, nil, spans(text, "PER:Shoigu", "PER:Sergei Shoigu", "PER:Sergei", "LOC:Russia", "LOC:Kabul"))
	e := find(t, ents, "per:sergei_shoigu", "")
	if len(e.Mentions) != 4 {
		t.Fatalf("Shoigu has %d mentions %+v, want 4", len(e.Mentions), e.Mentions)
	}
	if e.Name != "Sergei Shoigu" || !slices.Equal(e.Aliases, []string{"Shoigu", "Sergei Shoigu", "Sergei"}) {
		t.Errorf("name %q aliases %v", e.Name, e.Aliases)
	}
	if ents[0].ID != "loc:russia" {
		t.Errorf("first entity %s, want loc:russia (order of first mention)", ents[0].ID)
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Text != text[m.Start:m.End] {
				t.Errorf("mention text %q != %q", m.Text, text[m.Start:m.End])
			}
		}
	}
}

func TestResolveSurnameAmbiguity(t *testing.T) {
	text := "Hillary Clinton spoke before Bill Clinton. Later, Clinton said she was tired."
	ents := Resolve(text, nil, spans(text, "PER:Hillary Clinton", "PER:Bill Clinton", "PER:Clinton"))
	e, _, ok := mentionOf(ents, strings.Index(text, "Clinton said"))
	if !ok || e.ID != "per:bill_clinton" {
		t.Errorf("bare Clinton went to %q, want the most recent full name per:bill_clinton", e.ID)
	}
}

func TestResolvePronouns(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		names   []string
		pronoun string // the pronoun to check, with enough context to be unique
		want    string
	}{
		{
			name:    "subject of previous sentence",
			text:    "Sergei Shoigu met Taliban officials in Kabul. He accused Washington of withholding assets.",
			names:   []string{"PER:Sergei Shoigu", "ORG:Taliban", "LOC:Kabul", "LOC:Washington"},
			pronoun: "He accused",
			want:    "per:sergei_shoigu",
		},
		{
			name:    "gender from honorific",
			text:    "Mrs. Jacinda Ardern welcomed Mr. Chris Hipkins to the meeting. He thanked her warmly.",
			names:   []string{"PER:Jacinda Ardern", "PER:Chris Hipkins"},
			pronoun: "He thanked",
			want:    "per:chris_hipkins",
		},
		{
			name:    "object pronoun avoids own subject",
			text:    "Mrs. Jacinda Ardern welcomed Mr. Chris Hipkins to the meeting. He thanked her warmly.",
			names:   []string{"PER:Jacinda Ardern", "PER:Chris Hipkins"},
			pronoun: "her warmly",
			want:    "per:jacinda_ardern",
		},
		{
			name:    "gender from earlier pronoun",
			text:    "Serena Williams beat Novak Djokovic's coach in an exhibition. She said the match was fun. Djokovic watched from the stands, and he smiled. Later she left.",
			names:   []string{"PER:Serena Williams", "PER:Novak Djokovic", "PER:Djokovic"},
			pronoun: "she left",
			want:    "per:serena_williams",
		},
		{
			name:    "possessive in same sentence",
			text:    "Police said Marcus Reid, 34, left his car near the bank.",
			names:   []string{"PER:Marcus Reid"},
			pronoun: "his car",
			want:    "per:marcus_reid",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := Resolve(tt.text, nil, spans(tt.text, tt.names...))
			e, m, ok := mentionOf(ents, strings.Index(tt.text, tt.pronoun))
			if !ok || e.ID != tt.want || m.Kind != KindPronoun {
				t.Errorf("pronoun in %q resolved to %q (%s), want %q", tt.pronoun, e.ID, m.Kind, tt.want)
			}
		})
	}
}

func TestResolveQuotedPronounsSkipped(t *testing.T) {
	text := "Joe Biden spoke. “He will never win,” Biden said of a rival."
	ents := Resolve(text, nil, spans(text, "PER:Joe Biden", "PER:Biden"))
	if _, _, ok := mentionOf(ents, strings.Index(text, "He will")); ok {
		t.Error("pronoun inside a direct quote was resolved")
	}
}

// A name inside a quotation is not the antecedent of a pronoun outside it.
func TestResolveQuotedNamesNotAntecedents(t *testing.T) {
	text := "Chris Christie spoke in Livingston. “If Washington and Adams believed that, we would still be English,” he said."
	ents := Resolve(text, nil, spans(text, "PER:Chris Christie", "PER:Washington", "PER:Adams"))
	e, _, ok := mentionOf(ents, strings.Index(text, "he said"))
	if !ok || e.ID != "per:chris_christie" {
		t.Errorf("he resolved to %q, want per:chris_christie", e.ID)
	}
}

func TestResolveNominals(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		nominal    string
		want       string // "" means the nominal must stay unresolved
	}{
		{
			name:    "title match",
			text:    "Defense Minister Boris Pistorius visited troops in Lithuania. The minister said the brigade was ready.",
			names:   []string{"PER:Boris Pistorius", "LOC:Lithuania"},
			nominal: "The minister",
			want:    "per:boris_pistorius",
		},
		{
			name:    "generic head",
			text:    "Sergei Shoigu, Secretary of Russia’s Security Council, visited Kabul. The top security official met Taliban leaders.",
			names:   []string{"PER:Sergei Shoigu", "LOC:Russia", "ORG:Security Council", "LOC:Kabul", "ORG:Taliban"},
			nominal: "The top security official",
			want:    "per:sergei_shoigu",
		},
		{
			name:    "appositive",
			text:    "The visit of Sergei Shoigu, the country’s National Security Advisor, was unexpected.",
			names:   []string{"PER:Sergei Shoigu"},
			nominal: "the country’s National Security Advisor",
			want:    "per:sergei_shoigu",
		},
		{
			name:    "title before name",
			text:    "The striker Erling Haaland scored twice.",
			names:   []string{"PER:Erling Haaland"},
			nominal: "The striker",
			want:    "per:erling_haaland",
		},
		{
			name:    "conflicting title stays unresolved",
			text:    "Sergei Shoigu, the country’s National Security Advisor, held talks with the deputies of the Taliban Prime Minister.",
			names:   []string{"PER:Sergei Shoigu", "ORG:Taliban"},
			nominal: "the Taliban Prime Minister",
			want:    "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := Resolve(tt.text, nil, spans(tt.text, tt.names...))
			e, m, ok := mentionOf(ents, strings.Index(tt.text, tt.nominal))
			if tt.want == "" {
				if ok && m.Kind == KindNominal {
					t.Errorf("nominal %q resolved to %s, want none", tt.nominal, e.ID)
				}
				return
			}
			if !ok || e.ID != tt.want || m.Kind != KindNominal || m.Text != tt.nominal {
				t.Errorf("nominal %q -> %q %q (%s), want %q", tt.nominal, e.ID, m.Text, m.Kind, tt.want)
			}
		})
	}
}

func TestResolveMetonyms(t *testing.T) {
	tests := []struct {
		text, capital string
		actor         bool
	}{
		{"Russian state media reported that Moscow supports the plan.", "Moscow", true},
		{"He accused Washington of withholding Afghan assets.", "Washington", true},
		{"Russia intends to help Kabul integrate into regional frameworks.", "Kabul", true},
		{"Baradar sought Moscow’s assistance against sanctions.", "Moscow", true},
		{"Baradar asked Moscow to assist the current regime.", "Moscow", true},
		{"Washington withheld the funds for months.", "Washington", true},
		{"Moscow has engaged with the group diplomatically.", "Moscow", true},
		{"Shoigu made an unexpected visit to Kabul on Monday.", "Kabul", false},
		{"Talks were held in Kabul on Tuesday.", "Kabul", false},
		{"Paris is cold in winter and tourists love it.", "Paris", true},
		{"The team flew from London to Madrid overnight.", "Madrid", false},
	}
	for _, tt := range tests {
		ents := Resolve(tt.text, nil, spans(tt.text, "LOC:"+tt.capital))
		c, _ := LookupCapital(tt.capital)
		if len(ents) != 1 {
			t.Fatalf("%q: got %d entities", tt.text, len(ents))
		}
		e := ents[0]
		wantRefers := ""
		if tt.actor {
			wantRefers = prefixGov + c.ID
		}
		if e.Refers != wantRefers || e.ID != CanonicalID("LOC", tt.capital) {
			t.Errorf("%q: %s refers %q, want %q", tt.text, e.ID, e.Refers, wantRefers)
		}
	}
}

func TestResolveDemonymsAndAcronyms(t *testing.T) {
	text := "With the Islamic State (IS) expanding its presence, Russian lawmakers acted. IS claimed the attack, the U.S. said, and America agreed."
	ents := Resolve(text, nil, spans(text, "ORG:Islamic State", "MISC:Russian", "LOC:U.S.", "LOC:America"))
	is := find(t, ents, "org:islamic_state", "")
	if !slices.Equal(is.Aliases, []string{"Islamic State", "IS"}) || len(is.Mentions) != 3 {
		t.Errorf("Islamic State aliases %v, %d mentions", is.Aliases, len(is.Mentions))
	}
	ru := find(t, ents, "misc:russian", "loc:russia")
	if ru.Mentions[0].Kind != KindDemonym {
		t.Errorf("Russian mention kind %q", ru.Mentions[0].Kind)
	}
	us := find(t, ents, "loc:united_states", "")
	if us.Name != "United States" || !slices.Equal(us.Aliases, []string{"U.S.", "America"}) {
		t.Errorf("US entity %q aliases %v", us.Name, us.Aliases)
	}
}

func TestResolveBadSpans(t *testing.T) {
	text := "Angela Merkel spoke."
	ents := Resolve(text, nil, []Name{{Start: -1, End: 3, Type: "PER"}, {Start: 0, End: 99, Type: "PER"}, {Start: 5, End: 2, Type: "PER"}, {Start: 0, End: 13, Type: "per"}, {Start: 7, End: 13, Type: "PER"}})
	if len(ents) != 1 || ents[0].ID != "per:angela_merkel" || len(ents[0].Mentions) != 1 {
		t.Errorf("got %+v", ents)
	}
}

// Fold's ASCII fast path must agree with the general fold.
func TestFoldASCIIMatchesUnicodeFold(t *testing.T) {
	inputs := []string{"", "Shoigu", "U.S.", "already folded", "O`Brien", "MIXED case-Words 123", "Erdoğan", "Ø"}
	for c := range 128 {
		inputs = append(inputs, string(rune(c)), "Ab"+string(rune(c))+"Z")
	}
	for _, s := range inputs {
		if got, want := Fold(s), foldUnicode(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLookupKeySpacing(t *testing.T) {
	for _, s := range []string{"the U.S.’s", "United  States", " Kabul ", "New\tYork", "Côte d’Ivoire", "A", "", " ", "a b", "a\u00a0b"} {
		f := Fold(stripPossessive(strings.TrimSpace(s)))
		f = strings.ReplaceAll(strings.TrimPrefix(f, "the "), ".", "")
		if got, want := lookupKey(s), strings.Join(strings.Fields(f), " "); got != want {
			t.Errorf("lookupKey(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestResolvePartyTags(t *testing.T) {
	text := "Sen. John Cornyn, R-Texas, and Sen. Chuck Schumer (D-N.Y.) met Rep. Lee, D-Calif. Texas and R-Series models stayed."
	names := spans(text, "PER:John Cornyn", "LOC:R-Texas", "PER:Chuck Schumer", "ORG:D-N", "LOC:Y.", "PER:Lee", "MISC:D-Calif", "LOC:Texas", "MISC:R-Series")
	var got []string
	for _, e := range Resolve(text, nil, names) {
		got = append(got, e.Name)
	}
	want := "Chuck Schumer|John Cornyn|Lee|R-Series|Texas"
	slices.Sort(got)
	if strings.Join(got, "|") != want {
		t.Errorf("entities %q, want %q", got, want)
	}
}

func TestQuoteSpansAcrossParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"He said \"a b\" and \"c\".", []string{`"a b"`, `"c"`}},
		{"\"Brett McGurk was appointed in 2015.\n\nHe was supposed to leave,\" Trump tweeted.",
			[]string{"\"Brett McGurk was appointed in 2015.\n\nHe was supposed to leave,\""}},
		{"\"One.\n\n\"Two,\" he said.", []string{"\"Two,\""}},
		{"A stray \" mark.\n\nNext \"quoted\" words.", []string{`"quoted"`}},
		{"\"Open.\n\nNo marks.\n\nStill none.\n\nLate,\" he said.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range quoteSpans(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("quoteSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestResolvePlatforms(t *testing.T) {
	text := "She said on Twitter and Facebook's site, not on Twitterverse, that Telegram had erred."
	names := spans(text, "LOC:Facebook", "LOC:Telegram")
	var got []string
	for _, e := range Resolve(text, nil, names) {
		got = append(got, e.ID+"/"+e.Type)
	}
	want := "org:twitter/ORG|org:facebook/ORG|org:telegram/ORG"
	if strings.Join(got, "|") != want {
		t.Errorf("entities %q, want %q", got, want)
	}
}
