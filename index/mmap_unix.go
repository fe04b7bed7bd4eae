//go:build unix

package index

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps the file read-only and private. The mapping outlives the
// file descriptor. Berean replaces index files only by rename, so the mapped
// inode never changes under it; a file truncated in place by another program
// faults on the pages past its new end, which is why long-running processes
// use OpenInMemory.
// An empty file is read as an empty slice (mmap refuses length 0).
func mapFile(f *os.File) ([]byte, func() error, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := st.Size()
	if size == 0 {
		return nil, func() error { return nil }, nil
	}
	if size != int64(int(size)) {
		return nil, nil, fmt.Errorf("file of %d bytes is too large to map", size)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, fmt.Errorf("mmap: %w", err)
	}
	return b, func() error { return syscall.Munmap(b) }, nil
}
