//go:build unix

package regfile

import (
	"io/fs"
	"os"
	"syscall"
)

// ReadFile reads at most limit bytes of the regular file at path (a caller
// allowing n bytes asks for n+1 to tell a larger file), refusing what is
// not a regular file as Open does. It reads with bare system calls: a
// small file read through an *os.File also registers with the network
// poller (which fails for regular files), sets a finalizer and states the
// file twice, about a tenth of the cost of reading a SWORD conf in a new
// process.
func ReadFile(path string, limit int) ([]byte, error) {
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
		var m fs.FileMode = fs.ModeIrregular
		if fi, err := os.Stat(path); err == nil {
			m = fi.Mode()
		}
		return nil, notRegular(path, m)
	}
	// One byte past the file's size, to see its end in one read.
	buf := make([]byte, 0, max(0, int(min(st.Size+1, int64(limit)))))
	for len(buf) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):min(cap(buf), limit)])
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
