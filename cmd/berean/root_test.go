package main

import (
	"testing"
)

// The root builds only the command a command line names, and every
// command when it cannot tell.
func TestNamedCommand(t *testing.T) {
	a := &app{}
	pf := newRootCmd(a).PersistentFlags()
	cmds := commands()
	for _, tc := range []struct {
		args []string
		want string // "" none
	}{
		{[]string{"read", "John 3:16"}, "read"},
		{[]string{"--json", "ask", "x"}, "ask"},
		{[]string{"--cache-dir", "read", "search", "x"}, "search"}, // "read" is the flag's value
		{[]string{"--cache-dir=/tmp/x", "refs", "x"}, "refs"},
		{[]string{"--sword-path", "/a", "--sword-path", "/b", "xref", "x"}, "xref"},
		{[]string{"--log-level", "debug", "--json", "read"}, "read"},
		{[]string{"strongs", "G25"}, "lexicon"},
		{[]string{"help", "read"}, ""},
		{[]string{"completion", "bash"}, ""},
		{[]string{"raed"}, ""},
		{[]string{"--", "read"}, ""},
		{[]string{"--json"}, ""},
		{nil, ""},
	} {
		c, ok := named(cmds, pf, tc.args)
		got := ""
		if ok {
			got = c.names[0]
		}
		if got != tc.want {
			t.Errorf("named(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
	// Every command's names are its cobra names, so that the one built
	// alone is the one cobra would have found.
	for _, c := range cmds {
		cc := c.mk(a)
		if want := append([]string{cc.Name()}, cc.Aliases...); len(want) != len(c.names) || want[0] != c.names[0] {
			t.Errorf("command %v: cobra names %v", c.names, want)
		} else {
			for i := range want {
				if want[i] != c.names[i] {
					t.Errorf("command %v: cobra names %v", c.names, want)
				}
			}
		}
	}
}
