//go:build !lite

package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"berean/install"
)

// manageRepo publishes the installed Debian WEB and KJV as a loopback
// repository (mods.d.tar.gz, mods.d/, modules/, packages/rawzip/).
func manageRepo(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d/engWEB2015eb.conf"); err != nil {
		t.Skip("the Debian SWORD modules are not installed (make test installs them)")
	}
	dir := t.TempDir()
	if err := install.WriteRepository(dir, "/usr/share/sword", install.RepoOptions{Modules: []string{"engWEB2015eb", "engKJV2006eb"}}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// The acceptance scenario of issue 7: with no modules under ~/.sword,
// "modules repos add local URL" then "modules install WEB" make "read -b WEB"
// work from ~/.sword, and diatheke, with SWORD_PATH at the same place,
// agrees.
func TestManageAcceptance(t *testing.T) {
	url := manageRepo(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("SWORD_PATH", "")

	code, out, errs := runCmd(t, "", "modules", "repos", "add", "local", url)
	if code != 0 || !strings.Contains(out, "local: 2 modules") {
		t.Fatalf("repos add: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCmd(t, "", "modules", "install", "WEB")
	if code != 0 || !strings.Contains(out, "installed engWEB2015eb") || !strings.Contains(out, "search index rebuilt") {
		t.Fatalf("install: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(home, ".sword", "mods.d", "engWEB2015eb.conf")); err != nil {
		t.Fatal(err)
	}
	// diatheke's plain output leaves the footnotes out: so does --notes=false.
	code, out, errs = runCmd(t, "", "read", "--notes=false", "-b", "WEB", "John 3:16")
	if code != 0 || !strings.Contains(out, "For God so loved the world") {
		t.Fatalf("read: exit %d\n%s%s", code, out, errs)
	}
	berean := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(out), "John 3:16"))

	code, out, _ = runCmd(t, "", "--json", "modules", "list")
	var list struct {
		Modules []struct{ Name, Path string }
	}
	json.Unmarshal([]byte(out), &list)
	found := false
	for _, m := range list.Modules {
		if m.Name == "engWEB2015eb" {
			found = true
		}
	}
	if code != 0 || !found {
		t.Errorf("modules list: exit %d\n%s", code, out)
	}

	diatheke, err := exec.LookPath("diatheke")
	if err != nil {
		t.Skip("diatheke is not installed")
	}
	cmd := exec.Command(diatheke, "-b", "engWEB2015eb", "-f", "plain", "-k", "John 3:16")
	cmd.Env = append(os.Environ(), "SWORD_PATH="+filepath.Join(home, ".sword"))
	dout, err := cmd.Output()
	if err != nil {
		t.Fatalf("diatheke: %v", err)
	}
	first, _, _ := strings.Cut(string(dout), "\n")
	dia := strings.TrimSpace(strings.TrimPrefix(first, "John 3:16:"))
	if manageNorm(dia) != manageNorm(berean) {
		t.Errorf("berean and diatheke disagree:\nberean:   %q\ndiatheke: %q", berean, dia)
	}
}

// manageNorm folds spacing: berean joins words split by markup where diatheke
// prints them as stored ("only bornSon" after a footnote), so words are
// compared with spaces removed.
func manageNorm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, " ", "")), "")
}

func TestManageJSON(t *testing.T) {
	url := manageRepo(t)
	root := t.TempDir()
	run := func(args ...string) (int, map[string]any, string) {
		t.Helper()
		code, out, errs := runCmd(t, "", append([]string{"--json", "--sword-path", root}, args...)...)
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: not one JSON document (%v):\n%s\n%s", args, err, out, errs)
		}
		return code, v, errs
	}
	code, v, errs := run("modules", "repos", "add", "local", url)
	if code != 0 || v["added"] != "local" {
		t.Fatalf("repos add: %d %v %s", code, v, errs)
	}
	code, v, _ = run("modules", "repos")
	repos, _ := v["repos"].([]any)
	if code != 0 || len(repos) != len(install.DefaultSources())+1 || v["config"] != filepath.Join(root, "InstallMgr", "InstallMgr.conf") {
		t.Errorf("repos: %d %v", code, v)
	}
	code, v, _ = run("modules", "available", "--repo", "local", "--lang", "en")
	mods, _ := v["modules"].([]any)
	if code != 0 || len(mods) != 2 {
		t.Fatalf("available: %d %v", code, v)
	}
	first := mods[0].(map[string]any)
	for _, k := range []string{"name", "abbreviation", "description", "type", "lang", "version", "source", "status"} {
		if _, ok := first[k]; !ok {
			t.Errorf("available: no %q in %v", k, first)
		}
	}
	code, v, _ = run("modules", "install", "--repo", "local", "KJV")
	res, _ := v["results"].([]any)
	if code != 0 || len(res) != 1 || res[0].(map[string]any)["action"] != "installed" {
		t.Fatalf("install: %d %v", code, v)
	}
	if ix, _ := v["index"].(map[string]any); ix == nil || ix["error"] != nil {
		t.Errorf("install: index %v", v["index"])
	}
	code, v, _ = run("modules", "update", "--no-refresh", "--no-index")
	if code != 0 {
		t.Errorf("update: %d %v", code, v)
	}
	code, v, _ = run("modules", "remove", "--no-index", "KJV")
	res, _ = v["results"].([]any)
	if code != 0 || res[0].(map[string]any)["action"] != "removed" {
		t.Errorf("remove: %d %v", code, v)
	}
	code, v, _ = run("modules", "remove", "KJV")
	res, _ = v["results"].([]any)
	if code != 2 || res[0].(map[string]any)["action"] != "failed" || res[0].(map[string]any)["error"] == "" {
		t.Errorf("remove again: %d %v", code, v)
	}
	code, v, _ = run("modules", "repos", "remove", "local")
	if code != 0 || v["removed"] != "local" {
		t.Errorf("repos remove: %d %v", code, v)
	}
	if code, _, _ := runCmd(t, "", "--sword-path", root, "modules", "repos", "remove", "local"); code != 2 {
		t.Errorf("repos remove unknown: exit %d", code)
	}
	if code, _, _ := runCmd(t, "", "--sword-path", root, "modules", "repos", "add", "x", "ftp://ftp.example.org/sword"); code != 2 {
		t.Errorf("repos add ftp: exit %d", code)
	}
}
