//go:build unix

package verify

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCachedModelUnusableFile: a FIFO or a directory in place of the saved
// model (issue 15: a FIFO hung the process for ever) is refused at once and
// the model built in memory.
func TestCachedModelUnusableFile(t *testing.T) {
	for _, kind := range []string{"fifo", "dir"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			fp := fingerprintOf("fixture-1")
			path := filepath.Join(dir, "verify-model-"+fp[:16]+".bin")
			var err error
			if kind == "fifo" {
				err = syscall.Mkfifo(path, 0o644)
			} else {
				err = syscall.Mkdir(path, 0o755)
			}
			if err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				m, err := CachedModel(context.Background(), fpFixture{newFixture()}, dir)
				if err == nil && m == nil {
					t.Error("no model")
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("CachedModel: %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("CachedModel hung")
			}
		})
	}
}
