package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"

	"github.com/spf13/cobra"

	"berean"
)

// app holds what every command shares: the I/O streams, the global flags and
// the lazily opened engine. It is created per run, so tests can run commands
// in parallel with their own buffers.
type app struct {
	args           []string // the command line, for handOff
	stdin          *watchedReader
	stdout, stderr io.Writer

	swordPaths []string
	cacheDir   string
	jsonOut    bool
	// jsonPrinted: a JSON document is on stdout already (a command that
	// reports its results and then fails), so no error document follows.
	jsonPrinted bool
	logLevel    string

	eng *berean.Engine
}

// engine opens the library on first use.
func (a *app) engine() (*berean.Engine, error) {
	if a.eng != nil {
		return a.eng, nil
	}
	eng, err := berean.Open(berean.Options{SwordPaths: a.swordPaths, CacheDir: a.cacheDir, Logger: a.logger()})
	if err != nil {
		return nil, err
	}
	a.eng = eng
	return eng, nil
}

func (a *app) logger() *slog.Logger { return a.loggerTo(a.stderr) }

// loggerTo is a logger at the chosen level writing to w.
func (a *app) loggerTo(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(a.logLevel)); err != nil {
		lvl = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

// printJSON writes v as one indented JSON document.
func (a *app) printJSON(v any) error {
	a.jsonPrinted = true
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// usageError marks bad usage or bad input: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errProblems is returned by commands that ran but found problems they
// reported (verify): exit status 1, nothing more printed.
var errProblems = errors.New("problems found")

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "berean",
		Short: "Search the scriptures: read, search, ask, study and verify citations from SWORD modules",
		Long: `berean reads CrossWire SWORD modules (the format of Xiphos, BibleTime, AndBible and
diatheke) natively and offline. It prints passages, finds references in text, searches
words, phrases and Strong's numbers, answers "where does the Bible say ...?" questions,
writes topical studies and checks the citations and quotations of an article.

Modules are found in, in order: --sword-path DIR (repeatable), $SWORD_PATH
(colon-separated), ~/.sword and /usr/share/sword.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	pf := root.PersistentFlags()
	pf.StringArrayVar(&a.swordPaths, "sword-path", nil, "a SWORD library root holding mods.d/ (repeatable; searched before $SWORD_PATH, ~/.sword, /usr/share/sword)")
	pf.StringVar(&a.cacheDir, "cache-dir", "", "directory of the persisted search index (default $XDG_CACHE_HOME/berean or ~/.cache/berean)")
	pf.BoolVar(&a.jsonOut, "json", false, "print one JSON document on stdout")
	pf.StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn or error")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	// Each subcommand lives in its own file.
	root.AddCommand(
		newReadCmd(a),
		newRefsCmd(a),
		newSearchCmd(a),
		newIndexCmd(a),
		newAskCmd(a),
		newStudyCmd(a),
		newXrefCmd(a),
		newVerifyCmd(a),
		newLexiconCmd(a),
		newTopicCmd(a),
		newModulesCmd(a),
		newServeCmd(a),
	)
	return root
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{args: args, stdin: &watchedReader{r: stdin}, stdout: stdout, stderr: stderr}
	defer func() {
		if a.eng != nil {
			a.eng.Close()
		}
	}()
	root := newRootCmd(a)
	root.SetArgs(args)
	ctx, stop := interruptible(root, args)
	defer stop()
	err := executeGuarded(ctx, root)
	if err == nil {
		return 0
	}
	if errors.Is(err, errProblems) {
		return 1
	}
	if (a.jsonOut || slices.Contains(args, "--json")) && !a.jsonPrinted {
		a.printJSONError(err)
	}
	fmt.Fprintf(stderr, "berean: %v\n", err)
	return berean.ExitStatus(errorCode(err))
}
