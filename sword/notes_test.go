package sword_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"berean/sword"
	"berean/sword/swordtest"
)

// longChapter is Genesis 1 of 31 verses of about 2 KB each: one zText
// block whose first verse is a short prefix of it.
func longChapter() map[string]string {
	e := map[string]string{}
	for v := 1; v <= 31; v++ {
		e[fmt.Sprintf("Gen.1.%d", v)] = fmt.Sprintf("verse %d %s", v, strings.Repeat(fmt.Sprintf("word%d ", v), 300))
	}
	return e
}

// readFirst opens mi with notes in dir (files noted at any age), reads
// Gen 1:1 and closes the module (which writes the notes). It returns the
// blocks inflated whole for their checks.
func readFirst(t *testing.T, mi *sword.ModuleInfo, dir string, age time.Duration) (int64, error) {
	t.Helper()
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	sword.KeepNotesAged(m, dir, age)
	b, err := m.Entry("Gen", 1, 1)
	checked := sword.Checked(m)
	if cerr := m.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if err == nil && !strings.HasPrefix(string(b), "verse 1 word1") {
		t.Fatalf("Gen 1:1 = %.40q", b)
	}
	return checked, err
}

func notes(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "blocks-*.verified"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// touch rewrites a file with its own bytes, or with f's change of them:
// its change time moves on.
func touch(t *testing.T, path string, f func([]byte)) {
	t.Helper()
	time.Sleep(20 * time.Millisecond) // past the file system's clock tick
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f != nil {
		f(b)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVerifiedNotes(t *testing.T) {
	tests := []struct {
		name string
		// between runs the first read and the second
		between     func(t *testing.T, mi *sword.ModuleInfo, dir string)
		wantChecked int64 // by the second read
		wantErr     error
	}{
		{"noted block read without its checks", nil, 0, nil},
		{"rewritten data file checked again", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzz"), nil)
		}, 1, nil},
		{"rewritten block index checked again", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzs"), nil)
		}, 1, nil},
		{"damaged tail found despite the note", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzz"), func(b []byte) { b[len(b)-6] ^= 0xff })
		}, 0, sword.ErrCorrupt},
		{"garbled note ignored", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			for _, p := range notes(t, dir) {
				if err := os.WriteFile(p, []byte("berean verified blocks 1 x\n0 1 2\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, 1, nil},
		{"note with bad numbers ignored", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			for _, p := range notes(t, dir) {
				b, _ := os.ReadFile(p)
				head, _, _ := strings.Cut(string(b), "\n")
				if err := os.WriteFile(p, []byte(head+"\n0 -1 zz\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, 1, nil},
		{"a directory in the note's place", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			for _, p := range notes(t, dir) {
				os.Remove(p)
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
			}
		}, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
			dir := filepath.Join(t.TempDir(), "cache")
			if n, err := readFirst(t, mi, dir, 0); err != nil || n != 1 {
				t.Fatalf("first read: %d blocks checked, err %v; want 1, nil", n, err)
			}
			if got := notes(t, dir); len(got) != 1 {
				t.Fatalf("notes after the first read: %v, want one", got)
			}
			if tc.between != nil {
				tc.between(t, mi, dir)
			}
			n, err := readFirst(t, mi, dir, 0)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("second read: err %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr == nil && n != tc.wantChecked {
				t.Errorf("second read checked %d blocks, want %d", n, tc.wantChecked)
			}
		})
	}
}

// A module whose files changed moments ago is not noted: a write within the
// file system's clock tick could keep their times.
func TestVerifiedNotesFreshFiles(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
	dir := t.TempDir()
	for range 2 {
		if n, err := readFirst(t, mi, dir, time.Hour); err != nil || n != 1 {
			t.Fatalf("read: %d blocks checked, err %v; want 1, nil", n, err)
		}
	}
	if got := notes(t, dir); len(got) != 0 {
		t.Errorf("notes for fresh files: %v", got)
	}
}

// Without a directory nothing is written and every block is checked.
func TestVerifiedNotesOff(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
	for range 2 {
		if n, err := readFirst(t, mi, "", 0); err != nil || n != 1 {
			t.Fatalf("read: %d blocks checked, err %v; want 1, nil", n, err)
		}
	}
}
