package server

import (
	"encoding/binary"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"berean"
	"berean/sword/swordtest"
)

// fixtureServer serves an engine over a synthetic Bible only (no installed
// modules), its index built in a temporary cache directory.
func fixtureServer(t *testing.T, inMemory bool) (*httptest.Server, *berean.Engine, string) {
	t.Helper()
	root := t.TempDir()
	entries := map[string]string{
		"Heb.7.25":  "Wherefore he is able also to save them to the uttermost that come unto God by him, seeing he ever liveth to make intercession for them.",
		"Rom.8.34":  "Who is he that condemneth? It is Christ that died, yea rather, that is risen again, who is even at the right hand of God, who also maketh intercession for us.",
		"John.3.16": "For God so loved the world, that he gave his only begotten Son.",
		"Isa.53.12": "and he bare the sin of many, and made intercession for the transgressors.",
		"Gen.1.1":   "In the beginning God created the heaven and the earth.",
	}
	if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "FIX", Conf: []string{"Abbreviation=FIX"}, Entries: entries}); err != nil {
		t.Fatal(err)
	}
	// A Strong's lexicon and a topical dictionary: the index's concept
	// sections (LEXKEYS, LEXDICT, TOPICS, LINES, ...).
	if _, err := swordtest.WriteLexicon(root, swordtest.Lexicon{Name: "FixGreek", Conf: []string{"Feature=GreekDef"}, Entries: map[string]string{
		"1793": "entugchano; to confer with, to intercede, to make intercession for",
		"2222": "zoe; life",
		"4982": "sozo; to save, deliver, make whole",
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := swordtest.WriteLexicon(root, swordtest.Lexicon{Name: "FixNave", Conf: []string{"Description=Fixture Topical Bible"}, Entries: map[string]string{
		"INTERCESSION": "INTERCESSION<br/>-Of Christ: Heb 7:25; Rom 8:34; Isa 53:12<br/>-Of the Spirit: Rom 8:26",
		"CREATION":     "CREATION<br/>-Of the world: Gen 1:1; John 1:3",
		"LOVE":         "LOVE<br/>-Of God: John 3:16",
	}}); err != nil {
		t.Fatal(err)
	}
	fixtureRoots[t.Name()] = root
	return serveFixture(t, root, t.TempDir(), inMemory)
}

// fixtureRoots remembers each test's module root (tests here run one at a
// time).
var fixtureRoots = map[string]string{}

func serveFixture(t *testing.T, root, cache string, inMemory bool) (*httptest.Server, *berean.Engine, string) {
	t.Helper()
	eng, err := berean.Open(berean.Options{SwordPaths: []string{root}, OnlyPaths: true, CacheDir: cache, IndexInMemory: inMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	s, err := New(Config{Engine: eng, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, eng, cache
}

func get(t *testing.T, ts *httptest.Server, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func indexFile(t *testing.T, cache string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(cache, "berean", "index-*.bidx"))
	if len(m) == 0 {
		m, _ = filepath.Glob(filepath.Join(cache, "index-*.bidx"))
	}
	if len(m) != 1 {
		t.Fatalf("index files in %s: %v", cache, m)
	}
	return m[0]
}

var indexPaths = []string{
	"/api/search?q=intercession",
	"/api/ask?q=where+does+the+Bible+say+he+makes+intercession",
	"/api/xref?ref=Heb+7:25",
	"/api/study?topic=intercession",
}

// TestIndexTruncatedUnderServer reproduces issue 15's failure 1: the index
// file truncated in place while the server runs killed it with SIGBUS (a
// mapped page past the file's new end). The server reads its index into
// memory, so it keeps answering; a new engine finds the cut file corrupt
// and rebuilds it.
func TestIndexTruncatedUnderServer(t *testing.T) {
	ts, _, cache := fixtureServer(t, true)
	want := map[string]string{}
	for _, p := range indexPaths {
		code, body := get(t, ts, p)
		if code != 200 {
			t.Fatalf("%s: %d %s", p, code, body)
		}
		want[p] = body
	}
	path := indexFile(t, cache)
	if err := os.Truncate(path, 1000); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		for _, p := range indexPaths {
			if code, body := get(t, ts, p); code != 200 || body != want[p] {
				t.Errorf("%s after the truncation: %d %.200s", p, code, body)
			}
		}
	}
	// A server started on the cut file rebuilds it.
	ts2, _, _ := serveFixture(t, fixtureRoots[t.Name()], cache, true)
	for _, p := range indexPaths {
		if code, body := get(t, ts2, p); code != 200 || body != want[p] {
			t.Errorf("%s on a new server: %d %.200s", p, code, body)
		}
	}
}

// TestDamageFoundOnFirstUse reproduces issue 15's failure 5: a checksum
// failure found by ask or xref (not search) left a running server answering
// from the damaged index, with no log line and /healthz ok. Every feature now
// drops the index and answers from a rebuilt one; the fault is counted in
// /metrics.
func TestDamageFoundOnFirstUse(t *testing.T) {
	for _, p := range indexPaths {
		t.Run(strings.Split(strings.TrimPrefix(p, "/api/"), "?")[0], func(t *testing.T) {
			ts, eng, cache := fixtureServer(t, true)
			code, want := get(t, ts, p)
			if code != 200 {
				t.Fatalf("%s: %d %s", p, code, want)
			}
			// A second server over the same cache, whose index file
			// has every block-checked and concept section damaged: it
			// opens (those sections are checked on first use).
			eng.Close()
			path := indexFile(t, cache)
			damageLazySections(t, path)
			ts2, eng2, _ := serveFixture(t, fixtureRoots[t.Name()], cache, true)
			healthDuring := 0
			eng2.OnIndexFault(func(error) { healthDuring, _ = get(t, ts2, "/healthz") })
			code, got := get(t, ts2, p)
			if healthDuring != http.StatusServiceUnavailable {
				t.Errorf("/healthz while the index was rebuilt: %d, want 503", healthDuring)
			}
			if code != 200 || got != want {
				t.Errorf("%s on a damaged index: %d %.300s\nwant %.300s", p, code, got, want)
			}
			h := eng2.IndexHealth()
			if h.Faults != 1 || h.Degraded {
				t.Errorf("health after the rebuild: %+v", h)
			}
			if _, m := get(t, ts2, "/metrics"); !strings.Contains(m, "berean_index_faults 1") {
				t.Errorf("/metrics does not count the fault")
			}
			if code, body := get(t, ts2, "/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
				t.Errorf("/healthz after the rebuild: %d %s", code, body)
			}
		})
	}
}

// damageLazySections flips a byte in every section that Open does not check
// whole (see index/verify.go), using the file's table of contents.
func damageLazySections(t *testing.T, path string) {
	t.Helper()
	d, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	tr := d[len(d)-56:]
	tocOff, tocN := le.Uint64(tr[32:]), int(le.Uint32(tr[40:]))
	n := 0
	for i := 0; i < tocN; i++ {
		e := d[int(tocOff)+24*i:]
		kind, off, size := le.Uint16(e), le.Uint64(e[8:]), le.Uint64(e[16:])
		switch kind {
		case 8, 4, 11, 12, 13, 14, 19, 20: // POST, TEXT, and the concept sections
			if size >= 64 { // past the header that Open parses
				d[off+size*3/4] ^= 0x20
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no lazily checked section to damage")
	}
	// Written in place, as a disk error would leave it.
	if err := os.WriteFile(path, d, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + ".verified")
}
