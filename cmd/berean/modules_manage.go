//go:build !lite

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"berean/install"
	"berean/sword"
)

// addManageCmds attaches the module manager's subcommands (repos, refresh,
// available, install, remove, update, unlock) to the modules command. The
// logic is in package install; these commands turn flags into options and
// render the results as text or JSON.
func addManageCmds(a *app, modules *cobra.Command) {
	modules.AddCommand(
		newManageReposCmd(a),
		newManageRefreshCmd(a),
		newManageAvailableCmd(a),
		newManageInstallCmd(a),
		newManageRemoveCmd(a),
		newManageUpdateCmd(a),
		newManageUnlockCmd(a),
	)
}

// manager opens the module manager for the install root: the first
// --sword-path, else ~/.sword. bar shows download progress on a terminal.
func (a *app) manager(bar bool) (*install.Manager, func(), error) {
	root := ""
	if len(a.swordPaths) > 0 {
		root = a.swordPaths[0]
	}
	o := install.Options{Root: root, Roots: sword.DefaultRoots(a.swordPaths), Logger: a.logger()}
	done := func() {}
	if bar && !a.jsonOut && manageIsTerminal(a.stderr) {
		p := &manageProgress{w: a.stderr}
		o.Progress = p.update
		done = p.finish
	}
	m, err := install.New(o)
	if err != nil {
		return nil, nil, err
	}
	return m, done, nil
}

func manageIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// manageProgress shows one progress bar per downloaded file.
type manageProgress struct {
	w   io.Writer
	mu  sync.Mutex
	url string
	bar *progressbar.ProgressBar
}

func (p *manageProgress) update(pr install.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pr.URL != p.url || p.bar == nil {
		if p.bar != nil {
			p.bar.Finish()
		}
		p.url = pr.URL
		desc := path.Base(pr.URL)
		if pr.Module != "" && !strings.HasPrefix(desc, pr.Module) {
			desc = pr.Module + " " + desc
		}
		w := p.w
		p.bar = progressbar.NewOptions64(pr.Total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(desc),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowTotalBytes(true),
			progressbar.OptionSetWidth(20),
			progressbar.OptionThrottle(80*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSpinnerType(14),
		)
	}
	p.bar.Set64(pr.Done)
}

func (p *manageProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}

func newManageReposCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:   "repos",
		Short: "List the remote repositories modules are installed from",
		Long: `List the remote repositories. The list is libsword's InstallMgr.conf in
<root>/InstallMgr/ (root: the first --sword-path, else ~/.sword), shared with
installmgr, Xiphos and BibleTime. Until it lists any, the well-known public
repositories apply (CrossWire, CrossWire Beta, eBible.org, IBT, Bible.org, Xiphos).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			srcs, err := m.Sources()
			if err != nil {
				return err
			}
			type repo struct {
				install.Source
				URL        string `json:"url"`
				PackageURL string `json:"package_url,omitempty"`
				Supported  bool   `json:"supported"`
			}
			out := struct {
				Config string `json:"config"`
				Repos  []repo `json:"repos"`
			}{Config: m.ConfigPath(), Repos: []repo{}}
			for _, s := range srcs {
				out.Repos = append(out.Repos, repo{Source: s, URL: s.URL(), PackageURL: s.PackageURL(), Supported: s.Supported() == nil})
			}
			if a.jsonOut {
				return a.printJSON(out)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, r := range out.Repos {
				note := ""
				if r.PackageURL != "" {
					note = "packages: " + r.PackageURL
				}
				if !r.Supported {
					note = "not supported: " + r.Type
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.URL, note)
			}
			return tw.Flush()
		},
	}
	var pkg string
	add := &cobra.Command{
		Use:   "add NAME URL",
		Short: "Add a repository by the http(s) address of its directory holding mods.d.tar.gz, and fetch its catalogue",
		Args:  cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			s, err := install.ParseSourceURL(args[0], args[1])
			if err != nil {
				return usageError{err}
			}
			if pkg != "" {
				p, err := install.ParseSourceURL(args[0], pkg)
				if err != nil || p.Host != s.Host || p.Type != s.Type {
					return usagef("--packages %q: want an address on the same server as %s", pkg, args[1])
				}
				s.PackageDir = p.Dir
			}
			if err := m.AddSource(s); err != nil {
				return usageError{err}
			}
			res, err := m.Refresh(c.Context(), s.Name)
			if err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(map[string]any{"added": s.Name, "url": s.URL(), "refreshed": res})
			}
			fmt.Fprintf(a.stdout, "added %s (%s)\n", s.Name, s.URL())
			manageRefreshLines(a, res)
			return nil
		},
	}
	add.Flags().StringVar(&pkg, "packages", "", "address of the repository's directory of <Module>.zip packages (found automatically when it is in a usual place)")
	remove := &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a repository and its cached catalogue",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			if err := m.RemoveSource(args[0]); err != nil {
				if errors.Is(err, install.ErrUnknownSource) {
					return usageError{err}
				}
				return err
			}
			if a.jsonOut {
				return a.printJSON(map[string]any{"removed": args[0]})
			}
			fmt.Fprintf(a.stdout, "removed %s\n", args[0])
			return nil
		},
	}
	c.AddCommand(add, remove)
	return c
}

func manageRefreshLines(a *app, res []install.RefreshResult) {
	for _, r := range res {
		if r.Err != nil {
			fmt.Fprintf(a.stderr, "%s: refresh failed: %v\n", r.Source, r.Err)
			continue
		}
		fmt.Fprintf(a.stdout, "%s: %s\n", r.Source, plural(r.Modules, "module"))
	}
}

func newManageRefreshCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "refresh [REPO...]",
		Short: "Fetch the module catalogues of the repositories (all, or those named)",
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			res, err := m.Refresh(c.Context(), args...)
			if err != nil {
				if errors.Is(err, install.ErrUnknownSource) {
					return usageError{err}
				}
				return err
			}
			failed := 0
			for _, r := range res {
				if r.Err != nil {
					failed++
				}
			}
			if a.jsonOut {
				if err := a.printJSON(map[string]any{"refreshed": res}); err != nil {
					return err
				}
			} else {
				manageRefreshLines(a, res)
			}
			if failed > 0 && failed == len(res) {
				return errProblems
			}
			return nil
		},
	}
}

func newManageAvailableCmd(a *app) *cobra.Command {
	var o install.AvailableOptions
	c := &cobra.Command{
		Use:   "available",
		Short: "List the modules the repositories offer (after 'modules refresh'), flagged new, update, installed or older",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			cat, err := m.Available(o)
			if err != nil {
				if errors.Is(err, install.ErrUnknownSource) {
					return usageError{err}
				}
				return err
			}
			if a.jsonOut {
				return a.printJSON(cat)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, r := range cat.Modules {
				status := r.Status
				if r.Locked {
					status += ",locked"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", status, r.Name, r.Abbreviation, r.Lang, r.Version, r.Source, r.Description)
			}
			tw.Flush()
			if len(cat.Unrefreshed) > 0 {
				fmt.Fprintf(a.stderr, "no catalogue yet for %s: run 'berean modules refresh'\n", strings.Join(cat.Unrefreshed, ", "))
			}
			return nil
		},
	}
	c.Flags().StringVar(&o.Lang, "lang", "", "only modules in this language (en matches en, en-US...)")
	c.Flags().StringVar(&o.Source, "repo", "", "only modules of this repository")
	return c
}

// manageResults prints install, update or remove results. A failure makes
// the command exit 2 when every module failed for bad input (unknown names),
// 1 otherwise.
func manageResults(a *app, results []install.Result, extra map[string]any, err error) error {
	if a.jsonOut {
		out := map[string]any{"results": results}
		for k, v := range extra {
			out[k] = v
		}
		if perr := a.printJSON(out); perr != nil {
			return perr
		}
	} else {
		for _, r := range results {
			switch r.Action {
			case "failed":
				fmt.Fprintf(a.stderr, "failed %s: %v\n", r.Module, r.Err)
			case "removed":
				fmt.Fprintf(a.stdout, "removed %s from %s\n", r.Module, r.Root)
			case "up-to-date":
				fmt.Fprintf(a.stdout, "%s %s is up to date\n", r.Module, r.Version)
			default:
				from := ""
				if r.OldVersion != "" {
					from = " (was " + r.OldVersion + ")"
				}
				fmt.Fprintf(a.stdout, "%s %s %s%s from %s into %s (%s, %s)\n", r.Action, r.Module, r.Version, from, r.Source, r.Root, r.Method, manageBytes(r.Bytes))
			}
			if r.Note != "" {
				fmt.Fprintf(a.stdout, "  note: %s\n", r.Note)
			}
		}
		if ix, ok := extra["index"].(*manageIndexReport); ok {
			a.manageIndexLine(ix)
		}
	}
	if err == nil {
		return nil
	}
	allBadInput := len(results) > 0
	for _, r := range results {
		if r.Err != nil && !errors.Is(r.Err, install.ErrUnknownModule) && !errors.Is(r.Err, install.ErrNotManaged) {
			allBadInput = false
		}
	}
	if allBadInput {
		return usageError{err}
	}
	return errProblems
}

// manageIndexReport says whether the search index was brought up to date
// after the library changed.
type manageIndexReport struct {
	Rebuilt bool   `json:"rebuilt"`
	Reason  string `json:"reason,omitempty"`
	Millis  int64  `json:"ms"`
	Error   string `json:"error,omitempty"`
}

// manageReindex rebuilds the search index for the changed library now (the
// index is named after a fingerprint of the installed modules, so a change
// makes a new one), so that the next search does not pay for it. A failure
// is reported but does not fail the command: searches rebuild it anyway.
func (a *app) manageReindex(ctx context.Context, changed bool, skip bool) *manageIndexReport {
	if !changed || skip {
		return nil
	}
	rep := &manageIndexReport{}
	t0 := time.Now()
	eng, err := a.engine()
	if err == nil {
		lo := a.buildProgress()
		building := lo.Building
		lo.Building = func(reason string) {
			rep.Rebuilt, rep.Reason = true, reason
			if building != nil {
				building(reason)
			}
		}
		_, err = eng.Searcher(ctx, lo)
	}
	rep.Millis = time.Since(t0).Milliseconds()
	if err != nil {
		rep.Error = err.Error()
	}
	return rep
}

func (a *app) manageIndexLine(rep *manageIndexReport) {
	switch {
	case rep == nil:
	case rep.Error != "":
		fmt.Fprintf(a.stderr, "the search index was not rebuilt (the next search will): %s\n", rep.Error)
	case rep.Rebuilt:
		fmt.Fprintf(a.stdout, "search index rebuilt in %.1f s\n", float64(rep.Millis)/1000)
	}
}

func manageChanged(results []install.Result) bool {
	for _, r := range results {
		switch r.Action {
		case "installed", "updated", "removed":
			return true
		}
	}
	return false
}

func manageBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return plural(int(n), "byte")
}

func newManageInstallCmd(a *app) *cobra.Command {
	var o install.InstallOptions
	var noIndex bool
	c := &cobra.Command{
		Use:   "install NAME...",
		Short: "Install modules (by module name or abbreviation) from the repositories into the first --sword-path or ~/.sword",
		Long: `Install modules from the repositories into the install root (the first
--sword-path, else ~/.sword), where libsword (diatheke, Xiphos, BibleTime) reads
them too. Each module is downloaded and checked in a staging directory, then
moved into place: a failed or interrupted install leaves the installed version
as it was. Repositories never refreshed are refreshed when needed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			m, done, err := a.manager(true)
			if err != nil {
				return err
			}
			res, err := m.Install(c.Context(), args, o)
			done()
			if errors.Is(err, install.ErrUnknownSource) && res == nil {
				return usageError{err}
			}
			ix := a.manageReindex(c.Context(), manageChanged(res), noIndex)
			return manageResults(a, res, map[string]any{"index": ix}, err)
		},
	}
	c.Flags().BoolVar(&noIndex, "no-index", false, "do not rebuild the search index now (the next search will)")
	c.Flags().BoolVar(&o.Force, "force", false, "reinstall a module already installed at the same version")
	c.Flags().StringVar(&o.Source, "repo", "", "install from this repository only")
	return c
}

func newManageRemoveCmd(a *app) *cobra.Command {
	var noIndex bool
	c := &cobra.Command{
		Use:   "remove NAME...",
		Short: "Remove modules installed in the first --sword-path or ~/.sword",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			res, err := m.Remove(c.Context(), args...)
			ix := a.manageReindex(c.Context(), manageChanged(res), noIndex)
			return manageResults(a, res, map[string]any{"index": ix}, err)
		},
	}
	c.Flags().BoolVar(&noIndex, "no-index", false, "do not rebuild the search index now (the next search will)")
	return c
}

func newManageUpdateCmd(a *app) *cobra.Command {
	var o install.UpdateOptions
	var noIndex bool
	c := &cobra.Command{
		Use:   "update",
		Short: "Refresh the catalogues and install newer versions of the installed modules",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			m, done, err := a.manager(true)
			if err != nil {
				return err
			}
			res, refreshed, err := m.Update(c.Context(), o)
			done()
			if !a.jsonOut {
				for _, r := range refreshed {
					if r.Err != nil {
						fmt.Fprintf(a.stderr, "%s: refresh failed: %v\n", r.Source, r.Err)
					}
				}
				if len(res) == 0 {
					fmt.Fprintln(a.stdout, "no installed module is offered by the repositories")
				}
			}
			ix := a.manageReindex(c.Context(), manageChanged(res), noIndex)
			return manageResults(a, res, map[string]any{"refreshed": refreshed, "index": ix}, err)
		},
	}
	c.Flags().BoolVar(&o.NoRefresh, "no-refresh", false, "use the cached catalogues")
	c.Flags().BoolVar(&noIndex, "no-index", false, "do not rebuild the search index now (the next search will)")
	return c
}

func newManageUnlockCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "unlock NAME KEY",
		Short: "Enter the unlock key of an enciphered module (writes CipherKey into its conf)",
		Args:  cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			m, _, err := a.manager(false)
			if err != nil {
				return err
			}
			if err := m.Unlock(c.Context(), args[0], args[1]); err != nil {
				return usageError{err}
			}
			if a.jsonOut {
				return a.printJSON(map[string]any{"unlocked": args[0]})
			}
			fmt.Fprintf(a.stdout, "unlocked %s\n", args[0])
			return nil
		},
	}
}
