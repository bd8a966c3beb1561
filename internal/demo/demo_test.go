package demo

import "testing"

func TestFiles(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("got %d files, want 3", len(files))
	}
	for _, f := range files {
		if len(f.Raw) == 0 {
			t.Errorf("%s is empty", f.Name)
		}
	}
}
