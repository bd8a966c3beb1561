package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/news"
)

func TestReadBratConvertsCharacterOffsets(t *testing.T) {
	text := "Shoigu’s aide said “yes” today."
	ann := "T1\tSource 0 13\tShoigu’s aide\n" +
		"T2\tCue 14 18\tsaid\n" +
		"T3\tContent 19 24;25 30\t“yes” today\n" +
		"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
	doc, err := ReadBrat(strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	src := doc.Spans["T1"].Extent()
	if got := text[src.Start:src.End]; got != "Shoigu’s aide" {
		t.Errorf("source = %q", got)
	}
	content := doc.Spans["T3"]
	if len(content.Fragments) != 2 {
		t.Fatalf("fragments = %v", content.Fragments)
	}
	if got := text[content.Extent().Start:content.Extent().End]; got != "“yes” today" {
		t.Errorf("content extent = %q", got)
	}
	if doc.Events[0].Args["Source"] != "T1" || doc.Events[0].Type != "Attribution" {
		t.Errorf("event = %+v", doc.Events[0])
	}
}

func TestReadBratRejectsBadOffsets(t *testing.T) {
	for _, ann := range []string{"T1\tSource 5 2\tx\n", "T1\tSource 0 999\tx\n", "T1\tSource x y\tx\n"} {
		if _, err := ReadBrat(strings.NewReader(ann), "short text"); err == nil {
			t.Errorf("ReadBrat(%q) succeeded, want error", ann)
		}
	}
}

func TestMatchSpans(t *testing.T) {
	tests := []struct {
		name      string
		gold      [][2]int
		pred      [][2]int
		threshold float64
		want      map[int]int
	}{
		{"exact", [][2]int{{0, 4}}, [][2]int{{0, 4}}, 1, map[int]int{0: 0}},
		{"half overlap is enough", [][2]int{{0, 4}}, [][2]int{{2, 6}}, 0.5, map[int]int{0: 0}},
		{"symmetric: long prediction fails", [][2]int{{0, 2}}, [][2]int{{0, 10}}, 0.5, map[int]int{}},
		{"one to one, best first", [][2]int{{0, 4}, {0, 5}}, [][2]int{{0, 5}}, 0.5, map[int]int{1: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, matchSpans(tt.gold, tt.pred, tt.threshold)); diff != "" {
				t.Errorf("matches (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMergeSplitQuotes(t *testing.T) {
	text := "“We are ready,” he said, “and we will act.”"
	qs := []news.Quote{
		{Start: 3, End: 17, Direct: true, SpeakerStart: 21, SpeakerEnd: 23, Cue: "said"},
		{Start: 32, End: 49, Direct: true, SpeakerStart: 21, SpeakerEnd: 23, Cue: "said"},
	}
	got := mergeSplitQuotes(text, qs)
	if len(got) != 1 || got[0].Start != 3 || got[0].End != 49 {
		t.Errorf("merged = %+v", got)
	}
}

// tinyText and tinyAnn are a two-attribution article and its annotation.
const (
	tinyText = "“Prices will fall,” Smith said. Jones said that taxes would rise."
	tinyAnn  = "T1\tContent 0 19\t“Prices will fall,”\nT2\tSource 20 25\tSmith\nT3\tCue 26 30\tsaid\n" +
		"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n" +
		"T4\tSource 32 37\tJones\nT5\tCue 38 42\tsaid\nT6\tContent 43 65\tthat taxes would rise.\n" +
		"E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
)

// writeSplit writes a PolNeAR-style split folder of files (paths
// relative to it) and returns its path.
func writeSplit(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalQuotesOnTinySplit(t *testing.T) {
	text, ann := tinyText, tinyAnn
	dir := writeSplit(t, map[string]string{"text/a.txt": text, "attributions/a_1.ann": ann, "attributions/a_2.ann": "garbage that is ignored"})
	m, err := EvalQuotes(dir, QuoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Docs != 1 || m.Gold != 2 || m.Overlap.F1 != 1 || m.Exact.F1 != 1 || m.SourceAccuracy != 1 {
		t.Errorf("metrics = %+v", m)
	}
	b, err := EvalQuotes(dir, QuoteOptions{Baseline: true})
	if err != nil {
		t.Fatal(err)
	}
	if b.Predicted != 1 || b.Overlap.Recall != 0.5 {
		t.Errorf("baseline metrics = %+v", b)
	}
}

func TestEvalQuotesAgreement(t *testing.T) {
	text, first := tinyText, tinyAnn
	// The second annotator agrees on the quotation, gives it to Jones and
	// misses the reported claim.
	second := "T1\tContent 0 19\t“Prices will fall,”\nT2\tSource 32 37\tJones\nT3\tCue 26 30\tsaid\n" +
		"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
	dir := writeSplit(t, map[string]string{
		"text/a.txt": text, "attributions/a_1.ann": first, "attributions/a_2.ann": second,
		"text/b.txt": text, "attributions/b_1.ann": first,
	})
	m, err := EvalQuotes(dir, QuoteOptions{Agreement: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.System != "annotator-agreement" || m.Docs != 1 || m.Gold != 2 || m.Predicted != 1 ||
		m.Overlap.Precision != 1 || m.Overlap.Recall != 0.5 || m.SourceAccuracy != 0 {
		t.Errorf("metrics = %+v", m)
	}
	if err := os.Remove(filepath.Join(dir, "attributions", "a_2.ann")); err != nil {
		t.Fatal(err)
	}
	if _, err := EvalQuotes(dir, QuoteOptions{Agreement: true}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("one annotator per article: err = %v, want ErrNotFound", err)
	}
}
