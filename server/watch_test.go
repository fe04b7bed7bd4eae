package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"berean"
	"berean/sword/swordtest"
)

// A module installed while the server runs shows in /api/modules and can be
// read, without a restart (and one removed disappears).
func TestWatchSeesInstalledModules(t *testing.T) {
	root := t.TempDir()
	bible := func(name, text string) swordtest.Bible {
		return swordtest.Bible{Name: name, Conf: []string{"Abbreviation=" + name},
			Entries: map[string]string{"John.3.16": text}}
	}
	if _, err := swordtest.WriteBible(root, bible("ONE", "For God so loved the world.")); err != nil {
		t.Fatal(err)
	}
	opts := berean.Options{SwordPaths: []string{root}, CacheDir: t.TempDir()}
	// Only this root: the installed system modules must not count.
	t.Setenv("SWORD_PATH", "")
	t.Setenv("HOME", t.TempDir())
	eng, err := berean.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Engine: eng, Timeout: time.Second, Reopen: func() (*berean.Engine, error) { return berean.Open(opts) }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx, 50*time.Millisecond)

	names := func() map[string]bool {
		resp, err := http.Get(ts.URL + "/api/modules")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var doc berean.ModulesResult
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, m := range doc.Modules {
			out[m.Name] = true
		}
		return out
	}
	waitFor := func(what string, ok func() bool) {
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("no change after 10 s: %s", what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if got := names(); !got["ONE"] || got["TWO"] {
		t.Fatalf("modules at start = %v", got)
	}
	if _, err := swordtest.WriteBible(root, bible("TWO", "In the beginning was the Word.")); err != nil {
		t.Fatal(err)
	}
	waitFor("TWO installed", func() bool { return names()["TWO"] })
	resp, err := http.Get(ts.URL + "/api/read?ref=John+3:16&bible=TWO")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("read from the new module: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}
