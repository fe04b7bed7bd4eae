package sword_test

import (
	"fmt"
	"testing"

	"berean/canon"
	"berean/sword"
	"berean/sword/swordtest"
)

// benchBible is a synthetic zText module with every verse of Genesis and
// Hebrews filled, BOOK blocks, ZIP (the installed modules' layout).
func benchBible(b *testing.B) *sword.ModuleInfo {
	entries := map[string]string{}
	sys := canon.KJV()
	for _, osis := range []string{"Gen", "Heb"} {
		bk, _ := sys.Book(osis)
		for c := 1; c <= bk.Chapters(); c++ {
			for v := 1; v <= bk.Verses[c-1]; v++ {
				entries[fmt.Sprintf("%s.%d.%d", osis, c, v)] = fmt.Sprintf(`<w lemma="strong:G%04d">verse</w> %s %d:%d and some words of text to fill a verse`, v, osis, c, v)
			}
		}
	}
	return swordtest.NewBible(b, swordtest.Bible{Entries: entries})
}

// BenchmarkEntryWarm: a verse lookup when its block is cached (the common
// case when reading a passage).
func BenchmarkEntryWarm(b *testing.B) {
	m, err := sword.OpenVerse(benchBible(b))
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	m.Entry("Heb", 7, 25)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Entry("Heb", 7, 25); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenVerse: opening a module (files only; blocks are read lazily).
func BenchmarkOpenVerse(b *testing.B) {
	mi := benchBible(b)
	b.ReportAllocs()
	for b.Loop() {
		m, err := sword.OpenVerse(mi)
		if err != nil {
			b.Fatal(err)
		}
		m.Close()
	}
}

// BenchmarkOpenAndRead: open, one cold verse (decompress a BOOK block), close:
// what `berean read` pays per process.
func BenchmarkOpenAndRead(b *testing.B) {
	openAndRead(b, benchBible(b))
}

func benchLex(b *testing.B) *sword.LexModule {
	entries := map[string]string{}
	for i := 1; i <= 5624; i++ {
		entries[fmt.Sprint(i)] = fmt.Sprintf(`<entryFree n="%05d"><def>definition of entry %d</def></entryFree>`, i, i)
	}
	m, err := sword.OpenLex(swordtest.NewLexicon(b, swordtest.Lexicon{Entries: entries}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// BenchmarkLexLookup: a Strong's lookup with a G prefix (warm block cache).
func BenchmarkLexLookup(b *testing.B) {
	m := benchLex(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, exact, err := m.Lookup("G1793"); err != nil || !exact {
			b.Fatal(err)
		}
	}
}

// BenchmarkInstalledEntryWarm and BenchmarkInstalledOpen use the KJV when
// it is installed.
func BenchmarkInstalledEntryWarm(b *testing.B) {
	l := installedLib(b)
	m := openInstalled(b, l, "KJV")
	m.Entry("Heb", 7, 25)
	b.ReportAllocs()
	for b.Loop() {
		m.Entry("Heb", 7, 25)
	}
}

// BenchmarkInstalledEntryCold is what `berean read "Heb 7:23-25"` does in a
// new process: open the KJV and read a verse from the middle of a book-sized
// block, which inflates (and checks) the whole block.
func BenchmarkInstalledEntryCold(b *testing.B) {
	openAndRead(b, findInstalled(b, installedLib(b), "KJV"))
}

func BenchmarkInstalledOpen(b *testing.B) {
	mi := findInstalled(b, installedLib(b), "KJV")
	b.ReportAllocs()
	for b.Loop() {
		m, err := sword.OpenVerse(mi)
		if err != nil {
			b.Fatal(err)
		}
		m.Close()
	}
}

func BenchmarkInstalledLexLookup(b *testing.B) {
	m, err := sword.OpenLex(findInstalled(b, installedLib(b), "StrongsGreek"))
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	b.ReportAllocs()
	for b.Loop() {
		m.Lookup("G1793")
	}
}

func installedLib(b *testing.B) *sword.Library {
	l, err := sword.OpenLibrary([]string{sword.SystemRoot})
	if err != nil || len(l.Modules()) == 0 {
		b.Skip("no SWORD modules in " + sword.SystemRoot)
	}
	return l
}

// findInstalled is the installed module of a name; the benchmark is
// skipped when there is none.
func findInstalled(b *testing.B, l *sword.Library, name string) *sword.ModuleInfo {
	mi, err := l.Find(name)
	if err != nil {
		b.Skip(err)
	}
	return mi
}

func openInstalled(b *testing.B, l *sword.Library, name string) *sword.VerseModule {
	m, err := sword.OpenVerse(findInstalled(b, l, name))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// openAndRead opens a Bible, reads Hebrews 7:25 and closes it, b.N times.
func openAndRead(b *testing.B, mi *sword.ModuleInfo) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := sword.OpenVerse(mi)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.Entry("Heb", 7, 25); err != nil {
			b.Fatal(err)
		}
		m.Close()
	}
}
