package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func needCommentary(t *testing.T, name string) {
	t.Helper()
	if _, err := testEngine(t).Corpus().Commentary(name); err != nil {
		t.Skipf("%v (make test installs sword-comm-mhcc)", err)
	}
}

// TestAPIReadCommentary: /api/read?commentary= gives each passage the
// comments covering it, once, with their range.
func TestAPIReadCommentary(t *testing.T) {
	needCommentary(t, "MHCC")
	_, ts := testServer(t)
	for _, tc := range []struct {
		path   string
		status int
		osis   string
	}{
		{"/api/read?ref=" + url.QueryEscape("Matt 28:19") + "&commentary=MHCC", 200, "Matt.28.16-Matt.28.20"},
		{"/api/read?ref=" + url.QueryEscape("Matt 28:16-20") + "&commentary=mhcc", 200, "Matt.28.16-Matt.28.20"},
		{"/api/read?ref=" + url.QueryEscape("Matt 28:19") + "&commentary=NoSuch", 404, ""},
		{"/api/read?ref=" + url.QueryEscape("Matt 28:19") + "&bible=MHCC", 404, ""},
	} {
		resp, err := http.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.path, resp.StatusCode, tc.status, body)
			continue
		}
		if tc.status != 200 {
			if tc.path[len(tc.path)-4:] == "MHCC" && !strings.Contains(string(body), "commentary") {
				t.Errorf("%s: the error does not point to commentary=: %s", tc.path, body)
			}
			continue
		}
		var res struct {
			Passages []struct {
				Comments []struct {
					Module, OSIS, Text string
					Refs               []string
				}
			}
		}
		if err := json.Unmarshal(body, &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) != 1 || len(res.Passages[0].Comments) != 1 {
			t.Fatalf("%s: %s", tc.path, body)
		}
		c := res.Passages[0].Comments[0]
		if c.Module != "MHCC" || c.OSIS != tc.osis || !strings.HasPrefix(c.Text, "Verses 16-20") || c.Refs == nil {
			t.Errorf("%s: comment %s %s %.40q refs %v", tc.path, c.Module, c.OSIS, c.Text, c.Refs)
		}
	}
}

// TestBrowserCommentary chooses a commentary on the reader and sees its
// comment beside the text, with its range.
func TestBrowserCommentary(t *testing.T) {
	needCommentary(t, "MHCC")
	base, ctx := browser(t, 1200, 900)
	var head, osis string
	var beside bool
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/read?ref="+url.QueryEscape("Matt 28:19")),
		chromedp.WaitVisible(chromedp.CSS(".parallel")),
		chromedp.SetValue(chromedp.CSS("#commentary"), "MHCC"),
		chromedp.Click(chromedp.CSS(`.controls button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".comm-pane .comment")),
		into(chromedp.Text(chromedp.CSS(".comm-pane .comment h3")), &head),
		evalInto(`document.querySelector('.comm-pane .comment').dataset.osis`, &osis),
		evalInto(`(() => { const p = document.querySelector('.parallel').getBoundingClientRect(), c = document.querySelector('.comm-pane').getBoundingClientRect(); return c.left >= p.right && c.top < p.bottom })()`, &beside),
	)
	if err != nil {
		t.Fatal(err)
	}
	if osis != "Matt.28.16-Matt.28.20" || !strings.Contains(head, "MHCC on Matthew 28:16-20") {
		t.Errorf("comment %q (%s), want MHCC on Matthew 28:16-20", head, osis)
	}
	if !beside {
		t.Errorf("the commentary pane is not beside the text")
	}
}

// TestSearchPageCommentary: a comment found by /search links to its
// passage with the commentary's pane, naming the range it covers.
func TestSearchPageCommentary(t *testing.T) {
	needCommentary(t, "MHCC")
	_, ts := testServer(t)
	resp, err := http.Get(ts.URL + "/search?q=" + url.QueryEscape(`"lord jesus with an eye of faith"`) + "&bible=MHCC")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `href="/read?ref=Matt.28.16-Matt.28.20&amp;commentary=MHCC"`
	if resp.StatusCode != 200 || !strings.Contains(string(body), want) || !strings.Contains(string(body), "Matthew 28:16-20") {
		t.Errorf("status %d; the page lacks %s and the range", resp.StatusCode, want)
	}
}
