//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package install

import (
	"context"
	"fmt"
	"os"
)

// lockFile opens p; on this system there is no advisory lock, so only the
// Manager's in-process mutex serialises changes.
func lockFile(ctx context.Context, p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("install: lock: %w", err)
	}
	return f, nil
}
