package berean

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"berean/sword/swordtest"
)

// TestLookupErrors: a key that is not there is the user's not_found; a
// damaged lexicon is a fault (no code: a 5xx from the server, not a 4xx).
func TestLookupErrors(t *testing.T) {
	mi := swordtest.NewLexicon(t, swordtest.Lexicon{
		Name:    "FixtureGreek",
		Entries: map[string]string{"01793": "entugchano: to intercede"},
		Conf:    []string{"Feature=GreekDef"},
	})
	eng, err := Open(Options{SwordPaths: []string{mi.Root}, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if _, err := eng.Lexicon(context.Background(), "Gxyz"); err == nil {
		t.Fatal("a malformed key was found")
	} else if code, ok := ErrorCode(err); !ok || code != CodeNotFound {
		t.Errorf("malformed key: code %q %v, want %s (%v)", code, ok, CodeNotFound, err)
	}
	// Damage every data file of the fixture: the lookup fails as a fault.
	files, _ := filepath.Glob(mi.DataPath + "*")
	if len(files) == 0 {
		t.Fatalf("no data files at %s", mi.DataPath)
	}
	for _, f := range files {
		if err := os.WriteFile(f, []byte{0xff, 0xff, 0xff}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng2, err := Open(Options{SwordPaths: []string{mi.Root}, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer eng2.Close()
	_, err = eng2.Lexicon(context.Background(), "G1793")
	if err == nil {
		t.Fatal("a damaged lexicon answered")
	}
	if code, ok := ErrorCode(err); ok {
		t.Errorf("damaged lexicon reported as the user's input (%s): %v", code, err)
	}
}
