package install

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCompareVersions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"1.0", "1.0", 0},
		{"1.0", "", 0},
		{"", "1", 0},
		{"2", "2.0", 0},
		{"1.10", "1.9", 1},
		{"1.9", "1.10", -1},
		{"2.1.1", "2.1", 1},
		{"1.2a", "1.2", 1},
		{"1.2a", "1.2b", -1},
		{"0.9", "1.0", -1},
		{"20160118", "20160117", 1},
		{" 3.0 ", "3", 0},
	} {
		if got := CompareVersions(c.a, c.b); got != c.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestCleanRel(t *testing.T) {
	ok := map[string]string{
		"modules/texts/ztext/kjv/ot.bzs": "modules/texts/ztext/kjv/ot.bzs",
		"modules/texts/ztext/kjv/":       "modules/texts/ztext/kjv",
		"./mods.d/kjv.conf":              "mods.d/kjv.conf",
		"a//b":                           "a/b",
	}
	for in, want := range ok {
		got, err := cleanRel(in)
		if err != nil || got != want {
			t.Errorf("cleanRel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".", "/etc/passwd", "../x", "a/../../x", "modules/../..", "a\\..\\b", "C:/x", "c:x", "a\x00b", "modules/.."} {
		if got, err := cleanRel(in); !errors.Is(err, ErrUnsafe) {
			t.Errorf("cleanRel(%q) = %q, %v; want ErrUnsafe", in, got, err)
		}
	}
}

func TestParseSourceURL(t *testing.T) {
	s, err := ParseSourceURL("local", "http://127.0.0.1:8080/")
	if err != nil {
		t.Fatal(err)
	}
	if s.Type != "HTTP" || s.Host != "127.0.0.1:8080" || s.Dir != "/" || s.UID != "local" || s.URL() != "http://127.0.0.1:8080/" {
		t.Errorf("got %+v, URL %s", s, s.URL())
	}
	s, err = ParseSourceURL("CrossWire", "https://crosswire.org/ftpmirror/pub/sword/raw")
	if err != nil || s.URL() != "https://crosswire.org/ftpmirror/pub/sword/raw/" {
		t.Errorf("got %+v %v, URL %s", s, err, s.URL())
	}
	for _, bad := range []string{"ftp://ftp.crosswire.org/pub/sword/raw", "crosswire.org/raw", "http://u:p@h/", "http://h/?q=1", "http:///x"} {
		if _, err := ParseSourceURL("x", bad); err == nil {
			t.Errorf("ParseSourceURL(%q) accepted", bad)
		}
	}
	for _, bad := range []string{"", " x", "a|b", "a\nb", "[x]"} {
		if _, err := ParseSourceURL(bad, "http://h/"); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
}

func TestSourceFTPMirror(t *testing.T) {
	s := parseSourceLine("FTP", "CrossWire|ftp.crosswire.org|/pub/sword/raw")
	if err := s.Supported(); err != nil {
		t.Fatal(err)
	}
	if got := s.URL(); got != "https://crosswire.org/ftpmirror/pub/sword/raw/" {
		t.Errorf("URL = %s", got)
	}
	if s.UID != "ftp.crosswire.org" {
		t.Errorf("UID = %s, want the host (libsword's default)", s.UID)
	}
	if got := knownPackageDir(s); got != "/ftpmirror/pub/sword/packages/rawzip" {
		t.Errorf("package dir = %q", got)
	}
	o := parseSourceLine("FTP", "Other|ftp.example.org|/sword")
	if o.Supported() == nil {
		t.Error("plain FTP source reported as supported")
	}
}

// Spaces around a source line's fields are layout; a password keeps them.
func TestSourceLineSpaces(t *testing.T) {
	s := parseSourceLine("HTTP", " Local | 127.0.0.1:8080 | /repo/ | u | p w |  id ")
	want := Source{Type: "HTTP", Name: "Local", Host: "127.0.0.1:8080", Dir: "/repo", User: "u", Password: " p w ", UID: "id"}
	if s != want {
		t.Errorf("got %+v\nwant %+v", s, want)
	}
}

// The repository list is libsword's InstallMgr.conf: berean keeps
// [General] and unknown sections, rewrites [Sources] in libsword's syntax,
// and keeps package directories in its own section.
func TestRepoConfigRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "InstallMgr", "InstallMgr.conf")
	os.MkdirAll(filepath.Dir(p), 0o755)
	orig := "\n[General]\nPassiveFTP=true\nTimeoutMillis=10000\nUnverifiedPeerAllowed=true\n\n[Sources]\nFTPSource=CrossWire|ftp.crosswire.org|/pub/sword/raw\nHTTPSSource=Beta|crosswire.org|/ftpmirror/pub/sword/betaraw|||20081216195754\n\n[Custom]\nKeep=me\n"
	if err := os.WriteFile(p, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := New(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := m.Sources()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 2 || srcs[0].Name != "CrossWire" || srcs[1].UID != "20081216195754" {
		t.Fatalf("sources = %+v", srcs)
	}
	s, _ := ParseSourceURL("local", "http://127.0.0.1:9/repo/")
	s.PackageDir = "/pkgs"
	if err := m.AddSource(s); err != nil {
		t.Fatal(err)
	}
	if err := m.AddSource(s); err == nil {
		t.Error("duplicate name accepted")
	}
	data, _ := os.ReadFile(p)
	text := string(data)
	for _, want := range []string{
		"[General]\nPassiveFTP=true\nTimeoutMillis=10000\nUnverifiedPeerAllowed=true\n",
		"FTPSource=CrossWire|ftp.crosswire.org|/pub/sword/raw|||ftp.crosswire.org\n",
		"HTTPSSource=Beta|crosswire.org|/ftpmirror/pub/sword/betaraw|||20081216195754\n",
		"HTTPSource=local|127.0.0.1:9|/repo/|||local\n",
		"[Custom]\nKeep=me\n",
		"[BereanPackageDirs]\nlocal=/pkgs\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("InstallMgr.conf lacks %q:\n%s", want, text)
		}
	}
	srcs, _ = m.Sources()
	if len(srcs) != 3 || srcs[2].PackageDir != "/pkgs" || srcs[2].PackageURL() != "http://127.0.0.1:9/pkgs/" {
		t.Fatalf("after add: %+v", srcs)
	}
	if err := m.RemoveSource("crosswire"); err != nil {
		t.Fatal(err)
	}
	if err := m.RemoveSource("nope"); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("RemoveSource(nope) = %v", err)
	}
	srcs, _ = m.Sources()
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	if !reflect.DeepEqual(names, []string{"Beta", "local"}) {
		t.Errorf("after remove: %v", names)
	}
}

func TestRepoConfigDefaults(t *testing.T) {
	dir := t.TempDir()
	m, _ := New(Options{Root: dir})
	srcs, err := m.Sources()
	if err != nil || len(srcs) != len(DefaultSources()) {
		t.Fatalf("defaults: %v %v", srcs, err)
	}
	if _, err := os.Stat(m.ConfigPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Error("listing the sources wrote the file")
	}
	s, _ := ParseSourceURL("local", "http://127.0.0.1:9/")
	if err := m.AddSource(s); err != nil {
		t.Fatal(err)
	}
	srcs, _ = m.Sources()
	if len(srcs) != len(DefaultSources())+1 {
		t.Errorf("after add: %d sources", len(srcs))
	}
	data, _ := os.ReadFile(m.ConfigPath())
	if !strings.Contains(string(data), "HTTPSSource=CrossWire|crosswire.org|/ftpmirror/pub/sword/raw|||CrossWire\n") ||
		strings.Contains(string(data), "BereanPackageDirs") {
		t.Errorf("written defaults:\n%s", data)
	}
	// Removing every source leaves an empty list, not the defaults.
	for _, s := range srcs {
		if err := m.RemoveSource(s.Name); err != nil {
			t.Fatal(err)
		}
	}
	if srcs, _ := m.Sources(); len(srcs) != 0 {
		t.Errorf("after removing all: %v", srcs)
	}
}

func TestParseListing(t *testing.T) {
	html := `<html><body><h1>Index of /x</h1>
<a href="?C=N;O=D">Name</a> <a href="/pub/">Parent Directory</a>
<a href="ot.bzs">ot.bzs</a> <A HREF='nt.bzv'>nt.bzv</A>
<a href="sub/">sub/</a> <a href="../">..</a> <a href=".hidden">h</a>
<a href="http://evil.example/x">x</a> <a href="a%2Fb">slash</a> <a href="my%20file.conf">sp</a>
<a href="ot.bzs">dup</a> <a class="x" href="9.conf">9</a>`
	got := parseListing([]byte(html))
	want := []listEntry{{"ot.bzs", false}, {"nt.bzv", false}, {"sub", true}, {"my file.conf", false}, {"9.conf", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseListing = %+v\nwant %+v", got, want)
	}
}

func TestJoinURL(t *testing.T) {
	for _, c := range [][3]string{
		{"http://h/", "mods.d.tar.gz", "http://h/mods.d.tar.gz"},
		{"http://h/raw/", "modules/texts/ztext/kjv/", "http://h/raw/modules/texts/ztext/kjv/"},
		{"http://h/raw", "a b.zip", "http://h/raw/a%20b.zip"},
	} {
		if got := joinURL(c[0], c[1]); got != c[2] {
			t.Errorf("joinURL(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	s, _ := ParseSourceURL("x", "https://crosswire.org/ftpmirror/pub/sword/raw/")
	got := packageCandidates(s)
	want := []string{"https://crosswire.org/ftpmirror/pub/sword/raw/packages/rawzip/", "https://crosswire.org/ftpmirror/pub/sword/packages/rawzip/", "https://crosswire.org/ftpmirror/pub/sword/raw/zip/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("packageCandidates = %v", got)
	}
}

type zipMember struct {
	name string
	mode fs.FileMode
	body string
}

func writeZip(t testing.TB, p string, members []zipMember) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		if m.mode != 0 {
			h.SetMode(m.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenZipRefusesUnsafeEntries(t *testing.T) {
	dir := t.TempDir()
	conf := zipMember{name: "mods.d/x.conf", body: "[X]\nModDrv=zText\nDataPath=./modules/texts/ztext/x/\n"}
	for _, c := range []struct {
		name    string
		members []zipMember
		want    error
	}{
		{"dotdot", []zipMember{conf, {name: "modules/texts/ztext/x/../../../../../evil", body: "x"}}, ErrUnsafe},
		{"absolute", []zipMember{conf, {name: "/tmp/evil", body: "x"}}, ErrUnsafe},
		{"backslash", []zipMember{conf, {name: "modules\\..\\..\\evil", body: "x"}}, ErrUnsafe},
		{"symlink", []zipMember{conf, {name: "modules/texts/ztext/x/ot.bzs", mode: fs.ModeSymlink | 0o777, body: "/etc/passwd"}}, ErrUnsafe},
		{"device", []zipMember{conf, {name: "modules/texts/ztext/x/dev", mode: fs.ModeDevice | 0o644}}, ErrUnsafe},
		{"duplicate", []zipMember{conf, {name: "modules/texts/ztext/x/a", body: "1"}, {name: "modules/texts/ztext/x/./a", body: "2"}}, ErrUnsafe},
	} {
		p := filepath.Join(dir, c.name+".zip")
		writeZip(t, p, c.members)
		cz, err := openZip(p, Limits{})
		if err == nil {
			cz.Close()
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: openZip = %v, want %v", c.name, err, c.want)
		}
	}
	// Limits: entry count and declared size.
	var many []zipMember
	for i := 0; i < 20; i++ {
		many = append(many, zipMember{name: "modules/texts/ztext/x/f" + strings.Repeat("a", i), body: strings.Repeat("z", 1000)})
	}
	p := filepath.Join(dir, "many.zip")
	writeZip(t, p, many)
	if _, err := openZip(p, Limits{MaxFiles: 10}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("count limit: %v", err)
	}
	if _, err := openZip(p, Limits{MaxUnpacked: 5000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("size limit: %v", err)
	}
	// Not a zip at all.
	os.WriteFile(filepath.Join(dir, "junk.zip"), []byte("<html>404</html>"), 0o644)
	if _, err := openZip(filepath.Join(dir, "junk.zip"), Limits{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("junk: %v", err)
	}
}

// A stored (uncompressed) entry with a flipped byte fails its CRC.
func TestExtractEntryChecksCRC(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "modules/x/ot.bzz", Method: zip.Store})
	payload := strings.Repeat("In the beginning ", 100)
	w.Write([]byte(payload))
	zw.Close()
	data := buf.Bytes()
	i := bytes.Index(data, []byte("beginning"))
	data[i+3] ^= 0x20
	p := filepath.Join(dir, "bad.zip")
	os.WriteFile(p, data, 0o644)
	cz, err := openZip(p, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer cz.Close()
	budget := int64(1 << 20)
	err = extractEntry(cz.files[0], filepath.Join(dir, "out", "ot.bzz"), &budget)
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("extractEntry = %v, want ErrCorrupt", err)
	}
}

func writeTarGz(t testing.TB, members []tar.Header, bodies []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for i, h := range members {
		h.Size = int64(len(bodies[i]))
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
		}
		if h.Typeflag != tar.TypeReg {
			h.Size = 0
		}
		h.Mode = 0o644
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(bodies[i]))
		}
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

func TestUnpackCatalogue(t *testing.T) {
	data := writeTarGz(t, []tar.Header{
		{Name: "mods.d/", Typeflag: tar.TypeDir},
		{Name: "mods.d/kjv.conf"},
		{Name: "./mods.d/web.conf"},
		{Name: "mods.d/../../evil.conf"},
		{Name: "/etc/evil.conf"},
		{Name: "mods.d/link.conf", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"},
		{Name: "other/readme.txt"},
		{Name: "mods.d/.hidden.conf"},
	}, []string{"", "[KJV]\nModDrv=zText\n", "[WEB]\nModDrv=zText\n", "x", "x", "", "x", "x"})
	dst := t.TempDir()
	n, err := unpackCatalogue(bytes.NewReader(data), dst, Limits{})
	if err != nil || n != 2 {
		t.Fatalf("unpackCatalogue = %d, %v", n, err)
	}
	ents, _ := os.ReadDir(dst)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if !reflect.DeepEqual(names, []string{"kjv.conf", "web.conf"}) {
		t.Errorf("files = %v", names)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dst), "evil.conf")); err == nil {
		t.Error("a ../ member escaped")
	}
	// Over the limits.
	if _, err := unpackCatalogue(bytes.NewReader(data), t.TempDir(), Limits{MaxConfs: 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxConfs: %v", err)
	}
	bomb := writeTarGz(t, []tar.Header{{Name: "other/big"}}, []string{strings.Repeat("\x00", 3<<20)})
	if _, err := unpackCatalogue(bytes.NewReader(bomb), t.TempDir(), Limits{MaxCatalog: 1 << 20}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxCatalog: %v", err)
	}
	if _, err := unpackCatalogue(strings.NewReader("<html>not found</html>"), t.TempDir(), Limits{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("junk: %v", err)
	}
}

func TestSectionText(t *testing.T) {
	conf := "\xef\xbb\xbf[A]\nModDrv=zText\nDescription=a\n  [B]\nModDrv=zLD\nAbout=x\\\n  y\n[C]\nModDrv=RawText\n"
	if got := string(sectionText([]byte(conf), "b")); got != "  [B]\nModDrv=zLD\nAbout=x\\\n  y\n" {
		t.Errorf("section B = %q", got)
	}
	if got := string(sectionText([]byte(conf), "A")); got != "[A]\nModDrv=zText\nDescription=a\n" {
		t.Errorf("section A = %q", got)
	}
}

func TestLangMatches(t *testing.T) {
	for _, c := range []struct {
		f, l string
		want bool
	}{{"en", "en", true}, {"en", "en-US", true}, {"EN", "en_GB", true}, {"en", "", true}, {"en", "eng", false}, {"de", "en", false}, {"", "grc", true}, {"zh-Hans", "zh-Hans", true}, {"zh", "zh-Hant", true}} {
		if got := langMatches(c.f, c.l); got != c.want {
			t.Errorf("langMatches(%q, %q) = %v", c.f, c.l, got)
		}
	}
}

func TestStampAndWatcher(t *testing.T) {
	root := t.TempDir()
	w := NewWatcher([]string{root})
	if w.Changed() {
		t.Error("changed without a change")
	}
	os.MkdirAll(filepath.Join(root, "mods.d"), 0o755)
	if !w.Changed() {
		t.Error("mods.d created: no change seen")
	}
	os.WriteFile(filepath.Join(root, "mods.d", "x.conf"), []byte("[X]\n"), 0o644)
	if !w.Changed() {
		t.Error("conf added: no change seen")
	}
	if w.Changed() {
		t.Error("second call reported the same change")
	}
	os.Remove(filepath.Join(root, "mods.d", "x.conf"))
	if !w.Changed() {
		t.Error("conf removed: no change seen")
	}
}
