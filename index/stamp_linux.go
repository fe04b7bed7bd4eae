package index

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// fileStamp names a file's state: device, inode, size, modification and
// change times in nanoseconds, and returns its change time.
func fileStamp(fi os.FileInfo) (string, time.Time) {
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
