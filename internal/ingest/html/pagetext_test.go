package html

import (
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

func TestPageTextSources(t *testing.T) {
	doc, err := nethtml.Parse(strings.NewReader(`<div><p>One <b>bold</b>word.</p><p>Two</p><p>One boldword.</p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	got := newPageText(doc).sources("One boldword.")
	if len(got) != 2 || got[0].Data != "p" || got[1].Data != "p" || got[0] == got[1] {
		t.Errorf("sources = %v, want the first and the third <p>", got)
	}
}

func TestJoinSplitBlocks(t *testing.T) {
	page := `<div><em>How to get help: call the </em><a href="/l"><em>Helpline</em></a><em> at 555.</em></div>
<p>Next paragraph.</p><p>Line one<br>Line two</p>`
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	text := "How to get help: call the\n\nHelpline\n\nat 555.\n\nNext paragraph.\n\nLine one\n\nLine two"
	want := "How to get help: call the Helpline at 555.\n\nNext paragraph.\n\nLine one\n\nLine two"
	if got := joinSplitBlocks(text, newPageText(doc)); got != want {
		t.Errorf("joinSplitBlocks =\n%q\nwant\n%q", got, want)
	}
}
