//go:build !unix

package index

import (
	"io"
	"os"
)

// mapFile reads the whole file in one read where mmap is not available.
func mapFile(f *os.File) ([]byte, func() error, error) {
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	return b, func() error { return nil }, nil
}
