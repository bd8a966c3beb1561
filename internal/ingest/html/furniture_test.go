package html

import (
	"slices"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

func TestDropFurnitureParas(t *testing.T) {
	body := `<p>The council voted on Tuesday to close the old bridge for repairs that will take two years.</p>
<p>Commuters will use a ferry that the city will run every twenty minutes during the works.</p>
<p>The mayor said the repairs could not wait any longer after the last inspection.</p>`
	tests := []struct {
		name, page, text, want string
	}{
		{
			name: "share bar and related box inside the article",
			page: `<article>` + body + `<div class="sd-sharing"><p>Share this: Facebook</p></div>
<div class="relatedArticles"><p>Ferry prices rise again</p></div></article>`,
			text: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\nShare this: Facebook\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nFerry prices rise again",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.",
		},
		{
			name: "a short caption goes",
			page: `<article><figure><img src="a.jpg"><figcaption>The old bridge in 1980.</figcaption></figure>` + body + `</article>`,
			text: "The old bridge in 1980.\n\nThe council voted on Tuesday to close the old bridge for repairs that will take two years.",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.",
		},
		{
			name: "a container marked as furniture that holds the article is not furniture",
			page: `<div class="post no-share">` + body + `</div>`,
			text: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.",
		},
		{
			name: "an author box under a brief is small, the page body is not",
			page: `<body class="has-sidebar"><article><p>The bridge closes on Monday for two years of repairs, the council said after a vote on Tuesday.</p><div class="author-box"><p>Jane Doe covers the city council and transport for the paper.</p></div></article></body>`,
			text: "The bridge closes on Monday for two years of repairs, the council said after a vote on Tuesday.\n\nJane Doe covers the city council and transport for the paper.",
			want: "The bridge closes on Monday for two years of repairs, the council said after a vote on Tuesday.",
		},
		{
			name: "three link lines in a row are a list of links, one is prose",
			page: `<article>` + body + `<ul><li><a href="/1">Tolls</a></li><li><a href="/2">Ferry fares rise</a> - May 2</li><li><a href="/3">Bus lanes</a></li></ul>
<p><a href="/4">Read the council's report</a></p></article>`,
			text: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\nTolls\n\nFerry fares rise - May 2\n\nBus lanes\n\n" +
				"The mayor said the repairs could not wait any longer after the last inspection.\n\nRead the council's report",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"The mayor said the repairs could not wait any longer after the last inspection.\n\nRead the council's report",
		},
		{
			name: "teaser list after the article goes, a note after it stays",
			page: `<article>` + body + `</article><ul class="timeline"><li><div class="title">Ferry fares rise again this spring</div><div class="text">The operator blames fuel prices.</div></li></ul>`,
			text: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nFerry fares rise again this spring\n\nThe operator blames fuel prices.",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.",
		},
		{
			name: "prose after the article stays",
			page: `<article>` + body + `</article><div class="box"><p>The works were first planned in 2019 and delayed twice.</p></div>`,
			text: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nThe works were first planned in 2019 and delayed twice.",
			want: "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n" +
				"Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nThe works were first planned in 2019 and delayed twice.",
		},
		{
			name: "a paragraph also found outside furniture stays",
			page: `<article>` + body + `</article><aside><p>Commuters will use a ferry that the city will run every twenty minutes during the works.</p></aside>`,
			text: "Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nThe mayor said the repairs could not wait any longer after the last inspection.",
			want: "Commuters will use a ferry that the city will run every twenty minutes during the works.\n\nThe mayor said the repairs could not wait any longer after the last inspection.",
		},
		{
			name: "headings and standfirsts keep their place",
			page: `<article><h2 id="nav-repairs">Repairs</h2><div class="sidebar-item"><p class="teaser">A summary of the repair works and what they mean for the city.</p></div>` + body + `</article>`,
			text: "Repairs\n\nA summary of the repair works and what they mean for the city.\n\nThe council voted on Tuesday to close the old bridge for repairs that will take two years.",
			want: "Repairs\n\nA summary of the repair works and what they mean for the city.\n\nThe council voted on Tuesday to close the old bridge for repairs that will take two years.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := nethtml.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := dropFurnitureParas(tt.text, newPageText(doc)); got != tt.want {
				t.Errorf("dropFurnitureParas =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestClassTokens(t *testing.T) {
	doc, err := nethtml.Parse(strings.NewReader(`<div class="sd-sharing relatedArticles m-a-box__bio" id="shareholder_news">`))
	if err != nil {
		t.Fatal(err)
	}
	div := doc.FirstChild.LastChild.FirstChild // html > body > div
	want := []string{"sd", "sharing", "related", "articles", "m", "a", "box", "bio", "shareholder", "news"}
	if got := classTokens(div); !slices.Equal(got, want) {
		t.Errorf("classTokens = %q, want %q", got, want)
	}
}
