package quote

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/quote/tagger"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

// want describes one expected quote by its text, speaker mention and cue.
type want struct {
	text, speaker, cue string
	direct             bool
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "typographic quote then named speaker",
			text: "“We will win,” Smith said.",
			want: []want{{"We will win,", "Smith", "said", true}},
		},
		{
			name: "the narrative goes on after the speech tag",
			text: "“He really does love us,” Melanie said, and soon the balloons were dropping.",
			want: []want{{"He really does love us,", "Melanie", "said", true}},
		},
		{
			name: "a setting after the speech tag is not a content",
			text: "“We will win,” Smith said ahead of the vote. “We are ready,” Jones said shortly before noon.",
			want: []want{{"We will win,", "Smith", "said", true}, {"We are ready,", "Jones", "said", true}},
		},
		{
			name: "names qualifying the audience of a telling verb",
			text: "“We are ready,” Mattis told U.S. Naval War College graduates at a ceremony in June.",
			want: []want{{"We are ready,", "Mattis", "told", true}},
		},
		{
			name: "a quoted show title after the setting is not the content",
			text: "“It shows complete disrespect,” Graham, a senator, said Tuesday night on Fox News’ “Special Report.”",
			want: []want{{"It shows complete disrespect,", "Graham", "said", true}},
		},
		{
			name: "straight quote with inverted cue",
			text: `"Taxes are too high," said Mary Jones, a local farmer.`,
			want: []want{{"Taxes are too high,", "Mary Jones", "said", true}},
		},
		{
			name: "colon introduces a quote",
			text: "The minister said: “Prices will fall next year.”",
			want: []want{{"Prices will fall next year.", "minister", "said", true}},
		},
		{
			name: "guillemets",
			text: "« Nous gagnerons », a déclaré Macron. Smith said: «We are ready».",
			want: []want{{"We are ready", "Smith", "said", true}},
		},
		{
			name: "German quotes",
			text: "Smith told reporters: „Wir schaffen das.“",
			want: []want{{"Wir schaffen das.", "Smith", "told", true}},
		},
		{
			name: "British single quotes and apostrophes",
			text: "‘We don’t know their plans,’ Jones said.",
			want: []want{{"We don’t know their plans,", "Jones", "said", true}},
		},
		{
			name: "split quote gives two quotes with one speaker",
			text: "“We are ready,” he said, “and we will act.”",
			want: []want{{"We are ready,", "he", "said", true}, {"and we will act.", "he", "said", true}},
		},
		{
			name: "indirect speech with that",
			text: "Shoigu said that Russia would help Afghanistan.",
			want: []want{{"Russia would help Afghanistan", "Shoigu", "said", false}},
		},
		{
			name: "told an addressee",
			text: "The senator told reporters on Tuesday that the bill was dead.",
			want: []want{{"the bill was dead", "senator", "told", false}},
		},
		{
			name: "according to before the claim",
			text: "According to TASS, the talks lasted three hours.",
			want: []want{{"the talks lasted three hours", "TASS", "According to", false}},
		},
		{
			name: "claim before according to",
			text: "The talks lasted three hours, according to the RIA Novosti news agency.",
			want: []want{{"The talks lasted three hours", "RIA Novosti news agency", "according to", false}},
		},
		{
			name: "organisation speaker in a statement",
			text: "The president's office said in a statement that the visit was cancelled.",
			want: []want{{"the visit was cancelled", "office", "said in a statement", false}},
		},
		{
			name: "relative clause speaker",
			text: "Officials who spoke with the newspaper said the plan had failed.",
			want: []want{{"the plan had failed", "Officials", "said", false}},
		},
		{
			name: "apposition before the cue",
			text: "Abdul Baradar, the deputy prime minister, asked Moscow to help.",
			want: []want{{"to help", "Abdul Baradar", "asked", false}},
		},
		{
			name: "participle continues the speaker",
			text: "Jones criticized the plan, adding that it would cost too much.",
			want: []want{{"the plan", "Jones", "criticized", false}, {"it would cost too much", "Jones", "adding", false}},
		},
		{
			name: "scare quotes are not speech",
			text: "The two sides held “intra-Afghan” talks in Doha.",
		},
		{
			name: "unattributed quote has no speaker",
			text: "The crowd chanted slogans.\n\n“This is our land and our future.”",
			want: []want{{"This is our land and our future.", "", "", true}},
		},
		{
			name: "multi-paragraph quote",
			text: "Smith said: “The first part.\n\n“The second part.”",
			want: []want{{"The first part.\n\n“The second part.", "Smith", "said", true}},
		},
		{
			name: "multi-paragraph quote not re-opened",
			text: "“The first part.\n\nThe second part,” Smith said.",
			want: []want{{"The first part.\n\nThe second part,", "Smith", "said", true}},
		},
		{
			name: "a quote left open before a paragraph that opens its own stays dropped",
			text: "“The first part.\n\nJones said: “The second part.”",
			want: []want{{"The second part.", "Jones", "said", true}},
		},
		{
			name: "a participle after a speech tag goes on with its speaker",
			text: "“We love them,” Mr. Hedge said, referring to the two resorts.",
			want: []want{{"We love them,", "Mr. Hedge", "said", true}, {"the two resorts", "Mr. Hedge", "referring to", false}},
		},
		{
			name: "a speech tag inside the content keeps its own subject over a source in the sentence before",
			text: "He spoke at the rally. In the three years since the shootings, Barden says, far too many lives have been lost.",
			want: []want{{"In the three years since the shootings, Barden says, far too many lives have been lost", "Barden", "says", false}},
		},
		{
			name: "an opening poll reports the clause after it",
			text: "In a CNN poll released Monday, Clinton held a 24-point lead over Obama among black voters.",
			want: []want{{"Clinton held a 24-point lead over Obama among black voters", "CNN poll", "In", false}},
		},
		{
			name: "polls as a place to vote report nothing",
			text: "Voters head to the polls on Tuesday. He is running third in most polls.",
		},
		{
			name: "records show at the end of the sentence report the clause before",
			text: "More than 40 percent of that money arrived in February alone, new fundraising reports show.",
			want: []want{{"More than 40 percent of that money arrived in February alone", "reports", "show", false}},
		},
		{
			name: "British quote with a plural possessive inside",
			text: "‘We defend the Afghans’ rights,’ Jones said.",
			want: []want{{"We defend the Afghans’ rights,", "Jones", "said", true}},
		},
		{
			name: "parenthetical connective between subject and cue",
			text: "Sanders, meanwhile, hopes that winning the state will give him momentum.",
			want: []want{{"winning the state will give him momentum", "Sanders", "hopes", false}},
		},
		{
			name: "sentence-case headline with a speaker label",
			text: "Clinton camp: Trump's plan threatens national security.",
			want: []want{{"Trump's plan threatens national security", "Clinton camp", ":", false}},
		},
		{
			name: "interview turn runs to the end of its paragraph",
			text: "TAPPER: And obviously, you support him, I think. Many people doubt it.\n\nFALLIN: Well, yes.",
			want: []want{
				{"And obviously, you support him, I think. Many people doubt it", "TAPPER", ":", false},
				{"Well, yes", "FALLIN", ":", false},
			},
		},
		{
			name: "label lines are not speakers",
			text: "Update: The story was corrected.",
		},
		{
			name: "speech tag after a quoted question",
			text: `"Is that all there is?" Trump said. "We need a new President."`,
			want: []want{{"Is that all there is?", "Trump", "said", true}, {"We need a new President.", "Trump", "said", true}},
		},
		{
			name: "second half of a split quote after a long inverted source",
			text: `"It used to be their back yard," said Raffaello Pantucci, director of the institute in London, "but it is changing."`,
			want: []want{
				{"It used to be their back yard,", "Raffaello Pantucci", "said", true},
				{"but it is changing.", "Raffaello Pantucci", "said", true},
			},
		},
		{
			name: "see X as",
			text: "Four in 10 voters see the campaign of Donald Trump as most unfair.",
			want: []want{{"the campaign of Donald Trump as most unfair", "voters", "see", false}},
		},
		{
			name: "object-taking cue",
			text: "The senator expressed concern about the deficit.",
			// PolNeAR takes "expressed concern" as the cue and its object as the content.
			want: []want{{"the deficit", "senator", "expressed concern about", false}},
		},
		{
			name: "a predicate conjunct ends the content",
			text: "He said he would offer a prayer for the nominee but did not suggest it would be Trump.",
			want: []want{{"he would offer a prayer for the nominee", "He", "said", false}, {"it would be Trump", "He", "suggest", false}},
		},
		{
			name: "coordinated clause with a long subject",
			text: "About half said they were worried, and more than 4 in 10 said Trump would be best.",
			want: []want{{"they were worried", "half", "said", false}, {"Trump would be best", "10", "said", false}},
		},
		{
			name: "nouns are not cues",
			text: "The state of the report was poor. Russian state media covered the visit.",
		},
		{
			name: "a possessed event noun underscores nothing said",
			text: "Lavrov's trip to Beijing underscores Moscow's intent to deepen its ties in Asia.",
		},
		{
			name: "a demonstrative subject highlights nothing said",
			text: "This meeting highlights the growing role of China in the talks over the dam.",
		},
		{
			name: "a person who highlights is a source",
			text: "The minister highlighted the importance of stability for the region.",
			want: []want{{"the importance of stability for the region", "minister", "highlighted", false}},
		},
		{
			name: "an adjective predicate is no cue",
			text: "With the rebels gaining ground in the north, Paris is keen to prevent instability from spreading into the Sahel.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Find(tt.text, nil, nil)
			var got []want
			for _, q := range res.Quotes {
				if q.Text != tt.text[q.Start:q.End] {
					t.Fatalf("Text %q != text[%d:%d] %q", q.Text, q.Start, q.End, tt.text[q.Start:q.End])
				}
				got = append(got, want{q.Text, tt.text[q.SpeakerStart:q.SpeakerEnd], q.Cue, q.Direct})
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPronounSpeakerResolvesThroughEntities(t *testing.T) {
	text := "Shoigu visited Kabul. “We are ready,” he said."
	he := strings.Index(text, "he said")
	ents := []news.Entity{{
		ID: "per:sergei_shoigu", Name: "Sergei Shoigu", Type: news.PER,
		Mentions: []news.Mention{{Start: 0, End: 6, Text: "Shoigu", Kind: "name"}, {Start: he, End: he + 2, Text: "he", Kind: "pronoun"}},
	}}
	res := Find(text, nil, ents)
	if len(res.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(res.Quotes))
	}
	q := res.Quotes[0]
	if q.Speaker == nil || q.Speaker.EntityID != "per:sergei_shoigu" {
		t.Errorf("speaker = %+v, want per:sergei_shoigu", q.Speaker)
	}
	if q.SpeakerStart != he || q.SpeakerEnd != he+2 {
		t.Errorf("speaker span = %d:%d, want %d:%d", q.SpeakerStart, q.SpeakerEnd, he, he+2)
	}
}

// TestSpeakerHeadsItsPhrase checks that the speaker is the entity heading
// the source phrase, not one inside a title or a modifier.
func TestSpeakerHeadsItsPhrase(t *testing.T) {
	tests := []struct {
		name, text, speaker string
		names               []string
	}{
		{
			name:    "title after the name",
			text:    "Meanwhile, Abdul Ghani Baradar, the Deputy Prime Minister for Economic Affairs, said that sanctions hurt.",
			speaker: "Abdul Ghani Baradar",
			names:   []string{"Abdul Ghani Baradar", "Economic Affairs"},
		},
		{
			name:    "possessive before a title",
			text:    "Russia’s defence minister, Sergei Shoigu, said that talks would resume.",
			speaker: "Sergei Shoigu",
			names:   []string{"Russia", "Sergei Shoigu"},
		},
		{
			name:    "entity inside a title",
			text:    "Sergei Shoigu, Secretary of Russia’s National Security Council, said that talks would resume.",
			speaker: "Sergei Shoigu",
			names:   []string{"Sergei Shoigu", "Russia", "National Security Council"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []news.Entity
			for _, n := range tt.names {
				i := strings.Index(tt.text, n)
				ents = append(ents, news.Entity{ID: n, Name: n, Mentions: []news.Mention{{Start: i, End: i + len(n), Text: n, Kind: "name"}}})
			}
			res := Find(tt.text, nil, ents)
			if len(res.Quotes) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(res.Quotes), res.Quotes)
			}
			if q := res.Quotes[0]; q.Speaker == nil || q.Speaker.EntityID != tt.speaker {
				t.Errorf("speaker = %+v, want %s", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestProvenance(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		via       []string
		citations []string
	}{
		{
			name:      "agency reports a speaker",
			text:      "TASS reported him saying, “We are ready to talk.”",
			via:       []string{"TASS"},
			citations: []string{"TASS"},
		},
		{
			name:      "dateline",
			text:      "MOSCOW, Nov 25 /TASS/ - Shoigu said that Russia is ready to help.",
			via:       []string{"TASS"},
			citations: []string{"TASS"},
		},
		{
			name:      "reuters dateline and told",
			text:      "KABUL (Reuters) - The minister told Reuters that talks would resume.",
			via:       []string{"Reuters"},
			citations: []string{"Reuters", "Reuters"},
		},
		{
			name:      "citing an outlet",
			text:      "Interfax reports, citing Vedomosti, that the deal was signed.",
			via:       []string{"Vedomosti"},
			citations: []string{"Interfax", "Vedomosti"},
		},
		{
			name:      "a described source is cited whole",
			text:      "Russian state media reported that Moscow supports the talks.",
			via:       []string{"Russian state media"},
			citations: []string{"Russian state media"},
		},
		{
			name:      "sign-off",
			text:      "The minister said that talks would resume.\n— AFP",
			via:       []string{"AFP"},
			citations: []string{"AFP"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Find(tt.text, nil, nil)
			if len(res.Quotes) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(res.Quotes), res.Quotes)
			}
			if diff := cmp.Diff(tt.via, res.Quotes[0].Via); diff != "" {
				t.Errorf("via (-want +got):\n%s", diff)
			}
			var cites []string
			for _, c := range res.Citations {
				if c.Source != tt.text[c.Start:c.End] && !strings.Contains(tt.text[c.Start:c.End], c.Source) {
					t.Errorf("citation %q does not name its span %q", c.Source, tt.text[c.Start:c.End])
				}
				cites = append(cites, c.Source)
			}
			if diff := cmp.Diff(tt.citations, cites); diff != "" {
				t.Errorf("citations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGolden pins the full output on a bundled article.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(Find(string(b), nil, nil), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(p, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); diff != "" {
				t.Errorf("golden mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRuleContents checks the contents the rules alone give (the tagger's
// hints), where the combined output depends on the learned model.
func TestRuleContents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{
			name: "a parenthetical attribution keeps the clause after it, nested cue and all",
			text: "Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry.",
			want: []string{"Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry"},
		},
		{
			name: "the comma closing an opening subordinate clause ends its cue's content",
			text: "When Trump said he would win, the crowd cheered. Because the senator claimed the bill was unfair, Democrats blocked it.",
			want: []string{"he would win", "the bill was unfair"},
		},
		{
			name: "an apposition on the according-to source is no part of the claim",
			text: "Some Americans would see their taxes go up, according to an analysis by Lily Batchelder, a former tax aide, whose conclusions were seconded by the Tax Foundation.",
			want: []string{"Some Americans would see their taxes go up"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(tt.text, nil)
			var got []string
			for _, a := range d.rules(tokenize.Sentences(tt.text)) {
				got = append(got, tt.text[a.content.Start:a.content.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rule contents (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCombineResumesAroundCue checks that tagged fragments on both sides
// of a rule attribution's own cue ("Too often, | X said, | the debate
// ...") give it their joint extent, as PolNeAR scores such a content.
func TestCombineResumesAroundCue(t *testing.T) {
	text := "Too often, Mr. Clarke said, the debate over coal is infected with tribalism."
	d := newDoc(text, nil)
	rules := d.rules(tokenize.Sentences(text))
	span := func(s string) news.Span {
		i := strings.Index(text, s)
		return news.Span{Start: i, End: i + len(s)}
	}
	tagged := tagger.Spans{
		Content: []news.Span{span("Too often"), span("the debate over coal is infected with tribalism")},
		Source:  []news.Span{span("Mr. Clarke")},
		Cue:     []news.Span{span("said")},
	}
	var got []string
	for _, a := range d.combine(tagged, rules) {
		got = append(got, text[a.content.Start:a.content.End])
	}
	want := []string{"Too often, Mr. Clarke said, the debate over coal is infected with tribalism"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("combined contents (-want +got):\n%s", diff)
	}
}
