package berean

import (
	"context"
	"path/filepath"
	"testing"
)

// Reading a passage keeps a verified copy of its block in the cache
// directory, and the next engine reads the passage from it; a pass over
// every verse (what an index build does) keeps none. On the installed KJV.
func TestBlockCopiesInstalled(t *testing.T) {
	dir := t.TempDir()
	eng, err := Open(Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b, err := eng.Corpus().Bible("KJV")
	if err != nil {
		t.Skipf("no KJV installed: %v", err)
	}
	n := 0
	for v := range b.All() {
		if v.Ref.Book == "Ruth" {
			break
		}
		n++
	}
	copies := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, "blocks-*", "*"))
		return m
	}
	if got := copies(); len(got) != 0 {
		t.Fatalf("%d verses scanned left copies %v", n, got)
	}
	res, err := eng.ReadIn(context.Background(), []string{"Heb 7:25"}, []string{"KJV"}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := res.Passages[0].Verses[0].Text
	eng.Close()
	if got := copies(); len(got) != 1 {
		t.Fatalf("copies after reading Heb 7:25: %v, want one", got)
	}
	eng2, err := Open(Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer eng2.Close()
	res2, err := eng2.ReadIn(context.Background(), []string{"Heb 7:25"}, []string{"KJV"}, "")
	if err != nil || res2.Passages[0].Verses[0].Text != want {
		t.Fatalf("read again: %+v, %v; want %q", res2, err, want)
	}
}
