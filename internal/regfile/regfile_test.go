package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "file")
	os.WriteFile(reg, []byte("data"), 0o644)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tc := range []struct {
		path, want string
	}{
		{reg, ""},
		{dir, "a directory"},
		{fifo, "a named pipe (FIFO)"},
		{"/dev/null", "a character device"},
	} {
		done := make(chan error, 1)
		go func() {
			f, _, err := Open(tc.path)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if tc.want == "" && err != nil {
				t.Errorf("%s: %v", tc.path, err)
			}
			if tc.want != "" && (!errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Open blocked", tc.path)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "file")
	os.WriteFile(reg, []byte("0123456789"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tc := range []struct {
		path    string
		max     int
		want    string
		wantErr string
	}{
		{reg, 100, "0123456789", ""},
		{reg, 11, "0123456789", ""},
		{reg, 4, "0123", ""}, // a caller with a limit of 3 sees more
		{empty, 100, "", ""},
		{dir, 100, "", "a directory"},
		{fifo, 100, "", "a named pipe (FIFO)"},
		{"/dev/null", 100, "", "a character device"},
		{filepath.Join(dir, "missing"), 100, "", "no such file"},
	} {
		done := make(chan error, 1)
		var got []byte
		go func() {
			var err error
			got, err = ReadFile(tc.path, tc.max)
			done <- err
		}()
		select {
		case err := <-done:
			if tc.wantErr == "" && (err != nil || string(got) != tc.want) {
				t.Errorf("ReadFile(%s, %d) = %q, %v; want %q", tc.path, tc.max, got, err, tc.want)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("ReadFile(%s) error %v, want %q", tc.path, err, tc.wantErr)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) blocked", tc.path)
		}
	}
}
