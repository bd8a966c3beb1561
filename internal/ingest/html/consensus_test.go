package html

import (
	"strings"
	"testing"
)

func TestTrimUnconfirmed(t *testing.T) {
	body1 := strings.Repeat("The minister arrived in the capital on Monday for talks on trade and security. ", 2)
	body2 := strings.Repeat("Officials said the two sides signed three agreements during the visit. ", 2)
	join := func(p ...string) string { return strings.Join(p, "\n\n") }
	tests := []struct {
		name, text, second, want string
	}{
		{"edges dropped", join("By Staff", body1, "A short quoted line.", body2, "Sign up for our newsletter"),
			join(body1, "A short quoted line.", body2), join(body1, "A short quoted line.", body2)},
		{"confirmed short edges kept", join("Kabul, 25 November", body1, body2), join("Kabul, 25 November", body1, body2),
			join("Kabul, 25 November", body1, body2)},
		{"inner short paragraph kept", join(body1, "Unconfirmed middle.", body2, "Photo: Agency"), join(body1, body2),
			join(body1, "Unconfirmed middle.", body2)},
		{"other article: untouched", join("By Staff", body1, body2), "Something else entirely about the weather.",
			join("By Staff", body1, body2)},
		{"no second opinion", join("By Staff", body1), "", join("By Staff", body1)},
		{"only short paragraphs", join("One.", "Two."), "Three.", join("One.", "Two.")},
	}
	for _, tt := range tests {
		if got := trimUnconfirmed(tt.text, tt.second); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestPrependSecondLead(t *testing.T) {
	body := "The council voted on Monday to close the bridge.\n\nRepairs start in May."
	tests := []struct{ name, text, second, want string }{
		{"lead put back", body, "Commuters will need the ferry from next month on.\n\n" + body, "Commuters will need the ferry from next month on.\n\n" + body},
		{"byline and caption skipped", body, "By Jane Doe\n\nThe old bridge in the fog (Symbolbild).\n\n" + body, body},
		{"same start", body, body + "\n\nMore.", body},
		{"body not found", body, "Something else entirely here.", body},
	}
	for _, tt := range tests {
		if got := prependSecondLead(tt.text, tt.second); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
