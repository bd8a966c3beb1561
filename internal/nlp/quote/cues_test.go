package quote

import "testing"

// TestCueConstructions checks the content and source found for cue
// constructions added from PolNeAR misses: each case names the content
// that must be reported and its speaker, or none when the cue must not fire.
func TestCueConstructions(t *testing.T) {
	tests := []struct {
		name, text, content, speaker string
	}{
		{
			name:    "citing takes a reason as content",
			text:    "Mayor Lee lifted the curfew on Friday, citing a threat to public health.",
			content: "a threat to public health",
			speaker: "Mayor Lee",
		},
		{
			name:    "cited takes its object as content",
			text:    "Clinton cited her years as secretary of State in her speech.",
			content: "her years as secretary of State in her speech",
			speaker: "Clinton",
		},
		{
			name: "citing a source reports no content",
			text: "The talks stalled on Monday, citing a diplomat.",
		},
		{
			name:    "inverted added before a name",
			text:    "The bill will pass this week. “We have the votes,” added Rep. Jim Smith.",
			content: "We have the votes,",
			speaker: "Rep. Jim Smith",
		},
		{
			name:    "a leading quotation is its tag's content despite a long setting",
			text:    "Rubio made the argument. \"I am going to be the nominee,\" he said aboard his campaign plane on Monday as he crossed Nevada.",
			content: "I am going to be the nominee,",
			speaker: "he",
		},
		{
			name:    "the subject of the clause voices a quotation in its predicate",
			text:    "Former Arkansas Gov. Mike Huckabee, for his part, is labeling Obama's actions “a blatant abuse of power.”",
			content: "a blatant abuse of power.",
			speaker: "Former Arkansas Gov. Mike Huckabee",
		},
		{
			name:    "the antecedent of a relative clause with a cue says the main content",
			text:    "Podesta, who said the project was vetted by his firm's counsel, said he was unaware of any disagreements.",
			content: "he was unaware of any disagreements",
			speaker: "Podesta",
		},
		{
			name:    "the relative clause keeps its own content",
			text:    "Humphrey, who calls Trump a “sociopath,” said he doubts the effort will succeed.",
			content: "he doubts the effort will succeed",
			speaker: "Humphrey",
		},
		{
			name:    "a pronoun after the cue opens the content, not an inverted subject",
			text:    "Rep. Bobby Scott (D-Va.), ranking member of the House education committee and one of the bill’s chief negotiators, said he fully supports the compromise.",
			content: "he fully supports the compromise",
			speaker: "Rep. Bobby Scott (D-Va.)",
		},
		{
			name:    "an inverted subject after a leading quotation ends at an adjunct",
			text:    "He spoke. \"We really can win on Tuesday,\" said Sanders as he closed out.",
			content: "We really can win on Tuesday,",
			speaker: "Sanders",
		},
		{
			name:    "a several-word inverted subject ends at an adjunct",
			text:    "He spoke. “Anyone who refuses to follow our laws should go,” said Cruz constituent Dan Golvach when asked about it.",
			content: "Anyone who refuses to follow our laws should go,",
			speaker: "Dan Golvach",
		},
		{
			name:    "a determiner opens the subject of a leading quotation's tag",
			text:    "He spoke. \"In the United States, people are great,\" this Trump look-alike declared in Mexico City.",
			content: "In the United States, people are great,",
			speaker: "Trump look-alike",
		},
		{
			name:    "a tag's speaker may carry an apposition",
			text:    "He spoke. “He looked me right in the eye,” Deborah Tamargo, the chairwoman of the county GOP, recalled.",
			content: "He looked me right in the eye,",
			speaker: "Deborah Tamargo",
		},
		{
			name:    "an opening according-to source runs to its comma",
			text:    "The vote was held. According to early results of exit polls conducted for The Associated Press and television networks, half of the voters were black.",
			content: "half of the voters were black",
			speaker: "early results of exit polls conducted for The Associated Press and television networks",
		},
		{
			name:    "a headline before a dateline is read",
			text:    "Lynch: No outside influence on FBI probe into Clinton emails.\n\nWASHINGTON (AP) — Attorney General Loretta Lynch spoke on Tuesday.",
			content: "No outside influence on FBI probe into Clinton emails",
			speaker: "Lynch",
		},
		{
			name:    "a headline's speaker is before the addressee",
			text:    "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nWASHINGTON (UPI) — Hillary Clinton spoke.",
			content: "Trump will reverse Roe v. Wade",
			speaker: "Clinton",
		},
		{
			name:    "an as-clause subject does not voice the main clause's quotation",
			text:    "As Blumenthal spoke, the lobby was whipping lawmakers against “any and all gun control” on Monday.",
			content: "any and all gun control",
			speaker: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Find(tt.text, nil, nil)
			var found bool
			for _, q := range res.Quotes {
				if q.Text == tt.content {
					found = true
					if speaker := tt.text[q.SpeakerStart:q.SpeakerEnd]; speaker != tt.speaker {
						t.Errorf("speaker of %q = %q, want %q", q.Text, speaker, tt.speaker)
					}
				}
				if tt.content == "" && q.Cue == "citing" {
					t.Errorf("citing a source reported %q", q.Text)
				}
			}
			if tt.content != "" && !found {
				t.Errorf("no quote %q in %+v", tt.content, res.Quotes)
			}
		})
	}
}

// TestCueSubject checks the subject a tagged content without a tagged
// source takes from before its cue.
func TestCueSubject(t *testing.T) {
	tests := []struct{ text, cue, want string }{
		{"CNN also noted the relatively sparse attendance.", "noted", "CNN"},
		{"The crowd was thin. The progressives might decide they made a difference.", "might", "The progressives"},
		{"His remarks buttress the contention of Clinton that she erred.", "the", ""},
		{"Donald J. Trump, a Republican presidential candidate, shares this bleak view.", "shares", "Donald J. Trump"},
		{"Clinton touted her plans, explaining why they had failed.", "explaining", "Clinton"},
		{"I had prepared a statement but decided to address the issue.", "decided", "I"},
		{"Conceding that a deal would come, he praised the talks.", "Conceding", "he"},
		{"Clinton has hammered the senator for his vote, and will help encourage a peace.", "encourage", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := newDoc(tt.text, nil)
			k := 0
			for k < len(d.toks) && d.toks[k].Text != tt.cue {
				k++
			}
			s0, s1 := d.cueSubject(k)
			got := ""
			if s1 > s0 {
				got = tt.text[d.toks[s0].Start:d.toks[s1-1].End]
			}
			if got != tt.want {
				t.Errorf("subject of %q = %q, want %q", tt.cue, got, tt.want)
			}
		})
	}
}
