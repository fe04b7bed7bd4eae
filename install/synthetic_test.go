package install

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"berean/canon"
)

// writeSynthetic writes a tiny RawText module (KJV versification, New
// Testament only) into the library root lib, by hand from the format
// (sword-format.md §2.6): nt.vss holds a 6-byte record (u32 start, u16 size)
// per slot, nt the texts, each followed by a newline.
func writeSynthetic(t *testing.T, lib, name, version string, verses map[[2]int]string) {
	t.Helper()
	sys := canon.KJV()
	n := sys.Records(canon.NT)
	idx := make([]byte, 6*n)
	var data bytes.Buffer
	for cv, text := range verses {
		_, ti, err := sys.Slot("John", cv[0], cv[1])
		if err != nil {
			t.Fatal(err)
		}
		binary.LittleEndian.PutUint32(idx[6*ti:], uint32(data.Len()))
		binary.LittleEndian.PutUint16(idx[6*ti+4:], uint16(len(text)))
		data.WriteString(text + "\n")
	}
	dir := filepath.Join(lib, "modules", "texts", "rawtext", strings.ToLower(name))
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(filepath.Join(lib, "mods.d"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "nt.vss"), idx, 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "nt"), data.Bytes(), 0o644)
	conf := fmt.Sprintf("[%s]\nDataPath=./modules/texts/rawtext/%s/\nModDrv=RawText\nSourceType=OSIS\nEncoding=UTF-8\nLang=en\nVersion=%s\nDescription=Synthetic test module\n",
		name, strings.ToLower(name), version)
	os.WriteFile(filepath.Join(lib, "mods.d", strings.ToLower(name)+".conf"), []byte(conf), 0o644)
}

// The whole cycle on a synthetic module, which needs no installed modules:
// install (package), update (files, after the packages went away), read
// with package sword and with diatheke, remove.
func TestSyntheticModuleCycle(t *testing.T) {
	t.Parallel()
	lib := t.TempDir()
	writeSynthetic(t, lib, "SynthTest", "1.0", map[[2]int]string{{3, 16}: "Synthetic verse one.", {1, 1}: "In the synthetic beginning."})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	ctx := context.Background()
	res, err := m.Install(ctx, []string{"synthtest"}, InstallOptions{})
	if err != nil || res[0].Method != "package" {
		t.Fatalf("install: %+v %v", res, err)
	}
	if got := readVerse(t, m.Root(), "SynthTest", "John", 3, 16); got != "Synthetic verse one." {
		t.Errorf("John 3:16 = %q", got)
	}

	lib2 := t.TempDir()
	writeSynthetic(t, lib2, "SynthTest", "1.1", map[[2]int]string{{3, 16}: "Synthetic verse two."})
	os.RemoveAll(repo)
	if err := WriteRepository(repo, lib2, RepoOptions{NoPackages: true}); err != nil {
		t.Fatal(err)
	}
	res, _, err = m.Update(ctx, UpdateOptions{})
	if err != nil || len(res) != 1 || res[0].Action != "updated" || res[0].Method != "files" {
		t.Fatalf("update: %+v %v", res, err)
	}
	if got := readVerse(t, m.Root(), "SynthTest", "John", 3, 16); got != "Synthetic verse two." {
		t.Errorf("John 3:16 after update = %q", got)
	}
	if got := readVerse(t, m.Root(), "SynthTest", "John", 1, 1); got != "" {
		t.Errorf("John 1:1 after update = %q (the old version's data leaked)", got)
	}

	if diatheke, err := exec.LookPath("diatheke"); err == nil {
		cmd := exec.Command(diatheke, "-b", "SynthTest", "-f", "plain", "-k", "John 3:16")
		cmd.Env = append(os.Environ(), "SWORD_PATH="+m.Root(), "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "John 3:16: Synthetic verse two.") {
			t.Errorf("diatheke: %v\n%s", err, out)
		}
	}

	if _, err := m.Remove(ctx, "SynthTest"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(m.Root(), "modules", "texts")); !os.IsNotExist(err) {
		t.Errorf("empty parents left: %v", err)
	}
}
