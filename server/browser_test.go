package server

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser tests: Debian's chromium (installed by make test through
// scripts/install-deps.sh), headless, with a fresh user-data dir, driving a
// real server on a loopback port with the installed modules. A failing test
// saves a screenshot in testdata/out (or $BEREAN_TEST_OUT); with
// BEREAN_SCREENSHOTS=1 every test saves one.

func chromiumPath() string {
	for _, p := range []string{os.Getenv("BEREAN_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// browser starts a server and a headless chromium; it returns the server's
// URL and a browser context that lives as long as the test.
func browser(t *testing.T, width, height int) (string, context.Context) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	exe := chromiumPath()
	if exe == "" {
		t.Skip("chromium is not installed (make test installs it: scripts/install-deps.sh test)")
	}
	_, ts := testServer(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	// The first action starts the browser on a context without a deadline
	// (a deadline there would stop the browser); later ones have one.
	bctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() {
		if t.Failed() || os.Getenv("BEREAN_SCREENSHOTS") == "1" {
			screenshot(t, ctx)
		}
		cancelT()
		cancelB()
		cancelA()
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ts.URL, ctx
}

func screenshot(t *testing.T, ctx context.Context) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	buf, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	name := filepath.Join(outDir(t), strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".png")
	if err := os.WriteFile(name, buf, 0o644); err != nil {
		t.Logf("saving the screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s", name)
}

// into runs a with a value and stores it in p, so it can be a step of Do.
func into[T any](a chromedp.Action[T], p *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		if err == nil {
			*p = v
		}
		return chromedp.Void{}, err
	}
}

// evalInto evaluates a JavaScript expression into p.
func evalInto[T any](expr string, p *T) chromedp.Action[chromedp.Void] {
	return into(chromedp.Evaluate[T](expr), p)
}

const question = "Where does the Bible say Jesus lives to make intercession for us?"

// TestBrowserAsk types the article's question into the one search box and
// sees Hebrews 7:25 first.
func TestBrowserAsk(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var first, url string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#q2")),
		chromedp.SendKeys(chromedp.CSS("#q2"), question),
		chromedp.Submit(chromedp.CSS("#q2")),
		chromedp.WaitVisible(chromedp.CSS("ol.answers")),
		into(chromedp.Text(chromedp.CSS("ol.answers li:first-child a.ref")), &first),
		into(chromedp.Location(), &url),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "/ask?") {
		t.Errorf("the question went to %s, not /ask", url)
	}
	if first != "Hebrews 7:25" {
		t.Errorf("first answer %q, want Hebrews 7:25", first)
	}
}

// TestBrowserParallel opens a passage and adds a second translation.
func TestBrowserParallel(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var kjv, web string
	var cols int
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "Heb 7:25"),
		chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS(".parallel")),
		chromedp.Click(chromedp.CSS(`input[name=bible][value=WEB]`)),
		chromedp.Click(chromedp.CSS(`input[name=strongs][value=on]`)), // Strong's links are off by default
		chromedp.Click(chromedp.CSS(`.controls button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.pcell[data-bible=WEB]`)),
		into(chromedp.Text(chromedp.CSS(`#v-Heb\.7\.25 .pcell[data-bible=KJV]`)), &kjv),
		into(chromedp.Text(chromedp.CSS(`#v-Heb\.7\.25 .pcell[data-bible=WEB]`)), &web),
		evalInto(`document.querySelectorAll('.phead .pcell').length`, &cols),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kjv, "ever liveth to make intercession") || !strings.HasPrefix(strings.TrimSpace(kjv), "25") {
		t.Errorf("KJV cell %q", kjv)
	}
	if !strings.Contains(web, "lives forever to make intercession") {
		t.Errorf("WEB cell %q", web)
	}
	if cols != 2 {
		t.Errorf("%d column headers, want 2", cols)
	}
	// A Strong's number leads to the lexicon.
	var h1 string
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#v-Heb\.7\.25 .pcell[data-bible=KJV] a[href="/lexicon/G1793"]`)),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		into(chromedp.Text(chromedp.CSS("h1")), &h1),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h1, "G1793") {
		t.Errorf("lexicon page heading %q", h1)
	}
}

// TestBrowserVerify pastes an article and sees the verdicts, and the passage
// of a citation when it has the focus.
func TestBrowserVerify(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	text := string(article(t))
	var ok, problems int
	var tip string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/verify"),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		chromedp.SetValue(chromedp.CSS("#text"), text),
		chromedp.Click(chromedp.CSS(`form.verify button`)),
		chromedp.WaitVisible(chromedp.CSS("#article")),
		evalInto(`document.querySelectorAll('#article .cite.v-ok').length`, &ok),
		evalInto(`document.querySelectorAll('#article .cite:not(.v-ok):not(.v-paraphrase):not(.v-unquoted)').length`, &problems),
		chromedp.Focus(chromedp.CSS(`#article .cite.v-ok`)),
		evalInto(`(function(){var c=document.activeElement; var t=c&&c.querySelector('.tip'); return t && getComputedStyle(t).display!=='none' ? t.innerText : ''})()`, &tip),
	)
	if err != nil {
		t.Fatal(err)
	}
	if ok == 0 {
		t.Errorf("no citation marked ok")
	}
	if strings.Contains(text, "John 41:16") && problems == 0 {
		t.Errorf("no citation marked as a problem")
	}
	if !strings.Contains(tip, "ok") || len(tip) < 20 {
		t.Errorf("the focused citation shows no passage: %q", tip)
	}
	t.Logf("%d ok, %d problems", ok, problems)
}

// TestBrowserSearchChart searches a word and sees the SVG chart of hits per
// book.
func TestBrowserSearchChart(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var bars int
	var first string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "intercession"),
		chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS("figure.chart svg")),
		evalInto(`document.querySelectorAll('figure.chart svg rect.bar').length`, &bars),
		into(chromedp.Text(chromedp.CSS("ol.hits li:first-child a.ref")), &first),
	)
	if err != nil {
		t.Fatal(err)
	}
	if bars != 5 {
		t.Errorf("%d bars, want 5 (Isaiah, Jeremiah, Romans, 1 Timothy, Hebrews)", bars)
	}
	if first != "Isaiah 53:12" {
		t.Errorf("first hit %q", first)
	}
}

// TestBrowserPhone: at phone width pages do not scroll sideways, and the
// study strip is drawn.
func TestBrowserPhone(t *testing.T) {
	base, ctx := browser(t, 375, 800)
	for _, p := range []string{
		"/read?ref=" + url.QueryEscape("Heb 7:23-25") + "&bible=KJV&bible=WEB",
		"/search?q=intercession",
		"/study?topic=" + url.QueryEscape("Jesus makes intercession for us"),
	} {
		var sw, cw int
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+p),
			chromedp.WaitVisible(chromedp.CSS("main")),
			evalInto(`document.documentElement.scrollWidth`, &sw),
			evalInto(`document.documentElement.clientWidth`, &cw),
		)
		if err != nil {
			t.Fatal(err)
		}
		if sw > cw+1 {
			t.Errorf("%s: page is %d px wide at a %d px viewport", p, sw, cw)
		}
	}
	var marks int
	if err := chromedp.Do(ctx, evalInto(`document.querySelectorAll('figure.strip rect.mark').length`, &marks)); err != nil {
		t.Fatal(err)
	}
	if marks == 0 {
		t.Errorf("the study strip has no passages")
	}
}

// TestBrowserKeyboard: "/" focuses the search box; the skip link is first.
func TestBrowserKeyboard(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var id, first string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/search"),
		chromedp.WaitVisible(chromedp.CSS("body")),
		evalInto(`document.body.focus() || 0`, new(int)),
		chromedp.KeyEvent("/"),
		evalInto(`document.activeElement.id`, &id),
		evalInto(`document.querySelector('a,button,input').className`, &first),
	)
	if err != nil {
		t.Fatal(err)
	}
	if id != "q" {
		t.Errorf("after '/', the focus is on %q, not the search box", id)
	}
	if first != "skip" {
		t.Errorf("the first focusable element is %q, not the skip link", first)
	}
}
