package install

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fastClient retries quickly and gives up on a silent server in 300 ms.
func fastClient() *Client {
	return &Client{Retries: 2, Backoff: 5 * time.Millisecond, IdleTimeout: 300 * time.Millisecond}
}

// dropHalf answers with the full Content-Length, sends half the body, then
// closes the connection.
func dropHalf(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body[:len(body)/2])
	w.(http.Flusher).Flush()
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

func TestDownloadRetriesThenSucceeds(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat("0123456789", 10000))
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch hits.Add(1) {
		case 1:
			dropHalf(w, body)
		case 2:
			http.Error(w, "busy", http.StatusServiceUnavailable)
		default:
			w.Write(body)
		}
	}))
	defer srv.Close()
	dst := filepath.Join(t.TempDir(), "f")
	var last Progress
	n, err := fastClient().Download(context.Background(), srv.URL+"/f", dst, func(p Progress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(dst)
	if n != int64(len(body)) || string(got) != string(body) {
		t.Errorf("got %d bytes, file %d bytes, want %d", n, len(got), len(body))
	}
	if hits.Load() != 3 {
		t.Errorf("%d requests, want 3", hits.Load())
	}
	if last.Done != int64(len(body)) {
		t.Errorf("last progress %+v", last)
	}
}

func TestDownloadFailures(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat("x", 100000))
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/drop", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); dropHalf(w, body) })
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.NotFound(w, r) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); w.Write(body) })
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-r.Context().Done()
	})
	mux.HandleFunc("/stallbody", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Length", "1000")
		w.Write([]byte("abc"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, c := range []struct {
		path  string
		want  error
		tries int32
	}{
		{"/drop", ErrTruncated, 3},
		{"/missing", ErrNotFound, 1},
		{"/stall", ErrStalled, 3},
		{"/stallbody", ErrStalled, 3},
	} {
		hits.Store(0)
		start := time.Now()
		_, err := fastClient().Download(context.Background(), srv.URL+c.path, filepath.Join(t.TempDir(), "f"), nil)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.path, err, c.want)
		}
		if hits.Load() != c.tries {
			t.Errorf("%s: %d requests, want %d", c.path, hits.Load(), c.tries)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %s", c.path, d)
		}
	}
	hits.Store(0)
	c := fastClient()
	c.MaxSize = 1000
	if _, err := c.Download(context.Background(), srv.URL+"/big", filepath.Join(t.TempDir(), "f"), nil); !errors.Is(err, ErrTooLarge) || hits.Load() != 1 {
		t.Errorf("size limit: %v after %d requests", err, hits.Load())
	}
	// The caller's cancellation stops at once, without retries.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	hits.Store(0)
	c = &Client{IdleTimeout: time.Minute, Backoff: time.Millisecond}
	if _, err := c.Fetch(ctx, srv.URL+"/stall", 100); err == nil || hits.Load() != 1 {
		t.Errorf("cancelled: %v after %d requests", err, hits.Load())
	}
}

func TestNoRedirectToPlainHTTP(t *testing.T) {
	t.Parallel()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("altered")) }))
	defer plain.Close()
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/same" {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		if r.URL.Path == "/ok" {
			w.Write([]byte("fine"))
			return
		}
		http.Redirect(w, r, plain.URL+"/x", http.StatusFound)
	}))
	defer secure.Close()
	hc := secure.Client()
	hc.CheckRedirect = checkRedirect
	c := &Client{HTTP: hc, Retries: -1}
	if _, err := c.Fetch(context.Background(), secure.URL+"/down", 100); err == nil || !strings.Contains(err.Error(), "insecure") {
		t.Errorf("https -> http redirect: %v", err)
	}
	if b, err := c.Fetch(context.Background(), secure.URL+"/same", 100); err != nil || string(b) != "fine" {
		t.Errorf("https -> https redirect: %q %v", b, err)
	}
}
