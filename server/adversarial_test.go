package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestAdversarialInputs feeds every endpoint inputs built to be slow (issue
// 15's failure 8): bodies of 1 MiB for verify, and for the GET endpoints
// queries of 1 MiB (refused by length) and at the longest length allowed.
// Every reply must come within the request deadline (plus scheduling
// slack) and none may be a 500.
func TestAdversarialInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	s, _ := testServer(t)
	const deadline = 5 * time.Second
	s.timeout = deadline
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	fill := func(unit string, n int) string { return strings.Repeat(unit, n/len(unit)) }
	bodies := map[string]string{
		"brackets":   fill("[", MaxBody-64),
		"angles":     fill("<a", MaxBody-64),
		"links":      fill("[x](", MaxBody-64),
		"citations":  fill("John 3:16 ", MaxBody-64),
		"ranges":     fill("Gen 1:1-Rev 22:21; ", MaxBody-64),
		"quotations": fill("\u201cfor God so loved the world\u201d (John 3:16) ", MaxBody-64),
		"html":       "<html><body>" + fill("<p><q>in the beginning</q> Gen 1:1 ", MaxBody-128) + "</body></html>",
		"over 1 MiB": fill("x", MaxBody+100),
	}
	type req struct{ name, method, path, body string }
	var reqs []req
	for name, b := range bodies {
		reqs = append(reqs, req{"verify " + name, "POST", "/api/verify", b}, req{"page verify " + name, "POST", "/verify", "text=" + url.QueryEscape(b)})
	}
	q := func(s string, n int) string { return url.QueryEscape(fill(s, n)) }
	long := MaxQuery - 200 // the longest query the middleware lets through
	for _, p := range []string{
		"/api/read?ref=", "/api/refs?text=", "/api/search?q=", "/api/ask?q=", "/api/study?topic=", "/api/xref?ref=",
		"/read?ref=", "/search?q=", "/ask?q=", "/study?topic=",
	} {
		for _, unit := range []string{"Gen-Rev;", "a* ", "\"the ", "(love OR ", "John 3:16, ", "[", "intercession "} {
			reqs = append(reqs, req{p + unit + " (long)", "GET", p + q(unit, long/3), ""})
			reqs = append(reqs, req{p + unit + " (1 MiB)", "GET", p + q(unit, 1<<20), ""})
		}
	}
	reqs = append(reqs, req{"lexicon long key", "GET", "/api/lexicon/" + q("G", long/3), ""},
		req{"topic long name", "GET", "/api/topic/" + q("A", long/3), ""})
	for _, rq := range reqs {
		start := time.Now()
		r, _ := http.NewRequest(rq.method, ts.URL+rq.path, strings.NewReader(rq.body))
		if rq.method == "POST" {
			r.Header.Set("Content-Type", map[bool]string{true: "application/x-www-form-urlencoded", false: "text/plain"}[strings.HasPrefix(rq.path, "/verify")])
		}
		resp, err := http.DefaultClient.Do(r)
		took := time.Since(start)
		if err != nil {
			t.Errorf("%.60s: %v", rq.name, err)
			continue
		}
		resp.Body.Close()
		if took > deadline+2*time.Second {
			t.Errorf("%.60s: replied after %v (deadline %v)", rq.name, took.Round(time.Millisecond), deadline)
		}
		if resp.StatusCode == http.StatusInternalServerError {
			t.Errorf("%.60s: 500", rq.name)
		}
	}
}
