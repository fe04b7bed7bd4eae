package canon

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInstalledIndexSizes checks the record counts against the index files of
// the installed zText Bibles: each testament's .bzv holds one 10-byte record
// per slot (sword-format §2.1).
func TestInstalledIndexSizes(t *testing.T) {
	const root = "/usr/share/sword"
	confs, _ := filepath.Glob(filepath.Join(root, "mods.d", "*.conf"))
	if len(confs) == 0 {
		t.Skip("no SWORD modules installed under " + root)
	}
	checked := 0
	for _, conf := range confs {
		f, err := os.Open(conf)
		if err != nil {
			t.Fatal(err)
		}
		kv := map[string]string{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), "="); ok {
				k = strings.TrimSpace(k)
				if _, seen := kv[k]; !seen {
					kv[k] = strings.TrimSpace(v)
				}
			}
		}
		f.Close()
		if !strings.EqualFold(kv["ModDrv"], "zText") {
			continue
		}
		name := kv["Versification"]
		if name == "" {
			name = "KJV"
		}
		s, ok := Get(name)
		if !ok {
			t.Errorf("%s: unknown versification %q", conf, name)
			continue
		}
		dir := filepath.Join(root, kv["DataPath"])
		for _, tc := range []struct {
			file string
			t    Testament
		}{{"ot.bzv", OT}, {"nt.bzv", NT}} {
			fi, err := os.Stat(filepath.Join(dir, tc.file))
			if err != nil {
				continue
			}
			if got, want := fi.Size()/10, int64(s.Records(tc.t)); got != want {
				t.Errorf("%s %s: %d records, %s says %d", filepath.Base(conf), tc.file, got, s.Name, want)
			}
			checked++
		}
	}
	t.Logf("%d index files checked", checked)
}
