package install

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"berean/sword"
)

// fileRule is one data file a driver needs: the suffix after the prefix
// (or the testament name) and, for index files, the record size its length
// must be a multiple of (0: any length).
type fileRule struct {
	suffix string
	record int64
}

// driverFiles lists the files a driver reads, per file set. Verse-keyed
// drivers have one set per testament ("ot", "nt"; at least one complete);
// the others one set named by the DataPath prefix.
func driverFiles(c *sword.Conf) (sets []string, rules []fileRule, known bool) {
	drv := strings.ToLower(c.Get("ModDrv"))
	letter := "c"
	switch strings.ToUpper(strings.TrimSpace(c.Get("BlockType"))) {
	case "BOOK":
		letter = "b"
	case "VERSE":
		letter = "v"
	}
	testaments := []string{"ot", "nt"}
	switch drv {
	case "ztext", "zcom":
		return testaments, []fileRule{{"." + letter + "zs", 12}, {"." + letter + "zv", 10}, {"." + letter + "zz", 0}}, true
	case "ztext4", "zcom4":
		return testaments, []fileRule{{"." + letter + "zs", 12}, {"." + letter + "zv", 12}, {"." + letter + "zz", 0}}, true
	case "rawtext", "rawcom", "rawgbf", "hrefcom", "rawfiles":
		return testaments, []fileRule{{".vss", 6}, {"", 0}}, true
	case "rawtext4", "rawcom4":
		return testaments, []fileRule{{".vss", 8}, {"", 0}}, true
	case "zld":
		return nil, []fileRule{{".idx", 8}, {".dat", 0}, {".zdx", 8}, {".zdt", 0}}, true
	case "rawld":
		return nil, []fileRule{{".idx", 6}, {".dat", 0}}, true
	case "rawld4":
		return nil, []fileRule{{".idx", 8}, {".dat", 0}}, true
	case "rawgenbook":
		return nil, []fileRule{{".idx", 4}, {".dat", 0}, {".bdt", 0}}, true
	}
	return nil, nil, false
}

// checkDataFiles checks that the files the module's driver needs are in
// root/<layout>: for verse-keyed modules at least one testament's complete
// set, for the others every file; index files non-empty and a whole number
// of records. Drivers it does not know only need a non-empty directory.
func checkDataFiles(root string, c *sword.Conf, l dataLayout) error {
	dir := filepath.Join(root, filepath.FromSlash(l.Dir))
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) == 0 {
		return fmt.Errorf("module %s: no data in %s: %w", c.Section, l.Dir, ErrCorrupt)
	}
	sets, rules, known := driverFiles(c)
	if !known {
		return nil
	}
	check := func(base string) (present int, err error) {
		for _, r := range rules {
			p := filepath.Join(dir, base+r.suffix)
			fi, err := os.Lstat(p)
			if err != nil {
				continue
			}
			present++
			if !fi.Mode().IsRegular() {
				return present, fmt.Errorf("module %s: %s is not a regular file: %w", c.Section, base+r.suffix, ErrUnsafe)
			}
			if r.record > 0 && (fi.Size() == 0 || fi.Size()%r.record != 0) {
				return present, fmt.Errorf("module %s: %s is %d bytes, not a whole number of %d-byte records: %w", c.Section, base+r.suffix, fi.Size(), r.record, ErrCorrupt)
			}
		}
		if present != 0 && present != len(rules) {
			return present, fmt.Errorf("module %s: the %s files are incomplete (%d of %d): %w", c.Section, base, present, len(rules), ErrCorrupt)
		}
		return present, nil
	}
	if sets == nil {
		n, err := check(l.Prefix)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("module %s: %s/%s.* missing: %w", c.Section, l.Dir, l.Prefix, ErrCorrupt)
		}
		return nil
	}
	complete := 0
	for _, t := range sets {
		n, err := check(t)
		if err != nil {
			return err
		}
		if n > 0 {
			complete++
		}
	}
	if complete == 0 {
		return fmt.Errorf("module %s: neither ot nor nt files in %s: %w", c.Section, l.Dir, ErrCorrupt)
	}
	return nil
}

// openCheck opens the staged module with package sword and reads from it:
// the first verse of every chapter of a Bible or commentary (so every
// compressed block of a BOOK- or CHAPTER-blocked module is inflated once),
// the first and last entries of a lexicon. Locked modules and kinds sword
// cannot open are accepted as they are.
func openCheck(root, name string, locked bool) error {
	if locked {
		return nil
	}
	lib, err := sword.OpenLibrary([]string{root})
	if err != nil {
		return fmt.Errorf("module %s: %v: %w", name, err, ErrCorrupt)
	}
	mi, err := lib.Find(name)
	if err != nil {
		return fmt.Errorf("module %s: not found after unpacking (%v): %w", name, err, ErrCorrupt)
	}
	fail := func(err error) error {
		if errors.Is(err, sword.ErrLocked) || errors.Is(err, sword.ErrUnsupported) {
			return nil // locked, or a kind berean cannot read that libsword may
		}
		return fmt.Errorf("module %s: reading it failed: %v: %w", name, err, ErrCorrupt)
	}
	switch mi.Type {
	case "bible", "commentary":
		vm, err := sword.OpenVerse(mi)
		if err != nil {
			return fail(err)
		}
		defer vm.Close()
		sys := vm.System()
		for _, b := range sys.Books() {
			for ch := 1; ch <= b.Chapters(); ch++ {
				if _, err := vm.Entry(b.OSIS, ch, 1); err != nil && !errors.Is(err, sword.ErrNotFound) {
					return fail(err)
				}
			}
		}
	case "lexicon":
		lm, err := sword.OpenLex(mi)
		if err != nil {
			return fail(err)
		}
		if c, ok := any(lm).(interface{ Close() error }); ok {
			defer c.Close()
		}
		if n := lm.Len(); n > 0 {
			for _, i := range []int{0, n / 2, n - 1} {
				if _, _, err := lm.At(i); err != nil {
					return fail(err)
				}
			}
		}
	}
	return nil
}
