package sword

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"berean/internal/regfile"
)

// SystemRoot is the library root of Debian's SWORD packages.
const SystemRoot = "/usr/share/sword"

// ModuleInfo describes one installed module, from its conf section.
type ModuleInfo struct {
	Name          string // the conf section name, e.g. engKJV2006eb
	Abbreviation  string // e.g. KJV (the section name when the conf has none)
	Description   string
	Driver        string // ModDrv as written
	Type          string // bible, commentary, lexicon or genbook
	Versification string // Versification, default KJV
	SourceType    string // OSIS, ThML, GBF, TEI or "" (plain/GBF)
	Encoding      string // UTF-8, UTF-16, SCSU or "" (Latin-1, sniffed as UTF-8)
	Lang          string
	Version       string
	Root          string // the library root holding the conf
	ConfPath      string // the conf file
	DataPath      string // absolute data path: a directory for verse drivers, a path prefix for LD drivers
	Locked        bool   // enciphered with an empty CipherKey
	Conf          *Conf
}

// DefaultRoots lists the library roots in search order: the given paths,
// $SWORD_PATH (colon-separated), ~/.sword, /usr/share/sword. Duplicates are
// dropped.
func DefaultRoots(flagPaths []string) []string {
	var roots []string
	roots = append(roots, flagPaths...)
	if sp := os.Getenv("SWORD_PATH"); sp != "" {
		roots = append(roots, strings.Split(sp, ":")...)
	}
	if h, err := os.UserHomeDir(); err == nil {
		roots = append(roots, filepath.Join(h, ".sword"))
	}
	roots = append(roots, SystemRoot)
	seen := map[string]bool{}
	out := roots[:0]
	for _, r := range roots {
		if r == "" {
			continue
		}
		c := filepath.Clean(r)
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// Library is the set of modules found under some roots. When two roots hold
// a module of the same name, the earlier root wins.
type Library struct {
	roots   []string
	modules []*ModuleInfo
	// Problems lists the confs that could not be used, with the reason,
	// and the modules used in place of a refused copy.
	Problems []error
	// Refused lists the confs that could not be used (refused.go).
	Refused []RefusedConf
}

// OpenLibrary reads every mods.d/*.conf under the roots. Roots that do not
// exist are skipped; a conf that cannot be used is recorded in Problems and
// skipped, so one bad module does not hide the others.
func OpenLibrary(roots []string) (*Library, error) {
	l := &Library{roots: roots}
	seen := map[string]bool{}
	for _, root := range roots {
		dir := filepath.Join(root, "mods.d")
		ents, err := os.ReadDir(dir)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				l.Problems = append(l.Problems, fmt.Errorf("sword: %s: %w", dir, err))
			}
			continue
		}
		for _, e := range ents {
			if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".conf") {
				continue
			}
			path := filepath.Join(dir, e.Name())
			mods, err := ReadConfFile(root, path)
			if err != nil {
				l.Problems = append(l.Problems, err)
				l.Refused = append(l.Refused, RefusedConf{Path: path, Root: root, Name: refusedName(path), Err: err})
				continue
			}
			for _, mi := range mods {
				key := strings.ToLower(mi.Name)
				if seen[key] {
					continue
				}
				seen[key] = true
				l.modules = append(l.modules, mi)
			}
		}
	}
	sort.SliceStable(l.modules, func(i, j int) bool {
		return strings.ToLower(l.modules[i].Name) < strings.ToLower(l.modules[j].Name)
	})
	l.noteFallbacks()
	return l, nil
}

// ReadConfFile parses the conf file at path, belonging to root, into module
// descriptions. Sections without ModDrv (such as [Globals]) are not modules.
func ReadConfFile(root, path string) ([]*ModuleInfo, error) {
	data, err := regfile.ReadFile(path, MaxConfSize+1)
	if err != nil {
		return nil, fmt.Errorf("sword: %w", err)
	}
	confs, err := parseConfData(data)
	if err != nil {
		return nil, fmt.Errorf("sword: %s: %w", path, err)
	}
	if len(confs) == 0 {
		return nil, fmt.Errorf("sword: %s: %w: no [Module] section (the file is empty or not a conf)", path, ErrCorrupt)
	}
	var out []*ModuleInfo
	for _, c := range confs {
		if c.Get("ModDrv") == "" {
			continue
		}
		mi, err := NewModuleInfo(root, path, c)
		if err != nil {
			return nil, err
		}
		out = append(out, mi)
	}
	return out, nil
}

// NewModuleInfo describes the module of one conf section, resolving its
// DataPath against root. A DataPath that leaves the root is refused.
func NewModuleInfo(root, confPath string, c *Conf) (*ModuleInfo, error) {
	mi := &ModuleInfo{
		Name:          c.Section,
		Abbreviation:  c.Get("Abbreviation"),
		Description:   c.Get("Description"),
		Driver:        c.Get("ModDrv"),
		Versification: c.Get("Versification"),
		SourceType:    c.Get("SourceType"),
		Encoding:      c.Get("Encoding"),
		Lang:          c.Get("Lang"),
		Version:       c.Get("Version"),
		Root:          root,
		ConfPath:      confPath,
		Conf:          c,
	}
	if mi.Abbreviation == "" {
		mi.Abbreviation = mi.Name
	}
	if mi.Versification == "" {
		mi.Versification = "KJV"
	}
	if mi.Lang == "" {
		mi.Lang = "en"
	}
	mi.Type = DriverType(mi.Driver)
	if c.Has("CipherKey") && c.Get("CipherKey") == "" {
		mi.Locked = true
	}
	dp, err := ResolveDataPath(root, c.Get("DataPath"))
	if err != nil {
		return nil, fmt.Errorf("sword: module %s (%s): %w", mi.Name, confPath, err)
	}
	mi.DataPath = dp
	return mi, nil
}

// ResolveDataPath joins a conf DataPath to its root as libsword does (leading
// slashes and one "./" dropped) and refuses paths that escape the root.
func ResolveDataPath(root, dataPath string) (string, error) {
	p := strings.ReplaceAll(dataPath, `\`, "/")
	p = strings.TrimLeft(p, "/")
	p = strings.TrimPrefix(p, "./")
	trailing := strings.HasSuffix(p, "/")
	rel := filepath.Clean(filepath.FromSlash(p))
	if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("DataPath %q escapes the module root %s; a module's data must stay under its library root", dataPath, root)
	}
	full := filepath.Join(root, rel)
	if trailing {
		full += string(filepath.Separator)
	}
	return full, nil
}

// DriverType is the kind of module a driver (a conf's ModDrv, any case)
// stores: bible, commentary, lexicon, genbook, or unknown.
func DriverType(drv string) string {
	switch strings.ToLower(drv) {
	case "rawtext", "rawtext4", "ztext", "ztext4", "rawgbf":
		return "bible"
	case "rawcom", "rawcom4", "zcom", "zcom4", "hrefcom", "rawfiles":
		return "commentary"
	case "rawld", "rawld4", "zld":
		return "lexicon"
	case "rawgenbook":
		return "genbook"
	}
	return "unknown"
}

// Roots are the roots searched, in order.
func (l *Library) Roots() []string { return append([]string(nil), l.roots...) }

// Modules lists the modules, sorted by name.
func (l *Library) Modules() []*ModuleInfo { return append([]*ModuleInfo(nil), l.modules...) }

// Find returns the module whose name or abbreviation is name,
// case-insensitively (names win over abbreviations).
func (l *Library) Find(name string) (*ModuleInfo, error) {
	for _, m := range l.modules {
		if strings.EqualFold(m.Name, name) {
			return m, nil
		}
	}
	for _, m := range l.modules {
		if strings.EqualFold(m.Abbreviation, name) {
			return m, nil
		}
	}
	if err := l.refusedError(name); err != nil {
		return nil, err
	}
	var names []string
	for _, m := range l.modules {
		names = append(names, m.Abbreviation)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("sword: no module %q: no modules are installed in %s (install e.g. the Debian package sword-text-kjv)", name, strings.Join(l.roots, ", "))
	}
	return nil, fmt.Errorf("sword: no module %q: %w; installed: %s", name, ErrNotFound, strings.Join(names, ", "))
}
