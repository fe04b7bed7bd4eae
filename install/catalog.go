package install

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"berean/sword"
)

// RefreshResult is the outcome of refreshing one repository's catalogue.
type RefreshResult struct {
	Source  string `json:"source"`
	URL     string `json:"url"`
	Modules int    `json:"modules"`
	// Method is "archive" (mods.d.tar.gz) or "listing" (mods.d/ fetched
	// conf by conf, when the archive is missing or unreadable).
	Method  string `json:"method,omitempty"`
	Skipped int    `json:"skipped,omitempty"` // confs that did not parse
	Err     error  `json:"-"`
	Error   string `json:"error,omitempty"`
}

// Refresh downloads the catalogues of the named repositories (all when none
// are named), four at a time. A repository whose refresh fails keeps its
// previous catalogue. The error reports unknown names only; per-repository
// failures are in the results.
func (m *Manager) Refresh(ctx context.Context, names ...string) ([]RefreshResult, error) {
	srcs, err := m.selectSources(names)
	if err != nil {
		return nil, err
	}
	out := make([]RefreshResult, len(srcs))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r := m.refreshOne(ctx, s)
			if r.Err != nil {
				r.Error = r.Err.Error()
				m.log.Debug("refresh failed", "source", s.Name, "err", r.Err)
			}
			out[i] = r
		}()
	}
	wg.Wait()
	return out, nil
}

func (m *Manager) refreshOne(ctx context.Context, s Source) RefreshResult {
	res := RefreshResult{Source: s.Name, URL: s.URL()}
	if err := s.Supported(); err != nil {
		res.Err = err
		return res
	}
	cache := m.cacheDir(s)
	parent := filepath.Dir(cache)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	cleanStale(parent, ".refresh-")
	tmp, err := os.MkdirTemp(parent, ".refresh-")
	if err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	defer os.RemoveAll(tmp)
	newMods := filepath.Join(tmp, "mods.d")
	if err := os.Mkdir(newMods, 0o755); err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}

	// 1. The archive.
	arch := filepath.Join(tmp, "mods.d.tar.gz")
	c := *m.client
	c.MaxSize = min(c.maxSize(), m.opts.Limits.maxCatalog())
	_, err = c.Download(ctx, joinURL(s.URL(), "mods.d.tar.gz"), arch, m.progress("", s.Name))
	if err == nil {
		var f *os.File
		if f, err = os.Open(arch); err == nil {
			_, err = unpackCatalogue(f, newMods, m.opts.Limits)
			f.Close()
		}
		res.Method = "archive"
	}
	// 2. The loose confs, when the archive is missing or unreadable (not on
	// a network failure: the listing would fail the same way).
	if err != nil {
		var he *HTTPError
		if !(errors.Is(err, ErrNotFound) || errors.Is(err, ErrCorrupt) || errors.As(err, &he)) {
			res.Err = err
			return res
		}
		m.log.Info("catalogue archive unusable, fetching mods.d/", "source", s.Name, "err", err)
		os.RemoveAll(newMods)
		os.Mkdir(newMods, 0o755)
		if lerr := m.fetchConfs(ctx, s, newMods); lerr != nil {
			res.Err = fmt.Errorf("%w; and mods.d/: %w", err, lerr)
			return res
		}
		res.Method = "listing"
	}

	// 3. Keep the confs that parse and describe modules.
	ents, err := os.ReadDir(newMods)
	if err != nil {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	for _, e := range ents {
		p := filepath.Join(newMods, e.Name())
		confs, _, err := parseConfFile(p, m.opts.Limits.maxConf())
		if err != nil || len(confs) == 0 {
			if err != nil {
				res.Skipped++
				m.log.Warn("catalogue conf skipped", "source", s.Name, "file", e.Name(), "err", err)
			}
			os.Remove(p)
			continue
		}
		res.Modules += len(confs)
	}
	if res.Modules == 0 {
		res.Err = fmt.Errorf("install: %s: the catalogue lists no modules", s.URL())
		return res
	}

	// 4. Swap the new catalogue in: rename the old aside, the new in place.
	old := filepath.Join(tmp, "old")
	if err := os.Rename(cache, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	if err := os.Rename(newMods, cache); err != nil {
		os.Rename(old, cache)
		res.Err = fmt.Errorf("install: %w", err)
		return res
	}
	return res
}

// fetchConfs fetches every *.conf of the repository's loose mods.d/.
func (m *Manager) fetchConfs(ctx context.Context, s Source, dst string) error {
	dir := joinURL(s.URL(), "mods.d/")
	page, err := m.client.Fetch(ctx, dir, 16<<20)
	if err != nil {
		return err
	}
	n := 0
	for _, e := range parseListing(page) {
		if e.Dir || !strings.HasSuffix(strings.ToLower(e.Name), ".conf") {
			continue
		}
		if n++; n > m.opts.Limits.maxConfs() {
			return fmt.Errorf("install: %s: more than %d confs: %w", dir, m.opts.Limits.maxConfs(), ErrTooLarge)
		}
		b, err := m.client.Fetch(ctx, joinURL(dir, e.Name), m.opts.Limits.maxConf())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name), b, 0o644); err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("install: %s lists no .conf files", dir)
	}
	return nil
}

// cleanStale removes leftovers of interrupted refreshes (older than an hour,
// so a refresh running in another process is left alone).
func cleanStale(dir, prefix string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// Remote is a module a repository offers.
type Remote struct {
	Name         string `json:"name"`
	Abbreviation string `json:"abbreviation"`
	Description  string `json:"description"`
	Type         string `json:"type"` // bible, commentary, lexicon, genbook (from the driver)
	Driver       string `json:"driver"`
	Lang         string `json:"lang"`
	Version      string `json:"version"`
	InstallSize  int64  `json:"install_size,omitempty"`
	License      string `json:"license,omitempty"`
	Source       string `json:"source"`
	// Status compares with the installed copy: "new" (not installed),
	// "update" (newer than installed), "installed" (same version), "older".
	Status           string `json:"status"`
	InstalledVersion string `json:"installed_version,omitempty"`
	InstalledRoot    string `json:"installed_root,omitempty"`
	// Enciphered modules need a key; Locked ones have none in their conf.
	Enciphered bool `json:"enciphered,omitempty"`
	Locked     bool `json:"locked,omitempty"`

	conf     *sword.Conf
	confFile string // path of the cached conf
	src      Source
}

// Catalog is what the refreshed repositories offer.
type Catalog struct {
	Modules []Remote `json:"modules"`
	// Unrefreshed names the repositories without a catalogue yet.
	Unrefreshed []string `json:"unrefreshed,omitempty"`
}

// AvailableOptions filter Available.
type AvailableOptions struct {
	Lang   string // language code: "en" matches en, en-US, en_GB; "" all
	Source string // one repository by name; "" all
}

// Available lists the modules of the cached catalogues (Refresh fills
// them), sorted by name then repository, each flagged against the
// installed libraries.
func (m *Manager) Available(o AvailableOptions) (*Catalog, error) {
	var names []string
	if o.Source != "" {
		names = []string{o.Source}
	}
	srcs, err := m.selectSources(names)
	if err != nil {
		return nil, err
	}
	inst := m.installedIndex()
	cat := &Catalog{Modules: []Remote{}}
	for _, s := range srcs {
		mods, err := m.catalogue(s)
		if errors.Is(err, fs.ErrNotExist) {
			cat.Unrefreshed = append(cat.Unrefreshed, s.Name)
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, r := range mods {
			if !langMatches(o.Lang, r.Lang) {
				continue
			}
			m.flag(&r, inst)
			cat.Modules = append(cat.Modules, r)
		}
	}
	sort.SliceStable(cat.Modules, func(i, j int) bool {
		return strings.ToLower(cat.Modules[i].Name) < strings.ToLower(cat.Modules[j].Name)
	})
	return cat, nil
}

func (m *Manager) flag(r *Remote, inst map[string]installedModule) {
	im, ok := inst[strings.ToLower(r.Name)]
	if !ok {
		r.Status = "new"
		return
	}
	r.InstalledVersion, r.InstalledRoot = im.Version, im.Root
	if r.InstalledVersion == "" {
		r.InstalledVersion = DefaultVersion
	}
	switch CompareVersions(r.Version, im.Version) {
	case 1:
		r.Status = "update"
	case 0:
		r.Status = "installed"
	default:
		r.Status = "older"
	}
}

// installedIndex maps lower-cased module names to the first installed copy
// in root order.
func (m *Manager) installedIndex() map[string]installedModule {
	idx := map[string]installedModule{}
	for _, root := range m.opts.Roots {
		mods, err := scanLibrary(root, m.opts.Limits)
		if err != nil {
			continue
		}
		for _, im := range mods {
			k := strings.ToLower(im.Name)
			if _, ok := idx[k]; !ok {
				idx[k] = im
			}
		}
	}
	return idx
}

func langMatches(filter, lang string) bool {
	if filter == "" {
		return true
	}
	if lang == "" {
		lang = "en"
	}
	f, l := strings.ToLower(filter), strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	f = strings.ReplaceAll(f, "_", "-")
	return l == f || strings.HasPrefix(l, f+"-")
}

// catalogue reads a source's cached catalogue; fs.ErrNotExist when it was
// never refreshed.
func (m *Manager) catalogue(s Source) ([]Remote, error) {
	dir := m.cacheDir(s)
	ents, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("install: %w", err)
	}
	var out []Remote
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".conf") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		confs, _, err := parseConfFile(p, m.opts.Limits.maxConf())
		if err != nil {
			continue
		}
		for _, c := range confs {
			out = append(out, remoteOf(c, p, s))
		}
	}
	return out, nil
}

func remoteOf(c *sword.Conf, confFile string, s Source) Remote {
	r := Remote{
		Name: c.Section, Abbreviation: c.Get("Abbreviation"), Description: c.Get("Description"),
		Driver: c.Get("ModDrv"), Lang: c.Get("Lang"), Version: c.Get("Version"),
		InstallSize: parseSize(c.Get("InstallSize")), License: c.Get("DistributionLicense"),
		Source: s.Name, conf: c, confFile: confFile, src: s,
	}
	if r.Abbreviation == "" {
		r.Abbreviation = r.Name
	}
	if r.Lang == "" {
		r.Lang = "en"
	}
	if r.Version == "" {
		r.Version = DefaultVersion
	}
	r.Type = sword.DriverType(r.Driver)
	r.Enciphered, r.Locked = isLocked(c)
	return r
}

// lookup finds the best offer of a module among the cached catalogues: an
// exact name (case-insensitive) before an abbreviation, then the highest
// version, then the first repository in configuration order.
func (m *Manager) lookup(srcs []Source, name string) (*Remote, []string, error) {
	var byName, byAbbrev []Remote
	var unrefreshed []string
	for _, s := range srcs {
		mods, err := m.catalogue(s)
		if errors.Is(err, fs.ErrNotExist) {
			unrefreshed = append(unrefreshed, s.Name)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		for _, r := range mods {
			switch {
			case strings.EqualFold(r.Name, name):
				byName = append(byName, r)
			case strings.EqualFold(r.Abbreviation, name):
				byAbbrev = append(byAbbrev, r)
			}
		}
	}
	cands := byName
	if len(cands) == 0 {
		cands = byAbbrev
		// An abbreviation shared by different modules is ambiguous.
		for _, c := range cands[min(1, len(cands)):] {
			if !strings.EqualFold(c.Name, cands[0].Name) {
				return nil, unrefreshed, fmt.Errorf("install: %q is the abbreviation of several modules (%s, %s): give the module name", name, cands[0].Name, c.Name)
			}
		}
	}
	if len(cands) == 0 {
		return nil, unrefreshed, nil
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if CompareVersions(c.Version, best.Version) > 0 {
			best = c
		}
	}
	return &best, unrefreshed, nil
}
