package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
)

func speakerName(s *news.Speaker) string {
	if s == nil {
		return ""
	}
	return s.Name
}

// TestSpeakerMention checks which words are the speaker mention of a quote
// and whom the mention names when no entities are given.
func TestSpeakerMention(t *testing.T) {
	tests := []struct {
		name, text, mention, speaker string
		// cue picks the quote when the text has several.
		cue string
	}{
		{
			name:    "relative pronoun stands for its antecedent",
			text:    "Reporters met Mr. Kerry, who said that the talks would resume.",
			mention: "who",
			speaker: "Mr. Kerry",
		},
		{
			name:    "relative pronoun without a comma",
			text:    "The guards stopped the delegates who said that the vote was rigged.",
			mention: "who",
			speaker: "delegates",
		},
		{
			name:    "which for an organisation",
			text:    "Reporters reached the Pentagon, which said that troops would stay.",
			mention: "which",
			speaker: "Pentagon",
		},
		{
			name:    "a colon introduces a quotation without a cue verb",
			text:    "Or, as Tom Ridge, a former secretary of homeland security, put it: “The barbarians are no longer at the gate.”",
			mention: "Tom Ridge",
			speaker: "Tom Ridge",
		},
		{
			name:    "the introducing clause closes the previous paragraph",
			text:    "In a 1963 speech, he declared:\n\n“It is very appropriate that we sound the drum for freedom today.”",
			mention: "he",
			speaker: "",
		},
		{
			name:    "a comma after a verb introduces a quotation without a cue",
			text:    "In Just the Way You Are, Billy Joel sings, \"Don't go changing to try and please me.\"",
			mention: "Billy Joel",
			speaker: "Billy Joel",
		},
		{
			name:    "a cue closing the paragraph before a quotation",
			text:    "Rucker Culpepper, who runs the effort for veterans, said,\n\n“I am proud of what we have built across the state this year.”",
			cue:     "",
			mention: "Rucker Culpepper",
			speaker: "Rucker Culpepper",
		},
		{
			name:    "an opening preposition is not the source",
			text:    "From the report: “Samples with more elaborate weighting produced more accurate results.”",
			mention: "report",
			speaker: "report",
		},
		{
			name:    "a participle topic cue takes the clause subject, not the phrase before its comma",
			text:    "During his visit, Shoigu held discussions with key Taliban officials, including deputy prime ministers, focusing on security cooperation.",
			cue:     "focusing on",
			mention: "Shoigu",
			speaker: "Shoigu",
		},
		{
			name:    "a participle cue takes the clause subject after an opening phrase",
			text:    "At Sunday night’s debate, Sanders compared himself to Clinton, saying, “I don’t get personal speaking fees from Goldman Sachs.”",
			cue:     "saying",
			mention: "Sanders",
			speaker: "Sanders",
		},
		{
			name:    "an opening participial phrase is not the subject",
			text:    "Speaking in his real voice again, he recited a passage from the Bible, saying: “This know also, that in those days perilous times shall come.”",
			cue:     "saying",
			mention: "he",
			speaker: "",
		},
		{
			name:    "a negated auxiliary sits between subject and cue",
			text:    "The Republican nominee and his aides haven't said that they are preparing.",
			mention: "aides",
			speaker: "aides",
		},
		{
			name:    "a degree adverb sits between subject and cue",
			text:    "World leaders almost universally expressed outrage over the test.",
			mention: "World leaders",
			speaker: "World leaders",
		},
		{
			name:    "a pronoun with a cliticised auxiliary",
			text:    "He’s arguing that the endorsement will be a big boost.",
			mention: "He",
			speaker: "",
		},
		{
			name:    "it as the subject of a cue after a quotation",
			text:    "The council issued a statement.\n\n''Keep the carbon tax in place at the current level over the decade,'' it recommended.",
			mention: "it",
			speaker: "",
		},
		{
			name:    "it as the subject of a topic cue",
			text:    "The paper praised Clinton. Meanwhile, it attacked Trump over his insults.",
			cue:     "attacked",
			mention: "it",
			speaker: "",
		},
		{
			name:    "a short opening participle and a long opening phrase",
			text:    "Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head and said, ''No, he will not hold any post.''",
			cue:     "said",
			mention: "Mrs. Clinton",
			speaker: "Mrs. Clinton",
		},
		{
			name:    "a capitalised determiner does not end the subject",
			text:    "The mayor lifted the curfew on Monday, citing a threat to public health.",
			cue:     "citing",
			mention: "mayor",
			speaker: "mayor",
		},
		{
			name:    "a dash signs a quotation",
			text:    "“Maybe we can build a wall around the whole campaign.” ― Steve Quinlan.",
			mention: "Steve Quinlan",
			speaker: "Steve Quinlan",
		},
		{
			name:    "a signature on the next line",
			text:    "\"I will look into it. I don't know the status, but I will certainly look into it.\"\n\n- Hillary Clinton.\n",
			mention: "Hillary Clinton",
			speaker: "Hillary Clinton",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []news.Quote
			for _, q := range Find(tt.text, nil, nil).Quotes {
				if tt.cue == "" || q.Cue == tt.cue {
					qs = append(qs, q)
				}
			}
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			q := qs[0]
			if got := tt.text[q.SpeakerStart:q.SpeakerEnd]; got != tt.mention {
				t.Errorf("mention = %q, want %q", got, tt.mention)
			}
			if name := speakerName(q.Speaker); name != tt.speaker {
				t.Errorf("speaker = %+v, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

// TestSignatureOutweighsPreviousSpeaker checks that each signed quotation
// in a list keeps its own signature rather than continuing the previous
// paragraph's speaker.
func TestSignatureOutweighsPreviousSpeaker(t *testing.T) {
	text := "“The first answer was long enough to count as speech.” ― Ana Ruiz\n“The second answer was also long enough to count.” ― Bo Lee\n"
	res := Find(text, nil, nil)
	var got []string
	for _, q := range res.Quotes {
		got = append(got, text[q.SpeakerStart:q.SpeakerEnd])
	}
	if len(got) != 2 || got[0] != "Ana Ruiz" || got[1] != "Bo Lee" {
		t.Errorf("speakers = %q, want [Ana Ruiz Bo Lee]", got)
	}
}

// TestSourceAfterQuotation checks the direct quotations claimed by a
// source after them: a subject with an apposition, a cue with a setting or
// an addressee after it.
func TestSourceAfterQuotation(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "apposition then a setting",
			text: `"Absolutely hate this framing of the vote," Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.`,
			want: []want{{"Absolutely hate this framing of the vote,", "Vann R. Newkirk II", "said", true}},
		},
		{
			name: "apposition then an addressee and an adjunct",
			text: "“Maintaining order for the roll call is extremely important,” House Speaker Paul Ryan, the convention chair, told the delegates before the vote.",
			want: []want{{"Maintaining order for the roll call is extremely important,", "House Speaker Paul Ryan", "told", true}},
		},
		{
			name: "an object pronoun is not an inverted subject",
			text: "''I have never been edited or had a show of mine not run,'' Mr. King, 82, told me.",
			want: []want{{"I have never been edited or had a show of mine not run,", "Mr. King", "told", true}},
		},
		{
			name: "addressee of several words",
			text: "“Prices will fall next year and wages will rise,” Smith told a news conference on Monday.",
			want: []want{{"Prices will fall next year and wages will rise,", "Smith", "told", true}},
		},
		{
			name: "a quoted title after a setting is not the content",
			text: "“She just made it up,” he said of the claim during a call to ABC’s “This Week.”",
			want: []want{{"She just made it up,", "he", "said", true}},
		},
		{
			name: "as clause with a quotation after the cue",
			text: "Clinton jabbed her finger at an activist as she angrily said, “I am so sick of the campaign lying.”",
			want: []want{{"I am so sick of the campaign lying.", "she", "said", true}},
		},
		{
			name: "a tag sentence after a quotation that ends its own sentence",
			text: "“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing.” Trump said.",
			want: []want{{"Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing.", "Trump", "said", true}},
		},
		{
			name: "a tag verb after the comma of a quotation",
			text: "Hannity asked about the meeting.\n\n“The New York Times is claiming today that they had an off-the-record conversation with you,” Hannity started.",
			want: []want{{"The New York Times is claiming today that they had an off-the-record conversation with you,", "Hannity", "started", true}},
		},
		{
			name: "an introducing clause outweighs the previous paragraph's speaker",
			text: "“Would you have told her it’s not a good idea?” Smith asked.\n\nHe answered, “I have no idea. We’re old friends, and friends get caught up in politics.”",
			want: []want{
				{"Would you have told her it’s not a good idea?", "Smith", "asked", true},
				{"I have no idea. We’re old friends, and friends get caught up in politics.", "He", "", true},
			},
		},
		{
			name: "as clause with that and a quotation",
			text: "Prosecutors disagreed, even as Trump claimed on Tuesday that “General Petraeus got in trouble for far less.”",
			want: []want{{"General Petraeus got in trouble for far less.", "Trump", "claimed", true}},
		},
		{
			name: "the tag of a short quotation before names the next one",
			text: "Ryan spoke on Sunday.\n\n\"It's heartbreaking,\" Ryan said. \"And this country has to find new ways of learning how to heal.\"",
			want: []want{{"And this country has to find new ways of learning how to heal.", "Ryan", "said", true}},
		},
		{
			name: "a tag verb with a setting after it",
			text: "Blige performed at the event.\n\n“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before the chorus.",
			want: []want{{"Promise mama you’ll keep your hands in sight,", "Blige", "sings", true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, q := range Find(tt.text, nil, nil).Quotes {
				if q.Direct {
					got = append(got, want{q.Text, tt.text[q.SpeakerStart:q.SpeakerEnd], q.Cue, q.Direct})
				}
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
		})
	}
}
