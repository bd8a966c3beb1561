package quote

import "testing"

// spanAt runs span on the first token of text that reads cue and returns
// the text of the token range it gives ("" for none).
func spanAt(t *testing.T, text, cue string, span func(d *doc, k int) (int, int)) string {
	t.Helper()
	d := newDoc(text, nil)
	for k, tok := range d.toks {
		if tok.Text == cue {
			if from, to := span(d, k); to > from {
				return text[d.toks[from].Start:d.toks[to-1].End]
			}
			return ""
		}
	}
	t.Fatalf("%q: no token %q", text, cue)
	return ""
}

func TestPossessor(t *testing.T) {
	tests := []struct {
		text, cue, want string
	}{
		{"He filed his written reply to the brief.", "written", "his"},
		{"Trump's criticism of the deal grew.", "criticism", "Trump's"},
		{"They noted her harsh criticism of the plan.", "criticism", "her"},
		{"Emails buttress the contention of the senator.", "the", ""},
		{"Officials voiced criticism of the plan.", "criticism", ""},
	}
	for _, tt := range tests {
		if got := spanAt(t, tt.text, tt.cue, (*doc).possessor); got != tt.want {
			t.Errorf("possessor(%q in %q) = %q, want %q", tt.cue, tt.text, got, tt.want)
		}
	}
}

func TestInfinitiveSubject(t *testing.T) {
	tests := []struct {
		text, cue, want string
	}{
		{"Darby joined the show to talk about the border.", "talk", "Darby"},
		{"When Guajardo sat down to talk to me, he smiled.", "talk", "Guajardo"},
		{"If the party wants to call a meeting, it can.", "call", ""},
		{"Smith talked about the border.", "talked", ""},
	}
	for _, tt := range tests {
		if got := spanAt(t, tt.text, tt.cue, (*doc).infinitiveSubject); got != tt.want {
			t.Errorf("infinitiveSubject(%q in %q) = %q, want %q", tt.cue, tt.text, got, tt.want)
		}
	}
}
