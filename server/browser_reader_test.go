package server

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Browser tests of the reader and the index pages: chapter keys, the copy
// button, footnote popovers, phone width and an accessibility pass.

// TestBrowserChapterKeys: the arrow keys move to the next and previous
// chapters.
func TestBrowserChapterKeys(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var h1Next, h1Prev, loc string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/read?ref=Ps+23"),
		chromedp.WaitVisible(chromedp.CSS("#next-ch")),
		evalInto(`document.body.focus() || 0`, new(int)),
		chromedp.KeyEvent(kb.ArrowRight),
		chromedp.WaitVisible(chromedp.CSS(`#v-Ps\.24\.1`)),
		into(chromedp.Text(chromedp.CSS("h1")), &h1Next),
		chromedp.KeyEvent(kb.ArrowLeft),
		chromedp.WaitVisible(chromedp.CSS(`#v-Ps\.23\.1`)),
		chromedp.KeyEvent(kb.ArrowLeft),
		chromedp.WaitVisible(chromedp.CSS(`#v-Ps\.22\.1`)),
		into(chromedp.Text(chromedp.CSS("h1")), &h1Prev),
		into(chromedp.Location(), &loc),
	)
	if err != nil {
		t.Fatal(err)
	}
	if h1Next != "Psalm 24" || h1Prev != "Psalm 22" {
		t.Errorf("ArrowRight from Psalm 23 gave %q, then ArrowLeft twice %q (at %s)", h1Next, h1Prev, loc)
	}
}

// TestBrowserCopy: the copy button copies the passage with its reference
// and translation.
func TestBrowserCopy(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	var copied string
	var hidden bool
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/read?ref="+url.QueryEscape("Ps 23:1-2")+"&bible=KJV&bible=WEB"),
		chromedp.WaitVisible(chromedp.CSS("button.copy")),
		evalInto(`document.querySelector("button.copy").hidden`, &hidden),
		chromedp.Click(chromedp.CSS("button.copy")),
		into(chromedp.Evaluate[string](`new Promise(function(r){(function w(){ var v=document.querySelector("button.copy").getAttribute("data-copied"); if (v) { r(v) } else { setTimeout(w, 50) } })()})`, chromedp.EvalAwaitPromise), &copied),
	)
	if err != nil {
		t.Fatal(err)
	}
	want := "Psalm 23:1-2 (KJV)\n1 The LORD is my shepherd; I shall not want. 2 He maketh me to lie down in green pastures"
	if hidden || !strings.HasPrefix(copied, want) || !strings.Contains(copied, "\n\nPsalm 23:1-2 (WEB)\n1 Yahweh is my shepherd") {
		t.Errorf("copied %q (button hidden: %v), want it to start %q and hold the WEB", copied, hidden, want)
	}
}

// TestBrowserFootnote: a footnote marker shows its note on focus, on Enter
// and on a tap, and Escape closes it.
func TestBrowserFootnote(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	const shown = `(function(){var f=document.querySelector(".fn"); var t=f.querySelector(".tip"); return getComputedStyle(t).display!=="none" ? t.innerText : ""})()`
	var onFocus, expanded, afterEsc, afterTap, listed, dbg string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/read?ref="+url.QueryEscape("John 3:16")+"&bible=WEB"),
		chromedp.WaitVisible(chromedp.CSS(".fn")),
		evalInto(`document.querySelector(".notes li").innerText`, &listed),
		chromedp.Click(chromedp.CSS("h1")), // the page gets the focus, as a reader's click gives it
		chromedp.Focus(chromedp.CSS(".fn")),
		evalInto(`document.activeElement.className + " " + document.hasFocus()`, &dbg),
		evalInto(shown, &onFocus),
		chromedp.KeyEvent(kb.Enter),
		evalInto(`document.querySelector(".fn").getAttribute("aria-expanded")`, &expanded),
		chromedp.KeyEvent(kb.Escape),
		evalInto(`document.activeElement.blur() || (document.querySelector(".fn").classList.contains("open") ? "open" : "")`, &afterEsc),
		chromedp.Click(chromedp.CSS("h1")),
		chromedp.Click(chromedp.CSS(".fn sup")),
		evalInto(shown, &afterTap),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(onFocus, "only born") {
		t.Errorf("the focused marker shows %q, not the note on 'only born' (%s)", onFocus, dbg)
	}
	if expanded != "true" {
		t.Errorf("Enter on the marker: aria-expanded %q", expanded)
	}
	if afterEsc != "" {
		t.Errorf("Escape left the note open")
	}
	if !strings.Contains(afterTap, "only born") {
		t.Errorf("a tap on the marker shows %q", afterTap)
	}
	if !strings.HasPrefix(listed, "a John 3:16") {
		t.Errorf("the notes under the passage begin %q", listed)
	}
}

// phonePages are the pages checked at phone width and for accessibility.
var phonePages = []string{
	"/",
	"/read",
	"/read?ref=" + url.QueryEscape("Ps 23") + "&bible=KJV&bible=WEB",
	"/read?ref=" + url.QueryEscape("John 3:16") + "&bible=all&strongs=on",
	"/read?ref=" + url.QueryEscape("John 22"),
	"/search?q=intercession",
	"/ask?q=" + url.QueryEscape(question),
	"/study?topic=" + url.QueryEscape("Jesus makes intercession for us"),
	"/verify",
	"/topic",
	"/topic/LOVE",
	"/lexicon",
	"/lexicon?lang=H&page=3",
	"/lexicon/G1793",
	"/nowhere",
}

// TestBrowserPhoneWidth: no page scrolls sideways at 390 px, and on verify
// the similarity of every citation is inside the screen.
func TestBrowserPhoneWidth(t *testing.T) {
	base, ctx := browser(t, 390, 844)
	for _, p := range phonePages {
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
	// A tapped footnote opens inside the screen.
	var tip string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/read?ref="+url.QueryEscape("John 3:16-18")+"&bible=KJV&bible=WEB"),
		chromedp.WaitVisible(chromedp.CSS(".fn")),
		chromedp.Click(chromedp.CSS(".fn sup")),
		evalInto(`(function(){var t=document.querySelector(".fn .tip"), r=t.getBoundingClientRect(); return getComputedStyle(t).display+" "+Math.round(r.left)+" "+Math.round(r.right)+" "+document.documentElement.clientWidth})()`, &tip),
	)
	if err != nil {
		t.Fatal(err)
	}
	var display string
	var left, right, width int
	if _, err := fmt.Sscan(tip, &display, &left, &right, &width); err != nil || display != "block" || left < 0 || right > width {
		t.Errorf("the tapped footnote at 390 px: %q (display, left, right, viewport)", tip)
	}

	var sims, outside, sw, cw int
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/verify"),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		chromedp.SetValue(chromedp.CSS("#text"), string(article(t))),
		chromedp.Click(chromedp.CSS(`form.verify button`)),
		chromedp.WaitVisible(chromedp.CSS("#article")),
		evalInto(`document.querySelectorAll(".citations td.sim").length`, &sims),
		evalInto(`Array.from(document.querySelectorAll(".citations td.sim")).filter(function(td){var r=td.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 1 || r.width === 0}).length`, &outside),
		evalInto(`document.documentElement.scrollWidth`, &sw),
		evalInto(`document.documentElement.clientWidth`, &cw),
	)
	if err != nil {
		t.Fatal(err)
	}
	if sims == 0 || outside > 0 || sw > cw+1 {
		t.Errorf("verify at 390 px: %d similarity cells, %d outside the screen, page %d px at %d", sims, outside, sw, cw)
	}
}

// a11yScript checks a page: every form control has a label, the landmarks
// are there, and the main text colours have a contrast of at least 4.5:1
// against what they are drawn on (WCAG AA). It returns the problems found.
const a11yScript = `(function(){
  var out = [];
  document.querySelectorAll("input,select,textarea").forEach(function(el){
    if (el.type === "hidden" || el.type === "submit") { return; }
    var named = (el.labels && el.labels.length) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) { out.push("no label: " + el.outerHTML.slice(0, 80)); }
  });
  if (document.querySelectorAll("main").length !== 1) { out.push("main landmarks: " + document.querySelectorAll("main").length); }
  if (!document.querySelector("header[role=banner], body > header")) { out.push("no banner"); }
  if (!document.querySelector("nav[aria-label]")) { out.push("no labelled navigation"); }
  if (!document.querySelector("footer")) { out.push("no contentinfo"); }
  if (!document.documentElement.lang) { out.push("no lang on html"); }
  function rgb(s){ var m = s.match(/[\d.]+/g); return m ? m.map(Number) : [0,0,0,0]; }
  function lum(c){ var a = c.slice(0,3).map(function(v){ v/=255; return v <= 0.03928 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); }); return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2]; }
  function bg(el){ for (; el; el = el.parentElement) { var c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) { return c; } } return [255,255,255]; }
  function ratio(el){ var f = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el)); return (Math.max(f,b)+0.05)/(Math.min(f,b)+0.05); }
  var checked = 0;
  ["body", "main p", "main a", "nav a", ".muted", ".vn", "button", ".error", "mark", ".kind", ".fn", "th", "td", "legend", "label"].forEach(function(sel){
    var el = document.querySelector(sel);
    if (!el || !el.offsetParent && sel !== "body") { return; }
    checked++;
    var r = ratio(el);
    if (r < 4.5) { out.push("contrast " + r.toFixed(2) + " of " + sel); }
  });
  if (checked < 3) { out.push("only " + checked + " text colours checked"); }
  return out;
})()`

// TestBrowserAccessibility runs the checks of a11yScript on every page.
func TestBrowserAccessibility(t *testing.T) {
	base, ctx := browser(t, 1200, 900)
	for _, p := range phonePages {
		var problems []string
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+p),
			chromedp.WaitVisible(chromedp.CSS("main")),
			evalInto(a11yScript, &problems),
		)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range problems {
			t.Errorf("%s: %s", p, pr)
		}
	}
}
