package regfile

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// Stamp names a file's state: device, inode, size, modification and
// change times in nanoseconds, and returns its change time. Any write to
// the file changes its change time, which cannot be set back, so a file
// with the same stamp has not been modified (caches keyed by it: the
// index's verified stamp, sword's verified block copies).
func Stamp(fi os.FileInfo) (string, time.Time) {
	if fi == nil {
		return "", time.Time{}
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "", time.Time{}
	}
	return fmt.Sprintf("v1 %d %d %d %d.%09d %d.%09d", st.Dev, st.Ino, st.Size,
		st.Mtim.Sec, st.Mtim.Nsec, st.Ctim.Sec, st.Ctim.Nsec), time.Unix(st.Ctim.Sec, st.Ctim.Nsec)
}
