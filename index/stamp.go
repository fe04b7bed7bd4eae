package index

import (
	"bytes"
	"os"
	"path/filepath"
	"time"

	"berean/internal/regfile"
)

// Verified stamps. Checking the sections Open checks whole (the
// dictionaries: about 2.4 MB of a KJV+WEB index) costs a new process about
// half a millisecond, a twentieth of a search. Once a file has passed, Open
// writes a stamp beside it (PATH.verified): the file's device, inode, size
// and modification and change times. A later Open of the same file state
// skips that pass; any write to the file changes its change time (which
// cannot be set back), so a file modified in any way is checked again.
// The block-checked sections (postings, texts) and the concept sections
// are checked as they are read, stamp or not. A file that fails a check is
// removed with its stamp.
//
// File times are kept at the kernel's coarse clock (a few milliseconds), so
// a write within the same tick as the last change would keep the change
// time: no stamp is written for a file changed less than stampAge ago (the
// next Open checks it and stamps it).

const stampSuffix = ".verified"

// stampAge is how long ago a file must have changed to be stamped (a
// variable for tests).
var stampAge = 2 * time.Second

// stampOK reports whether the stamp beside path names the state fi.
func stampOK(path string, fi os.FileInfo) bool {
	want, _ := regfile.Stamp(fi)
	if want == "" {
		return false
	}
	// Only a regular file (a FIFO in its place would block for ever).
	got, err := regfile.ReadFile(path+stampSuffix, 256)
	if err != nil {
		return false
	}
	return string(bytes.TrimSpace(got)) == want
}

// writeStamp records that the file at path, in state fi, passed Open's
// checks. Failing to write it only costs the next Open the check.
func writeStamp(path string, fi os.FileInfo) {
	s, changed := regfile.Stamp(fi)
	if s == "" || time.Since(changed) < stampAge {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".stamp-*")
	if err != nil {
		return
	}
	_, err = tmp.WriteString(s + "\n")
	if cerr := tmp.Close(); err == nil && cerr == nil {
		err = os.Rename(tmp.Name(), path+stampSuffix)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
