//go:build unix

package regfile

import "syscall"

// nonblock makes opening a FIFO return at once instead of waiting for a
// writer; it has no effect on regular files.
const nonblock = syscall.O_NONBLOCK
