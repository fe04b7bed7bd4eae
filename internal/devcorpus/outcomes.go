package devcorpus

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Outcomes compares got, one line per evaluated question beginning with
// its id and a tab, with the file at path (ask's testdata/public.ranks,
// study's testdata/public.outcomes). A change fails the test, listing the
// lines that moved, unless BEREAN_UPDATE_RANKS=1 is set, which rewrites
// the file (git diff then shows what moved). what names the lines in the
// failure ("ranks").
func Outcomes(t testing.TB, path, got, what string) {
	t.Helper()
	if os.Getenv("BEREAN_UPDATE_RANKS") == "1" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (BEREAN_UPDATE_RANKS=1 writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differ from %s; if the change is meant, rerun with BEREAN_UPDATE_RANKS=1 and read git diff %s:\n%s", what, path, path, moved(string(want), got))
	}
}

// moved lists the lines of got whose id's line in want differs.
func moved(want, got string) string {
	w := map[string]string{}
	for _, l := range strings.Split(want, "\n") {
		if id, _, ok := strings.Cut(l, "\t"); ok {
			w[id] = l
		}
	}
	var b strings.Builder
	for _, l := range strings.Split(got, "\n") {
		if id, _, ok := strings.Cut(l, "\t"); ok && w[id] != l {
			fmt.Fprintf(&b, "  was %q\n  now %q\n", w[id], l)
		}
	}
	return b.String()
}
