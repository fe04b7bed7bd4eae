package sword_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"berean/canon"
	"berean/sword"
	"berean/sword/swordtest"
)

// FuzzLZSS: any input decodes without panic within the limit; any data
// survives the swordtest encoder and the reader's decoder.
func FuzzLZSS(f *testing.F) {
	f.Add([]byte("In the beginning God created the heaven and the earth."))
	f.Add(bytes.Repeat([]byte("ab"), 100))
	f.Add([]byte("\x00\xee\xf0\xee\xf0\xee\xf0")) // references only, into the initial spaces
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 16
		out, err := sword.Decompress(sword.LZSS, data, limit)
		if err != nil && !errors.Is(err, sword.ErrCorrupt) {
			t.Fatalf("error not ErrCorrupt: %v", err)
		}
		if len(out) > limit {
			t.Fatalf("%d bytes out", len(out))
		}
		if len(data) > 4096 {
			return // the test encoder searches the whole ring for every byte
		}
		z, err := swordtest.Compress("LZSS", data)
		if err != nil {
			t.Fatal(err)
		}
		back, err := sword.Decompress(sword.LZSS, z, len(data))
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("round trip: %q -> %q, %v", data, back, err)
		}
	})
}

var verseDrivers = []struct {
	driver string
	files  [3]string // index, data, block index
	rs     int
}{
	{"zText", [3]string{"ot.bzv", "ot.bzz", "ot.bzs"}, 10},
	{"zText4", [3]string{"ot.bzv", "ot.bzz", "ot.bzs"}, 12},
	{"RawText", [3]string{"ot.vss", "ot", ""}, 6},
	{"RawText4", [3]string{"ot.vss", "ot", ""}, 8},
}

var compressions = []string{"ZIP", "BZIP2", "XZ", "LZSS"}

// readFiles returns the files of a module, the index cut to its first n bytes.
func readFiles(t testing.TB, dir string, names [3]string, n int) [3][]byte {
	var out [3][]byte
	for i, name := range names {
		if name == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && len(b) > n {
			b = b[:n]
		}
		out[i] = b
	}
	return out
}

// FuzzVerseModule: corrupt index, data and block-index files of every verse
// driver and compression never panic, and every failure wraps ErrCorrupt.
// Each run also flips one byte of a real module's compressed blocks (chosen
// from the inputs) and requires the true text or an error (checkFlip).
func FuzzVerseModule(f *testing.F) {
	flips := flipModules(f)
	entries := map[string]string{"OT:1": "heading", "Gen.1.1": "In the beginning", "Gen.1.2": "And the earth", "Gen.1.3": "Let there be light", "Gen.2.1": "Thus"}
	for d, vd := range verseDrivers {
		for c, comp := range compressions {
			if vd.rs < 10 && c > 0 {
				continue
			}
			mi := swordtest.NewBible(f, swordtest.Bible{Driver: vd.driver, Compression: comp, Entries: entries})
			files := readFiles(f, mi.DataPath, vd.files, 60*vd.rs)
			f.Add(uint8(d), uint8(c), files[0], files[1], files[2])
		}
	}
	f.Fuzz(func(t *testing.T, drv, comp uint8, idx, data, blocks []byte) {
		mask := uint8(1)
		if len(blocks) > 0 {
			mask = blocks[0]
		}
		checkFlip(t, flips, comp, uint32(len(idx))*31+uint32(len(data))+uint32(drv), mask)
		vd := verseDrivers[int(drv)%len(verseDrivers)]
		dir := t.TempDir()
		mods := filepath.Join(dir, "mods.d")
		dp := filepath.Join(dir, "modules", "x")
		os.MkdirAll(mods, 0o755)
		os.MkdirAll(dp, 0o755)
		for i, b := range [][]byte{idx, data, blocks} {
			if vd.files[i] != "" {
				os.WriteFile(filepath.Join(dp, vd.files[i]), b, 0o644)
			}
		}
		conf := "[X]\nDataPath=./modules/x/\nModDrv=" + vd.driver + "\nBlockType=BOOK\nCompressType=" + compressions[int(comp)%4] + "\n"
		os.WriteFile(filepath.Join(mods, "x.conf"), []byte(conf), 0o644)
		mis, err := sword.ReadConfFile(dir, filepath.Join(mods, "x.conf"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := sword.OpenVerse(mis[0])
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		n := min(len(idx)/vd.rs+2, 200)
		for ti := 0; ti < n; ti++ {
			b, err := m.EntryAt(canon.OT, ti)
			if err != nil && !errors.Is(err, sword.ErrCorrupt) {
				t.Fatalf("slot %d: error not ErrCorrupt: %v", ti, err)
			}
			if len(b) > 4*(len(data)*1100+(1<<20)) {
				t.Fatalf("slot %d: %d bytes from %d bytes of data", ti, len(b), len(data))
			}
			if loc, err := m.Locate(canon.OT, ti); err != nil {
				t.Fatalf("slot %d: Locate: %v", ti, err)
			} else if b != nil && loc == (sword.Location{}) {
				t.Fatalf("slot %d: an entry of %d bytes at an empty location", ti, len(b))
			}
		}
		if b, err := m.EntryAt(canon.NT, 5); b != nil || err != nil {
			t.Fatalf("NT without files: %q %v", b, err)
		}
	})
}

var lexDrivers = []string{"zLD", "RawLD", "RawLD4"}

// FuzzLexModule: corrupt .idx, .dat, .zdx and .zdt files never panic; Open
// and At fail only with ErrCorrupt, Lookup also with ErrNotFound (no keys).
func FuzzLexModule(f *testing.F) {
	entries := map[string]string{"1": "alpha", "2": "beta", "1793": "intercession", "25": "agapao", "5624": "last"}
	for d, drv := range lexDrivers {
		for c, comp := range compressions {
			if d > 0 && c > 0 {
				continue
			}
			mi := swordtest.NewLexicon(f, swordtest.Lexicon{Driver: drv, Compression: comp, Entries: entries, BlockCount: 2,
				Links: map[string]string{"3": "2"}})
			var files [4][]byte
			for i, ext := range []string{".idx", ".dat", ".zdx", ".zdt"} {
				files[i], _ = os.ReadFile(mi.DataPath + ext)
			}
			f.Add(uint8(d), uint8(c), files[0], files[1], files[2], files[3])
		}
	}
	f.Fuzz(func(t *testing.T, drv, comp uint8, idx, dat, zdx, zdt []byte) {
		driver := lexDrivers[int(drv)%len(lexDrivers)]
		dir := t.TempDir()
		mods := filepath.Join(dir, "mods.d")
		os.MkdirAll(mods, 0o755)
		for i, ext := range []string{".idx", ".dat", ".zdx", ".zdt"} {
			os.WriteFile(filepath.Join(dir, "dict"+ext), [][]byte{idx, dat, zdx, zdt}[i], 0o644)
		}
		conf := "[X]\nDataPath=./dict\nModDrv=" + driver + "\nCompressType=" + compressions[int(comp)%4] + "\n"
		os.WriteFile(filepath.Join(mods, "x.conf"), []byte(conf), 0o644)
		mis, err := sword.ReadConfFile(dir, filepath.Join(mods, "x.conf"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := sword.OpenLex(mis[0])
		if err != nil {
			if !errors.Is(err, sword.ErrCorrupt) {
				t.Fatalf("OpenLex: error not ErrCorrupt: %v", err)
			}
			return
		}
		defer m.Close()
		for i := 0; i < min(m.Len(), 100); i++ {
			if _, _, err := m.At(i); err != nil && !errors.Is(err, sword.ErrCorrupt) {
				t.Fatalf("At(%d): error not ErrCorrupt: %v", i, err)
			}
		}
		for _, k := range []string{"1793", "G2", "3", "", "ZZZ"} {
			if _, _, _, err := m.Lookup(k); err != nil && !errors.Is(err, sword.ErrCorrupt) && !errors.Is(err, sword.ErrNotFound) {
				t.Fatalf("Lookup(%q): %v", k, err)
			}
		}
	})
}
