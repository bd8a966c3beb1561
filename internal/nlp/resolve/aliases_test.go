package resolve

import (
	"strings"
	"testing"
)

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Donald Trump", "Trump", true},
		{"Donald Trump", "Donald J. Trump", true},
		{"Dick Durbin", "Richard J. Durbin", true},
		{"Chuck Schumer", "Charles Schumer", true},
		{"Bill Clinton", "Hillary Clinton", false},
		{"George W. Bush", "George H. W. Bush", false},
		{"George W. Bush", "George Bush", true},
		{"Sergey Shoigu", "Sergei Shoigu", true},
		{"J. Smith", "John Smith", true},
		{"Jeb Bush", "George Bush", false},
	}
	for _, tt := range tests {
		if got := SamePerson(PersonTokens(tt.a), PersonTokens(tt.b)); got != tt.want {
			t.Errorf("SamePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPersonAliases(t *testing.T) {
	known := []string{"per:trump", "per:donald_trump", "per:donald_j_trump", "per:clinton", "per:bill_clinton",
		"per:hillary_clinton", "per:hillary_rodham_clinton", "per:dick_durbin", "per:richard_j_durbin", "per:bush",
		"per:george_bush", "per:george_w_bush", "per:george_h_w_bush", "org:trump_organization", "per:ivanka_trump_x"}
	tests := []struct{ id, want string }{
		{"per:donald_trump", "per:donald_j_trump per:donald_trump per:trump"},
		{"per:trump", "per:donald_j_trump per:donald_trump per:trump"},
		{"per:hillary_clinton", "per:hillary_clinton per:hillary_rodham_clinton"},
		{"per:clinton", "per:clinton"},
		{"per:dick_durbin", "per:dick_durbin per:richard_j_durbin"},
		{"per:george_bush", "per:george_bush"},
		{"per:george_w_bush", "per:george_w_bush"},
		{"org:trump_organization", "org:trump_organization"},
		{"per:unknown_person", "per:unknown_person"},
	}
	for _, tt := range tests {
		if got := strings.Join(PersonAliases(tt.id, known), " "); got != tt.want {
			t.Errorf("PersonAliases(%s) = %s, want %s", tt.id, got, tt.want)
		}
	}
}
