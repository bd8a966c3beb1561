package pipeline

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, ct, raw string
		want                Format
	}{
		{"plain text", "a.txt", "", "Headline\n\nBody text.", FormatText},
		{"html by content despite .txt", "a.txt", "", "<!DOCTYPE html><html><body><p>x</p></body></html>", FormatHTML},
		{"html fragment", "page", "", "  <html lang=en><head><title>t</title></head>", FormatHTML},
		{"rss", "feed.xml", "", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, FormatFeed},
		{"atom", "x", "", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, FormatFeed},
		{"jsonl", "x.txt", "", `{"text":"a"}` + "\n", FormatJSONL},
		{"html by content type", "x", "text/html; charset=utf-8", "Hello", FormatHTML},
		{"html by extension", "x.htm", "", "Hello", FormatHTML},
		{"text mentioning html", "x.txt", "", "How to write <b> tags in prose", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.file, tt.ct, []byte(tt.raw)); got != tt.want {
				t.Errorf("Sniff = %s, want %s", got, tt.want)
			}
		})
	}
}
