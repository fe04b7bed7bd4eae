package install

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Options configure a Manager.
type Options struct {
	// Root is the library root modules are installed into and removed from
	// (default ~/.sword). It holds mods.d/, modules/ and InstallMgr/.
	Root string
	// Roots are all the libraries consulted to tell whether a module is
	// installed (first wins, as for reading); Root is added when missing.
	// Modules outside Root are never changed.
	Roots []string
	// ConfigDir holds InstallMgr.conf and the catalogue caches (default
	// Root/InstallMgr, libsword's layout: with the default root this is
	// ~/.sword/InstallMgr, which libsword's installmgr also uses).
	ConfigDir string
	// Client fetches files; nil means a Client with its defaults.
	Client *Client
	Limits Limits
	Logger *slog.Logger
	// Progress, when set, receives download progress.
	Progress func(Progress)
	// OnChange, when set, is called after installs, updates and removals
	// that changed the library, once per call of Install, Update or Remove.
	OnChange func(ctx context.Context, c Change)
}

// Change describes what an Install, Update or Remove changed.
type Change struct {
	Root      string   `json:"root"`
	Installed []string `json:"installed,omitempty"`
	Updated   []string `json:"updated,omitempty"`
	Removed   []string `json:"removed,omitempty"`
}

func (c Change) empty() bool { return len(c.Installed)+len(c.Updated)+len(c.Removed) == 0 }

// Manager installs, updates and removes modules of one library root from
// remote repositories. Its methods are safe for concurrent use; separate
// processes working on the same root take turns through a lock file.
type Manager struct {
	opts   Options
	client *Client
	log    *slog.Logger
	mu     sync.Mutex // serialises changes to the root within the process
}

// DefaultRoot is ~/.sword, where libsword installs a user's modules.
func DefaultRoot() (string, error) {
	h, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("install: no home directory for ~/.sword: %w", err)
	}
	return filepath.Join(h, ".sword"), nil
}

// New makes a Manager. Nothing is created on disk until it is needed.
func New(o Options) (*Manager, error) {
	if o.Root == "" {
		r, err := DefaultRoot()
		if err != nil {
			return nil, err
		}
		o.Root = r
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return nil, fmt.Errorf("install: %w", err)
	}
	o.Root = root
	if o.ConfigDir == "" {
		o.ConfigDir = filepath.Join(root, "InstallMgr")
	}
	var roots []string
	has := false
	for _, r := range o.Roots {
		if a, err := filepath.Abs(r); err == nil {
			r = a
		}
		if r == root {
			has = true
		}
		roots = append(roots, r)
	}
	if !has {
		roots = append([]string{root}, roots...)
	}
	o.Roots = roots
	if o.Client == nil {
		o.Client = &Client{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Manager{opts: o, client: o.Client, log: o.Logger}, nil
}

// Root is the library root the manager installs into.
func (m *Manager) Root() string { return m.opts.Root }

// ConfigPath is the repository list, InstallMgr.conf.
func (m *Manager) ConfigPath() string { return filepath.Join(m.opts.ConfigDir, "InstallMgr.conf") }

// Sources lists the configured repositories: those of InstallMgr.conf, or
// DefaultSources while the file has no [Sources] section.
func (m *Manager) Sources() ([]Source, error) {
	rc, err := readRepoConfig(m.ConfigPath())
	if err != nil {
		return nil, err
	}
	srcs, ok := rc.sources()
	if !ok {
		return DefaultSources(), nil
	}
	return srcs, nil
}

// AddSource adds a repository (writing InstallMgr.conf, defaults included
// when the file did not list any yet). Its name must be new.
func (m *Manager) AddSource(s Source) error {
	if err := checkSourceName(s.Name); err != nil {
		return err
	}
	if err := s.Supported(); err != nil {
		return err
	}
	if s.UID == "" {
		s.UID = uidFor(s.Name)
	}
	rc, err := readRepoConfig(m.ConfigPath())
	if err != nil {
		return err
	}
	srcs, ok := rc.sources()
	if !ok {
		srcs = DefaultSources()
	}
	uids := map[string]bool{}
	for _, o := range srcs {
		if strings.EqualFold(o.Name, s.Name) {
			return fmt.Errorf("install: a repository named %q exists already (remove it first)", o.Name)
		}
		uids[strings.ToLower(o.UID)] = true
	}
	base := s.UID
	for i := 2; uids[strings.ToLower(s.UID)]; i++ {
		s.UID = fmt.Sprintf("%s-%d", base, i)
	}
	// A stale cache under this uid belongs to a repository removed earlier.
	os.RemoveAll(m.cacheDir(s))
	return rc.setSources(append(srcs, s))
}

// RemoveSource removes a repository and its catalogue cache.
func (m *Manager) RemoveSource(name string) error {
	rc, err := readRepoConfig(m.ConfigPath())
	if err != nil {
		return err
	}
	srcs, ok := rc.sources()
	if !ok {
		srcs = DefaultSources()
	}
	var keep []Source
	var gone *Source
	for _, s := range srcs {
		if strings.EqualFold(s.Name, name) && gone == nil {
			gone = &s
			continue
		}
		keep = append(keep, s)
	}
	if gone == nil {
		return fmt.Errorf("install: no repository named %q: %w", name, ErrUnknownSource)
	}
	if err := rc.setSources(keep); err != nil {
		return err
	}
	os.RemoveAll(filepath.Dir(m.cacheDir(*gone)))
	return nil
}

// ErrUnknownSource: no configured repository has that name.
var ErrUnknownSource = errors.New("unknown repository")

// ErrUnknownModule: no repository offers the module, or it is not installed.
var ErrUnknownModule = errors.New("unknown module")

// ErrNotManaged: the module is installed in a library the manager does not
// change (such as /usr/share/sword).
var ErrNotManaged = errors.New("not in the managed library")

func (m *Manager) selectSources(names []string) ([]Source, error) {
	all, err := m.Sources()
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return all, nil
	}
	var out []Source
	for _, n := range names {
		found := false
		for _, s := range all {
			if strings.EqualFold(s.Name, n) {
				out = append(out, s)
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("install: no repository named %q: %w", n, ErrUnknownSource)
		}
	}
	return out, nil
}

// cacheDir is a source's catalogue cache, ConfigDir/<uid>/mods.d.
func (m *Manager) cacheDir(s Source) string {
	uid := s.UID
	if rel, err := cleanRel(uid); err != nil || strings.Contains(rel, "/") || strings.HasPrefix(rel, ".") {
		uid = uidFor(uid)
	}
	return filepath.Join(m.opts.ConfigDir, uid, "mods.d")
}

func (m *Manager) progress(module, source string) func(Progress) {
	if m.opts.Progress == nil {
		return nil
	}
	return func(p Progress) {
		p.Module, p.Source = module, source
		m.opts.Progress(p)
	}
}
