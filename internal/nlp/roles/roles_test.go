package roles

import (
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
)

// spans marks every occurrence of the given "TYPE:surface" items as names,
// longer forms first, the way a NER tagger would.
func spans(text string, items ...string) []resolve.Name {
	sort.SliceStable(items, func(i, j int) bool { return len(items[i]) > len(items[j]) })
	var out []resolve.Name
	for _, it := range items {
		typ, surface, _ := strings.Cut(it, ":")
		for pos := 0; pos < len(text); {
			i := strings.Index(text[pos:], surface)
			if i < 0 {
				break
			}
			s, e := pos+i, pos+i+len(surface)
			pos = e
			free := boundary(text, s, e)
			for _, n := range out {
				if s < n.End && n.Start < e {
					free = false
				}
			}
			if free {
				out = append(out, resolve.Name{Start: s, End: e, Type: typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func boundary(text string, s, e int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:s])
	next, _ := utf8.DecodeRuneInString(text[e:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !word(prev) && !word(next)
}

// attach runs resolve then Attach over text.
func attach(text string, items ...string) []news.Entity {
	return Attach(text, nil, resolve.Resolve(text, nil, spans(text, items...)))
}

func rolesOf(t *testing.T, ents []news.Entity, id string) []news.Role {
	t.Helper()
	for _, e := range ents {
		if e.ID == id {
			return e.Roles
		}
	}
	t.Fatalf("no entity %s", id)
	return nil
}

func TestAttach(t *testing.T) {
	type want struct {
		title, normalized, country, org string
		former                          bool
	}
	tests := []struct {
		name  string
		text  string
		names []string
		id    string
		want  []want
	}{
		{
			name:  "coordinated appositive",
			text:  "On Monday, Sergei Shoigu, Secretary of Russia’s National Security Council and former Defense Minister, made an unexpected visit to Kabul.",
			names: []string{"PER:Sergei Shoigu", "ORG:National Security Council", "LOC:Russia", "LOC:Kabul"},
			id:    "per:sergei_shoigu",
			want: []want{
				{"Secretary of Russia’s National Security Council", "national security council secretary", "Russia", "National Security Council", false},
				{"former Defense Minister", "defense minister", "Russia", "", true},
			},
		},
		{
			name:  "prenominal with demonym and org",
			text:  "Russian Security Council Secretary Sergei Shoigu arrived in Kabul.",
			names: []string{"PER:Sergei Shoigu", "MISC:Russian", "ORG:Security Council", "LOC:Kabul"},
			id:    "per:sergei_shoigu",
			want:  []want{{"Russian Security Council Secretary", "security council secretary", "Russia", "Security Council", false}},
		},
		{
			name:  "prime minister",
			text:  "Prime Minister Narendra Modi inaugurated the bridge on Sunday.",
			names: []string{"PER:Narendra Modi"},
			id:    "per:narendra_modi",
			want:  []want{{"Prime Minister", "prime minister", "", "", false}},
		},
		{
			name:  "country abbreviation",
			text:  "The talks were hosted by U.S. President Joe Biden at the White House.",
			names: []string{"PER:Joe Biden", "LOC:U.S.", "LOC:White House"},
			id:    "per:joe_biden",
			want:  []want{{"U.S. President", "president", "United States", "", false}},
		},
		{
			name:  "post-nominal with the",
			text:  "According to TASS, Abdul Ghani Baradar, the Deputy Prime Minister for Economic Affairs, asked Moscow to help.",
			names: []string{"PER:Abdul Ghani Baradar", "ORG:TASS", "LOC:Moscow"},
			id:    "per:abdul_ghani_baradar",
			want:  []want{{"Deputy Prime Minister for Economic Affairs", "deputy prime minister for economic affairs", "", "", false}},
		},
		{
			name:  "possessive country",
			text:  "Meanwhile, Abdul Ghani Baradar, Afghanistan’s Deputy Prime Minister for Economic Affairs, sought assistance.",
			names: []string{"PER:Abdul Ghani Baradar", "LOC:Afghanistan"},
			id:    "per:abdul_ghani_baradar",
			want:  []want{{"Deputy Prime Minister for Economic Affairs", "deputy prime minister for economic affairs", "Afghanistan", "", false}},
		},
		{
			name:  "role noun before name",
			text:  "Taliban spokesman Zabihullah Mujahid denied the report.",
			names: []string{"PER:Zabihullah Mujahid", "ORG:Taliban"},
			id:    "per:zabihullah_mujahid",
			want:  []want{{"Taliban spokesman", "taliban spokesman", "", "Taliban", false}},
		},
		{
			name:  "senator abbreviation",
			text:  "The bill was blocked by Sen. Elizabeth Warren, who called it reckless.",
			names: []string{"PER:Elizabeth Warren"},
			id:    "per:elizabeth_warren",
			want:  []want{{"Sen.", "senator", "", "", false}},
		},
		{
			name:  "general abbreviation and ex",
			text:  "Gen. Mark Milley met ex-President Donald Trump at the club.",
			names: []string{"PER:Mark Milley", "PER:Donald Trump"},
			id:    "per:donald_trump",
			want:  []want{{"ex-President", "president", "", "", true}},
		},
		{
			name:  "an ordinal after a possessive counts holders",
			text:  "Policy is in the hands of Mike Pompeo, the president’s second secretary of state.",
			names: []string{"PER:Mike Pompeo"},
			id:    "per:mike_pompeo",
			want:  []want{{"secretary of state", "state secretary", "", "", false}},
		},
		{
			name:  "a possessive pronoun is no part of the title",
			text:  "John Bolton, his 3rd national security adviser, spoke.",
			names: []string{"PER:John Bolton"},
			id:    "per:john_bolton",
			want:  []want{{"national security adviser", "national security advisor", "", "", false}},
		},
		{
			name:  "a rank keeps its ordinal",
			text:  "Anna Weber, Second Secretary at the embassy, left.",
			names: []string{"PER:Anna Weber"},
			id:    "per:anna_weber",
			want:  []want{{"Second Secretary at the embassy", "second secretary at embassy", "", "", false}},
		},
		{
			name:  "then- marks former",
			text:  "The deal was signed by then-Chancellor Angela Merkel in 2015.",
			names: []string{"PER:Angela Merkel"},
			id:    "per:angela_merkel",
			want:  []want{{"then-Chancellor", "chancellor", "", "", true}},
		},
		{
			name:  "defence spelling and secretary of",
			text:  "Britain’s Defence Secretary John Healey said troops would stay.",
			names: []string{"PER:John Healey", "LOC:Britain"},
			id:    "per:john_healey",
			want:  []want{{"Defence Secretary", "defense secretary", "United Kingdom", "", false}},
		},
		{
			name:  "business appositive with age",
			text:  "Mary Barra, 62, chief executive of General Motors, told analysts sales would rise.",
			names: []string{"PER:Mary Barra", "ORG:General Motors"},
			id:    "per:mary_barra",
			want:  []want{{"chief executive of General Motors", "chief executive of general motors", "", "General Motors", false}},
		},
		{
			name:  "sport manager",
			text:  "Arsenal manager Mikel Arteta praised his defenders after the win.",
			names: []string{"PER:Mikel Arteta", "ORG:Arsenal"},
			id:    "per:mikel_arteta",
			want:  []want{{"Arsenal manager", "arsenal manager", "", "Arsenal", false}},
		},
		{
			name:  "crime appositive with article a",
			text:  "The case was brought by Alvin Bragg, the Manhattan district attorney, last year.",
			names: []string{"PER:Alvin Bragg", "LOC:Manhattan"},
			id:    "per:alvin_bragg",
			want:  []want{{"Manhattan district attorney", "manhattan district attorney", "", "", false}},
		},
		{
			name:  "secretary of state",
			text:  "Secretary of State Antony Blinken flew to Riyadh.",
			names: []string{"PER:Antony Blinken", "LOC:Riyadh"},
			id:    "per:antony_blinken",
			want:  []want{{"Secretary of State", "state secretary", "", "", false}},
		},
		{
			name:  "country context nominal",
			text:  "Russian state media said Moscow supports the plan, after a visit by Sergei Shoigu, the country’s National Security Advisor, to Kabul.",
			names: []string{"PER:Sergei Shoigu", "MISC:Russian", "LOC:Moscow", "LOC:Kabul"},
			id:    "per:sergei_shoigu",
			want:  []want{{"National Security Advisor", "national security advisor", "Russia", "", false}},
		},
		{
			name:  "no title after who",
			text:  "Sergei Shoigu, who visited Kabul, said little.",
			names: []string{"PER:Sergei Shoigu", "LOC:Kabul"},
			id:    "per:sergei_shoigu",
			want:  nil,
		},
		{
			name:  "no title from sentence-initial word",
			text:  "On Monday Sergei Shoigu arrived.",
			names: []string{"PER:Sergei Shoigu"},
			id:    "per:sergei_shoigu",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roles := rolesOf(t, attach(tt.text, tt.names...), tt.id)
			if len(roles) != len(tt.want) {
				t.Fatalf("got %d roles %+v, want %d", len(roles), roles, len(tt.want))
			}
			for i, w := range tt.want {
				r := roles[i]
				got := want{r.Title, r.Normalized, r.Country, r.Org, r.Former}
				if got != w {
					t.Errorf("role %d = %+v, want %+v", i, got, w)
				}
				if tt.text[r.Start:r.End] != r.Title {
					t.Errorf("role %d span %q != title %q", i, tt.text[r.Start:r.End], r.Title)
				}
			}
		})
	}
}
