package web

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []Mark
		want  string
	}{
		{"none", "a<b", nil, "a&lt;b"},
		{"one", "Shoigu met Muttaqi", []Mark{{Start: 0, End: 6, Class: "ent", ID: "ent-1"}}, `<mark class="ent" id="ent-1">Shoigu</mark> met Muttaqi`},
		{"overlap", "abcdef", []Mark{{Start: 0, End: 4, Class: "x", ID: "x-1"}, {Start: 2, End: 6, Class: "y", ID: "y-1"}},
			`<mark class="x" id="x-1">ab</mark><mark class="x y" id="y-1">cd</mark><mark class="y">ef</mark>`},
		{"same start", "abc", []Mark{{Start: 0, End: 3, Class: "x", ID: "x-1"}, {Start: 0, End: 3, Class: "y", ID: "y-1"}},
			`<span id="y-1"></span><mark class="x y" id="x-1">abc</mark>`},
		{"out of range and empty", "abc", []Mark{{Start: -5, End: 99, Class: "x"}, {Start: 2, End: 2, Class: "z"}}, `<mark class="x">abc</mark>`},
		{"mid rune", "é!", []Mark{{Start: 1, End: 3, Class: "x"}}, `<mark class="x">é!</mark>`},
		{"hostile", `</mark><script>alert(1)</script>`, []Mark{{Start: 0, End: 7, Class: `c" onclick="x`, Title: `"><img src=x onerror=alert(1)>`}},
			`<mark class="c&#34; onclick=&#34;x" title="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;/mark&gt;</mark>&lt;script&gt;alert(1)&lt;/script&gt;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Highlight(tt.text, tt.marks)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// FuzzHighlight checks that removing the tags and unescaping gives back
// the text (with NUL and invalid UTF-8 replaced), and that the text itself never adds a tag.
func FuzzHighlight(f *testing.F) {
	f.Add("Shoigu met Muttaqi in Kabul.", 0, 6, 3, 12)
	f.Add("</mark><script>x</script>", 0, 7, 2, 30)
	f.Add("é<ü>", 1, 3, 0, 2)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		out := string(Highlight(text, []Mark{{Start: s1, End: e1, Class: "a", ID: "a-1"}, {Start: s2, End: e2, Class: "b", ID: "b-1"}}))
		// HTML escaping turns NUL, which HTML forbids, into U+FFFD.
		want := strings.ReplaceAll(text, "\x00", "\uFFFD")
		if got := html.UnescapeString(tagRE.ReplaceAllString(out, "")); got != strings.ToValidUTF8(want, "\uFFFD") && got != want {
			t.Fatalf("text not preserved: %q -> %q", text, got)
		}
		tags := tagRE.FindAllString(out, -1)
		for _, tag := range tags {
			if !strings.HasPrefix(tag, "<mark ") && tag != "</mark>" && !strings.HasPrefix(tag, `<span id="`) && tag != "</span>" {
				t.Fatalf("unexpected tag %q in %q", tag, out)
			}
		}
	})
}
