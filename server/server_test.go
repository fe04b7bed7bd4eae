package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"berean"
)

// The tests run against the installed modules (make test installs them) and
// the persisted index in the default cache directory (built on first use).

var (
	engOnce sync.Once
	engVal  *berean.Engine
	engErr  error
)

func testEngine(t testing.TB) *berean.Engine {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d"); err != nil {
		t.Skip("no SWORD modules installed in /usr/share/sword (make test installs them)")
	}
	engOnce.Do(func() { engVal, engErr = berean.Open(berean.Options{}) })
	if engErr != nil {
		t.Fatalf("opening the engine: %v", engErr)
	}
	return engVal
}

func testServer(t testing.TB) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(Config{Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// article is the contract's test article, or a small stand-in.
func article(t testing.TB) []byte {
	for _, p := range []string{"../../shared/data/articles/intercession.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			return b
		}
	}
	return []byte("Hebrews 7:25 says he “ever liveth to make intercession for them”, and Romans 8:34 that Christ “maketh intercession for us”. John 41:16 does not exist.")
}

type apiCase struct {
	name, method, path, ctype, body string
	schema                          string // the OpenAPI path
}

func apiCases(t testing.TB) []apiCase {
	return []apiCase{
		{name: "read", method: "GET", path: "/api/read?ref=Heb+7:23-25", schema: "/api/read"},
		{name: "read parallel", method: "GET", path: "/api/read?ref=3+John+1:14&bible=KJV,WEB", schema: "/api/read"},
		{name: "refs", method: "GET", path: "/api/refs?text=as+Hebrews+7:25+and+Rom+8:34+say", schema: "/api/refs"},
		{name: "search", method: "GET", path: "/api/search?q=intercession&stats=true", schema: "/api/search"},
		{name: "search relevance", method: "GET", path: "/api/search?q=%22make+intercession%22&order=relevance&bible=KJV,WEB&n=3", schema: "/api/search"},
		{name: "ask", method: "GET", path: "/api/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F&n=3", schema: "/api/ask"},
		{name: "study", method: "GET", path: "/api/study?topic=Jesus+makes+intercession+for+us", schema: "/api/study"},
		{name: "xref", method: "GET", path: "/api/xref?ref=Ps+110:4&n=5", schema: "/api/xref"},
		{name: "lexicon", method: "GET", path: "/api/lexicon/G1793", schema: "/api/lexicon/{key}"},
		{name: "topic", method: "GET", path: "/api/topic/intercession", schema: "/api/topic/{name}"},
		{name: "modules", method: "GET", path: "/api/modules", schema: "/api/modules"},
		{name: "verify text", method: "POST", path: "/api/verify", ctype: "text/plain", body: string(article(t)), schema: "/api/verify"},
		{name: "verify json", method: "POST", path: "/api/verify", ctype: "application/json",
			body: `{"text":"Hebrews 7:25 says he \"ever liveth to make intercession for them\"."}`, schema: "/api/verify"},
	}
}

// checkPage gets a page and checks its status, the strings it must have
// and those it must not; it returns the response and the page.
func checkPage(t testing.TB, ts *httptest.Server, path string, status int, want, not []string) (*http.Response, []byte) {
	t.Helper()
	resp, body := do(t, ts, "GET", path, "", "")
	if resp.StatusCode != status {
		t.Errorf("%s: status %d, want %d", path, resp.StatusCode, status)
	}
	for _, w := range want {
		if !bytes.Contains(body, []byte(w)) {
			t.Errorf("%s: no %q in the page", path, w)
		}
	}
	for _, w := range not {
		if bytes.Contains(body, []byte(w)) {
			t.Errorf("%s: %q in the page", path, w)
		}
	}
	return resp, body
}

func do(t testing.TB, ts *httptest.Server, method, path, ctype, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestOpenAPI checks the real response of every endpoint against the
// document served at /api/openapi.json: every required field is there and
// every field has its type.
func TestOpenAPI(t *testing.T) {
	_, ts := testServer(t)
	resp, body := do(t, ts, "GET", "/api/openapi.json", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("openapi.json: %d", resp.StatusCode)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc["openapi"].(string), "3.") {
		t.Fatalf("openapi version %v", doc["openapi"])
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	paths := doc["paths"].(map[string]any)
	covered := map[string]bool{}
	for _, c := range apiCases(t) {
		t.Run(c.name, func(t *testing.T) {
			resp, body := do(t, ts, c.method, c.path, c.ctype, c.body)
			if resp.StatusCode != 200 {
				t.Fatalf("%s %s: %d %s", c.method, c.path, resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			op, ok := paths[c.schema].(map[string]any)[strings.ToLower(c.method)].(map[string]any)
			if !ok {
				t.Fatalf("no %s %s in the document", c.method, c.schema)
			}
			covered[c.schema] = true
			sc := op["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatalf("response is not JSON: %v", err)
			}
			for _, e := range validate(v, sc.(map[string]any), schemas, "$") {
				t.Error(e)
			}
		})
	}
	for p, item := range paths {
		if strings.HasPrefix(p, "/api/") && !covered[p] {
			t.Errorf("endpoint %s (%v) has no case in TestOpenAPI", p, item)
		}
	}
	// The error shape, too.
	resp, body = do(t, ts, "GET", "/api/read?ref=John+22:1", "", "")
	var v any
	json.Unmarshal(body, &v)
	for _, e := range validate(v, map[string]any{"$ref": "#/components/schemas/Error"}, schemas, "$") {
		t.Error(e)
	}
}

// validate checks v against a schema of the subset the document uses: $ref,
// type, properties, required, items, additionalProperties.
func validate(v any, sc map[string]any, schemas map[string]any, at string) []string {
	if r, ok := sc["$ref"].(string); ok {
		name := strings.TrimPrefix(r, "#/components/schemas/")
		s, ok := schemas[name].(map[string]any)
		if !ok {
			return []string{at + ": unknown schema " + r}
		}
		return validate(v, s, schemas, at)
	}
	typ, _ := sc["type"].(string)
	var errs []string
	bad := func() []string { return []string{fmt.Sprintf("%s: want %s, got %T (%.60v)", at, typ, v, v)} }
	switch typ {
	case "string":
		if _, ok := v.(string); !ok {
			return bad()
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return bad()
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return bad()
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			return bad()
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return bad()
		}
		items, _ := sc["items"].(map[string]any)
		for i, x := range a {
			errs = append(errs, validate(x, items, schemas, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return bad()
		}
		if req, ok := sc["required"].([]any); ok {
			for _, r := range req {
				if _, ok := m[r.(string)]; !ok {
					errs = append(errs, fmt.Sprintf("%s: required field %q missing", at, r))
				}
			}
		}
		props, _ := sc["properties"].(map[string]any)
		addl, _ := sc["additionalProperties"].(map[string]any)
		for k, x := range m {
			if p, ok := props[k].(map[string]any); ok {
				errs = append(errs, validate(x, p, schemas, at+"."+k)...)
			} else if addl != nil {
				errs = append(errs, validate(x, addl, schemas, at+"."+k)...)
			} else if props != nil {
				errs = append(errs, fmt.Sprintf("%s: field %q is not in the document", at, k))
			}
		}
	}
	return errs
}

// TestContractFields checks the field names the contract names.
func TestContractFields(t *testing.T) {
	_, ts := testServer(t)
	cases := []struct {
		path   string
		fields []string
	}{
		{"/api/read?ref=Heb+7:23-25", []string{"bible", "module", "passages.0.osis", "passages.0.verses.0.osis", "passages.0.verses.0.text"}},
		{"/api/refs?text=Hebrews+7:23-25", []string{"refs.0.osis", "refs.0.text", "refs.0.start", "refs.0.end"}},
		{"/api/search?q=intercession", []string{"query", "total", "results.0.osis", "results.0.bible", "results.0.text", "results.0.score"}},
		{"/api/ask?q=intercession", []string{"question", "results.0.osis", "results.0.text", "results.0.score", "results.0.why"}},
		{"/api/study?topic=intercession", []string{"topic", "sections.0.title", "sections.0.testament", "sections.0.passages.0.osis", "sections.0.passages.0.text", "sections.0.passages.0.note"}},
		{"/api/xref?ref=Ps.110.4", []string{"osis", "related.0.osis", "related.0.kind", "related.0.score"}},
		{"/api/lexicon/G1793", []string{"key", "lemma", "definition", "verses"}},
		{"/api/topic/INTERCESSION", []string{"topic", "refs.0"}},
		{"/api/modules", []string{"modules.0.name", "modules.0.abbreviation", "modules.0.type", "modules.0.path"}},
	}
	for _, c := range cases {
		resp, body := do(t, ts, "GET", c.path, "", "")
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", c.path, resp.StatusCode, body)
			continue
		}
		var v any
		json.Unmarshal(body, &v)
		for _, f := range c.fields {
			if _, ok := lookup(v, f); !ok {
				t.Errorf("%s: no field %s in %.200s", c.path, f, body)
			}
		}
	}
	resp, body := do(t, ts, "POST", "/api/verify", "text/plain", string(article(t)))
	var v any
	json.Unmarshal(body, &v)
	for _, f := range []string{"citations.0.as_written", "citations.0.osis", "citations.0.quote", "citations.0.verdict", "citations.0.suggested", "citations.0.similarity", "citations.0.bible", "summary.ok", "summary.problems"} {
		if _, ok := lookup(v, f); !ok || resp.StatusCode != 200 {
			t.Errorf("verify: %d, no field %s", resp.StatusCode, f)
		}
	}
}

func lookup(v any, path string) (any, bool) {
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[p]; !ok {
				return nil, false
			}
		case []any:
			var i int
			if _, err := fmt.Sscan(p, &i); err != nil || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// TestMalformed sends bad input to every endpoint: each answer is a 4xx
// with the error shape, never a 5xx or a crash.
func TestMalformed(t *testing.T) {
	_, ts := testServer(t)
	long := strings.Repeat("a", 100<<10)
	nested := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	nestedObj := `{"text":` + strings.Repeat(`{"a":`, 50000) + "1" + strings.Repeat("}", 50000) + "}"
	cases := []struct {
		method, path, ctype, body string
		status                    int
	}{
		{"GET", "/api/read?ref=John+22:1", "", "", 400},
		{"GET", "/api/read?ref=John+3:99", "", "", 400},
		{"GET", "/api/read?ref=Xyz+1:1", "", "", 400},
		{"GET", "/api/read?ref=", "", "", 400},
		{"GET", "/api/read", "", "", 400},
		{"GET", "/api/read?ref=Genesis-Revelation", "", "", 0},
		{"GET", "/api/read?ref=John+3:16&bible=NOPE", "", "", 404},
		{"GET", "/api/read?ref=%FF%FE", "", "", 400},
		{"GET", "/api/read?ref=" + long, "", "", 414},
		{"GET", "/api/refs", "", "", 400},
		{"GET", "/api/refs?text=%C0%AF", "", "", 400},
		{"GET", "/api/search?q=", "", "", 400},
		{"GET", "/api/search?q=%22unbalanced", "", "", 400},
		{"GET", "/api/search?q=-only", "", "", 400},
		{"GET", "/api/search?q=love&n=-3", "", "", 400},
		{"GET", "/api/search?q=love&n=abc", "", "", 400},
		{"GET", "/api/search?q=love&bible=NOPE", "", "", 404},
		{"GET", "/api/search?q=love&order=sideways", "", "", 400},
		{"GET", "/api/search?q=strong:Q12", "", "", 400},
		{"GET", "/api/search?q=" + strings.Repeat("(", 5000), "", "", 400},
		{"GET", "/api/search?q=%FF", "", "", 400},
		{"GET", "/api/ask", "", "", 400},
		{"GET", "/api/ask?q=%FF%FF", "", "", 400},
		{"GET", "/api/ask?q=the+of+and", "", "", 0},
		{"GET", "/api/ask?q=love&bible=NOPE", "", "", 404},
		{"GET", "/api/ask?q=" + strings.Repeat("word+", 1000), "", "", 413},
		{"GET", "/api/study", "", "", 400},
		{"GET", "/api/study?topic=love&bible=NOPE", "", "", 404},
		{"GET", "/api/xref", "", "", 400},
		{"GET", "/api/xref?ref=not+a+reference", "", "", 400},
		{"GET", "/api/xref?ref=John+99:1", "", "", 400},
		{"GET", "/api/xref?ref=Ps+110:4&bible=NOPE", "", "", 404},
		{"GET", "/api/lexicon/G999999", "", "", 404},
		{"GET", "/api/lexicon/nonsense", "", "", 0},
		{"GET", "/api/lexicon/%FF", "", "", 0},
		{"GET", "/api/topic/NO-SUCH-TOPIC-XYZ", "", "", 404},
		{"GET", "/api/topic/%FF", "", "", 0},
		{"POST", "/api/verify", "text/plain", "", 400},
		{"POST", "/api/verify", "application/json", `{"text":`, 400},
		{"POST", "/api/verify", "application/json", `{"other":"x"}`, 400},
		{"POST", "/api/verify", "application/json", nested, 400},
		{"POST", "/api/verify", "application/json", nestedObj, 400},
		{"POST", "/api/verify", "text/plain", "bin\x00ary\x00data", 400},
		{"POST", "/api/verify", "text/plain", strings.Repeat("x", MaxBody+10), 413},
		{"POST", "/api/verify", "text/plain", "John 3:16 \xff\xfe says \"\xc3\x28\"", 200},
		{"GET", "/api/verify", "", "", 405},
		{"POST", "/api/read?ref=John+3:16", "", "", 405},
		{"DELETE", "/api/search?q=love", "", "", 405},
		{"PUT", "/api/modules", "", "", 405},
		{"GET", "/api/nothing", "", "", 404},
	}
	for _, c := range cases {
		name := c.method + " " + c.path
		if len(name) > 80 {
			name = name[:80]
		}
		resp, body := do(t, ts, c.method, c.path, c.ctype, c.body)
		if c.status == 200 {
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d %s", name, resp.StatusCode, body)
			}
			continue
		}
		if resp.StatusCode < 400 && c.status == 0 {
			continue // any success is fine; only a failure must be a 4xx
		}
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || (c.status != 0 && resp.StatusCode != c.status) {
			t.Errorf("%s: status %d, want %d: %.300s", name, resp.StatusCode, c.status, body)
		}
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: not the error shape: %.300s", name, body)
		}
	}
}

// TestUIPages renders every page (no JavaScript) and checks what it shows.
func TestUIPages(t *testing.T) {
	_, ts := testServer(t)
	cases := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`<html lang="en">`, `role="search"`, `<main`}},
		{"/read?ref=Heb+7:23-25&bible=KJV&bible=WEB&strongs=on", 200, []string{"Hebrews 7:23-25", `href="/lexicon/G1793"`, ">KJV<", ">WEB<", `<sup class="vn">25</sup>`}},
		{"/read?ref=Heb+7:23-25&bible=KJV,WEB&strongs=off", 200, []string{"ever liveth to make intercession", "lives forever to make intercession"}},
		{"/search?q=intercession", 200, []string{"<svg", `class="bar"`, "Romans 8:26", "<mark>intercession</mark>", "<strong>10</strong> verses"}},
		{"/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F", 200, []string{"Hebrews 7:25"}},
		{"/study?topic=Jesus+makes+intercession+for+us", 200, []string{"<svg", `class="mark`, "Hebrews 7"}},
		{"/lexicon/G1793", 200, []string{"G1793", "Definition"}},
		{"/topic/INTERCESSION", 200, []string{"INTERCESSION", "/read?ref="}},
		{"/verify", 200, []string{"<textarea"}},
		{"/read?ref=John+22:1", 400, []string{"John has 21 chapters"}},
		{"/lexicon/G999999", 404, []string{"error"}},
		{"/nowhere", 404, []string{"no page"}},
		{"/static/style.css", 200, []string{"--accent"}},
		{"/static/app.js", 200, []string{"use strict"}},
	}
	for _, c := range cases {
		checkPage(t, ts, c.path, c.status, c.want, nil)
	}
	if resp, _ := do(t, ts, "DELETE", "/read?ref=John+3:16", "", ""); resp.StatusCode != 405 {
		t.Errorf("DELETE /read: %d, want 405", resp.StatusCode)
	}
	// The ask page lists Hebrews 7:25 first.
	resp, body := do(t, ts, "GET", "/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F", "", "")
	if i, j := bytes.Index(body, []byte(`class="ref"`)), bytes.Index(body, []byte("Hebrews 7:25")); i < 0 || j < 0 || bytes.Contains(body[i:j], []byte(`<li>`)) {
		t.Errorf("ask: Hebrews 7:25 is not the first answer")
	}
	// Verify annotates citations.
	resp, body = do(t, ts, "POST", "/verify", "application/x-www-form-urlencoded", "text="+urlEscape(string(article(t))))
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`class="cite v-ok"`)) {
		t.Errorf("verify page: %d, no ok citation", resp.StatusCode)
	}
}

func urlEscape(s string) string { return url.QueryEscape(s) }

// TestSearchBoxKinds: the one search box tells a reference, a question and
// a search apart.
func TestSearchBoxKinds(t *testing.T) {
	s, _ := testServer(t)
	for q, want := range map[string]string{
		"Heb 7:25": "read", "John 3:16; Rom 8:34": "read", "jn 3": "read", "Jude 3": "read",
		"Where does the Bible say Jesus lives to make intercession for us?": "ask",
		"jesus lives to make intercession for us":                           "ask",
		"what is love": "ask",
		"intercession": "search", `"make intercession"`: "search",
		"strong:G1793": "search", "faith OR hope": "search", "Acts": "search", "love -hate": "search",
	} {
		if got := s.ui.kindOf(q); got != want {
			t.Errorf("kindOf(%q) = %s, want %s", q, got, want)
		}
	}
}

func TestHealthMetricsCORS(t *testing.T) {
	eng := testEngine(t)
	s, err := New(Config{Engine: eng, CORSOrigins: []string{"https://example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	resp, body := do(t, ts, "GET", "/healthz", "", "")
	if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "ok" {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
	do(t, ts, "GET", "/api/read?ref=John+3:16", "", "")
	_, body = do(t, ts, "GET", "/metrics", "", "")
	for _, w := range []string{`berean_http_requests_total{code="200",route="GET /api/read"}`, "berean_http_request_duration_seconds_bucket", "go_goroutines"} {
		if !bytes.Contains(body, []byte(w)) {
			t.Errorf("metrics: no %s", w)
		}
	}
	req, _ := http.NewRequest("OPTIONS", ts.URL+"/api/read", nil)
	req.Header.Set("Origin", "https://example.org")
	req.Header.Set("Access-Control-Request-Method", "GET")
	resp, err = ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "https://example.org" {
		t.Errorf("CORS preflight: %d %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
	req, _ = http.NewRequest("GET", ts.URL+"/api/read?ref=John+3:16", nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = ts.Client().Do(req)
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS allowed an unlisted origin")
	}
	if _, b := do(t, ts, "GET", "/_hello", "", ""); string(b) != "hello, world\n" {
		t.Errorf("hello: %q", b)
	}
}

// outDir is where browser tests save screenshots on failure.
func outDir(t testing.TB) string {
	d := os.Getenv("BEREAN_TEST_OUT")
	if d == "" {
		d = filepath.Join("testdata", "out")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return t.TempDir()
	}
	return d
}

var _ = runtime.NumGoroutine

// TestDeadline: a request that outlives its deadline gets 503 with the error
// shape, not a hang or a 500.
func TestDeadline(t *testing.T) {
	s, err := New(Config{Engine: testEngine(t), Timeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, p := range []string{"/api/ask?q=intercession", "/api/search?q=love", "/api/study?topic=love"} {
		resp, body := do(t, ts, "GET", p, "", "")
		if resp.StatusCode != http.StatusServiceUnavailable || !bytes.Contains(body, []byte(`"timeout"`)) {
			t.Errorf("%s: %d %s", p, resp.StatusCode, body)
		}
	}
}
