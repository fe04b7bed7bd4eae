package index

import (
	"io"
	"os"
)

// readChecked reads a whole file of size bytes with positioned reads. A
// file that ends early (truncated while it was read) or grew is corrupt.
func readChecked(f *os.File, size int64) ([]byte, error) {
	if size != int64(int(size)) {
		return nil, corruptf("file of %d bytes is too large to read", size)
	}
	data := make([]byte, size)
	n, err := f.ReadAt(data, 0)
	if err != nil && !(err == io.EOF && int64(n) == size) {
		if err == io.EOF {
			return nil, corruptf("the file ended after %d of %d bytes while it was read (truncated?)", n, size)
		}
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.Size() != size {
		return nil, corruptf("the file changed size while it was read (%d, then %d bytes)", size, fi.Size())
	}
	return data, nil
}
