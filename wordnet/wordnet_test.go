package wordnet

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny WordNet in the files' format: "worry" has two noun senses, the
// first tagged 3 times (synonyms care, concern; hypernym anxiety;
// hyponym fret; an instance hyponym Job, a name), the second once
// (synonym trouble), and a verb sense (untagged) whose derivation pointer
// goes from "worry" to the noun "worrier", whose hyponym is
// "hypochondriac".
func tinyDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "  1 This software and database is being provided ...\n" +
			"worry n 2 2 @ + 2 1 00000100 00000200  \n" +
			"worrier n 1 1 + 1 0 00000300  \n",
		"data.noun": "  1 licence line\n" +
			"00000100 12 n 03 worry 0 care 0 concern 0 003 @ 00000400 n 0000 ~ 00000600 n 0000 ~i 00000700 n 0000 | a state of mind  \n" +
			"00000200 12 n 02 worry 1 trouble 0 000 | a source of unhappiness  \n" +
			"00000300 18 n 01 worrier 0 001 ~ 00000800 n 0000 | a person who worries  \n" +
			"00000400 26 n 02 anxiety 0 emotion 0 000 | a feeling  \n" +
			"00000600 12 n 01 fret 0 000 | a worry of small things  \n" +
			"00000700 18 n 01 job 0 000 | a patient man  \n" +
			"00000800 18 n 01 hypochondriac 0 000 | a worrier about health  \n",
		"index.verb": "worry v 1 1 + 1 0 00000500  \n",
		"data.verb":  "00000500 37 v 01 worry 0 001 + 00000300 n 0101 00 | be concerned  \n",
		"cntlist.rev": "worry%1:12:00:: 1 3\n" +
			"worry%1:12:01:: 2 1\n",
		"noun.exc": "brethren brother\nfeet foot\nmen_of_war man_of_war\ncherubim cherub\ncherubs cherub\ncherubim cherub\nlives life\n",
		"verb.exc": "wept weep\nbegat beget\nbegotten beget\nbegat beget\nlay lie\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRelated(t *testing.T) {
	db, err := Open(tinyDB(t))
	if err != nil {
		t.Fatal(err)
	}
	// Senses: noun 1 (count 3), noun 2 (count 1), verb 1 (count 0):
	// p = (c+1)/(4+3): 4/7, 2/7, 1/7.
	want := map[string]Related{
		"care":    {"care", 4.0 / 7, Synonym},
		"concern": {"concern", 4.0 / 7, Synonym},
		"trouble": {"trouble", 2.0 / 7, Synonym},
		"anxiety": {"anxiety", 0.3 * 4 / 7, Hypernym},
		"emotion": {"emotion", 0.3 * 4 / 7, Hypernym},
		"worrier": {"worrier", 0.7 * 1 / 7, Derivation},
		// Narrower senses: of the lemma's own sense (not its instance,
		// Job), and of the form its derivation reaches.
		"fret":          {"fret", 0.3 * 4 / 7, Hyponym},
		"hypochondriac": {"hypochondriac", 0.7 * 0.3 * 1 / 7, Hyponym},
	}
	got := db.Related("worry")
	if len(got) != len(want) {
		t.Fatalf("Related(worry) = %+v, want %d words", got, len(want))
	}
	for i, r := range got {
		w, ok := want[r.Word]
		if !ok || r.Via != w.Via || math.Abs(r.Weight-w.Weight) > 1e-9 {
			t.Errorf("%s: %+v, want %+v", r.Word, r, w)
		}
		if i > 0 && got[i-1].Weight < r.Weight {
			t.Errorf("not best first: %+v before %+v", got[i-1], r)
		}
	}
	if rs := db.Related("nonesuch"); rs != nil {
		t.Errorf("unknown lemma: %+v", rs)
	}
	if ls := db.Lemmas(); len(ls) != 2 || ls[0] != "worrier" || ls[1] != "worry" {
		t.Errorf("Lemmas() = %v", ls)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(t.TempDir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty dir: %v, want fs.ErrNotExist", err)
	}
	dir := tinyDB(t)
	if err := os.WriteFile(filepath.Join(dir, "data.noun"), []byte("00000100 12 n zz worry 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil {
		t.Error("a bad word count must be an error naming the file")
	}
	// An exception line without its base form names the file and line; a
	// blank line is no error.
	dir = tinyDB(t)
	if err := os.WriteFile(filepath.Join(dir, "noun.exc"), []byte("brethren brother\n\nchildren\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "noun.exc:3") {
		t.Errorf("exception line without a base: %v, want an error naming noun.exc:3", err)
	}
}

// TestInflections: the exception lists give a base its irregular forms,
// once each, in order; multi-word entries are left out, and so is a
// verb's form that is itself a lemma.
func TestInflections(t *testing.T) {
	dir := tinyDB(t)
	// A noun in "-man", the verb "live" (whose "lives" is no plural) and
	// the verb "lay".
	for name, line := range map[string]string{
		"index.noun": "woman n 1 0 1 0 00000900  \n",
		"index.verb": "live v 1 0 1 0 00000510  \nlay v 1 0 1 0 00000520  \n",
	} {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString(line); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lemma, want string }{
		{"brother", "brethren"},
		{"foot", "feet"},
		{"woman", "women"}, // morphy's "men -> man"
		{"life", ""},       // "lives" is also a form of the verb live
		{"cherub", "cherubim cherubs"},
		{"weep", "wept"},
		{"beget", "begat begotten"},
		{"lie", ""}, // "lay" is a verb of its own: left out
		{"man_of_war", ""},
		{"worry", ""},
	} {
		if got := strings.Join(db.Inflections(tc.lemma), " "); got != tc.want {
			t.Errorf("Inflections(%q) = %q, want %q", tc.lemma, got, tc.want)
		}
	}
}
