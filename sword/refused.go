package sword

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"berean/internal/regfile"
)

// RefusedConf is a conf file of a library root that could not be used
// (empty, not a conf, a DataPath that leaves the root, a line over the size
// limit, ...). The module it would have described is listed with the reason
// instead of vanishing, and a module of the same name found in a later root
// is used with a problem saying so (Library.Problems), never silently.
type RefusedConf struct {
	Path string // the conf file
	Root string // its library root
	// Name is the module the conf names in its first section header, or
	// the file's base name when no header can be read.
	Name string
	Err  error
	// UsedInstead is the conf of the module of the same name used in its
	// place (from a later root), or "".
	UsedInstead string
}

func (r RefusedConf) String() string {
	s := fmt.Sprintf("%s: %v", r.Path, r.Err)
	if r.UsedInstead != "" {
		s += "; " + r.Name + " from " + r.UsedInstead + " is used instead"
	}
	return s
}

// refusedName guesses the module a refused conf was meant to describe: the
// first "[Section]" of its first 4 KiB, else the file name.
func refusedName(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	f, _, err := regfile.Open(path)
	if err != nil {
		return name
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := f.Read(buf)
	for _, line := range bytes.Split(buf[:n], []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 2 && line[0] == '[' {
			if end := bytes.IndexByte(line, ']'); end > 1 {
				return string(line[1:end])
			}
		}
	}
	return name
}

// noteFallbacks links each refused conf to the module of the same name that
// a later root supplies, and records the fallback in Problems.
func (l *Library) noteFallbacks() {
	order := map[string]int{}
	for i, root := range l.roots {
		order[root] = i
	}
	for i := range l.Refused {
		r := &l.Refused[i]
		for _, m := range l.modules {
			if strings.EqualFold(m.Name, r.Name) && m.ConfPath != r.Path && order[m.Root] > order[r.Root] {
				r.UsedInstead = m.ConfPath
				l.Problems = append(l.Problems, fmt.Errorf("sword: module %s: the copy at %s was refused (%v); the one at %s is used instead: repair or remove the refused conf", m.Name, r.Path, r.Err, m.ConfPath))
			}
		}
	}
}

// refusedError is the error for a name that only a refused conf has, or
// nil.
func (l *Library) refusedError(name string) error {
	if l == nil {
		return nil
	}
	for _, r := range l.Refused {
		if strings.EqualFold(r.Name, name) && r.UsedInstead == "" {
			return fmt.Errorf("sword: module %q is not usable: its conf %s was refused: %v: %w", name, r.Path, r.Err, ErrNotFound)
		}
	}
	return nil
}

// RefusedError reports why no module named name is usable when a refused
// conf describes it (nil otherwise).
func (l *Library) RefusedError(name string) error { return l.refusedError(name) }
