// Package regfile opens files that must be regular files (module data,
// index files) without ever blocking: a FIFO, a device, a socket or a
// directory in their place is refused with an error that says what was
// found, where os.Open would block on a FIFO for ever or hand back a
// descriptor that later fails with an obscure message.
package regfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by Open's error for a path that is not a regular
// file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading when it is a regular file (following
// symbolic links). The open itself never blocks: it is non-blocking where
// the system has the flag, and the mode is checked on the descriptor.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, notRegular(path, fi.Mode())
	}
	return f, fi, nil
}

// notRegular is the error for path, found to be a file of mode m.
func notRegular(path string, m fs.FileMode) error {
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (it is %s); remove it or put the expected file there", ErrNotRegular, Kind(m))}
}

// Kind names a file mode's type: "a directory", "a named pipe (FIFO)", ...
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "an irregular file"
}
