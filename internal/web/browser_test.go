package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium with a fresh profile. A missing browser
// skips the test locally and fails it under CI=true.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found (CI=true): install the Debian package chromium")
		}
		t.Skip("chromium not found: install the Debian package chromium to run browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	// The deadline bounds a hung browser; it is not an assertion on speed:
	// on a loaded two-core machine Chromium alone can take half a minute
	// to start and each page several seconds.
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 4*time.Minute)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancelTimeout() })
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

func TestBrowserStoryToArticle(t *testing.T) {
	srv := startDemo(t, "")
	ctx := browser(t)
	var storyHref, jump, targetTag, articleHref, h1 string
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.cards a[href^="/stories/"]`)),
		// The story with the most articles has the most to compare.
		into(&storyHref, chromedp.Evaluate[string](`(() => { let best = null, n = -1;
			for (const card of document.querySelectorAll('.card')) {
				const c = parseInt(card.querySelector('.meta span').textContent);
				if (c > n) { n = c; best = card.querySelector('h2 a'); } }
			return best.getAttribute('href'); })()`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`.cards a[href=%q]`, storyHref))),
		chromedp.WaitVisible(chromedp.CSS(`.columns .column`)),
		into(&jump, chromedp.Evaluate[string](`(() => { const a = document.querySelector('.findings a[href^="#conflict-"]') || document.querySelector('.findings > .quotes a[href^="#quote-"]');
			return a ? a.getAttribute('href') : ''; })()`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if jump == "" {
		t.Fatalf("story %s has no highlighted finding to follow", storyHref)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`.findings a[href=%q]`, jump))),
		// The fragment navigation may land after the click returns.
		waitFor(fmt.Sprintf(`location.hash === %q && document.querySelector(':target') !== null`, jump)),
		into(&targetTag, chromedp.Evaluate[string](`(() => { const t = document.querySelector(':target'); return t ? t.tagName + '#' + t.id : ''; })()`)),
		into(&articleHref, chromedp.Evaluate[string](`document.querySelector(':target').closest('article').querySelector('h2 a').getAttribute('href')`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(targetTag, jump) || (!strings.HasPrefix(targetTag, "MARK") && !strings.HasPrefix(targetTag, "SPAN")) {
		t.Fatalf("link %s targets %q, want the highlighted span", jump, targetTag)
	}
	if shot := os.Getenv("PARALLAX_SCREENSHOT"); shot != "" {
		var png []byte
		// One viewport, as a reader first sees the page (the full page is
		// several screens of article text).
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+storyHref), chromedp.WaitVisible(chromedp.CSS(`.columns`)), into(&png, chromedp.CaptureScreenshot())); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+storyHref+jump), chromedp.WaitVisible(chromedp.CSS(jump))); err != nil {
			t.Fatal(err)
		}
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`article.column h2 a[href=%q]`, articleHref))),
		chromedp.WaitVisible(chromedp.CSS(`#article-text`)),
		into(&h1, chromedp.Text(chromedp.CSS(`main h1`))),
	)
	if err != nil {
		t.Fatal(err)
	}
	var marks int
	if err := chromedp.Do(ctx, into(&marks, chromedp.Evaluate[int](`document.querySelectorAll('#article-text mark').length`))); err != nil {
		t.Fatal(err)
	}
	if h1 == "" || marks == 0 {
		t.Fatalf("article page %s: title %q, %d highlights", articleHref, h1, marks)
	}
}

const testFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Browser Test Wire</title><link>http://example.com/</link>
<item><title>One</title><link>http://example.com/1</link><guid>1</guid></item></channel></rss>`

func TestBrowserAddFeed(t *testing.T) {
	srv := startDemo(t, "")
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, testFeed)
	}))
	defer feedSrv.Close()
	ctx := browser(t)
	var table string
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/feeds"),
		chromedp.WaitVisible(chromedp.CSS(`#feed-url`)),
		chromedp.SendKeys(chromedp.CSS(`#feed-url`), feedSrv.URL+"/rss.xml"),
		chromedp.Click(chromedp.CSS(`form[action="/feeds"] button`)),
		// The page before the post may already show a feed table (the demo
		// server is shared), so wait for the new feed or an error.
		waitFor(fmt.Sprintf(`document.querySelector('.error-detail') !== null ||
			(document.querySelector('table.feeds') !== null && document.querySelector('table.feeds').textContent.includes(%q))`, feedSrv.URL)),
		into(&table, chromedp.Text(chromedp.CSS(`main`))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "Browser Test Wire") || !strings.Contains(table, feedSrv.URL) {
		t.Fatalf("feed table lacks the new feed:\n%s", table)
	}
}

func TestBrowserPasteAndSearch(t *testing.T) {
	srv := startDemo(t, "")
	ctx := browser(t)
	var h1, result string
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/add"),
		chromedp.WaitVisible(chromedp.CSS(`#add-text`)),
		chromedp.SendKeys(chromedp.CSS(`#add-title`), "Harbour Quokkaville reopens"),
		chromedp.SendKeys(chromedp.CSS(`#add-outlet`), "Browser Gazette"),
		chromedp.SendKeys(chromedp.CSS(`#add-text`), "The harbour of Quokkaville reopened on Monday, the mayor Jane Doe said. \"We are back,\" she told reporters."),
		chromedp.Submit(chromedp.CSS(`#add-text`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-text`)),
		into(&h1, chromedp.Text(chromedp.CSS(`main h1`))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if h1 != "Harbour Quokkaville reopens" {
		t.Fatalf("after paste, page title %q", h1)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/search"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "quokkaville"),
		chromedp.Submit(chromedp.CSS(`#q`)),
		chromedp.WaitVisible(chromedp.CSS(`.results a`)),
		into(&result, chromedp.Text(chromedp.CSS(`.results a`))),
		chromedp.Click(chromedp.CSS(`.results a`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-text`)),
		into(&h1, chromedp.Text(chromedp.CSS(`main h1`))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if result != "Harbour Quokkaville reopens" || h1 != result {
		t.Fatalf("search result %q, opened %q", result, h1)
	}
}

// waitFor evaluates a JavaScript condition every 100 ms until it holds;
// the browser context's deadline bounds the wait. Evaluation errors are
// retried: the page may be between two documents (a form post, a
// redirect), which destroys the context a poll runs in.
func waitFor(condition string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var lastErr error
		for {
			ok, err := chromedp.Evaluate[bool](condition)(ctx, t)
			if err == nil && ok {
				return chromedp.Void{}, nil
			}
			if err != nil {
				lastErr = err
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, fmt.Errorf("wait for %s: %w (last evaluation error: %v)", condition, ctx.Err(), lastErr)
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

// into runs a value-returning action as a step, storing its value in dst.
func into[T any](dst *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

// Uploading a ZIP of articles reads each file on its own: the good ones
// become articles, the broken one is listed with its reason.
func TestBrowserUploadArchive(t *testing.T) {
	srv := startDemo(t, "")
	ctx := browser(t)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"one.txt":    "Dam opens in Quokkaville\n\nThe new dam in Quokkaville opened on Tuesday, the water board said in a statement.\n",
		"two.txt":    "Quokkaville votes on budget\n\nThe council of Quokkaville approved the budget on Wednesday by seven votes to two.\n",
		"broken.txt": "\x00\x01\x02\x03\x04\x05\x06 binary \x00\x00\x00",
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "batch.zip")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var rows []string
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/add"),
		chromedp.WaitVisible(chromedp.CSS(`#add-files`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#add-files`), []string{path}),
		chromedp.Submit(chromedp.CSS(`#add-files`)),
		chromedp.WaitVisible(chromedp.CSS(`table.feeds tbody tr`)),
		into(&rows, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table.feeds tbody tr')].map(r => r.innerText)`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(rows, "\n")
	if len(rows) != 3 || strings.Count(joined, "ingested") != 2 || !strings.Contains(joined, "upload/batch.zip/broken.txt\tfailed") {
		t.Fatalf("upload rows:\n%s", joined)
	}
}
