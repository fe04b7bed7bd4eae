package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLazyDeadline(t *testing.T) {
	t.Run("reports its deadline and no error before it", func(t *testing.T) {
		before := time.Now()
		c := withLazyDeadline(context.Background(), time.Hour)
		defer c.stop()
		d, ok := c.Deadline()
		if !ok || d.Before(before.Add(time.Hour)) || d.After(time.Now().Add(time.Hour)) {
			t.Fatalf("Deadline() = %v, %v; want about an hour from now", d, ok)
		}
		if err := c.Err(); err != nil {
			t.Fatalf("Err() = %v before the deadline", err)
		}
		if c.timed.Load() != nil {
			t.Fatal("Err before the deadline made a timer")
		}
	})
	t.Run("a parent's earlier deadline wins", func(t *testing.T) {
		p, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := withLazyDeadline(p, time.Hour)
		defer c.stop()
		pd, _ := p.Deadline()
		if d, _ := c.Deadline(); !d.Equal(pd) {
			t.Fatalf("Deadline() = %v; want the parent's %v", d, pd)
		}
	})
	t.Run("Done closes at the deadline", func(t *testing.T) {
		c := withLazyDeadline(context.Background(), 20*time.Millisecond)
		defer c.stop()
		select {
		case <-c.Done():
		case <-time.After(10 * time.Second):
			t.Fatal("Done did not close after the deadline")
		}
		if !errors.Is(c.Err(), context.DeadlineExceeded) {
			t.Fatalf("Err() = %v; want DeadlineExceeded", c.Err())
		}
	})
	t.Run("Err past the deadline closes Done", func(t *testing.T) {
		c := withLazyDeadline(context.Background(), time.Millisecond)
		defer c.stop()
		time.Sleep(5 * time.Millisecond)
		if !errors.Is(c.Err(), context.DeadlineExceeded) {
			t.Fatalf("Err() = %v; want DeadlineExceeded", c.Err())
		}
		select {
		case <-c.Done():
		default:
			t.Fatal("Err reported DeadlineExceeded while Done was open")
		}
	})
	t.Run("the parent's cancellation passes through", func(t *testing.T) {
		p, cancel := context.WithCancel(context.Background())
		c := withLazyDeadline(p, time.Hour)
		defer c.stop()
		derived, dcancel := context.WithCancel(c)
		defer dcancel()
		cancel()
		if !errors.Is(c.Err(), context.Canceled) {
			t.Fatalf("Err() = %v; want Canceled", c.Err())
		}
		select {
		case <-derived.Done():
		case <-time.After(10 * time.Second):
			t.Fatal("a context derived from it was not canceled with the parent")
		}
	})
	t.Run("stop ends the timer's context", func(t *testing.T) {
		c := withLazyDeadline(context.Background(), time.Hour)
		done := c.Done()
		c.stop()
		select {
		case <-done:
		default:
			t.Fatal("stop did not release the timer's context")
		}
	})
}
