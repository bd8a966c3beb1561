package html

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestAddLead(t *testing.T) {
	body := "The council voted on Tuesday to close the old bridge for good, after years of repairs."
	tests := []struct {
		name, page, text, want string
	}{
		{
			name: "standfirst between headline and body",
			page: `<h1>Bridge closes</h1><p class="article-lead">After forty years the town loses its busiest river crossing.</p><span>By A. Writer</span><p>` + body + `</p>`,
			text: body,
			want: "After forty years the town loses its busiest river crossing.\n\n" + body,
		},
		{
			name: "lead already in the text",
			page: `<h1>Bridge closes</h1><p class="lead">After forty years the town loses its busiest river crossing.</p><p>` + body + `</p>`,
			text: "After forty years the town loses its busiest river crossing.\n\n" + body,
			want: "After forty years the town loses its busiest river crossing.\n\n" + body,
		},
		{
			name: "teaser after the body is not a lead",
			page: `<h1>Bridge closes</h1><p>` + body + `</p><div class="teaser">Read how the new ferry timetable will work for commuters.</div>`,
			text: body,
			want: body,
		},
		{
			name: "lead image caption is not a lead",
			page: `<h1>Bridge closes</h1><div class="lead"><img src="b.jpg"><span>The bridge seen from the north bank in 1985, before repairs.</span></div><p>` + body + `</p>`,
			text: body,
			want: body,
		},
		{
			name: "site tagline is not a lead",
			page: `<h1>Bridge closes</h1><h2 class="site-description">News and views from the valley towns since 1999.</h2><p>` + body + `</p>`,
			text: body,
			want: body,
		},
		{
			name: "too far from the body",
			page: `<h1>Bridge closes</h1><p class="intro">After forty years the town loses its busiest river crossing.</p><ul>` + strings.Repeat("<li>Some unrelated widget text here</li>", 30) + `</ul><p>` + body + `</p>`,
			text: body,
			want: body,
		},
		{
			name: "block showing the meta description is a lead whatever its class",
			page: `<h1>Bridge closes</h1><p class="font-brand mb-4">After forty years the town loses its busiest river crossing.</p><p>` + body + `</p>`,
			text: body,
			want: "After forty years the town loses its busiest river crossing.\n\n" + body,
		},
		{
			name: "meta description after the body is not a lead",
			page: `<h1>Bridge closes</h1><p>` + body + `</p><p>After forty years the town loses its busiest river crossing.</p>`,
			text: body,
			want: body,
		},
		{
			name: "empty text",
			page: `<h1>Bridge closes</h1><p class="lead">After forty years the town loses its busiest river crossing.</p>`,
			text: "",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := addLead(doc, tt.text, "Bridge closes", []string{"After forty years the town loses its busiest river crossing."}); got != tt.want {
				t.Errorf("addLead() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
