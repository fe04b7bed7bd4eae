package server

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// LogWriter buffers a server's log lines and writes them out at least every
// interval, when the buffer fills, and on Close: one write system call per
// batch instead of one per request (the access log of a busy server is a
// line per request). A line is never split across batches, and a crash
// loses at most one interval of lines.
type LogWriter struct {
	mu   sync.Mutex
	w    *bufio.Writer
	stop chan struct{}
	done chan struct{}
	err  error
}

// NewLogWriter buffers writes to w and flushes them every interval.
func NewLogWriter(w io.Writer, interval time.Duration) *LogWriter {
	l := &LogWriter{w: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				l.Flush()
			case <-l.stop:
				return
			}
		}
	}()
	return l
}

// Write buffers p (a whole log line: slog handlers write one per call).
func (l *LogWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w.Available() < len(p) {
		if err := l.w.Flush(); err != nil && l.err == nil {
			l.err = err
		}
	}
	return l.w.Write(p)
}

// Flush writes out what is buffered.
func (l *LogWriter) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Flush()
}

// Close stops the timer and flushes. Writes after Close still go through
// the buffer but are only written by a later Flush.
func (l *LogWriter) Close() error {
	select {
	case <-l.stop:
	default:
		close(l.stop)
	}
	<-l.done
	return l.Flush()
}
