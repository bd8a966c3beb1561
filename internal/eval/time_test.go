package eval

import (
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

const sampleTimeML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Shares fell &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
</TEXT>
</TimeML>`

func TestParseTimeML(t *testing.T) {
	doc, err := ParseTimeML([]byte(sampleTimeML))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Creation.Format("2006-01-02"); !doc.HasCreation || got != "1998-01-08" {
		t.Errorf("creation = %s (known %v), want 1998-01-08", got, doc.HasCreation)
	}
	if !strings.Contains(doc.Text, "fell & rose yesterday after two weeks.") {
		t.Errorf("text = %q", doc.Text)
	}
	if len(doc.Gold) != 2 {
		t.Fatalf("gold = %+v, want 2 timexes", doc.Gold)
	}
	for _, g := range doc.Gold {
		if doc.Text[g.Start:g.End] != g.Text {
			t.Errorf("span %d-%d = %q, text %q", g.Start, g.End, doc.Text[g.Start:g.End], g.Text)
		}
	}
	if doc.Gold[1].Type != "DURATION" || doc.Gold[1].Value != "P2W" || doc.Gold[1].Text != "two weeks" {
		t.Errorf("second timex = %+v", doc.Gold[1])
	}
}

func TestParseTimeMLWithoutText(t *testing.T) {
	if _, err := ParseTimeML([]byte("<TimeML></TimeML>")); err == nil {
		t.Fatal("want an error for a document without <TEXT>")
	}
}

func TestTimeCounts(t *testing.T) {
	gold := []news.Timex{
		{Start: 0, End: 10, Type: "DATE", Value: "1998-01-07"},
		{Start: 20, End: 30, Type: "DURATION", Value: "P2W"},
		{Start: 40, End: 45, Type: "DATE", Value: "PRESENT_REF"},
	}
	predicted := []news.Timex{
		{Start: 0, End: 10, Type: "DATE", Value: "1998-01-07"}, // strict, right value
		{Start: 22, End: 30, Type: "DURATION", Value: "P3W"},   // relaxed, wrong value
		{Start: 50, End: 55, Type: "DATE", Value: "1998"},      // spurious
	}
	var c TimeCounts
	c.Add(gold, predicted)
	m := c.Metrics()
	tests := []struct {
		name      string
		got, want float64
	}{
		{"strict precision", m.Strict.Precision, 1.0 / 3},
		{"strict recall", m.Strict.Recall, 1.0 / 3},
		{"relaxed precision", m.Relaxed.Precision, 2.0 / 3},
		{"relaxed recall", m.Relaxed.Recall, 2.0 / 3},
		{"type accuracy", m.TypeAccuracy, 1},
		{"value accuracy", m.ValueAccuracy, 0.5},
		{"value F1", m.ValueF1, 2.0 / 3 * 0.5},
		{"type F1", m.TypeF1, 2.0 / 3},
	}
	for _, tt := range tests {
		if diff := tt.got - tt.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestEvalTimeData scores the timex finder on a TimeML directory named by
// PARALLAX_TIMEML (e.g. TBAQ-cleaned); it skips when the variable is unset.
func TestEvalTimeData(t *testing.T) {
	dir := os.Getenv("PARALLAX_TIMEML")
	if dir == "" {
		t.Skip("PARALLAX_TIMEML not set")
	}
	opts := TimeOptions{}
	if path := os.Getenv("PARALLAX_TIMEML_ERRORS"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		opts.Errors = f
	}
	m, err := EvalTime(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", m)
}
