package timex

import "testing"

// TestResolve covers how relative and underspecified expressions resolve
// against the anchor: one expression per case, checked by text and value.
func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		anchor string
		text   string
		want   string // the timex text
		value  string
	}{
		{"past day before the anchor stays in its year", "1989-11-01",
			"It had revenue of $76 million for the year ended March 31.", "March 31", "1989-03-31"},
		{"participle after be takes no tense", "1989-10-26",
			"The dividend would be paid on a date in January to holders.", "January", "1990-01"},
		{"month nearest the anchor without tense", "1989-10-30",
			"A program to pay down the loan by February.", "February", "1990-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, anchorAt(tt.anchor))
			for _, g := range got {
				if g.Text == tt.want {
					if g.Value != tt.value {
						t.Errorf("%q = %s, want %s", g.Text, g.Value, tt.value)
					}
					return
				}
			}
			t.Errorf("Find(%q) = %+v, no %q", tt.text, got, tt.want)
		})
	}
}
