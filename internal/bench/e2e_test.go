package bench

import (
	"os"
	"testing"
)

// TestInputs checks that inputs are distinct and that skip selects the
// continuation of one fixed order, so runs get disjoint inputs.
func TestInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the Reuters and BBC corpora")
	}
	dir := "../../../shared/data"
	if _, err := os.Stat(dir); err != nil {
		dir = "/work/shared/data"
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data unavailable: %v", err)
	}
	all, err := Inputs(dir, 0, 600)
	if err != nil {
		t.Fatal(err)
	}
	tail, err := Inputs(dir, 300, 300)
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range tail {
		if string(in.Raw) != string(all[300+i].Raw) {
			t.Fatalf("Inputs(300, 300)[%d] differs from Inputs(0, 600)[%d]", i, 300+i)
		}
	}
	seen := map[string]string{}
	for _, in := range all {
		if prev, dup := seen[string(in.Raw)]; dup {
			t.Fatalf("%s repeats the bytes of %s", in.Source, prev)
		}
		seen[string(in.Raw)] = in.Source
	}
}
