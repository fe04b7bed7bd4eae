package berean

import (
	"context"
	"os"
	"testing"
)

func TestNoteMarker(t *testing.T) {
	for n, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa", 27: "ab", 51: "az", 52: "ba", 701: "zz", 702: "aaa"} {
		if got := NoteMarker(n); got != want {
			t.Errorf("NoteMarker(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestReadRows reads with the installed modules: a book one Bible lacks is
// anchored on the next, "all" is every Bible, the limit holds.
func TestReadRows(t *testing.T) {
	if _, err := os.Stat("/usr/share/sword/mods.d/engWEB2015eb.conf"); err != nil {
		t.Skip("the KJV and WEB modules are not installed")
	}
	e, err := Open(Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	bs, ps, err := e.ReadRows(ctx, []string{"Sirach 1:1"}, []string{"KJV", "WEB"})
	if err != nil || len(ps) != 1 || ps[0].Anchor != 1 || len(ps[0].Rows) != 1 {
		t.Fatalf("Sirach 1:1 in KJV, WEB: %v %+v", err, ps)
	}
	if c := ps[0].Rows[0].Cells; len(c[0]) != 0 || len(c[1]) != 1 || bs[1].Name() != "WEB" {
		t.Errorf("Sirach 1:1 cells %+v", c)
	}
	all, err := e.Bibles([]string{"all"})
	if err != nil || len(all) != len(e.Corpus().Bibles()) {
		t.Errorf("Bibles(all) = %d Bibles, %v", len(all), err)
	}
	if twice, err := e.Bibles([]string{"WEB,all"}); err != nil || len(twice) != len(all) || twice[0].Name() != "WEB" {
		t.Errorf("Bibles(WEB,all) = %d Bibles, %v", len(twice), err)
	}
	if _, _, err := e.ReadRows(ctx, []string{"Gen-Rev"}, nil); err == nil {
		t.Errorf("the whole Bible read without hitting MaxReadVerses")
	} else if code, _ := ErrorCode(err); code != CodeTooLarge {
		t.Errorf("Gen-Rev: %v, want %s", err, CodeTooLarge)
	}
	res, err := e.Read(ctx, []string{"John 3:16"}, []string{"KJV", "WEB"})
	if err != nil || len(res.Passages) != 1 {
		t.Fatal(err)
	}
	var web int
	for _, n := range res.Passages[0].Notes {
		if n.Bible == "WEB" && n.OSIS == "John.3.16" && n.Kind == "footnote" {
			web++
		}
	}
	if web != 1 {
		t.Errorf("John 3:16 in KJV, WEB: notes %+v, want the WEB's footnote", res.Passages[0].Notes)
	}
}
