package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"berean/index"
	"berean/library"
)

type indexOptions struct {
	force bool
}

func newIndexCmd(a *app) *cobra.Command {
	o := &indexOptions{}
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Build or refresh the persisted search index now",
		Long: `Build the search index of every installed Bible (with Strong's numbers, stems and
exact forms) and commentary, the Strong's lexicons and Nave's topics, unless a current
index exists.
Searches build it on first use anyway; this command does it ahead of time, with a
progress bar on a terminal.

The index is one file under the cache directory ($XDG_CACHE_HOME/berean, or
~/.cache/berean; --cache-dir overrides), named after the library (the module roots,
--sword-path included) and a fingerprint of its modules: installing, removing or
updating a module builds a new one, and each library keeps its own, so switching
--sword-path back and forth builds nothing (indexes unused for 30 days are removed).
A damaged file is detected by its checksums and rebuilt.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runIndex(c.Context(), a, o)
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "rebuild even when the index is current")
	// Accepted for symmetry with search; every installed Bible is indexed.
	cmd.Flags().StringSliceP("bible", "b", nil, "ignored: every installed Bible is indexed")
	cmd.Flags().MarkHidden("bible")
	cmd.AddCommand(newIndexCheckCmd(a))
	return cmd
}

// indexReport is the --json output of `berean index` and `berean index check`.
type indexReport struct {
	Path    string      `json:"path"`
	Built   bool        `json:"built"`
	Reason  string      `json:"reason,omitempty"`
	Millis  int64       `json:"ms"`
	OK      *bool       `json:"ok,omitempty"`
	Problem string      `json:"problem,omitempty"`
	Stats   index.Stats `json:"stats"`
	// Skipped lists the Bibles left out because their data is damaged.
	Skipped []index.SkippedModule `json:"skipped,omitempty"`
}

func runIndex(ctx context.Context, a *app, o *indexOptions) error {
	eng, err := a.engine()
	if err != nil {
		return err
	}
	lo := a.buildProgress()
	rep := indexReport{}
	building := lo.Building
	lo.Building = func(reason string) {
		rep.Built, rep.Reason = true, reason
		if building != nil {
			building(reason)
		}
	}
	lo.Force = o.force
	t0 := time.Now()
	s, err := library.Load(ctx, eng.Corpus(), eng.CacheDir(), lo)
	if err != nil {
		return err
	}
	rep.Millis = time.Since(t0).Milliseconds()
	ix := s.Index()
	rep.Path, rep.Stats, rep.Skipped = ix.Path(), ix.Stats(), ix.Skipped()
	if a.jsonOut {
		if err := a.printJSON(rep); err != nil {
			return err
		}
		return skippedErr(a, rep.Skipped)
	}
	verb := "current"
	if rep.Built {
		verb = fmt.Sprintf("built in %.2f s (%s)", float64(rep.Millis)/1000, rep.Reason)
	}
	fmt.Fprintf(a.stdout, "%s: %s, %.1f MB\n", rep.Path, verb, float64(rep.Stats.Bytes)/1e6)
	for _, b := range rep.Stats.Bibles {
		fmt.Fprintf(a.stdout, "  %-6s %-16s %6d verses %8d words %6d terms %6d Strong's keys\n",
			b.Name, b.Module, b.Verses, b.Words, b.StemTerms, b.StrongsKeys)
	}
	fmt.Fprintf(a.stdout, "  lexicons: %d keys; topics: %d\n", rep.Stats.LexiconKeys, rep.Stats.Topics)
	return skippedErr(a, rep.Skipped)
}

// skippedErr prints the Bibles the index left out (their data is damaged)
// on stderr, and makes the command exit 1 when there are any.
func skippedErr(a *app, skipped []index.SkippedModule) error {
	for _, s := range skipped {
		fmt.Fprintf(a.stderr, "berean: skipped %s: not indexed, its data is damaged: %s\n", s.Module, s.Reason)
	}
	if len(skipped) > 0 {
		return errProblems
	}
	return nil
}

func newIndexCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check [FILE]",
		Short: "Verify the index file: checksums, then every dictionary and posting list",
		Long: `Verify an index file (default: the current one in the cache directory) without
rebuilding it: the checksums of every section, then the order of every dictionary,
the decoding of every posting list, the word spans and texts. Exits 1 when the file
is damaged.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var path string
			if len(args) == 1 {
				path = args[0]
			} else {
				eng, err := a.engine()
				if err != nil {
					return err
				}
				p, ok := library.IndexPath(eng.Corpus(), eng.CacheDir())
				if !ok {
					return usagef("no index at %s yet: run 'berean index'", p)
				}
				path = p
			}
			t0 := time.Now()
			rep := indexReport{Path: path}
			ok := true
			ix, err := index.Open(path)
			if err == nil {
				defer ix.Close()
				rep.Stats = ix.Stats()
				err = ix.Check()
			}
			if err != nil {
				if index.IsNotExist(err) {
					return usagef("%v", err)
				}
				ok = false
				rep.Problem = err.Error()
			}
			rep.OK = &ok
			rep.Millis = time.Since(t0).Milliseconds()
			if a.jsonOut {
				if err := a.printJSON(rep); err != nil {
					return err
				}
			} else if ok {
				fmt.Fprintf(a.stdout, "%s: ok (%.1f MB, %s, checked in %d ms)\n", path, float64(rep.Stats.Bytes)/1e6, plural(len(rep.Stats.Bibles), "Bible"), rep.Millis)
			} else {
				fmt.Fprintf(a.stdout, "%s: %s\n", path, rep.Problem)
			}
			if !ok {
				return errProblems
			}
			return nil
		},
	}
}

func reasonShort(r string) string {
	if len(r) > 60 {
		return r[:60] + "…"
	}
	return r
}
