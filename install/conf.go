package install

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"berean/sword"
)

// dataLayout says where a module's files live, from its conf: Dir is the
// module's own directory relative to the library root ("modules/texts/
// ztext/kjv"), Prefix the file-name prefix inside it for lexicon and
// general-book drivers ("dict" for .../strongsgreek/dict), "" otherwise.
type dataLayout struct {
	Dir    string
	Prefix string
}

// layoutOf resolves a conf's DataPath as libsword does (drop one "./", join
// to the root; verse-keyed drivers name a directory, lexicon and genbook
// drivers a path prefix) and refuses a DataPath that could reach outside the
// root or onto shared ground: absolute paths, drive letters, "..", an empty
// path, mods.d, hidden directories, or a directory fewer than two levels
// deep ("modules" or "modules/texts" would hold other modules' data).
func layoutOf(c *sword.Conf) (dataLayout, error) {
	raw := strings.TrimSpace(c.Get("DataPath"))
	if raw == "" {
		return dataLayout{}, fmt.Errorf("module %s: conf has no DataPath: %w", c.Section, ErrUnsafe)
	}
	p := strings.TrimPrefix(raw, "./")
	rel, err := cleanRel(p)
	if err != nil {
		return dataLayout{}, fmt.Errorf("module %s: DataPath %q escapes the library root: %w", c.Section, raw, err)
	}
	var l dataLayout
	switch sword.DriverType(c.Get("ModDrv")) {
	case "bible", "commentary":
		l.Dir = rel
	case "lexicon", "genbook":
		l.Dir, l.Prefix = path.Dir(rel), path.Base(rel)
	default:
		if strings.HasSuffix(raw, "/") {
			l.Dir = rel
		} else {
			l.Dir, l.Prefix = path.Dir(rel), path.Base(rel)
		}
	}
	els := strings.Split(l.Dir, "/")
	if len(els) < 2 || strings.EqualFold(els[0], "mods.d") || strings.EqualFold(els[0], "InstallMgr") {
		return dataLayout{}, fmt.Errorf("module %s: DataPath %q does not name a module directory of its own: %w", c.Section, raw, ErrUnsafe)
	}
	for _, e := range els {
		if strings.HasPrefix(e, ".") {
			return dataLayout{}, fmt.Errorf("module %s: DataPath %q names a hidden directory: %w", c.Section, raw, ErrUnsafe)
		}
	}
	return l, nil
}

// isLocked: an enciphered module whose key has not been entered
// (CipherKey present and empty).
func isLocked(c *sword.Conf) (enciphered, locked bool) {
	keys := c.All("CipherKey")
	if len(keys) == 0 {
		return false, false
	}
	return true, strings.TrimSpace(keys[0]) == ""
}

// parseConfFile parses a conf file and returns its module sections (those
// with a ModDrv).
func parseConfFile(p string, max int64) ([]*sword.Conf, []byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, nil, err
	}
	if fi.Size() > max {
		return nil, nil, fmt.Errorf("%s: %d bytes, limit %d: %w", p, fi.Size(), max, ErrTooLarge)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, nil, err
	}
	confs, err := parseConfBytes(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", p, err)
	}
	return confs, data, nil
}

func parseConfBytes(data []byte) ([]*sword.Conf, error) {
	all, err := sword.ParseConf(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("conf does not parse (%v): %w", err, ErrCorrupt)
	}
	var out []*sword.Conf
	for _, c := range all {
		if c.Get("ModDrv") != "" {
			out = append(out, c)
		}
	}
	return out, nil
}

// sectionText cuts the lines of one section (header included) out of a conf
// file, so that one module can be installed from a file that describes
// several. Section headers are found as the conf parser finds them: a line
// whose first non-blank character is '['.
func sectionText(data []byte, name string) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var out bytes.Buffer
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	for sc.Scan() {
		line := sc.Text()
		t := strings.TrimLeft(line, " \t\r")
		if strings.HasPrefix(t, "[") {
			if end := strings.IndexByte(t, ']'); end > 0 {
				in = strings.EqualFold(t[1:end], name)
			}
		}
		if in {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

// installedModule is a module found in a library root's mods.d.
type installedModule struct {
	Name, Abbreviation, Version string
	Root                        string // library root
	ConfFile                    string // base name in mods.d
	Sections                    int    // modules described by that conf file
	Layout                      dataLayout
	LayoutErr                   error
	Conf                        *sword.Conf
}

// scanLibrary lists the modules of one library root. A root without mods.d
// has none; confs that do not parse are skipped.
func scanLibrary(root string, lim Limits) ([]installedModule, error) {
	dir := filepath.Join(root, "mods.d")
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("install: %w", err)
	}
	var out []installedModule
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(n), ".conf") || strings.HasPrefix(n, ".") {
			continue
		}
		confs, _, err := parseConfFile(filepath.Join(dir, n), lim.maxConf())
		if err != nil {
			continue
		}
		for _, c := range confs {
			im := installedModule{
				Name: c.Section, Abbreviation: c.Get("Abbreviation"), Version: c.Get("Version"),
				Root: root, ConfFile: n, Sections: len(confs), Conf: c,
			}
			im.Layout, im.LayoutErr = layoutOf(c)
			out = append(out, im)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// findInstalled returns the modules of mods whose name (or, failing that,
// abbreviation) is name, case-insensitively.
func findInstalled(mods []installedModule, name string) []installedModule {
	var out []installedModule
	for _, m := range mods {
		if strings.EqualFold(m.Name, name) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		for _, m := range mods {
			if m.Abbreviation != "" && strings.EqualFold(m.Abbreviation, name) {
				out = append(out, m)
			}
		}
	}
	return out
}

func parseSize(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
