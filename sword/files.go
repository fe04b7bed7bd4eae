package sword

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DataFile is one file of a module driver's layout.
type DataFile struct {
	Path string // absolute path
	// Set groups the files that belong together: "ot" or "nt" for the
	// verse-keyed drivers (a module may have one testament only), "" for
	// the others (every file is needed).
	Set string
	// Record is the record size an index file's length is a whole multiple
	// of; 0 for files of any length.
	Record int64
}

// Layout lists the files the module's driver reads, whether or not they
// exist: for the verse-keyed drivers one set per testament (zText:
// ot.bzs/.bzv/.bzz with the letter of BlockType; RawText: ot.vss and ot),
// for the lexicon and genbook drivers the files of the DataPath prefix
// (.idx, .dat, and .zdx/.zdt for zLD, .bdt for RawGenBook). Known is false
// for a driver or BlockType sword does not know; such a module has no files
// here. Nothing else under the data path is module data: libsword's
// mkfastmod writes its search index into DataPath/lucene, and a directory
// may hold READMEs or leftovers of other tools.
func (mi *ModuleInfo) Layout() (files []DataFile, known bool) {
	type rule struct {
		suffix string
		record int64
	}
	var rules []rule
	testaments := false
	letter := ""
	if mi.Conf != nil {
		letter = blockLetter(mi.Conf.Get("BlockType"))
	}
	switch strings.ToLower(mi.Driver) {
	case "ztext", "zcom":
		testaments, rules = true, []rule{{"." + letter + "zs", 12}, {"." + letter + "zv", 10}, {"." + letter + "zz", 0}}
	case "ztext4", "zcom4":
		testaments, rules = true, []rule{{"." + letter + "zs", 12}, {"." + letter + "zv", 12}, {"." + letter + "zz", 0}}
	case "rawtext", "rawcom", "rawgbf", "hrefcom", "rawfiles":
		testaments, rules = true, []rule{{".vss", 6}, {"", 0}}
	case "rawtext4", "rawcom4":
		testaments, rules = true, []rule{{".vss", 8}, {"", 0}}
	case "zld":
		rules = []rule{{".idx", 8}, {".dat", 0}, {".zdx", 8}, {".zdt", 0}}
	case "rawld":
		rules = []rule{{".idx", 6}, {".dat", 0}}
	case "rawld4":
		rules = []rule{{".idx", 8}, {".dat", 0}}
	case "rawgenbook":
		rules = []rule{{".idx", 4}, {".dat", 0}, {".bdt", 0}}
	default:
		return nil, false
	}
	if strings.HasPrefix(strings.ToLower(mi.Driver), "z") && testaments && letter == "" {
		return nil, false // a BlockType the z-drivers do not have
	}
	if mi.DataPath == "" {
		return nil, true
	}
	if !testaments {
		for _, r := range rules {
			files = append(files, DataFile{Path: mi.DataPath + r.suffix, Record: r.record})
		}
		return files, true
	}
	for _, t := range []string{"ot", "nt"} {
		for _, r := range rules {
			files = append(files, DataFile{Path: filepath.Join(mi.DataPath, t+r.suffix), Set: t, Record: r.record})
		}
	}
	return files, true
}

// Files lists the paths of the module's data files by its driver's layout
// (see Layout), present or not; nil for a driver sword does not know.
func (mi *ModuleInfo) Files() []string {
	ls, _ := mi.Layout()
	if len(ls) == 0 {
		return nil
	}
	out := make([]string, len(ls))
	for i, f := range ls {
		out[i] = f.Path
	}
	return out
}

// Fingerprint names the state of the library: for each root, whether it
// has a mods.d and the name, size and modification time of every conf in it
// (modules or not: a conf added, edited or removed changes it); then for
// each module, by name, its driver and the path, size and modification time
// of each file of Files (or that the file is missing). The same fingerprint
// means the same modules with the same data, so every cache derived from
// the modules (the search index, the verify model) and the watch for
// installs use this one. Files outside the drivers' layouts (mkfastmod's
// lucene index, anything else added under a data path) do not change it.
func (l *Library) Fingerprint() string {
	h := sha256.New()
	stat := func(path string) {
		fi, err := os.Stat(path)
		if err != nil {
			fmt.Fprintf(h, "%s missing\n", path)
			return
		}
		fmt.Fprintf(h, "%s %d %d\n", path, fi.Size(), fi.ModTime().UnixNano())
	}
	for _, root := range l.roots {
		dir := filepath.Join(root, "mods.d")
		ents, err := os.ReadDir(dir)
		if err != nil {
			fmt.Fprintf(h, "root %s: no mods.d\n", root)
			continue
		}
		fmt.Fprintf(h, "root %s\n", root)
		for _, e := range ents { // ReadDir sorts by name
			if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".conf") {
				stat(filepath.Join(dir, e.Name()))
			}
		}
	}
	mods := l.Modules()
	sort.SliceStable(mods, func(i, j int) bool { return mods[i].Name < mods[j].Name })
	for _, m := range mods {
		fmt.Fprintf(h, "module %s %s\n", m.Name, m.Driver)
		for _, f := range m.Files() {
			stat(f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
