package index

import (
	"errors"
	"fmt"
)

// ErrCorrupt is wrapped by every error that reports a damaged index file:
// bad magic, truncation, a checksum mismatch, offsets out of range. The
// index is a cache: callers rebuild it (Load does) rather than trust it.
var ErrCorrupt = errors.New("corrupt index")

// ErrVersion is wrapped by Open's error when the file was written in a
// format version this package does not read. Like a corrupt file, it is
// rebuilt.
var ErrVersion = errors.New("unsupported index format version")

// ErrUnknownBible is wrapped by errors naming a Bible the index lacks
// (search, ask, study and xref resolve names against the index; they all
// wrap this one sentinel).
var ErrUnknownBible = errors.New("no such Bible in the index")

func corruptf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}
