package sword_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"berean/sword"
	"berean/sword/swordtest"
)

// longChapter is Genesis 1 of 31 verses of about 2 KB each: one zText
// block of about 60 KB whose first verse is a short prefix of it.
func longChapter() map[string]string {
	e := map[string]string{}
	for v := 1; v <= 31; v++ {
		e[fmt.Sprintf("Gen.1.%d", v)] = fmt.Sprintf("verse %d %s", v, strings.Repeat(fmt.Sprintf("word%d ", v), 300))
	}
	return e
}

// readVerse opens mi keeping block copies in dir (files copied at any
// age), reads Gen 1:v and closes the module. It returns the blocks
// inflated.
func readVerse(t *testing.T, mi *sword.ModuleInfo, dir string, age time.Duration, v int) (int64, error) {
	t.Helper()
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	sword.CacheBlocksAged(m, dir, age)
	b, err := m.Entry("Gen", 1, v)
	n := sword.Inflations(m)
	if cerr := m.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if want := fmt.Sprintf("verse %d word%d", v, v); err == nil && !strings.HasPrefix(string(b), want) {
		t.Fatalf("Gen 1:%d = %.40q, want it to start %q", v, b, want)
	}
	if err == nil && !strings.HasSuffix(strings.TrimSpace(string(b)), fmt.Sprintf("word%d", v)) {
		t.Fatalf("Gen 1:%d ends %q", v, b[max(0, len(b)-20):])
	}
	return n, err
}

// copies are the block copies under dir.
func copies(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "blocks-*", "*"))
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

// copyData is where a copy's block starts: after the 32-byte header and a
// CRC per 4 KiB chunk.
func copyData(b []byte) int {
	length := int(b[24]) | int(b[25])<<8 | int(b[26])<<16 | int(b[27])<<24
	return 32 + 4*((length+4095)/4096)
}

func eachCopy(t *testing.T, dir string, f func(path string)) {
	t.Helper()
	cs := copies(t, dir)
	if len(cs) == 0 {
		t.Fatal("no copy")
	}
	for _, p := range cs {
		f(p)
	}
}

func TestBlockCopies(t *testing.T) {
	tests := []struct {
		name string
		// between runs between the first read and the second
		between        func(t *testing.T, mi *sword.ModuleInfo, dir string)
		wantInflations int64 // by the second read
		wantErr        error
	}{
		{"verse read from the copy", nil, 0, nil},
		{"rewritten data file read from the module", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzz"), nil)
		}, 1, nil},
		{"rewritten block index read from the module", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzs"), nil)
		}, 1, nil},
		{"damaged tail found despite the copy", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			touch(t, filepath.Join(mi.DataPath, "ot.bzz"), func(b []byte) { b[len(b)-6] ^= 0xff })
		}, 0, sword.ErrCorrupt},
		{"a byte of the copy's first chunk changed", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) { touch(t, p, func(b []byte) { b[copyData(b)+10] ^= 1 }) })
		}, 1, nil},
		// Gen 1:1 is in the first chunk, whose CRC holds; Gen 1:31 is
		// read from the module.
		{"a byte of the copy's last chunk changed", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) { touch(t, p, func(b []byte) { b[len(b)-10] ^= 1 }) })
		}, 0, nil},
		{"a CRC of the copy changed", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) { touch(t, p, func(b []byte) { b[33] ^= 1 }) })
		}, 1, nil},
		{"a truncated copy", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) {
				if err := os.Truncate(p, 100); err != nil {
					t.Fatal(err)
				}
			})
		}, 1, nil},
		{"a garbled header", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) { touch(t, p, func(b []byte) { b[10] ^= 1 }) })
		}, 1, nil},
		{"a directory in the copy's place", func(t *testing.T, mi *sword.ModuleInfo, dir string) {
			eachCopy(t, dir, func(p string) {
				os.Remove(p)
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
			})
		}, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
			dir := filepath.Join(t.TempDir(), "cache")
			if n, err := readVerse(t, mi, dir, 0, 1); err != nil || n != 1 {
				t.Fatalf("first read: %d blocks inflated, err %v; want 1, nil", n, err)
			}
			if got := copies(t, dir); len(got) != 1 {
				t.Fatalf("copies after the first read: %v, want one", got)
			}
			if tc.between != nil {
				tc.between(t, mi, dir)
			}
			for _, v := range []int{1, 17, 31} {
				n, err := readVerse(t, mi, dir, 0, v)
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Gen 1:%d: err %v, want %v", v, err, tc.wantErr)
				}
				if tc.wantErr == nil && v == 1 && n != tc.wantInflations {
					t.Errorf("Gen 1:%d inflated %d blocks, want %d", v, n, tc.wantInflations)
				}
			}
		})
	}
}

// A module whose files changed moments ago gets no copies: a write within
// the file system's clock tick could keep their times.
func TestBlockCopiesFreshFiles(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
	dir := t.TempDir()
	for range 2 {
		if n, err := readVerse(t, mi, dir, time.Hour, 2); err != nil || n != 1 {
			t.Fatalf("read: %d blocks inflated, err %v; want 1, nil", n, err)
		}
	}
	if got := copies(t, dir); len(got) != 0 {
		t.Errorf("copies for fresh files: %v", got)
	}
}

// An enciphered module gets no copies: its text is not written out
// deciphered.
func TestBlockCopiesEnciphered(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter(), CipherKey: "secret"})
	dir := t.TempDir()
	for range 2 {
		if n, err := readVerse(t, mi, dir, 0, 4); err != nil || n != 1 {
			t.Fatalf("read: %d blocks inflated, err %v; want 1, nil", n, err)
		}
	}
	if got := copies(t, dir); len(got) != 0 {
		t.Errorf("copies of an enciphered module: %v", got)
	}
}

// Without a directory nothing is written; with one that cannot be written
// the reads still succeed.
func TestBlockCopiesOff(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
	blocked := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocked, nil, 0o644)
	for _, dir := range []string{"", filepath.Join(blocked, "cache")} {
		for range 2 {
			if n, err := readVerse(t, mi, dir, 0, 5); err != nil || n != 1 {
				t.Fatalf("dir %q: %d blocks inflated, err %v; want 1, nil", dir, n, err)
			}
		}
	}
}

// Every verse of a module read through copies is the verse read without
// them, from many goroutines at once.
func TestBlockCopiesSameText(t *testing.T) {
	for _, bt := range []string{"BOOK", "CHAPTER", "VERSE"} {
		t.Run(bt, func(t *testing.T) {
			e := longChapter()
			e["Gen.2.1"] = "Thus the heavens"
			e["Exod.1.1"] = ""
			e["Exod.1.2"] = "Reuben, Simeon"
			mi := swordtest.NewBible(t, swordtest.Bible{Entries: e, BlockType: bt})
			plain, err := sword.OpenVerse(mi)
			if err != nil {
				t.Fatal(err)
			}
			defer plain.Close()
			dir := t.TempDir()
			for round := range 2 { // the first writes the copies, the second reads them
				m, err := sword.OpenVerse(mi)
				if err != nil {
					t.Fatal(err)
				}
				sword.CacheBlocksAged(m, dir, 0)
				var wg sync.WaitGroup
				for _, r := range []string{"Gen.1.1", "Gen.1.16", "Gen.1.31", "Gen.2.1", "Gen.2.2", "Exod.1.1", "Exod.1.2"} {
					wg.Go(func() {
						p := strings.Split(r, ".")
						var ch, v int
						fmt.Sscan(p[1], &ch)
						fmt.Sscan(p[2], &v)
						want, err1 := plain.Entry(p[0], ch, v)
						got, err2 := m.Entry(p[0], ch, v)
						if string(got) != string(want) || (err1 == nil) != (err2 == nil) {
							t.Errorf("round %d %s: %.30q, %v; want %.30q, %v", round, r, got, err2, want, err1)
						}
					})
				}
				wg.Wait()
				if round == 1 && sword.Inflations(m) != 0 {
					t.Errorf("round 2 inflated %d blocks", sword.Inflations(m))
				}
				m.Close()
			}
		})
	}
}

// A process reading every block (an index build) copies only its first
// copyWrites (16) blocks, and reads the rest as it would without copies.
func TestBlockCopiesBulkRead(t *testing.T) {
	e := map[string]string{}
	for v := 1; v <= 31; v++ {
		e[fmt.Sprintf("Gen.1.%d", v)] = fmt.Sprintf("verse %d", v)
	}
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: e, BlockType: "VERSE"})
	dir := t.TempDir()
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	sword.CacheBlocksAged(m, dir, 0)
	for v := 1; v <= 31; v++ {
		if b, err := m.Entry("Gen", 1, v); err != nil || string(b) != fmt.Sprintf("verse %d", v) {
			t.Fatalf("Gen 1:%d = %q, %v", v, b, err)
		}
	}
	m.Close()
	if got := len(copies(t, dir)); got != 16 {
		t.Errorf("%d copies written, want 16", got)
	}
}

// Blocks read during a Scan (a pass over every verse) are not copied;
// after it, they are.
func TestBlockCopiesScan(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: longChapter()})
	dir := t.TempDir()
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	sword.CacheBlocksAged(m, dir, 0)
	done := m.Scan()
	if _, err := m.Entry("Gen", 1, 3); err != nil {
		t.Fatal(err)
	}
	if got := copies(t, dir); len(got) != 0 {
		t.Errorf("copies during a scan: %v", got)
	}
	done()
	done() // twice is once
	m2, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	sword.CacheBlocksAged(m2, dir, 0)
	if _, err := m2.Entry("Gen", 1, 3); err != nil {
		t.Fatal(err)
	}
	if got := copies(t, dir); len(got) != 1 {
		t.Errorf("copies after the scan: %v, want one", got)
	}
}
