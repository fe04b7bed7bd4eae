//go:build unix

package regfile

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ReadFile reads at most max bytes of the regular file at path (max+1 tells
// a caller with a limit of max that the file is larger), refusing what is
// not a regular file as Open does. It reads with bare system calls: a
// small file read through an *os.File also registers with the network
// poller (which fails for regular files), sets a finalizer and states the
// file twice, about a tenth of the cost of reading a SWORD conf in a new
// process.
func ReadFile(path string, max int) ([]byte, error) {
	fd, err := open(path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		fi, err := os.Stat(path)
		kind := "an irregular file"
		if err == nil {
			kind = Kind(fi.Mode())
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (it is %s); remove it or put the expected file there", ErrNotRegular, kind)}
	}
	size := min(max, int(min(st.Size, int64(max)))+1)
	if size <= 0 {
		size = 512
	}
	buf := make([]byte, 0, size)
	for len(buf) < max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):min(cap(buf), max)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}

func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		err := syscall.Fstat(fd, st)
		if err != syscall.EINTR {
			return err
		}
	}
}
