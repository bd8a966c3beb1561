package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// scriptedEvents is a Reader that codes a fixed event per sentence prefix.
type scriptedEvents map[string]news.Event

func (s scriptedEvents) Read(a news.Article) news.Annotations {
	for prefix, ev := range s {
		if strings.HasPrefix(a.Text, prefix) {
			return news.Annotations{Events: []news.Event{ev}}
		}
	}
	return news.Annotations{}
}

func TestEvalEvents(t *testing.T) {
	r := scriptedEvents{
		// Right category, source found by its name.
		"Ministers": {Action: "CONSULT", Actor: "Chile"},
		// Right category, source by its span, target wrong.
		"Gunmen": {Action: "ASSAULT", ActorSpan: &news.Span{Start: 0, End: 6}, Target: "Lagos"},
		// Wrong category but the same quad class (verbal conflict).
		"Norway": {Action: "THREATEN", Actor: "Norway"},
	}
	var errs bytes.Buffer
	m, err := EvalEvents(filepath.Join("testdata", "events.json"), r, EventOptions{Errors: &errs})
	if err != nil {
		t.Fatal(err)
	}
	if m.Records != 4 || m.Coded != 3 {
		t.Fatalf("records/coded: %+v", m)
	}
	if want := NewPRF(2, 1, 2); m.Category != want {
		t.Errorf("category %+v, want %+v", m.Category, want)
	}
	if want := NewPRF(3, 0, 1); m.QuadClass != want {
		t.Errorf("quad class %+v, want %+v", m.QuadClass, want)
	}
	if m.Sources != 2 || m.SourceAccuracy != 1 || m.Targets != 1 || m.TargetAccuracy != 0 {
		t.Errorf("actors: %+v", m)
	}
	if got := strings.Count(errs.String(), "\n"); got != 2 || !strings.Contains(errs.String(), "T3\tgold DEMAND\tgot THREATEN") {
		t.Errorf("errors listing:\n%s", errs.String())
	}
}

func TestLoadEventRecordsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"not": "an array"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadEventRecords(bad); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("want an error naming the file, got %v", err)
	}
	actor := filepath.Join(dir, "actor.json")
	if err := os.WriteFile(actor, []byte(`[{"id": "X", "event": "AGREE", "text": "t", "source": 42}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadEventRecords(actor); err == nil || !strings.Contains(err.Error(), "record 0 (X) source") {
		t.Errorf("want an error naming the record, got %v", err)
	}
	if _, err := LoadEventRecords(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file must be an error")
	}
}
