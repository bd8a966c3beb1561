package sqlcodec

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func TestTimestampRoundTrip(t *testing.T) {
	kyiv := time.FixedZone("EET", 2*3600)
	for _, ts := range []*news.Timestamp{
		nil,
		{Time: time.Date(2024, 3, 5, 14, 30, 15, 123456789, kyiv)},
		{Time: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), DateOnly: true},
		{Time: time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC), Floating: true},
		{Time: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), DateOnly: true, Floating: true},
	} {
		text, flags := EncodeTimestamp(ts)
		got, err := DecodeTimestamp(text, flags)
		if err != nil {
			t.Fatalf("DecodeTimestamp(EncodeTimestamp(%v)): %v", ts, err)
		}
		if ts == nil {
			if text != nil || got != nil {
				t.Errorf("nil timestamp encoded as %v, decoded as %v", text, got)
			}
			continue
		}
		if got == nil || !got.Time.Equal(ts.Time) || got.Time.Format(time.RFC3339Nano) != ts.Time.Format(time.RFC3339Nano) ||
			got.DateOnly != ts.DateOnly || got.Floating != ts.Floating {
			t.Errorf("round trip of %+v = %+v", ts, got)
		}
	}
}

func TestTimestampStoredForm(t *testing.T) {
	// The stored text and flag values are on disk: they must not change.
	text, flags := EncodeTimestamp(&news.Timestamp{Time: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), DateOnly: true, Floating: true})
	if *text != "2024-03-05T00:00:00Z" || flags != 3 {
		t.Errorf("EncodeTimestamp = %q, %d; want 2024-03-05T00:00:00Z, 3", *text, flags)
	}
	bad := "yesterday"
	if _, err := DecodeTimestamp(&bad, 0); err == nil || !strings.Contains(err.Error(), `"yesterday"`) {
		t.Errorf("DecodeTimestamp(%q) = %v, want an error naming it", bad, err)
	}
}

func TestCursors(t *testing.T) {
	c := EncodeCursor("2024-03-05T00:00:00Z", "42")
	parts, err := DecodeCursor(c, 2)
	if err != nil || !reflect.DeepEqual(parts, []string{"2024-03-05T00:00:00Z", "42"}) {
		t.Errorf("DecodeCursor(EncodeCursor(...)) = %q, %v", parts, err)
	}
	if n, err := DecodeIntCursor(EncodeIntCursor(1234)); err != nil || n != 1234 {
		t.Errorf("DecodeIntCursor(EncodeIntCursor(1234)) = %d, %v", n, err)
	}
	for _, tc := range []struct {
		cursor string
		parts  int
	}{
		{"!!!", 1},
		{c, 1},
		{EncodeCursor("a"), 2},
	} {
		if _, err := DecodeCursor(tc.cursor, tc.parts); !errors.Is(err, news.ErrInvalidInput) || !strings.Contains(err.Error(), tc.cursor) {
			t.Errorf("DecodeCursor(%q, %d) = %v, want ErrInvalidInput naming the cursor", tc.cursor, tc.parts, err)
		}
	}
	for _, cursor := range []string{"!!!", EncodeCursor("-1"), EncodeCursor("x"), EncodeCursor("1", "2")} {
		if _, err := DecodeIntCursor(cursor); !errors.Is(err, news.ErrInvalidInput) || !strings.Contains(err.Error(), cursor) {
			t.Errorf("DecodeIntCursor(%q) = %v, want ErrInvalidInput naming the cursor", cursor, err)
		}
	}
}

func TestPaging(t *testing.T) {
	for _, tc := range []struct{ in, want int }{{0, 50}, {-3, 50}, {1, 1}, {500, 500}} {
		if got := PageLimit(tc.in); got != tc.want {
			t.Errorf("PageLimit(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
	last := func(n int) string { return EncodeIntCursor(int64(n)) }
	if list, next := NextPage([]int{1, 2, 3}, 3, last); len(list) != 3 || next != "" {
		t.Errorf("NextPage of a last page = %v, %q; want all rows, no cursor", list, next)
	}
	if list, next := NextPage([]int{1, 2, 3, 4}, 3, last); !reflect.DeepEqual(list, []int{1, 2, 3}) || next != EncodeIntCursor(3) {
		t.Errorf("NextPage of limit+1 rows = %v, %q; want 3 rows and the cursor after row 3", list, next)
	}
	if list, next := NextPage[int](nil, 3, last); list != nil || next != "" {
		t.Errorf("NextPage(nil) = %v, %q", list, next)
	}
}

func TestSearchTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Shoigu in Kabul", []string{"Shoigu", "in", "Kabul"}},
		{`"unterminated AND (x* OR col:val) -y NEAR(a b, 2)`, []string{"unterminated", "AND", "x", "OR", "col", "val", "y", "NEAR", "a", "b", "2"}},
		{"Zelenskyy's café", []string{"Zelenskyy", "s", "café"}},
		{"---", nil},
	} {
		if got := SearchTerms(tc.in); len(got) != len(tc.want) || (len(got) > 0 && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("SearchTerms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEntityIndex(t *testing.T) {
	entities := []news.Entity{
		{ID: "", Refers: "Q1"}, // only refers: loses to Q1's own entity
		{ID: "Q1"},             // Q1's own entity
		{ID: "Q1"},             // a later equal loses
		{ID: "local-2", Refers: "Q2"},
		{ID: "local-3", Refers: "Q2"},
	}
	want := map[string]int{"Q1": 1, "local-2": 3, "local-3": 4, "Q2": 3}
	if got := EntityIndex(entities); !reflect.DeepEqual(got, want) {
		t.Errorf("EntityIndex = %v, want %v", got, want)
	}
}

func TestDecodeMention(t *testing.T) {
	body := `{"entities":[{"id":"Q1","name":"Sergei Shoigu"},{"id":"local-1","refers":"Q2","name":"the minister"}],
		"quotes":[{"text":"a","speaker":{"entity_id":"Q1"}},{"text":"b","speaker":{"entity_id":"local-1"}},
			{"text":"c","speaker":{"entity_id":"Q2"}},{"text":"d"},{"text":"e","speaker":{"entity_id":""}}]}`
	ent, quotes, err := DecodeMention(7, body, 1, "Q2")
	if err != nil {
		t.Fatal(err)
	}
	if ent.ID != "local-1" {
		t.Errorf("entity = %+v, want local-1", ent)
	}
	var texts []string
	for _, q := range quotes {
		texts = append(texts, q.Text)
	}
	if !reflect.DeepEqual(texts, []string{"b", "c"}) {
		t.Errorf("quotes = %q, want the ones by Q2 or local-1", texts)
	}
	for _, tc := range []struct {
		body     string
		position int
	}{{body, 2}, {"{", 0}} {
		if _, _, err := DecodeMention(7, tc.body, tc.position, "Q2"); err == nil || !strings.Contains(err.Error(), "article 7") {
			t.Errorf("DecodeMention(%q, %d) = %v, want an error naming article 7", tc.body, tc.position, err)
		}
	}
}

func TestDocumentDigest(t *testing.T) {
	const helloSHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	for _, doc := range []news.Document{{Raw: []byte("hello")}, {Raw: []byte("hello"), SHA256: strings.ToUpper(helloSHA)}} {
		if got, err := DocumentDigest(doc); err != nil || got != helloSHA {
			t.Errorf("DocumentDigest(%+v) = %s, %v; want %s", doc, got, err, helloSHA)
		}
	}
	for _, doc := range []news.Document{{}, {Raw: []byte("hello"), SHA256: "00"}} {
		if _, err := DocumentDigest(doc); !errors.Is(err, news.ErrInvalidInput) {
			t.Errorf("DocumentDigest(%+v) = %v, want ErrInvalidInput", doc, err)
		}
	}
}

func TestRepeatedID(t *testing.T) {
	if id, ok := RepeatedID([]int64{3, 1, 2}); ok {
		t.Errorf("RepeatedID of distinct IDs = %d", id)
	}
	if id, ok := RepeatedID([]int64{3, 1, 2, 1, 3}); !ok || id != 1 {
		t.Errorf("RepeatedID = %d, %v; want 1, true", id, ok)
	}
}

func TestMigrations(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_index.sql": {Data: []byte("CREATE INDEX i ON t (a);")},
		"m/0001_init.sql":  {Data: []byte("CREATE TABLE t (a INTEGER);")},
	}
	list, err := LoadMigrations(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	want := []Migration{{1, "0001_init.sql", "CREATE TABLE t (a INTEGER);"}, {2, "0002_index.sql", "CREATE INDEX i ON t (a);"}}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("LoadMigrations = %+v, want %+v", list, want)
	}
	for current, n := range []int{2, 1, 0} {
		if pending, err := Pending(list, current); err != nil || len(pending) != n || (n > 0 && pending[0].Version != current+1) {
			t.Errorf("Pending(at %d) = %+v, %v; want %d from version %d", current, pending, err, n, current+1)
		}
	}
	if _, err := Pending(list, 3); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Errorf("Pending(at 3) = %v, want ErrSchemaTooNew", err)
	}
	for name, bad := range map[string]fstest.MapFS{
		"a gap":    {"m/0001_init.sql": {}, "m/0003_late.sql": {}},
		"no NNNN_": {"m/0001_init.sql": {}, "m/index.sql": {}},
		"no dir":   {},
	} {
		if _, err := LoadMigrations(bad, "m"); err == nil {
			t.Errorf("LoadMigrations with %s: no error", name)
		}
	}
}
