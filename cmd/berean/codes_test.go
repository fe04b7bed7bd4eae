package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"berean"
	"berean/server"
)

// TestErrorCodesAgree sends the same bad inputs through the command line
// (exit status, and the --json error on stdout) and the HTTP API (status
// and error code), and checks that both give the input's code, with the
// statuses of berean's one code table.
func TestErrorCodesAgree(t *testing.T) {
	needModules(t)
	long := strings.Repeat("where is love ", berean.MaxQuestion/14+1)
	huge := strings.Repeat("John 3:16 says “For God so loved the world”. ", (2<<20)/40)
	binary := strings.Repeat("\x00\x01\x02binary", 100)
	cases := []struct {
		name   string
		cli    []string
		stdin  string
		method string
		path   string // with its query, escaped below
		body   string
		code   string
	}{
		{"empty question", []string{"ask", ""}, "", "GET", "/api/ask?q=", "", berean.CodeBadInput},
		{"blank question", []string{"ask", "  "}, "", "GET", "/api/ask?q=" + url.QueryEscape("  "), "", berean.CodeBadInput},
		{"empty topic", []string{"study", ""}, "", "GET", "/api/study?topic=", "", berean.CodeBadInput},
		{"ask, unknown Bible", []string{"ask", "-b", "NOSUCH", "love"}, "", "GET", "/api/ask?q=love&bible=NOSUCH", "", berean.CodeUnknownModule},
		{"study, unknown Bible", []string{"study", "-b", "NOSUCH", "love"}, "", "GET", "/api/study?topic=love&bible=NOSUCH", "", berean.CodeUnknownModule},
		{"xref, unknown Bible", []string{"xref", "-b", "NOSUCH", "Ps 110:4"}, "", "GET", "/api/xref?ref=Ps+110:4&bible=NOSUCH", "", berean.CodeUnknownModule},
		{"xref, no such chapter", []string{"xref", "John 22:1"}, "", "GET", "/api/xref?ref=" + url.QueryEscape("John 22:1"), "", berean.CodeInvalidReference},
		{"xref, no reference", []string{"xref", "Hezekiah 3:4"}, "", "GET", "/api/xref?ref=" + url.QueryEscape("Hezekiah 3:4"), "", berean.CodeInvalidReference},
		{"search, unknown Bible", []string{"search", "-b", "NOSUCH", "love"}, "", "GET", "/api/search?q=love&bible=NOSUCH", "", berean.CodeUnknownModule},
		{"search, bad query", []string{"search", `"unclosed`}, "", "GET", "/api/search?q=" + url.QueryEscape(`"unclosed`), "", berean.CodeBadQuery},
		{"ask, n=0", []string{"ask", "-n", "0", "love"}, "", "GET", "/api/ask?q=love&n=0", "", berean.CodeBadParameter},
		{"question too large", []string{"ask", long}, "", "GET", "/api/ask?q=" + url.QueryEscape(long), "", berean.CodeTooLarge},
		{"topic too large", []string{"study", long}, "", "GET", "/api/study?topic=" + url.QueryEscape(long), "", berean.CodeTooLarge},
		{"article too large", []string{"verify", "-"}, huge, "POST", "/api/verify", huge, berean.CodeTooLarge},
		{"binary article", []string{"verify", "-"}, binary, "POST", "/api/verify", binary, berean.CodeBadInput},
	}

	cache := filepath.Join(cacheDir(t), "cache")
	eng, err := berean.Open(berean.Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	srv, err := server.New(server.Config{Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The command line, with and without --json.
			code, out, errs := runCmd(t, tc.stdin, append([]string{"--json"}, tc.cli...)...)
			var doc struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("cli: stdout is no JSON error (%v): %q", err, out)
			}
			if doc.Error.Code != tc.code || code != berean.ExitStatus(tc.code) || doc.Error.Message == "" || errs == "" {
				t.Errorf("cli: exit %d, code %q (%s); want exit %d, code %q", code, doc.Error.Code, doc.Error.Message, berean.ExitStatus(tc.code), tc.code)
			}
			if plain, out, _ := runCmd(t, tc.stdin, tc.cli...); plain != code || out != "" {
				t.Errorf("cli without --json: exit %d, stdout %q; want exit %d and nothing", plain, out, code)
			}

			// The HTTP API.
			req, err := http.NewRequestWithContext(context.Background(), tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.body != "" {
				req.Header.Set("Content-Type", "text/plain")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var hdoc struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(b, &hdoc); err != nil {
				t.Fatalf("http: status %d, no JSON error (%v): %.200q", resp.StatusCode, err, b)
			}
			if hdoc.Error.Code != tc.code || resp.StatusCode != berean.HTTPStatus(tc.code) {
				t.Errorf("http: status %d, code %q (%s); want %d, %q", resp.StatusCode, hdoc.Error.Code, hdoc.Error.Message, berean.HTTPStatus(tc.code), tc.code)
			}
		})
	}
}
