package install

import (
	"archive/tar"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Listings come from the network: whatever the page, the entries are plain
// names that cannot leave the directory.
func FuzzParseListing(f *testing.F) {
	f.Add(`<a href="ot.bzs">ot.bzs</a><a href="sub/">sub/</a>`)                        // Go's FileServer
	f.Add(`<a href="?C=N;O=D">Name</a><a href="/pub/">Parent</a><a href="../">up</a>`) // Apache chrome
	f.Add(`<A HREF='a%2F..%2Fb'>x</A><a href="%2e%2e/">x</a><a href="http://x/y">`)    // escapes and absolute URLs
	f.Fuzz(func(t *testing.T, page string) {
		for _, e := range parseListing([]byte(page)) {
			if e.Name == "" || e.Name == "." || e.Name == ".." || strings.ContainsAny(e.Name, "/\\\x00") || strings.HasPrefix(e.Name, ".") {
				t.Fatalf("unsafe entry %q from %q", e.Name, page)
			}
		}
	})
}

// Catalogue archives come from the network: only plain conf files land in
// the destination, nothing anywhere else.
func FuzzUnpackCatalogue(f *testing.F) {
	f.Add(writeTarGz(f, []tar.Header{{Name: "mods.d/kjv.conf"}, {Name: "mods.d/../x.conf"}}, []string{"[KJV]\nModDrv=zText\n", "x"}))
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		base := t.TempDir()
		dst := filepath.Join(base, "mods.d")
		os.Mkdir(dst, 0o755)
		unpackCatalogue(bytes.NewReader(data), dst, Limits{MaxCatalog: 4 << 20})
		filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if p == base || p == dst {
				return nil
			}
			if filepath.Dir(p) != dst || !d.Type().IsRegular() || !strings.HasSuffix(strings.ToLower(d.Name()), ".conf") {
				t.Fatalf("unexpected %s", p)
			}
			return nil
		})
	})
}

// Zip packages come from the network: whatever openZip accepts extracts
// inside the destination only.
func FuzzOpenZip(f *testing.F) {
	dir := f.TempDir()
	for i, ms := range [][]zipMember{
		{{name: "mods.d/x.conf", body: "[X]\n"}, {name: "modules/texts/ztext/x/ot.bzs", body: "abc"}},
		{{name: "../evil", body: "x"}},
		{{name: "modules/x/l", mode: fs.ModeSymlink | 0o777, body: "/etc"}},
	} {
		p := filepath.Join(dir, "seed"+string(rune('a'+i))+".zip")
		writeZip(f, p, ms)
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		base := t.TempDir()
		p := filepath.Join(base, "in.zip")
		os.WriteFile(p, data, 0o644)
		cz, err := openZip(p, Limits{MaxUnpacked: 8 << 20, MaxFiles: 200})
		if err != nil {
			return
		}
		defer cz.Close()
		out := filepath.Join(base, "out")
		budget := int64(8 << 20)
		for _, e := range cz.files {
			if e.dir {
				continue
			}
			extractEntry(e, filepath.Join(out, filepath.FromSlash(e.rel)), &budget)
		}
		filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == base {
				return nil
			}
			if p != filepath.Join(base, "in.zip") && !strings.HasPrefix(p, out) {
				t.Fatalf("written outside: %s", p)
			}
			if d.Type()&fs.ModeSymlink != 0 {
				t.Fatalf("symlink created: %s", p)
			}
			return nil
		})
	})
}

// InstallMgr.conf may have been written by anything: reading it never
// fails, and rewriting the sources read back gives the same sources.
func FuzzRepoConfig(f *testing.F) {
	f.Add("[General]\nPassiveFTP=true\n[Sources]\nFTPSource=CrossWire|ftp.crosswire.org|/pub/sword/raw\n")
	f.Add("[Sources]\nHTTPSource=a|h:1|/d|u|p|id\nHTTPSource=b|h:1|/e\n[BereanPackageDirs]\nid=/zip\n")
	f.Fuzz(func(t *testing.T, conf string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "InstallMgr.conf")
		os.WriteFile(p, []byte(conf), 0o644)
		rc, err := readRepoConfig(p)
		if err != nil {
			return
		}
		srcs, _ := rc.sources()
		var clean []Source
		for _, s := range srcs {
			if checkSourceName(s.Name) != nil || strings.ContainsAny(s.Host+s.Dir+s.User+s.Password+s.UID, "|\r\n") {
				return
			}
			clean = append(clean, s)
		}
		if err := rc.setSources(clean); err != nil {
			t.Fatal(err)
		}
		rc2, err := readRepoConfig(p)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := rc2.sources()
		if len(again) != len(clean) {
			t.Fatalf("%d sources, then %d\n%s", len(clean), len(again), conf)
		}
		for i := range again {
			if again[i].Name != clean[i].Name || again[i].Host != clean[i].Host || again[i].UID != clean[i].UID {
				t.Fatalf("source %d: %+v then %+v", i, clean[i], again[i])
			}
		}
	})
}
