package corpus_test

import (
	"os"
	"testing"

	"berean/corpus"
)

func openInstalled(b *testing.B) *corpus.Corpus {
	if _, err := os.Stat(installedRoot + "/mods.d"); err != nil {
		b.Skip("no modules installed")
	}
	c, err := corpus.Open([]string{installedRoot})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	return c
}

// BenchmarkAllKJV renders every verse of the KJV (the index build's input).
func BenchmarkAllKJV(b *testing.B) {
	c := openInstalled(b)
	kjv, err := c.Bible("KJV")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		n := 0
		for v := range kjv.All() {
			n += len(v.Text.Words)
		}
		if n == 0 {
			b.Fatal("no words")
		}
	}
}

// BenchmarkVerse reads and renders one verse (berean read).
func BenchmarkVerse(b *testing.B) {
	c := openInstalled(b)
	kjv, err := c.Bible("KJV")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := kjv.Verse("Heb", 7, 25); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	openInstalled(b)
	for b.Loop() {
		c, err := corpus.Open([]string{installedRoot})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// TestConcurrentInstalled reads verses, lexicon entries and topics from
// many goroutines at once, starting from unopened modules (run with -race).
func TestConcurrentInstalled(t *testing.T) {
	if _, err := os.Stat(installedRoot + "/mods.d"); err != nil {
		t.Skip("no modules installed")
	}
	c, err := corpus.Open([]string{installedRoot})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			var err error
			for i := 0; i < 50 && err == nil; i++ {
				for _, b := range c.Bibles() {
					if _, err = b.Verse("John", 1+(g+i)%21, 1); err != nil {
						break
					}
				}
				if err == nil {
					_, err = c.Lexicon("G" + []string{"1793", "26", "5624"}[i%3])
				}
				if err == nil && i%10 == 0 {
					_, err = c.Topic("INTERCESSION")
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
