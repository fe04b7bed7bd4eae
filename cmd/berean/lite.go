//go:build lite

// The quick commands are a few milliseconds of one core's work: the lite
// build does not apply the cgroup CPU limit to GOMAXPROCS (the runtime then
// skips reading /proc/self/mountinfo at start; reading the cgroup files is
// 4% of a read's time, most of it still done) nor re-read it while running.
// GOMAXPROCS is the number of CPUs, as before Go 1.25; berean-full (serve)
// keeps the container-aware default.
//go:debug containermaxprocs=0
//go:debug updatemaxprocs=0

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"

	"berean/index"
)

// The lite build (go build -tags lite; make build makes ./berean so) leaves
// out what only the HTTP server, the module manager and the index's progress
// bar need: net/http, crypto/tls, html/template, the metrics client and the
// progress-bar library. Go runs the init of every package linked into a
// binary, and a larger binary costs more page faults, whatever the command:
// leaving them out is most of what makes read, refs, search and ask start
// fast (docs/cmd-berean.md). The commands that need them hand themselves
// over to berean-full, the full build installed beside berean, which runs
// the same command line.

// handOff replaces this process with berean-full running the same command
// line. It fails, with what to do, when berean-full is not installed.
func (a *app) handOff(what string) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	full := filepath.Join(filepath.Dir(exe), fullBinary)
	if _, err := os.Stat(full); err != nil {
		return fmt.Errorf("%s is in %s, which is not installed beside %s: install both (make build builds both), or build berean without the lite tag", what, fullBinary, exe)
	}
	err = syscall.Exec(full, append([]string{full}, a.args...), os.Environ())
	return fmt.Errorf("%s: running %s: %v", what, full, err)
}

// handOffCmd is a command of berean-full: its flags and arguments are
// passed on untouched, and its help (berean help serve) is berean-full's.
func handOffCmd(a *app, use, short string) *cobra.Command {
	cmd := &cobra.Command{
		Use:                use,
		Short:              short,
		DisableFlagParsing: true,
		RunE: func(c *cobra.Command, args []string) error {
			return a.handOff("'" + c.CommandPath() + "'")
		},
	}
	cmd.SetHelpFunc(func(c *cobra.Command, _ []string) {
		err := a.handOff("the help of '" + c.CommandPath() + "'") // returns only when it failed
		fmt.Fprintf(c.OutOrStdout(), "%s\n\nberean: %v\n", c.Short, err)
	})
	return cmd
}

func newServeCmd(a *app) *cobra.Command {
	return handOffCmd(a, "serve", "Serve the HTTP JSON API and the web UI")
}

func addManageCmds(a *app, modules *cobra.Command) {
	modules.AddCommand(
		handOffCmd(a, "repos", "List the remote repositories modules are installed from"),
		handOffCmd(a, "refresh [REPO...]", "Fetch the module catalogues of the repositories (all, or those named)"),
		handOffCmd(a, "available", "List the modules the repositories offer (after 'modules refresh'), flagged new, update, installed or older"),
		handOffCmd(a, "install NAME...", "Install modules (by module name or abbreviation) from the repositories into the first --sword-path or ~/.sword"),
		handOffCmd(a, "remove NAME...", "Remove modules installed in the first --sword-path or ~/.sword"),
		handOffCmd(a, "update", "Refresh the catalogues and install newer versions of the installed modules"),
		handOffCmd(a, "unlock NAME KEY", "Enter the unlock key of an enciphered module (writes CipherKey into its conf)"),
	)
}

// buildProgress returns load options that, when an index build starts with
// stderr on a terminal, hand the command over to berean-full, which draws
// the progress bar. Commands load the index before they print anything, so
// only a command that has read its stdin (whose input berean-full would not
// see) builds here, with the one line saying why.
func (a *app) buildProgress() index.LoadOptions {
	lo := index.LoadOptions{Logger: a.logger()}
	if !isTerminal(a.stderr) || a.jsonOut {
		return lo
	}
	lo.Building = func(reason string) {
		if !a.stdin.read {
			a.handOff("the progress bar") // returns only when it failed
		}
		fmt.Fprintf(a.stderr, "building the search index (%s)\n", reasonShort(reason))
	}
	return lo
}
