package events

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// annotate builds the annotations the reader would give: one sentence span
// per sentence and the named entities listed (each name found at its
// first occurrence in the text).
func annotate(text string, ents ...news.Entity) news.Annotations {
	for i := range ents {
		at := strings.Index(text, ents[i].Name)
		ents[i].Mentions = []news.Mention{{Start: at, End: at + len(ents[i].Name), Text: ents[i].Name, Kind: "name"}}
	}
	return news.Annotations{Sentences: tokenize.Sentences(text), Entities: ents}
}

func ent(id, name, typ string) news.Entity { return news.Entity{ID: id, Name: name, Type: typ} }

func TestCode(t *testing.T) {
	tests := []struct {
		name, text         string
		ents               []news.Entity
		action, cue        string
		actor, target, loc string
		negated            bool
	}{
		{"meeting", "Sergei Shoigu met Abdul Ghani Baradar in Kabul on Monday.",
			[]news.Entity{ent("per:shoigu", "Sergei Shoigu", "PER"), ent("per:baradar", "Abdul Ghani Baradar", "PER"), ent("loc:kabul", "Kabul", "LOC")},
			"CONSULT", "met", "Sergei Shoigu", "Abdul Ghani Baradar", "Kabul", false},
		{"irregular past and phrase", "Jordan and Britain held talks on trade.",
			[]news.Entity{ent("loc:jordan", "Jordan", "LOC"), ent("loc:britain", "Britain", "LOC")},
			"CONSULT", "held talks", "Jordan", "", "", false},
		{"negated cooperation is a rejection", "Iran did not agree to the inspections.",
			[]news.Entity{ent("loc:iran", "Iran", "LOC")}, "REJECT", "agree to", "Iran", "", "", true},
		{"announced withdrawal is an intention", "Syria said it will withdraw its troops from Lebanon.",
			[]news.Entity{ent("loc:syria", "Syria", "LOC"), ent("loc:lebanon", "Lebanon", "LOC")},
			"AGREE", "withdraw", "Syria", "Lebanon", "", false},
		{"announced force is a threat", "The rebels would attack the capital unless talks resumed.",
			nil, "THREATEN", "attack", "rebels", "", "", false},
		{"stopping aid is a sanction", "Japan halted economic aid to Serbia.",
			[]news.Entity{ent("loc:japan", "Japan", "LOC"), ent("loc:serbia", "Serbia", "LOC")},
			"SANCTION", "aid", "Japan", "Serbia", "", false},
		{"easing a restriction is a concession", "Serbia lifted a night curfew in Montenegro.",
			[]news.Entity{ent("loc:serbia", "Serbia", "LOC"), ent("loc:montenegro", "Montenegro", "LOC")},
			"CONCEDE", "curfew", "Serbia", "Montenegro", "", false},
		{"obligation is a demand", "The minister said Israel must withdraw from the town.",
			[]news.Entity{ent("loc:israel", "Israel", "LOC")}, "DEMAND", "withdraw", "Israel", "", "", false},
		{"military violence is fighting", "Russian aircraft killed 46 civilians in an attack on a village.",
			[]news.Entity{{ID: "misc:russian", Name: "Russian", Type: "MISC", Refers: "loc:russia"}},
			"FIGHT", "killed", "Russia", "", "", false},
		{"reporting clause is not the actor", "A Pentagon spokesman said Iraqi forces shelled Kuwait.",
			[]news.Entity{ent("org:pentagon", "Pentagon", "ORG"), {ID: "misc:iraqi", Name: "Iraqi", Type: "MISC", Refers: "loc:iraq"}, ent("loc:kuwait", "Kuwait", "LOC")},
			"FIGHT", "shelled", "Iraq", "Kuwait", "", false},
		{"trailing attribution is not the target", "Police arrested 12 protesters, the Interior Ministry said.",
			[]news.Entity{ent("org:ministry", "Interior Ministry", "ORG")}, "COERCE", "arrested", "Police", "", "", false},
		{"exact form only: an aide is not aid", "An aide to the president spoke to reporters.", nil, "", "", "", "", "", false},
		{"a cue inside a name is not a cue", "Resolute Support said nothing.",
			[]news.Entity{ent("org:rs", "Resolute Support", "ORG")}, "", "", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := Code(tt.text, annotate(tt.text, tt.ents...))
			if tt.action == "" {
				if len(evs) != 0 {
					t.Fatalf("want no event, got %+v", evs)
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("want one event, got %+v", evs)
			}
			ev := evs[0]
			got := [...]string{ev.Action, ev.Cue, ev.Actor, ev.Target, ev.Location}
			want := [...]string{tt.action, tt.cue, tt.actor, tt.target, tt.loc}
			if got != want || ev.Negated != tt.negated {
				t.Errorf("got %q negated=%v, want %q negated=%v", got, ev.Negated, want, tt.negated)
			}
			if tt.text[ev.Start:ev.End] != ev.Cue {
				t.Errorf("cue span %d-%d is %q, not %q", ev.Start, ev.End, tt.text[ev.Start:ev.End], ev.Cue)
			}
			for _, sp := range []*news.Span{ev.ActorSpan, ev.TargetSpan} {
				if sp != nil && (sp.Start < ev.Sentence.Start || sp.End > ev.Sentence.End) {
					t.Errorf("span %+v outside its sentence %+v", *sp, ev.Sentence)
				}
			}
		})
	}
}

func TestSentenceDate(t *testing.T) {
	text := "Shoigu met Baradar on Monday."
	ann := annotate(text, ent("per:shoigu", "Shoigu", "PER"), ent("per:baradar", "Baradar", "PER"))
	at := strings.Index(text, "Monday")
	ann.Timexes = []news.Timex{{Text: "Monday", Start: at, End: at + 6, Type: "DATE", Value: "2024-11-25"}}
	evs := Code(text, ann)
	if len(evs) != 1 || evs[0].Date != "2024-11-25" {
		t.Fatalf("want the event dated 2024-11-25, got %+v", evs)
	}
}

func TestParseLexicon(t *testing.T) {
	if _, err := parseLexicon("AGREE\tagree; accept\nREJECT\treject; accepted\n"); err == nil {
		t.Error("a cue claimed by two categories (accept/accepted share a stem) must be an error")
	}
	if _, err := parseLexicon("AGREE agree\n"); err == nil {
		t.Error("a line without a tab must be an error")
	}
	l, err := parseLexicon("# comment\nCONSULT\tmeet; hold talks; =met\n\nCONSULT\tmeeting\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.byFirst["hold"]) != 1 || len(l.byFirst["=met"]) != 1 || len(l.byFirst["meet"]) != 1 || !l.needsStem("meetings") {
		t.Errorf("lexicon index: %+v", l)
	}
	if len(defaultLexicon.byFirst) == 0 {
		t.Error("the embedded lexicon is empty")
	}
}

func FuzzCode(f *testing.F) {
	f.Add("Sergei Shoigu met Abdul Ghani Baradar in Kabul.", 0, 13, 18, 37)
	f.Add("Iran did not agree. Rebels would attack.", 0, 4, 20, 26)
	f.Add("“", 0, 1, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		ann := news.Annotations{Sentences: tokenize.Sentences(text), Entities: []news.Entity{
			{ID: "a", Name: "a", Type: "PER", Mentions: []news.Mention{{Start: s1, End: e1}}},
			{ID: "b", Name: "b", Type: "LOC", Mentions: []news.Mention{{Start: s2, End: e2}}},
		}}
		for _, ev := range Code(text, ann) {
			if ev.Start < 0 || ev.End > len(text) || ev.Start >= ev.End {
				t.Fatalf("cue span %d-%d outside text of %d bytes", ev.Start, ev.End, len(text))
			}
			for _, sp := range []*news.Span{ev.ActorSpan, ev.TargetSpan} {
				if sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End) {
					t.Fatalf("actor/target span %+v outside text", *sp)
				}
			}
		}
	})
}
