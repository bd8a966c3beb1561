package htmltext

import "testing"

func TestFragment(t *testing.T) {
	got := Fragment(`<p>One <b>bold</b> line.</p><script>x()</script><ul><li>a</li><li>b</li></ul>text<br>after`)
	want := "One bold line.\n\na\n\nb\n\ntext\n\nafter"
	if got != want {
		t.Errorf("Fragment = %q, want %q", got, want)
	}
}

func FuzzFragment(f *testing.F) {
	f.Add("<p>a<b>b</b></p><table><tr><td>1</td><td>2</td></tr></table>")
	f.Fuzz(func(t *testing.T, s string) {
		out := Fragment(s)
		if len(out) > 0 && (out[0] == ' ' || out[len(out)-1] == ' ') {
			t.Errorf("untrimmed output %q", out)
		}
	})
}
