package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad runs 64 concurrent clients on loopback mixing read, search, ask
// and verify, for 3 s (20 s with BEREAN_LOAD=1), and asserts zero errors and
// no goroutine or memory growth.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped with -short")
	}
	dur := 3 * time.Second
	if os.Getenv("BEREAN_LOAD") == "1" {
		dur = 20 * time.Second
	}
	s, ts := testServer(t)
	// Load the ask tables and the verify model first (on a fresh machine the
	// model takes a few seconds to build), so that the clients measure serving.
	if err := s.Warm(context.Background()); err != nil {
		t.Fatalf("warming up: %v", err)
	}
	art := string(article(t))
	type reqSpec struct{ method, path, body string }
	mix := []reqSpec{
		{"GET", "/api/read?ref=John+3:16", ""},
		{"GET", "/api/read?ref=Heb+7:23-25&bible=KJV,WEB", ""},
		{"GET", "/api/read?ref=Ps+119", ""},
		{"GET", "/api/search?q=intercession", ""},
		{"GET", "/api/search?q=%22make+intercession%22&order=relevance&bible=all", ""},
		{"GET", "/api/search?q=love&stats=1", ""},
		{"GET", "/api/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F", ""},
		{"POST", "/api/verify", art},
		{"GET", "/read?ref=John+1&bible=KJV,WEB", ""},
		{"GET", "/search?q=faith", ""},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}, Timeout: 30 * time.Second}
	run := func(d time.Duration) (n int64, errs []string) {
		var mu sync.Mutex
		var count atomic.Int64
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		var wg sync.WaitGroup
		for c := 0; c < 64; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for i := c; ctx.Err() == nil; i++ {
					rs := mix[i%len(mix)]
					req, _ := http.NewRequest(rs.method, ts.URL+rs.path, strings.NewReader(rs.body))
					if rs.body != "" {
						req.Header.Set("Content-Type", "text/plain; charset=utf-8")
					}
					resp, err := client.Do(req)
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && resp.StatusCode != 200 {
							err = fmt.Errorf("status %d", resp.StatusCode)
						}
					}
					count.Add(1)
					if err != nil {
						mu.Lock()
						if len(errs) < 20 {
							errs = append(errs, rs.method+" "+rs.path+": "+err.Error())
						}
						mu.Unlock()
					}
				}
			}(c)
		}
		wg.Wait()
		return count.Load(), errs
	}
	// Warm up (loads the ask tables and the verify model), then measure.
	if _, errs := run(time.Second); len(errs) > 0 {
		t.Fatalf("errors while warming up: %v", errs)
	}
	client.CloseIdleConnections()
	time.Sleep(100 * time.Millisecond)
	g0, h0 := snapshot()
	n, errs := run(dur)
	client.CloseIdleConnections()
	if len(errs) > 0 {
		t.Fatalf("%d requests, errors: %v", n, errs)
	}
	// Let connections close, then compare.
	var g1 int
	var h1 uint64
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		if g1, h1 = snapshot(); g1 <= g0+4 {
			break
		}
	}
	t.Logf("%d requests in %v (%.0f/s), 0 errors; goroutines %d -> %d; heap %d -> %d MiB",
		n, dur, float64(n)/dur.Seconds(), g0, g1, h0>>20, h1>>20)
	if g1 > g0+4 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines grew from %d to %d:\n%s", g0, g1, buf[:runtime.Stack(buf, true)])
	}
	if h1 > h0+64<<20 && h1 > h0*3/2 {
		t.Errorf("heap grew from %d to %d MiB", h0>>20, h1>>20)
	}
}

func snapshot() (goroutines int, heap uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}
