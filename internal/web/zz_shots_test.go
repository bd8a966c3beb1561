package web_test

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShots(t *testing.T) {
	srv := startDemo(t, "")
	ctx := browser(t)
	var href string
	var png []byte
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`.cards`)),
		into(&href, chromedp.Evaluate[string](`[...document.querySelectorAll('.card h2 a')].find(a => a.textContent.includes('keep shutdown going')).getAttribute('href')`)),
		chromedp.Navigate(srv.URL+"/stories/0"),
	); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+href), chromedp.WaitVisible(chromedp.CSS(`.columns`)), into(&png, chromedp.CaptureScreenshot())); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/shot-story3.png", png, 0o644)
}
