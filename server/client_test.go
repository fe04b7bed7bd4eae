package server

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// rawPost sends a POST whose body is shorter than its Content-Length, then
// either half-closes the connection (the body ended early) or waits (a
// client that stopped sending), and returns the response.
func rawPost(t *testing.T, ts *httptest.Server, path string, declared int, body string, halfClose bool) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s", path, declared, body)
	if halfClose {
		conn.(*net.TCPConn).CloseWrite()
	}
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response: %v", err)
	}
	defer resp.Body.Close()
	var e struct {
		Error struct{ Code, Message string }
	}
	json.NewDecoder(resp.Body).Decode(&e)
	return resp.StatusCode, e.Error.Code + ": " + e.Error.Message
}

// TestClientFaults reproduces issue 15's failure 7: a body shorter than its
// Content-Length, or a client that stops sending mid-body, was a 500
// "internal" whose message showed the server's socket addresses. Both are
// now 400 bad_request, with no address in the message; POST on /healthz and
// /metrics is 405; too_large is 413 in the API as on the page.
func TestClientFaults(t *testing.T) {
	s, _ := testServer(t)
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.Config.ReadTimeout = 500 * time.Millisecond
	ts.Start()
	defer ts.Close()
	addr := ts.Listener.Addr().String()
	host, _, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		name      string
		path      string
		halfClose bool
	}{
		{"short body, API", "/api/verify", true},
		{"short body, page", "/verify", true},
		{"client stops sending, API", "/api/verify", false},
	} {
		code, msg := rawPost(t, ts, tc.path, 1000, "John 3:16 says", tc.halfClose)
		if code != 400 || !strings.HasPrefix(msg, "bad_request") && tc.path == "/api/verify" {
			t.Errorf("%s: %d %s, want 400 bad_request", tc.name, code, msg)
		}
		if strings.Contains(msg, host) || strings.Contains(msg, "tcp") {
			t.Errorf("%s: the message shows the connection: %s", tc.name, msg)
		}
	}
	for _, p := range []string{"/healthz", "/metrics"} {
		resp, err := http.Post(ts.URL+p, "text/plain", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET" {
			t.Errorf("POST %s: %d, Allow %q; want 405, GET", p, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	many := strings.TrimSuffix(strings.Repeat("KJV,WEB,", 12), ",")
	// A Bible named twice is read once (Engine.Bibles), so the names
	// repeated no longer multiply the work; the limit still comes first.
	for _, p := range []string{"/api/read?ref=Gen-Rev", "/api/read?ref=Gen-Rev&bible=" + many, "/read?ref=Gen-Rev&bible=" + many} {
		start := time.Now()
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: %d, want 413", p, resp.StatusCode)
		}
		// The limit is checked from the references, before any Bible
		// is read (24 Bibles of Psalms took seconds of reading first).
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: refused after %v", p, took)
		}
	}
}
