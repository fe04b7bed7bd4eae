package sword

import (
	"errors"
	"fmt"
)

var (
	// ErrCorrupt marks data files that do not follow the format: truncated
	// files, index records pointing past the end, blocks that do not
	// decompress.
	ErrCorrupt = errors.New("corrupt module data")
	// ErrNotFound marks an unknown module or a missing key.
	ErrNotFound = errors.New("not found")
	// ErrLocked marks an enciphered module whose conf has an empty CipherKey.
	ErrLocked = errors.New("module is locked")
	// ErrUnsupported marks a driver, compression or encoding berean cannot read.
	ErrUnsupported = errors.New("unsupported")
)

// FormatError reports where in which file a module's data is wrong.
type FormatError struct {
	Module string
	File   string
	Offset int64
	Err    error
	// Affected names the entries the damage makes unreadable, when the
	// reader can tell: "Acts 13:1 to Acts 28:31".
	Affected string
}

func (e *FormatError) Error() string {
	s := fmt.Sprintf("sword: module %s: %s at offset %d: %v", e.Module, e.File, e.Offset, e.Err)
	if e.Affected != "" {
		s += " (affects " + e.Affected + ")"
	}
	return s
}

func (e *FormatError) Unwrap() error { return e.Err }

// corrupt builds a FormatError that wraps ErrCorrupt.
func corrupt(module, file string, off int64, format string, args ...any) error {
	return &FormatError{Module: module, File: file, Offset: off, Err: fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))}
}
