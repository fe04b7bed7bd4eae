package sword_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"berean/canon"
	"berean/sword"
	"berean/sword/swordtest"
)

// A module whose conf names the wrong driver of its family is read with the
// record size its index files have (the Debian MHCC case, in small).
func TestMislabelledDriver(t *testing.T) {
	entries := map[string]string{
		"Gen.1.1":    "In the beginning.",
		"Matt.28.16": "Verses 16-20. The great commission.",
		"Rev.22.21":  "The last verse.",
	}
	links := map[string]string{"Matt.28.17": "Matt.28.16", "Matt.28.20": "Matt.28.16"}
	for _, tc := range []struct {
		written, declared string
		want              int
	}{
		{"zCom", "zCom4", 10},
		{"zCom4", "zCom", 12},
		{"zText", "zText4", 10},
		{"RawCom", "RawCom4", 6},
		{"RawCom4", "RawCom", 8},
		{"zCom4", "zCom4", 12},
	} {
		t.Run(tc.written+"-as-"+tc.declared, func(t *testing.T) {
			mi := swordtest.NewBible(t, swordtest.Bible{Name: "Comm", Driver: tc.written, ConfDriver: tc.declared, Entries: entries, Links: links})
			if mi.Driver != tc.declared {
				t.Fatalf("conf driver %s, want %s", mi.Driver, tc.declared)
			}
			m, err := sword.OpenVerse(mi)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			for _, tt := range []canon.Testament{canon.OT, canon.NT} {
				if got := m.RecordSize(tt); got != tc.want {
					t.Errorf("testament %d: record size %d, want %d", tt, got, tc.want)
				}
			}
			for ref, want := range entries {
				p := strings.Split(ref, ".")
				ch, _ := strconv.Atoi(p[1])
				v, _ := strconv.Atoi(p[2])
				got, err := m.Entry(p[0], ch, v)
				if err != nil || string(got) != want {
					t.Errorf("%s = %q, %v; want %q", ref, got, err, want)
				}
			}
			a, _ := slotLoc(t, m, "Matt", 28, 16)
			b, _ := slotLoc(t, m, "Matt", 28, 20)
			c, _ := slotLoc(t, m, "Matt", 28, 18)
			if a == (sword.Location{}) || a != b || c != (sword.Location{}) {
				t.Errorf("locations 16 %v, 20 %v, 18 %v: want 16 = 20 non-empty, 18 empty", a, b, c)
			}
		})
	}
}

// When the index matches neither record size the declared one is used: a
// truncated index (a record past its end is an empty slot) still reads.
func TestRecordSizeNeitherMatches(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Name: "Short", Driver: "zCom", ConfDriver: "zCom4",
		Entries: map[string]string{"Gen.1.1": "first"}})
	idx := filepath.Join(mi.DataPath, "ot.bzv")
	b, err := os.ReadFile(idx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idx, b[:len(b)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if got := m.RecordSize(canon.OT); got != 12 {
		t.Errorf("OT record size %d, want the declared 12", got)
	}
	if got := m.RecordSize(canon.NT); got != 10 {
		t.Errorf("NT record size %d, want the detected 10", got)
	}
}

func slotLoc(t *testing.T, m *sword.VerseModule, book string, ch, v int) (sword.Location, error) {
	t.Helper()
	tt, ti, err := m.System().Slot(book, ch, v)
	if err != nil {
		t.Fatal(err)
	}
	return m.Locate(tt, ti)
}
