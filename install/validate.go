package install

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"berean/sword"
)

// checkDataFiles checks that the files the module's driver needs are in
// root/<layout>, by the driver's layout that package sword reads them with
// (sword.ModuleInfo.Layout): for verse-keyed modules at least one
// testament's complete set, for the others every file; index files
// non-empty and a whole number of records. Drivers (or block types) sword
// does not know only need a non-empty directory.
func checkDataFiles(root string, c *sword.Conf, l dataLayout) error {
	dir := filepath.Join(root, filepath.FromSlash(l.Dir))
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) == 0 {
		return fmt.Errorf("module %s: no data in %s: %w", c.Section, l.Dir, ErrCorrupt)
	}
	mi, err := sword.NewModuleInfo(root, "", c)
	if err != nil {
		return fmt.Errorf("module %s: %v: %w", c.Section, err, ErrUnsafe)
	}
	files, known := mi.Layout()
	if !known {
		return nil
	}
	var sets []string // in layout order: "ot", "nt", or the one set ""
	bySet := map[string][]sword.DataFile{}
	for _, f := range files {
		if _, ok := bySet[f.Set]; !ok {
			sets = append(sets, f.Set)
		}
		bySet[f.Set] = append(bySet[f.Set], f)
	}
	check := func(set string) (present int, err error) {
		for _, f := range bySet[set] {
			name := filepath.Base(f.Path)
			fi, err := os.Lstat(f.Path)
			if err != nil {
				continue
			}
			present++
			if !fi.Mode().IsRegular() {
				return present, fmt.Errorf("module %s: %s is not a regular file: %w", c.Section, name, ErrUnsafe)
			}
			if f.Record > 0 && (fi.Size() == 0 || fi.Size()%f.Record != 0) {
				return present, fmt.Errorf("module %s: %s is %d bytes, not a whole number of %d-byte records: %w", c.Section, name, fi.Size(), f.Record, ErrCorrupt)
			}
		}
		if present != 0 && present != len(bySet[set]) {
			base := set
			if base == "" {
				base = l.Prefix
			}
			return present, fmt.Errorf("module %s: the %s files are incomplete (%d of %d): %w", c.Section, base, present, len(bySet[set]), ErrCorrupt)
		}
		return present, nil
	}
	if len(sets) == 1 && sets[0] == "" {
		n, err := check("")
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
