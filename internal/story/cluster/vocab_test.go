package cluster

import (
	"math"
	"strings"
	"testing"
)

func TestTermsAndLead(t *testing.T) {
	v := newVocab()
	text := "Angels offer Teixeira a contract. " + strings.Repeat("The deal follows talks with agents. ", 10) + "Yankees watch."
	plain, lead := v.termsAndLead(text)
	if got := v.terms(text); len(got) != len(plain) {
		t.Fatalf("terms and termsAndLead disagree: %d and %d terms", len(got), len(plain))
	}
	weight := func(vec []tw, word string) float64 {
		id, ok := v.ids[word]
		if !ok {
			t.Fatalf("no term %q", word)
		}
		for _, x := range vec {
			if x.t == id {
				return x.w
			}
		}
		return 0
	}
	for _, tt := range []struct {
		vec  []tw
		name string
	}{{plain, "plain"}, {lead, "lead"}} {
		var norm float64
		for _, x := range tt.vec {
			norm += x.w * x.w
		}
		if math.Abs(norm-1) > 1e-9 {
			t.Errorf("%s vector has squared norm %v, want 1", tt.name, norm)
		}
	}
	// "angel" opens the text and "yanke" closes it; both occur once.
	if p1, p2 := weight(plain, "angel"), weight(plain, "yanke"); p1 != p2 {
		t.Errorf("plain weights of lead and tail words differ: %v and %v", p1, p2)
	}
	if l1, l2 := weight(lead, "angel"), weight(lead, "yanke"); l1 < 2*l2 {
		t.Errorf("lead weight %v of an opening word not well above %v of a closing one", l1, l2)
	}
}
