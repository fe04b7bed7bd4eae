package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"berean/internal/regfile"
)

// TestUnusableCache reproduces issue 15's failure 6: a FIFO in the index's
// place hung every command for ever, a directory there failed for good, and
// a cache path that is a regular file failed instead of falling back to an
// index in memory. Every kind of unusable cache now builds the index (in
// memory when it cannot be written) within a bound.
func TestUnusableCache(t *testing.T) {
	src := testSource()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir, path string) string // returns the cache dir to use
	}{
		{"fifo in the index's place", func(t *testing.T, dir, path string) string {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return dir
		}},
		{"directory in the index's place", func(t *testing.T, dir, path string) string {
			os.MkdirAll(filepath.Join(path, "sub"), 0o755)
			return dir
		}},
		{"cache path is a regular file", func(t *testing.T, dir, path string) string {
			f := filepath.Join(dir, "cachefile")
			os.WriteFile(f, []byte("not a directory"), 0o644)
			return f
		}},
		{"index file unreadable device", func(t *testing.T, dir, path string) string {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Skip(err)
			}
			return dir
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName(Fingerprint(src)))
			cache := tc.setup(t, dir, path)
			done := make(chan error, 1)
			go func() {
				ix, err := Load(context.Background(), cache, src, LoadOptions{})
				if err == nil {
					if ix.Bibles()[0].Exact("intercession").Len() == 0 {
						err = errors.New("the index built has no postings for intercession")
					}
					ix.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Load: %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Load hung")
			}
		})
	}
}

// TestOpenRefusesIrregularFiles: Open names what it found instead of
// blocking (FIFO) or failing obscurely (directory, device).
func TestOpenRefusesIrregularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.bidx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for path, want := range map[string]string{fifo: "named pipe", dir: "directory", "/dev/zero": "character device"} {
		for _, open := range []func(string) (*Index, error){Open, OpenInMemory} {
			_, err := open(path)
			if !errors.Is(err, regfile.ErrNotRegular) || !strings.Contains(err.Error(), want) {
				t.Errorf("Open(%s): %v", path, err)
			}
		}
	}
}

// TestInMemoryIndexSurvivesTruncation: an index read into memory does not
// change when its file is cut in place, and a file cut before it is read is
// corrupt.
func TestInMemoryIndexSurvivesTruncation(t *testing.T) {
	src := testSource()
	dir := t.TempDir()
	ix, err := Load(context.Background(), dir, src, LoadOptions{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	before := docsOf(ix.Bibles()[0].Exact("intercession"))
	if err := os.Truncate(ix.Path(), 100); err != nil {
		t.Fatal(err)
	}
	if after := docsOf(ix.Bibles()[0].Exact("intercession")); len(after) == 0 || len(after) != len(before) {
		t.Errorf("postings after the truncation: %v, before %v", after, before)
	}
	if _, err := OpenInMemory(ix.Path()); !errors.Is(err, ErrCorrupt) {
		t.Errorf("opening the cut file: %v", err)
	}
}
