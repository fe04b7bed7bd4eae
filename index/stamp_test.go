package index

import (
	"context"
	"errors"
	"os"
	"runtime"
	"testing"
	"time"
)

// TestStamp: a file that passed Open is stamped; a later write to it, even
// one keeping its size, makes Open check it again and find the damage.
func TestStamp(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are written on Linux only")
	}
	old := stampAge
	stampAge = 0
	t.Cleanup(func() { stampAge = old })
	dir := t.TempDir()
	ix, err := Load(context.Background(), dir, testSource(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := ix.Path()
	var docs section
	for _, s := range ix.secs {
		if s.kind == secDocs {
			docs = s
		}
	}
	ix.Close()
	if docs.len == 0 {
		t.Fatal("no DOCS section")
	}
	ix, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := os.Stat(path + stampSuffix); err != nil {
		t.Fatalf("no stamp after a checked Open: %v", err)
	}
	// Stamped: Open succeeds (without the whole-section pass).
	if ix, err = Open(path); err != nil {
		t.Fatalf("stamped file: %v", err)
	}
	ix.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[docs.off+docs.len/2] ^= 0x20
	time.Sleep(20 * time.Millisecond) // past the file times' clock tick
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(path); !errors.Is(err, ErrCorrupt) {
		if ix != nil {
			ix.Close()
		}
		t.Fatalf("damaged dictionary after stamp: err = %v, want ErrCorrupt", err)
	}
	if _, err := os.Stat(path + stampSuffix); !os.IsNotExist(err) {
		t.Errorf("stamp kept beside a damaged file: %v", err)
	}
}
