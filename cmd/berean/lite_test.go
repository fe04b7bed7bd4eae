package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLiteLinksNoServer: the lite build (make build's ./berean) must not
// link what only the server, the module manager and the progress bar need;
// their package inits would run on every read.
func TestLiteLinksNoServer(t *testing.T) {
	gobin := goTool(t)
	out, err := exec.Command(gobin, "list", "-tags", "lite", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, bad := range []string{"net/http", "crypto/tls", "html/template", "berean/server", "berean/install",
		"github.com/VictoriaMetrics/metrics", "github.com/schollz/progressbar/v3"} {
		for _, d := range deps {
			if d == bad {
				t.Errorf("the lite build links %s", bad)
			}
		}
	}
}

// TestLiteHandsOff builds both binaries and checks that the lite one reads
// as the full one does, lists the same commands, hands serve to
// berean-full beside it, and says what to install when it is missing.
func TestLiteHandsOff(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	gobin := goTool(t)
	dir := t.TempDir()
	lite, full := filepath.Join(dir, "berean"), filepath.Join(dir, fullBinary)
	for _, b := range []struct {
		out  string
		args []string
	}{{lite, []string{"-tags", "lite"}}, {full, nil}} {
		args := append([]string{"build", "-o", b.out}, b.args...)
		if out, err := exec.Command(gobin, append(args, ".")...).CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", b.args, err, out)
		}
	}
	cache := t.TempDir()
	runBin := func(bin string, args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"--cache-dir", cache}, args...)...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	same := [][]string{{"--help"}, {"modules", "--help"}, {"serve", "--help"}, {"help", "serve"}, {"modules", "install", "--help"}}
	if _, err := os.Stat("/usr/share/sword/mods.d"); err == nil {
		same = append(same, []string{"read", "Heb 7:23-25"}, []string{"--json", "refs", "see John 3:16"})
	}
	for _, args := range same {
		want, werr := runBin(full, args...)
		got, gerr := runBin(lite, args...)
		if got != want || (werr == nil) != (gerr == nil) {
			t.Errorf("berean %v: lite and full differ:\nlite (%v):\n%s\nfull (%v):\n%s", args, gerr, got, werr, want)
		}
	}
	// Without berean-full, serve fails and names what to install.
	alone := filepath.Join(t.TempDir(), "berean")
	if data, err := os.ReadFile(lite); err != nil || os.WriteFile(alone, data, 0o755) != nil {
		t.Fatalf("copying the lite binary: %v", err)
	}
	out, err := runBin(alone, "serve", "--addr", "127.0.0.1:0")
	if err == nil || !strings.Contains(out, fullBinary) || !strings.Contains(out, "make build") {
		t.Errorf("serve without %s: err %v, output %q; want a failure naming it and make build", fullBinary, err, out)
	}
}

func goTool(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		if _, err := os.Stat(gobin); err != nil {
			t.Skip("no go tool to build with")
		}
	}
	return gobin
}
