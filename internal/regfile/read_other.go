//go:build !unix

package regfile

import "io"

// ReadFile reads at most limit bytes of the regular file at path (a caller
// allowing n bytes asks for n+1 to tell a larger file), refusing what is
// not a regular file as Open does.
func ReadFile(path string, limit int) ([]byte, error) {
	f, _, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)))
}
