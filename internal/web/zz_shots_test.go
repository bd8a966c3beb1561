package web_test

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShots(t *testing.T) {
	srv := startDemo(t, "")
	ctx := browser(t)
	for name, path := range map[string]string{"home": "/", "entity": "/entities/per:donald_trump", "search": "/search?q=shutdown", "article": "/articles/13"} {
		var png []byte
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS(`main`)), into(&png, chromedp.CaptureScreenshot())); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/shot-"+name+".png", png, 0o644)
	}
}
