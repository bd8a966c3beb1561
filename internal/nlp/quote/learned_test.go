package quote

import "testing"

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
		d := newDoc(tt.text, nil)
		k := -1
		for i, tok := range d.toks {
			if tok.Text == tt.cue {
				k = i
				break
			}
		}
		if k < 0 {
			t.Fatalf("%q: no token %q", tt.text, tt.cue)
		}
		var got string
		if from, to := d.possessor(k); to > from {
			got = tt.text[d.toks[from].Start:d.toks[to-1].End]
		}
		if got != tt.want {
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
		d := newDoc(tt.text, nil)
		k := -1
		for i, tok := range d.toks {
			if tok.Text == tt.cue {
				k = i
				break
			}
		}
		if k < 0 {
			t.Fatalf("%q: no token %q", tt.text, tt.cue)
		}
		var got string
		if from, to := d.infinitiveSubject(k); to > from {
			got = tt.text[d.toks[from].Start:d.toks[to-1].End]
		}
		if got != tt.want {
			t.Errorf("infinitiveSubject(%q in %q) = %q, want %q", tt.cue, tt.text, got, tt.want)
		}
	}
}
