package httpapi_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/httpapi"
)

// TestListStories checks what the story list says of each story's members.
func TestListStories(t *testing.T) {
	srv := newServer(t, "")
	resp, body := do(t, "GET", srv.URL+"/api/v1/stories", "", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var page struct {
		Items []struct {
			Title    string     `json:"title"`
			Articles int        `json:"article_count"`
			Members  []int64    `json:"article_ids"`
			Outlets  []string   `json:"outlets"`
			From     *time.Time `json:"from"`
			To       *time.Time `json:"to"`
		} `json:"items"`
		Next string `json:"next"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Next != "" {
		t.Fatalf("page %+v; want one story and no next page", page)
	}
	got := page.Items[0]
	if got.Title != "Shoigu in Kabul" || got.Articles != 2 || len(got.Members) != 2 {
		t.Errorf("story %+v", got)
	}
	if diff := cmp.Diff([]string{"A", "B"}, got.Outlets); diff != "" {
		t.Errorf("outlets (-want +got):\n%s", diff)
	}
	from, to := time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC), time.Date(2024, 11, 26, 0, 0, 0, 0, time.UTC)
	if got.From == nil || got.To == nil || !got.From.Equal(from) || !got.To.Equal(to) {
		t.Errorf("span %v – %v; want %v – %v", got.From, got.To, from, to)
	}
}

// TestErrorAfterResponseStarted checks that an error returned once the
// body is under way (a client that hung up) is not written over it.
func TestErrorAfterResponseStarted(t *testing.T) {
	h := httpapi.NewHandler(httpapi.Config{}, []httpapi.Route{{Method: "GET", Pattern: "/half", Handle: func(w http.ResponseWriter, _ *http.Request) error {
		w.Header().Set("Content-Type", "text/plain")
		if _, err := w.Write([]byte("partial")); err != nil {
			return err
		}
		return errors.New("write: broken pipe")
	}}})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/half", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != "partial" {
		t.Errorf("got %d %q; want the started response untouched", rec.Code, rec.Body.String())
	}
}
