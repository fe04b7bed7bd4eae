package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	pf.StringVar(&a.cacheDir, "cache-dir", "", "directory of the persisted search index and of verified copies of the module blocks read (default $XDG_CACHE_HOME/berean or ~/.cache/berean)")
	pf.BoolVar(&a.jsonOut, "json", false, "print one JSON document on stdout")
	pf.StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn or error")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	// Each subcommand lives in its own file. A command line that names
	// one gets only that one built: a new process reading a verse does
	// not build the flags and help of twelve commands (nor cobra's
	// completion command, which "berean completion" still gets, as it
	// builds them all).
	cmds := commands()
	if c, ok := named(cmds, pf, a.args); ok {
		root.AddCommand(c.mk(a))
		root.CompletionOptions.DisableDefaultCmd = true
		return root
	}
	for _, c := range cmds {
		root.AddCommand(c.mk(a))
	}
	return root
}

// command is a subcommand: its names (the first is its name, the others
// its aliases, as its cobra.Command says) and its constructor.
type command struct {
	names []string
	mk    func(*app) *cobra.Command
}

// commands are the subcommands in the order help lists them.
func commands() []command {
	return []command{
		{[]string{"read"}, newReadCmd},
		{[]string{"refs"}, newRefsCmd},
		{[]string{"search"}, newSearchCmd},
		{[]string{"index"}, newIndexCmd},
		{[]string{"ask"}, newAskCmd},
		{[]string{"study"}, newStudyCmd},
		{[]string{"xref"}, newXrefCmd},
		{[]string{"verify"}, newVerifyCmd},
		{[]string{"lexicon", "strongs"}, newLexiconCmd},
		{[]string{"topic"}, newTopicCmd},
		{[]string{"modules"}, newModulesCmd},
		{[]string{"serve"}, newServeCmd},
	}
}

// named finds the command that args run: the first argument that is not a
// root flag of flags (or such a flag's value) when it names a command.
// Anything else (no command, an unknown word, help, completion) finds none.
func named(cmds []command, flags *pflag.FlagSet, args []string) (command, bool) {
	for i := 0; i < len(args); i++ {
		w := args[i]
		if w == "--" {
			return command{}, false
		}
		if name, ok := strings.CutPrefix(w, "--"); ok {
			if f := flags.Lookup(name); f != nil && f.NoOptDefVal == "" {
				i++ // its value
			}
			continue
		}
		if strings.HasPrefix(w, "-") {
			continue
		}
		for _, c := range cmds {
			if slices.Contains(c.names, w) {
				return c, true
			}
		}
		return command{}, false
	}
	return command{}, false
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
