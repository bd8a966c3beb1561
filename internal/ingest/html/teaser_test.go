package html

import (
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

func TestDropLinkTeasers(t *testing.T) {
	page := `<h1><a href="/a">Bridge closes after forty years</a></h1>
<nav><a href="#why">Why the bridge closes</a></nav><h2 id="why">Why the bridge closes</h2>
<p>Body text of the article.</p><p><a href="/b">Ferry timetable changes for commuters</a></p>
<p>Text with <a href="/c">a link inside it</a> goes on.</p>`
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	text := "Bridge closes after forty years\n\nWhy the bridge closes\n\nBody text of the article.\n\n" +
		"Ferry timetable changes for commuters\n\nText with a link inside it goes on."
	want := "Bridge closes after forty years\n\nWhy the bridge closes\n\nBody text of the article.\n\nText with a link inside it goes on."
	if got := dropLinkTeasers(text, linkTexts(doc)); got != want {
		t.Errorf("dropLinkTeasers = %q, want %q", got, want)
	}
}

func TestRawMarkup(t *testing.T) {
	for text, want := range map[string]bool{
		`<iframe src="https://x.example/ns.html" height="0"></iframe> Home News`: true,
		`Use the <img> element for pictures.`:                                    false,
		`Prices rose by 3 < 4 percent.`:                                          false,
	} {
		if got := rawMarkup.MatchString(text); got != want {
			t.Errorf("rawMarkup(%q) = %v, want %v", text, got, want)
		}
	}
}
