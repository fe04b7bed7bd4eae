//go:build !unix

package regfile

import "io"

// ReadFile reads at most max bytes of the regular file at path (max+1 tells
// a caller with a limit of max that the file is larger), refusing what is
// not a regular file as Open does.
func ReadFile(path string, max int) ([]byte, error) {
	f, _, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(max)))
}
