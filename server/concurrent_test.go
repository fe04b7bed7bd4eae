package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentRequests sends every kind of request from 16 goroutines at
// once to a server that has loaded nothing yet, so that the lazily opened
// features (modules, index, ask and xref tables, verify model) are first
// used concurrently. make test runs it under the race detector too.
func TestConcurrentRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	// A generous deadline: on a fresh cache the first requests build the
	// index tables and the verify model, slowly under the race detector;
	// this test is about sharing, not latency.
	srv, err := New(Config{Engine: testEngine(t), Timeout: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	art := string(article(t))
	paths := []string{
		"/api/read?ref=John+3:16",
		"/api/read?ref=Heb+7:23-25&bible=KJV,WEB",
		"/api/search?q=intercession&bible=all&stats=1",
		"/api/search?q=strong:G1793",
		"/api/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F",
		"/api/study?topic=intercession",
		"/api/xref?ref=Ps+110:4",
		"/api/lexicon/G1793",
		"/api/topic/INTERCESSION",
		"/api/refs?text=see+Heb+7:25",
		"/api/modules",
		"POST /api/verify",
		"/read?ref=John+1",
		"/search?q=faith",
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16*len(paths))
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range paths {
				p := paths[(g+i)%len(paths)]
				var resp *http.Response
				var err error
				if strings.HasPrefix(p, "POST ") {
					resp, err = http.Post(ts.URL+strings.TrimPrefix(p, "POST "), "text/plain; charset=utf-8", strings.NewReader(art))
				} else {
					resp, err = http.Get(ts.URL + p)
				}
				if err != nil {
					errs <- p + ": " + err.Error()
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || len(body) == 0 {
					errs <- p + ": status " + resp.Status + ": " + string(body[:min(len(body), 200)])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
