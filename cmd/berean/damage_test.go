package main

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"berean/index"
	"berean/sword/swordtest"
)

// TestReadDamagedModule reproduces issue 15's failures 2 and 3 at the
// command line: a byte flipped in a book's block, or the verse index cut
// short, printed wrong or empty verses with exit 0. Now read exits 2 naming
// the module, the file, the offset and the verses affected.
func TestReadDamagedModule(t *testing.T) {
	entries := map[string]string{}
	for v := 1; v <= 30; v++ {
		entries["Acts.13."+itoa(v)] = "Verse " + itoa(v) + " of Acts thirteen, " + strings.Repeat("and more words ", 10)
	}
	entries["Matt.1.1"] = "The book of the generation"
	for _, tc := range []struct {
		name, ref string
		damage    func(dir string)
		want      []string
	}{
		{"flipped block byte", "Acts 13:19", func(dir string) {
			bzs, _ := os.ReadFile(filepath.Join(dir, "nt.bzs"))
			off, size := binary.LittleEndian.Uint32(bzs[12:]), binary.LittleEndian.Uint32(bzs[16:])
			p := filepath.Join(dir, "nt.bzz")
			d, _ := os.ReadFile(p)
			d[off+size*3/4] ^= 0x10
			os.WriteFile(p, d, 0o644)
		}, []string{"module FIXD", "nt.bzz", "offset", "affects Acts 13:1 to Acts 13:30"}},
		{"verse index cut", "Acts 13:19", func(dir string) {
			os.Truncate(filepath.Join(dir, "nt.bzv"), 41230)
		}, []string{"module FIXD", "nt.bzv", "offset 41230", "to Revelation"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			mi, err := swordtest.WriteBible(root, swordtest.Bible{Name: "FIXD", Conf: []string{"Abbreviation=FIXD"}, Entries: entries})
			if err != nil {
				t.Fatal(err)
			}
			tc.damage(mi.DataPath)
			code, out, errs := runCmd(t, "", "--sword-path", root, "read", "-b", "FIXD", tc.ref)
			if code != 2 {
				t.Errorf("exit %d, want 2; stdout %q", code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr does not name %q: %s", w, errs)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestIndexReportsSkipped: `berean index` prints each Bible the index left
// out (its data damaged) on stderr and exits 1 (issue 15: it reported fewer
// verses and exit 0).
func TestIndexReportsSkipped(t *testing.T) {
	var out, errb strings.Builder
	a := &app{stdout: &out, stderr: &errb}
	if err := skippedErr(a, nil); err != nil {
		t.Errorf("nothing skipped: %v", err)
	}
	err := skippedErr(a, []index.SkippedModule{{Name: "KJV", Module: "engKJV2006eb", Reason: "sword: module engKJV2006eb: nt.bzz at offset 123: corrupt module data"}})
	if !errors.Is(err, errProblems) || !strings.Contains(errb.String(), "skipped engKJV2006eb") || !strings.Contains(errb.String(), "offset 123") {
		t.Errorf("err %v, stderr %q", err, errb.String())
	}
}
