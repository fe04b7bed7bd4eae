//go:build unix

package index

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestGuardTruncatedMapping: the mapped index truncated in place (issue 15's
// SIGBUS) is an ErrCorrupt error under Guard, not a crash.
func TestGuardTruncatedMapping(t *testing.T) {
	dir := t.TempDir()
	src := testSource()
	built, err := Load(context.Background(), dir, src, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	built.Close()
	ix, err := Open(built.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := os.Truncate(ix.Path(), 0); err != nil {
		t.Fatal(err)
	}
	read := func() (n int, err error) {
		defer Guard(&err)()
		for _, b := range ix.Bibles() {
			n += b.Exact("intercession").Len()
		}
		return n, ix.Check()
	}
	_, err = read()
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "memory fault") {
		t.Errorf("reading a truncated mapping: %v, want ErrCorrupt", err)
	}
}
