package install

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Result is the outcome for one module of Install, Update or Remove.
type Result struct {
	Module string `json:"module"`
	// Action: "installed", "updated", "removed", "up-to-date" or "failed".
	Action     string `json:"action"`
	Version    string `json:"version,omitempty"`
	OldVersion string `json:"old_version,omitempty"`
	Source     string `json:"source,omitempty"`
	// Method: "package" (the repository's <Name>.zip) or "files" (the data
	// directory fetched file by file, as libsword does).
	Method string `json:"method,omitempty"`
	Bytes  int64  `json:"bytes,omitempty"` // bytes downloaded
	Root   string `json:"root,omitempty"`
	Locked bool   `json:"locked,omitempty"`
	Note   string `json:"note,omitempty"`
	Err    error  `json:"-"`
	Error  string `json:"error,omitempty"`
}

// InstallOptions adjust Install.
type InstallOptions struct {
	// Force reinstalls a module already installed at the same version.
	Force bool
	// Source restricts the search to one repository.
	Source string
}

const stagingDir = ".berean-staging"

// Install installs each named module (module name or abbreviation,
// case-insensitive) from the best repository offering it. Repositories
// without a catalogue are refreshed first when the module is not found in
// the others. Each module is installed atomically; one failing does not stop
// the others. The error joins the failures.
func (m *Manager) Install(ctx context.Context, names []string, o InstallOptions) ([]Result, error) {
	var srcNames []string
	if o.Source != "" {
		srcNames = []string{o.Source}
	}
	srcs, err := m.selectSources(srcNames)
	if err != nil {
		return nil, err
	}
	var results []Result
	var errs []error
	var ch Change
	for _, name := range names {
		r, err := m.lookupOrRefresh(ctx, srcs, name)
		var res Result
		if err == nil {
			res = m.installRemote(ctx, r, o.Force)
		} else {
			res = Result{Module: name, Action: "failed", Err: err}
		}
		if res.Err != nil {
			res.Action, res.Error = "failed", res.Err.Error()
			errs = append(errs, res.Err)
		}
		switch res.Action {
		case "installed":
			ch.Installed = append(ch.Installed, res.Module)
		case "updated":
			ch.Updated = append(ch.Updated, res.Module)
		}
		results = append(results, res)
	}
	m.changed(ctx, ch)
	return results, errors.Join(errs...)
}

// lookupOrRefresh finds a module in the catalogues, refreshing the repositories that
// have none yet when it is not found.
func (m *Manager) lookupOrRefresh(ctx context.Context, srcs []Source, name string) (*Remote, error) {
	r, unrefreshed, err := m.lookup(srcs, name)
	if err != nil || r != nil {
		return r, err
	}
	if len(unrefreshed) > 0 {
		res, _ := m.Refresh(ctx, unrefreshed...)
		var failed []string
		for _, rr := range res {
			if rr.Err != nil {
				failed = append(failed, rr.Source)
			}
		}
		r, _, err = m.lookup(srcs, name)
		if err != nil || r != nil {
			return r, err
		}
		if len(failed) > 0 {
			return nil, fmt.Errorf("install: no repository offers %q; could not fetch the catalogue of %s ('berean modules refresh' says why): %w", name, strings.Join(failed, ", "), ErrUnknownModule)
		}
	}
	return nil, fmt.Errorf("install: no repository offers %q (see 'berean modules available'; 'berean modules refresh' updates the lists): %w", name, ErrUnknownModule)
}

func (m *Manager) installRemote(ctx context.Context, r *Remote, force bool) Result {
	res := Result{Module: r.Name, Version: r.Version, Source: r.Source, Root: m.opts.Root, Locked: r.Locked}
	unlock, err := m.lock(ctx)
	if err != nil {
		res.Err = err
		return res
	}
	defer unlock()

	mods, err := scanLibrary(m.opts.Root, m.opts.Limits)
	if err != nil {
		res.Err = err
		return res
	}
	var old *installedModule
	if f := findInstalled(mods, r.Name); len(f) > 0 && strings.EqualFold(f[0].Name, r.Name) {
		old = &f[0]
		res.OldVersion = old.Version
		if res.OldVersion == "" {
			res.OldVersion = DefaultVersion
		}
		if !force && CompareVersions(r.Version, old.Version) == 0 {
			res.Action = "up-to-date"
			return res
		}
	}

	// Check the catalogue's conf before downloading anything (the package's
	// own conf is checked again before it replaces anything).
	if l, err := layoutOf(r.conf); err != nil {
		res.Err = moduleErr(r.Name, err)
		return res
	} else if _, err := m.planCommit(mods, old, &plan{name: r.Name, confFile: filepath.Base(r.confFile), layout: l}); err != nil {
		res.Err = moduleErr(r.Name, err)
		return res
	}

	stage, err := os.MkdirTemp(filepath.Join(m.opts.Root, stagingDir), "install-")
	if err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	committing := false
	defer func() {
		// A failed commit leaves its journal and the old version in the
		// staging directory for the next run to complete (see recover).
		if !committing {
			os.RemoveAll(stage)
		}
	}()
	newRoot := filepath.Join(stage, "new")

	plan, err := m.fetchModule(ctx, r, stage, newRoot, &res)
	if err != nil {
		res.Err = moduleErr(r.Name, err)
		return res
	}
	if err := m.validate(newRoot, plan); err != nil {
		res.Err = moduleErr(r.Name, err)
		return res
	}
	j, err := m.planCommit(mods, old, plan)
	if err != nil {
		res.Err = moduleErr(r.Name, err)
		return res
	}
	committing = true
	if err := m.commit(stage, j); err != nil {
		res.Err = moduleErr(r.Name, fmt.Errorf("%w (the change is completed by the next 'berean modules' command)", err))
		return res
	}
	res.Action = "installed"
	if old != nil {
		res.Action = "updated"
	}
	if r.Locked {
		res.Note = unlockHelp(r.Name, filepath.Join(m.opts.Root, "mods.d", plan.confFile), r.conf.Get("UnlockURL"))
	}
	m.log.Info("module installed", "module", r.Name, "version", r.Version, "source", r.Source, "method", res.Method)
	return res
}

// moduleErr prefixes an error with the package and the module, once.
func moduleErr(module string, err error) error {
	return &prefixed{prefix: "install: " + module + ": ", err: err}
}

type prefixed struct {
	prefix string
	err    error
}

func (e *prefixed) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "install: ")
	msg = strings.TrimPrefix(msg, strings.TrimPrefix(e.prefix, "install: "))
	return e.prefix + msg
}

func (e *prefixed) Unwrap() error { return e.err }

func unlockHelp(name, confPath, unlockURL string) string {
	where := "from its publisher"
	if unlockURL != "" {
		where = "at " + unlockURL
	}
	return fmt.Sprintf("%s is enciphered and locked: it cannot be read until you enter its unlock key. Obtain the key %s, then run 'berean modules unlock %s KEY' (or set CipherKey=KEY in %s).", name, where, name, confPath)
}

// plan is a staged module: its conf file and data directory under the
// staging root.
type plan struct {
	name     string
	confFile string // base name in mods.d
	layout   dataLayout
	locked   bool
}

// fetchModule downloads and unpacks the module into newRoot: the
// repository's package when it has one, else the data directory file by
// file.
func (m *Manager) fetchModule(ctx context.Context, r *Remote, stage, newRoot string, res *Result) (*plan, error) {
	prog := m.progress(r.Name, r.Source)
	zipPath := filepath.Join(stage, "package.zip")
	for _, dir := range packageCandidates(r.src) {
		n, err := m.client.Download(ctx, joinURL(dir, r.Name+".zip"), zipPath, prog)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		res.Method, res.Bytes = "package", n
		p, err := m.unpackPackage(zipPath, newRoot, r)
		os.Remove(zipPath)
		return p, err
	}

	// libsword style: the catalogue's conf, and the data directory.
	os.Remove(zipPath)
	res.Method = "files"
	l, err := layoutOf(r.conf)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(r.confFile)
	if err != nil {
		return nil, err
	}
	text := sectionText(raw, r.Name)
	confFile := filepath.Base(r.confFile)
	if err := checkConfName(confFile); err != nil {
		return nil, err
	}
	if err := m.fetchTree(ctx, joinURL(r.src.URL(), l.Dir+"/"), filepath.Join(newRoot, filepath.FromSlash(l.Dir)), prog); err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, fmt.Errorf("the repository has neither a package %s.zip nor the module's files (%w)", r.Name, err)
		}
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(newRoot, "mods.d"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(newRoot, "mods.d", confFile), text, 0o644); err != nil {
		return nil, err
	}
	res.Bytes = dirSize(filepath.Join(newRoot, filepath.FromSlash(l.Dir)))
	_, locked := isLocked(r.conf)
	return &plan{name: r.Name, confFile: confFile, layout: l, locked: locked}, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// packageCandidates are the directories where a repository may keep
// <Name>.zip: the declared package directory, else the usual places
// relative to the catalogue directory D (D/packages/rawzip as in test and
// mirror layouts, D/../packages/rawzip as on CrossWire, D/zip as on
// eBible.org).
func packageCandidates(s Source) []string {
	if u := s.PackageURL(); u != "" {
		return []string{u}
	}
	base := s.URL()
	out := []string{joinURL(base, "packages/rawzip/")}
	if u, err := url.Parse(base); err == nil && strings.Trim(u.Path, "/") != "" {
		u.Path = path.Dir(strings.TrimSuffix(u.Path, "/"))
		out = append(out, joinURL(u.String(), "packages/rawzip/"))
	}
	return append(out, joinURL(base, "zip/"))
}

func checkConfName(name string) error {
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, "/\\\x00") || !strings.HasSuffix(strings.ToLower(name), ".conf") {
		return fmt.Errorf("conf file name %q: %w", name, ErrUnsafe)
	}
	return nil
}

// unpackPackage unpacks a module's zip into newRoot after checking every
// entry (openZip). Only the module's conf (into mods.d/) and the files
// under the module's data directory are written; any other file is refused.
func (m *Manager) unpackPackage(zipPath, newRoot string, r *Remote) (*plan, error) {
	cz, err := openZip(zipPath, m.opts.Limits)
	if err != nil {
		return nil, err
	}
	defer cz.Close()

	// The conf: the package's own, else the catalogue's.
	var confText []byte
	var confRel, confFile string
	for _, e := range cz.files {
		dir, base := path.Split(e.rel)
		if e.dir || !strings.EqualFold(dir, "mods.d/") || !strings.HasSuffix(strings.ToLower(base), ".conf") {
			continue
		}
		b, err := readEntry(e, m.opts.Limits.maxConf())
		if err != nil {
			return nil, err
		}
		confs, err := parseConfBytes(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.rel, err)
		}
		for _, c := range confs {
			if strings.EqualFold(c.Section, r.Name) && confText == nil {
				confText, confRel, confFile = sectionText(b, c.Section), e.rel, base
			}
		}
	}
	if confText == nil {
		raw, err := os.ReadFile(r.confFile)
		if err != nil {
			return nil, err
		}
		confText, confFile = sectionText(raw, r.Name), filepath.Base(r.confFile)
	}
	if err := checkConfName(confFile); err != nil {
		return nil, err
	}
	confs, err := parseConfBytes(confText)
	if err != nil || len(confs) != 1 {
		return nil, fmt.Errorf("the package's conf for %s does not parse: %w", r.Name, ErrCorrupt)
	}
	c := confs[0]
	l, err := layoutOf(c)
	if err != nil {
		return nil, err
	}

	budget := m.opts.Limits.maxUnpacked()
	for _, e := range cz.files {
		if e.dir {
			continue
		}
		if e.rel == confRel {
			continue
		}
		dir, base := path.Split(e.rel)
		if strings.EqualFold(dir, "mods.d/") && strings.HasSuffix(strings.ToLower(base), ".conf") {
			m.log.Warn("package holds another module's conf; skipped", "module", r.Name, "entry", e.rel)
			continue
		}
		if !within(e.rel, l.Dir) || e.rel == l.Dir {
			return nil, fmt.Errorf("package entry %q lies outside the module's directory %s: %w", e.rel, l.Dir, ErrUnsafe)
		}
		if err := extractEntry(e, filepath.Join(newRoot, filepath.FromSlash(e.rel)), &budget); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Join(newRoot, "mods.d"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(newRoot, "mods.d", confFile), confText, 0o644); err != nil {
		return nil, err
	}
	_, locked := isLocked(c)
	return &plan{name: c.Section, confFile: confFile, layout: l, locked: locked}, nil
}

// validate checks a staged module before it may replace anything: its conf
// parses and names the module, its DataPath stays inside the root, the
// driver's files are there with sane sizes, and package sword can open it
// and read from it.
func (m *Manager) validate(newRoot string, p *plan) error {
	confs, _, err := parseConfFile(filepath.Join(newRoot, "mods.d", p.confFile), m.opts.Limits.maxConf())
	if err != nil {
		return err
	}
	if len(confs) != 1 || !strings.EqualFold(confs[0].Section, p.name) {
		return fmt.Errorf("the installed conf does not describe module %s: %w", p.name, ErrCorrupt)
	}
	c := confs[0]
	l, err := layoutOf(c)
	if err != nil {
		return err
	}
	if l != p.layout {
		return fmt.Errorf("conf DataPath changed while unpacking: %w", ErrCorrupt)
	}
	if err := checkDataFiles(newRoot, c, l); err != nil {
		return err
	}
	return openCheck(newRoot, c.Section, p.locked)
}

// journal records a change of the library so that a process that dies half
// way is completed by the next one (see doc.go, "Atomic installs").
type journal struct {
	Op       string   `json:"op"` // "install" or "remove"
	Module   string   `json:"module"`
	DataDir  string   `json:"data_dir,omitempty"`  // the module's data directory (slash-separated, relative to the root)
	OldData  string   `json:"old_data,omitempty"`  // install: the old version's data directory, when different
	ConfFile string   `json:"conf_file,omitempty"` // install: the new conf's base name
	OldConfs []string `json:"old_confs,omitempty"` // confs describing the module now, to take away
}

// planCommit checks that the staged module may go into the root without
// touching another module, and says what it replaces.
func (m *Manager) planCommit(mods []installedModule, old *installedModule, p *plan) (*journal, error) {
	j := &journal{Op: "install", Module: p.name, DataDir: p.layout.Dir, ConfFile: p.confFile}
	for _, o := range mods {
		same := strings.EqualFold(o.Name, p.name)
		if !same && o.LayoutErr == nil && (within(o.Layout.Dir, p.layout.Dir) || within(p.layout.Dir, o.Layout.Dir)) {
			return nil, fmt.Errorf("its data directory %s overlaps that of the installed module %s: %w", p.layout.Dir, o.Name, ErrUnsafe)
		}
		if same {
			if o.Sections > 1 {
				return nil, fmt.Errorf("mods.d/%s describes other modules too; remove %s from it by hand first", o.ConfFile, p.name)
			}
			if o.ConfFile != p.confFile {
				j.OldConfs = append(j.OldConfs, o.ConfFile)
			}
			continue
		}
		if strings.EqualFold(o.ConfFile, p.confFile) {
			return nil, fmt.Errorf("mods.d/%s belongs to the installed module %s: %w", o.ConfFile, o.Name, ErrUnsafe)
		}
	}
	if old != nil && old.LayoutErr == nil && old.Layout.Dir != p.layout.Dir {
		if within(old.Layout.Dir, p.layout.Dir) || within(p.layout.Dir, old.Layout.Dir) {
			return nil, fmt.Errorf("the new data directory %s overlaps the old one %s; remove the module first", p.layout.Dir, old.Layout.Dir)
		}
		j.OldData = old.Layout.Dir
	}
	return j, nil
}

// commit writes the journal, then applies it.
func (m *Manager) commit(stage string, j *journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(stage, "journal.json"), data); err != nil {
		return err
	}
	syncDir(stage)
	return m.apply(stage, j)
}

// apply carries out a journal. Every step checks what is already done, so
// apply can run again after a crash at any point and finish the change.
//
// Install: (1) the old version's data directory, and whatever sits where
// the new one goes, are moved into the staging directory; (2) the new data
// directory is renamed into place; (3) the new conf is renamed into mods.d
// (replacing a conf of the same name atomically); (4) old confs under other
// names are moved away; (5) the staging directory, old version included, is
// deleted. Remove: the confs go first, so libsword and berean stop seeing
// the module at once, then the data directory.
func (m *Manager) apply(stage string, j *journal) error {
	root := m.opts.Root
	rp := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	old := filepath.Join(stage, "old")
	if err := os.MkdirAll(old, 0o755); err != nil {
		return err
	}
	moveAside := func(src, name string) error {
		if _, err := os.Lstat(src); err != nil {
			return nil
		}
		dst := filepath.Join(old, name)
		if _, err := os.Lstat(dst); err == nil {
			return nil
		}
		return os.Rename(src, dst)
	}
	switch j.Op {
	case "install":
		newData := filepath.Join(stage, "new", filepath.FromSlash(j.DataDir))
		if j.OldData != "" {
			if err := moveAside(rp(j.OldData), "olddata"); err != nil {
				return err
			}
		}
		if _, err := os.Stat(newData); err == nil {
			if err := moveAside(rp(j.DataDir), "data"); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(rp(j.DataDir)), 0o755); err != nil {
				return err
			}
			if err := os.Rename(newData, rp(j.DataDir)); err != nil {
				return err
			}
			syncDir(filepath.Dir(rp(j.DataDir)))
		}
		newConf := filepath.Join(stage, "new", "mods.d", j.ConfFile)
		if _, err := os.Stat(newConf); err == nil {
			if err := os.MkdirAll(filepath.Join(root, "mods.d"), 0o755); err != nil {
				return err
			}
			if err := os.Rename(newConf, filepath.Join(root, "mods.d", j.ConfFile)); err != nil {
				return err
			}
		}
		placed, _ := os.Stat(filepath.Join(root, "mods.d", j.ConfFile))
		for _, c := range j.OldConfs {
			p := filepath.Join(root, "mods.d", c)
			if fi, err := os.Stat(p); c == j.ConfFile || err == nil && placed != nil && os.SameFile(fi, placed) {
				continue // the new conf itself (names differing only in case on a case-insensitive disk)
			}
			if err := moveAside(p, "conf-"+c); err != nil {
				return err
			}
		}
		syncDir(filepath.Join(root, "mods.d"))
		if j.OldData != "" {
			pruneEmpty(root, j.OldData)
		}
	case "remove":
		for _, c := range j.OldConfs {
			if err := moveAside(filepath.Join(root, "mods.d", c), "conf-"+c); err != nil {
				return err
			}
		}
		syncDir(filepath.Join(root, "mods.d"))
		if j.DataDir != "" {
			if err := moveAside(rp(j.DataDir), "data"); err != nil {
				return err
			}
			pruneEmpty(root, j.DataDir)
		}
	default:
		return fmt.Errorf("journal %s: unknown operation %q", stage, j.Op)
	}
	return os.RemoveAll(stage)
}

// pruneEmpty removes the now empty parents of a removed directory, up to
// (not including) the first level under the root ("modules").
func pruneEmpty(root, rel string) {
	for d := path.Dir(rel); strings.Contains(d, "/"); d = path.Dir(d) {
		if os.Remove(filepath.Join(root, filepath.FromSlash(d))) != nil {
			return
		}
	}
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// lock takes the root's lock (in-process mutex and lock file), and finishes
// or discards what an interrupted process left in the staging directory.
func (m *Manager) lock(ctx context.Context) (func(), error) {
	m.mu.Lock()
	dir := filepath.Join(m.opts.Root, stagingDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		m.mu.Unlock()
		return nil, fmt.Errorf("install: %w", err)
	}
	f, err := lockFile(ctx, filepath.Join(dir, "lock"))
	if err != nil {
		m.mu.Unlock()
		return nil, err
	}
	unlock := func() {
		f.Close()
		m.mu.Unlock()
	}
	if err := m.recover(dir); err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

// recover completes the changes whose journal was written (the process died
// while moving files into place) and deletes staging directories without a
// journal (the process died while downloading or checking: nothing in the
// library was touched).
func (m *Manager) recover(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("install: %w", err)
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		stage := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(filepath.Join(stage, "journal.json"))
		if err != nil {
			os.RemoveAll(stage)
			continue
		}
		var j journal
		if err := json.Unmarshal(data, &j); err != nil {
			os.RemoveAll(stage)
			continue
		}
		m.log.Warn("completing an interrupted change", "op", j.Op, "module", j.Module)
		if err := m.apply(stage, &j); err != nil {
			return fmt.Errorf("install: completing the interrupted %s of %s: %w", j.Op, j.Module, err)
		}
	}
	return nil
}

// Remove removes installed modules (by name or abbreviation) from the root.
// Modules in other libraries (such as /usr/share/sword) are not touched.
func (m *Manager) Remove(ctx context.Context, names ...string) ([]Result, error) {
	var results []Result
	var errs []error
	var ch Change
	for _, name := range names {
		res := m.removeOne(ctx, name)
		if res.Err != nil {
			res.Action, res.Error = "failed", res.Err.Error()
			errs = append(errs, res.Err)
		} else {
			ch.Removed = append(ch.Removed, res.Module)
		}
		results = append(results, res)
	}
	m.changed(ctx, ch)
	return results, errors.Join(errs...)
}

func (m *Manager) removeOne(ctx context.Context, name string) Result {
	res := Result{Module: name, Root: m.opts.Root}
	unlock, err := m.lock(ctx)
	if err != nil {
		res.Err = err
		return res
	}
	defer unlock()
	mods, err := scanLibrary(m.opts.Root, m.opts.Limits)
	if err != nil {
		res.Err = err
		return res
	}
	found := findInstalled(mods, name)
	if len(found) == 0 {
		for _, r := range m.opts.Roots[1:] {
			other, _ := scanLibrary(r, m.opts.Limits)
			if f := findInstalled(other, name); len(f) > 0 {
				res.Err = fmt.Errorf("install: %s is installed in %s, which berean does not manage (remove it with the tool that installed it): %w", f[0].Name, r, ErrNotManaged)
				return res
			}
		}
		res.Err = fmt.Errorf("install: %q is not installed in %s: %w", name, m.opts.Root, ErrUnknownModule)
		return res
	}
	target := found[0]
	res.Module, res.OldVersion = target.Name, target.Version
	j := &journal{Op: "remove", Module: target.Name}
	for _, o := range found {
		if !strings.EqualFold(o.Name, target.Name) {
			continue
		}
		if o.Sections > 1 {
			res.Err = fmt.Errorf("install: mods.d/%s describes other modules too; remove %s from it by hand", o.ConfFile, o.Name)
			return res
		}
		j.OldConfs = append(j.OldConfs, o.ConfFile)
	}
	if target.LayoutErr == nil {
		shared := ""
		for _, o := range mods {
			if !strings.EqualFold(o.Name, target.Name) && o.LayoutErr == nil &&
				(within(o.Layout.Dir, target.Layout.Dir) || within(target.Layout.Dir, o.Layout.Dir)) {
				shared = o.Name
			}
		}
		if shared == "" {
			j.DataDir = target.Layout.Dir
		} else {
			res.Note = fmt.Sprintf("data directory %s is shared with %s and was kept", target.Layout.Dir, shared)
		}
	} else {
		res.Note = fmt.Sprintf("data left in place: %v", target.LayoutErr)
	}
	stage, err := os.MkdirTemp(filepath.Join(m.opts.Root, stagingDir), "remove-")
	if err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	if err := m.commit(stage, j); err != nil {
		res.Err = fmt.Errorf("install: removing %s: %w", target.Name, err)
		return res
	}
	res.Action = "removed"
	return res
}

// UpdateOptions adjust Update.
type UpdateOptions struct {
	// NoRefresh uses the cached catalogues as they are.
	NoRefresh bool
}

// Update refreshes the catalogues (unless NoRefresh) and installs a newer
// version of every module of the root that a repository offers. Modules no
// repository offers are left out of the results.
func (m *Manager) Update(ctx context.Context, o UpdateOptions) ([]Result, []RefreshResult, error) {
	var refreshed []RefreshResult
	if !o.NoRefresh {
		refreshed, _ = m.Refresh(ctx)
	}
	srcs, err := m.Sources()
	if err != nil {
		return nil, refreshed, err
	}
	mods, err := scanLibrary(m.opts.Root, m.opts.Limits)
	if err != nil {
		return nil, refreshed, err
	}
	var results []Result
	var errs []error
	var ch Change
	for _, im := range mods {
		r, _, err := m.lookup(srcs, im.Name)
		if err != nil || r == nil || !strings.EqualFold(r.Name, im.Name) {
			continue
		}
		if CompareVersions(r.Version, im.Version) <= 0 {
			v := im.Version
			if v == "" {
				v = DefaultVersion
			}
			results = append(results, Result{Module: im.Name, Action: "up-to-date", Version: v, Source: r.Source, Root: m.opts.Root})
			continue
		}
		res := m.installRemote(ctx, r, false)
		if res.Err != nil {
			res.Action, res.Error = "failed", res.Err.Error()
			errs = append(errs, res.Err)
		} else if res.Action == "updated" {
			ch.Updated = append(ch.Updated, res.Module)
		}
		results = append(results, res)
	}
	m.changed(ctx, ch)
	return results, refreshed, errors.Join(errs...)
}

func (m *Manager) changed(ctx context.Context, ch Change) {
	if ch.empty() || m.opts.OnChange == nil {
		return
	}
	ch.Root = m.opts.Root
	m.opts.OnChange(ctx, ch)
}

// Unlock enters the key of an enciphered module installed in the root: it
// sets CipherKey=key in the module's conf (rewritten atomically), which is
// where libsword and berean look for it.
func (m *Manager) Unlock(ctx context.Context, name, key string) error {
	if key == "" || strings.ContainsAny(key, "\r\n") || key != strings.TrimSpace(key) {
		return fmt.Errorf("install: unlock %s: the key must be one line without surrounding spaces", name)
	}
	mod, err := m.setCipherKey(ctx, name, key)
	if err != nil {
		return err
	}
	m.changed(ctx, Change{Updated: []string{mod}})
	return nil
}

func (m *Manager) setCipherKey(ctx context.Context, name, key string) (string, error) {
	unlock, err := m.lock(ctx)
	if err != nil {
		return "", err
	}
	defer unlock()
	mods, err := scanLibrary(m.opts.Root, m.opts.Limits)
	if err != nil {
		return "", err
	}
	found := findInstalled(mods, name)
	if len(found) == 0 {
		return "", fmt.Errorf("install: %q is not installed in %s: %w", name, m.opts.Root, ErrUnknownModule)
	}
	im := found[0]
	if enc, _ := isLocked(im.Conf); !enc {
		return "", fmt.Errorf("install: %s is not enciphered; it needs no key", im.Name)
	}
	if im.Sections > 1 {
		return "", fmt.Errorf("install: mods.d/%s describes several modules; set CipherKey in it by hand", im.ConfFile)
	}
	p := filepath.Join(m.opts.Root, "mods.d", im.ConfFile)
	data, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), "CipherKey=") {
			lines[i] = "CipherKey=" + key + "\n"
			if err := writeFileAtomic(p, []byte(strings.Join(lines, ""))); err != nil {
				return "", fmt.Errorf("install: %w", err)
			}
			return im.Name, nil
		}
	}
	return "", fmt.Errorf("install: %s: no CipherKey line in %s", im.Name, p)
}
