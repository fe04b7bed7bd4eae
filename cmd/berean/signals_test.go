package main

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestInterruptible: quick commands get no interrupt handler (it costs a
// thread at start-up); every other command's context is cancelled by
// SIGINT and SIGTERM.
func TestInterruptible(t *testing.T) {
	a := &app{stdin: &watchedReader{r: strings.NewReader("")}, stdout: io.Discard, stderr: io.Discard}
	root := newRootCmd(a)
	for _, tc := range []struct {
		args   []string
		signal bool
	}{
		{[]string{"read", "John 3:16"}, false},
		{[]string{"--json", "read", "-b", "KJV", "John 3:16"}, false},
		{[]string{"refs", "see John 3:16"}, false},
		{[]string{"topic", "intercession"}, false},
		{[]string{"modules", "list"}, false},
		{[]string{"search", "intercession"}, true},
		{[]string{"index"}, true},
		{[]string{"lexicon", "G1793"}, true},
		{[]string{"serve"}, true},
		{[]string{"nosuch"}, true},
	} {
		ctx, stop := interruptible(root, tc.args)
		got := strings.Contains(fmt.Sprint(ctx), "signal.NotifyContext")
		stop()
		if got != tc.signal {
			t.Errorf("berean %v: interrupt handler %v, want %v (context %v)", tc.args, got, tc.signal, ctx)
		}
	}
}
