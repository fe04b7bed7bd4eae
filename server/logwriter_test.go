package server

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuf struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogWriter: lines from many goroutines arrive whole, batched, by the
// timer and on Close.
func TestLogWriter(t *testing.T) {
	var out lockedBuf
	lw := NewLogWriter(&out, 20*time.Millisecond)
	line := strings.Repeat("x", 99) + "\n"
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				lw.Write([]byte(line))
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for out.String() == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if out.String() == "" {
		t.Fatal("the timer flushed nothing")
	}
	lw.Write([]byte("last\n"))
	if err := lw.Close(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasSuffix(got, "last\n") {
		t.Error("Close did not flush the last line")
	}
	lines := strings.Split(strings.TrimSuffix(got, "last\n"), "\n")
	if len(lines) != 8001 || lines[8000] != "" {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines[:8000] {
		if l != line[:99] {
			t.Fatalf("line %d split or mixed: %q", i, l)
		}
	}
	if out.writes >= 8000/2 {
		t.Errorf("%d writes for 8001 lines: not batched", out.writes)
	}
	lw.Close() // twice is fine
}
