package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// seedDir holds the project's two shared seed articles, outside the
// module; the acceptance test skips when they are not there.
var seedDir = filepath.Join("..", "..", "..", "..", "shared", "seeds")

func readSeed(t *testing.T, name string) news.Article {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(seedDir, name))
	if os.IsNotExist(err) {
		t.Skipf("seed %s not present", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	art, err := ExtractBytes(name, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return art
}

func TestSeedCaspianDump(t *testing.T) {
	art := readSeed(t, "000_f9bd5f106b571614.txt")
	if got := news.Deref(art.Title); got != "Russia’s Shoigu Visits Kabul, Seeks Stronger Ties with Taliban-Led Afghanistan" {
		t.Errorf("title = %q", got)
	}
	if got := news.Deref(art.Byline); got != "Vusala Abbasova" {
		t.Errorf("byline = %q", got)
	}
	if art.PublishedAt == nil || !art.PublishedAt.DateOnly || art.PublishedAt.String() != "2024-11-27" {
		t.Errorf("published_at = %v, want date-only 2024-11-27", art.PublishedAt)
	}
	if art.UpdatedAt == nil || !art.UpdatedAt.Floating || art.UpdatedAt.String() != "2025-04-24T15:34:00" {
		t.Errorf("updated_at = %v, want floating 2025-04-24T15:34", art.UpdatedAt)
	}
	if !hasWarning(art, "updated_at: no time zone") {
		t.Errorf("no floating-time warning in %q", art.Warnings)
	}
	for _, junk := range []string{"Last update", "Newsroom logo", "None", "By Vusala"} {
		if strings.Contains(art.Text, junk) {
			t.Errorf("text still holds %q", junk)
		}
	}
	lead := "Shoigu highlighted the importance of Afghanistan’s stability for the broader region"
	if n := strings.Count(art.Text, lead); n != 1 {
		t.Errorf("lead paragraph appears %d times, want 1", n)
	}
}

func TestSeedKhaamaFeedItem(t *testing.T) {
	art := readSeed(t, "002_cddb92abe5f04e79.txt")
	if got := news.Deref(art.Title); got != "Russia supports Kabul’s integration into regional structures, says Shoigu" {
		t.Errorf("title = %q", got)
	}
	if got := news.Deref(art.Outlet); got != "Khaama Press" {
		t.Errorf("outlet = %q", got)
	}
	if art.PublishedAt != nil {
		t.Errorf("published_at = %v, want null", art.PublishedAt)
	}
	if strings.Contains(art.Text, "appeared first on") {
		t.Error("feed footer left in the text")
	}
}

func hasWarning(art news.Article, prefix string) bool {
	for _, w := range art.Warnings {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}
