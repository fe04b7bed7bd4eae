package install

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"berean/markup"
	"berean/sword"
)

// The installed Debian modules the tests publish in a loopback repository.
const systemRoot = "/usr/share/sword"

func needSystemModules(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(systemRoot, "mods.d", "engWEB2015eb.conf")); err != nil {
		t.Skip("the Debian SWORD modules are not installed (make test installs them)")
	}
}

// modSpec copies an installed module into a test library, optionally under
// another name (section, conf file and data directory) or version.
type modSpec struct {
	conf    string // conf file in /usr/share/sword/mods.d
	name    string // new section name; "" keeps it
	version string // new Version; "" keeps it
}

var (
	tagRE      = regexp.MustCompile(`<[^>]*>`)
	sectionRE  = regexp.MustCompile(`(?m)^\[[^\]]+\]`)
	dataPathRE = regexp.MustCompile(`(?m)^DataPath=.*$`)
	versionRE  = regexp.MustCompile(`(?m)^Version=.*$`)
)

func makeLibrary(t *testing.T, specs ...modSpec) string {
	t.Helper()
	lib := t.TempDir()
	os.MkdirAll(filepath.Join(lib, "mods.d"), 0o755)
	for _, sp := range specs {
		confs, raw, err := parseConfFile(filepath.Join(systemRoot, "mods.d", sp.conf), 1<<20)
		if err != nil || len(confs) != 1 {
			t.Fatalf("%s: %v", sp.conf, err)
		}
		c := confs[0]
		l, err := layoutOf(c)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		confFile := sp.conf
		dataDir := l.Dir
		if sp.name != "" {
			text = sectionRE.ReplaceAllString(text, "["+sp.name+"]")
			dataDir = filepathDirSlash(l.Dir) + "/" + strings.ToLower(sp.name)
			dp := "./" + dataDir + "/"
			if l.Prefix != "" {
				dp = "./" + dataDir + "/" + l.Prefix
			}
			text = dataPathRE.ReplaceAllString(text, "DataPath="+dp)
			confFile = strings.ToLower(sp.name) + ".conf"
		}
		if sp.version != "" {
			if versionRE.MatchString(text) {
				text = versionRE.ReplaceAllString(text, "Version="+sp.version)
			} else {
				text += "\nVersion=" + sp.version + "\n"
			}
		}
		if err := os.WriteFile(filepath.Join(lib, "mods.d", confFile), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files, err := moduleFiles(systemRoot, l.Dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			rel := dataDir + strings.TrimPrefix(f, l.Dir)
			if err := copyFile(filepath.Join(systemRoot, f), filepath.Join(lib, filepath.FromSlash(rel))); err != nil {
				t.Fatal(err)
			}
		}
	}
	return lib
}

func filepathDirSlash(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

// faultyServer serves a repository directory with injectable faults on
// package downloads (*.zip).
type faultyServer struct {
	*httptest.Server
	dir   string
	fault atomic.Value // string: "", "drop", "drop-once", "stall"
	zips  atomic.Int32 // zip requests seen
	log   atomic.Value // []string of paths, for debugging
}

func serveRepo(t *testing.T, dir string) *faultyServer {
	t.Helper()
	fs := &faultyServer{dir: dir}
	fs.fault.Store("")
	files := http.FileServer(http.Dir(dir))
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".zip") {
			n := fs.zips.Add(1)
			switch f := fs.fault.Load().(string); {
			case f == "stall":
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
				return
			case f == "drop" || f == "drop-once" && n == 1:
				body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.URL.Path)))
				if err != nil {
					http.NotFound(w, r)
					return
				}
				dropHalf(w, body)
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(fs.Close)
	return fs
}

// newTestManager makes a manager for an empty root whose only repository is
// the loopback one.
func newTestManager(t *testing.T, url string) *Manager {
	t.Helper()
	root := t.TempDir()
	m, err := New(Options{Root: root, Client: fastClient()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSourceURL("local", url)
	if err != nil {
		t.Fatal(err)
	}
	rc, _ := readRepoConfig(m.ConfigPath())
	if err := rc.setSources([]Source{s}); err != nil {
		t.Fatal(err)
	}
	return m
}

// readVerse reads a verse of a module of root with package sword.
func readVerse(t *testing.T, root, module, book string, ch, v int) string {
	t.Helper()
	lib, err := sword.OpenLibrary([]string{root})
	if err != nil {
		t.Fatalf("open library %s: %v", root, err)
	}
	mi, err := lib.Find(module)
	if err != nil {
		t.Fatalf("find %s in %s: %v", module, root, err)
	}
	vm, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatalf("open %s: %v", module, err)
	}
	defer vm.Close()
	b, err := vm.Entry(book, ch, v)
	if err != nil {
		t.Fatalf("%s %s %d:%d: %v", module, book, ch, v, err)
	}
	return tagRE.ReplaceAllString(string(b), "")
}

const john316 = "loved the world"

func mustRefresh(t *testing.T, m *Manager) {
	t.Helper()
	res, err := m.Refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("refresh %s: %v", r.Source, r.Err)
		}
	}
}

func installedVersion(t *testing.T, root, name string) string {
	t.Helper()
	mods, _ := scanLibrary(root, Limits{})
	if f := findInstalled(mods, name); len(f) > 0 {
		return f[0].Version
	}
	return ""
}

// assertIntact checks that the library holds exactly the module as
// installed before a fault, readable, with nothing left in staging.
func assertIntact(t *testing.T, m *Manager, version string) {
	t.Helper()
	if got := installedVersion(t, m.Root(), "engWEB2015eb"); got != version {
		t.Errorf("installed version %q, want %q", got, version)
	}
	if txt := readVerse(t, m.Root(), "WEB", "John", 3, 16); !strings.Contains(txt, john316) {
		t.Errorf("John 3:16 after the fault: %q", txt)
	}
	ents, _ := os.ReadDir(filepath.Join(m.Root(), stagingDir))
	for _, e := range ents {
		if e.IsDir() {
			t.Errorf("staging directory %s left behind", e.Name())
		}
	}
}

func TestInstallUpdateRemove(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"}, modSpec{conf: "strongsgreek.conf"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	var changes []Change
	m.opts.OnChange = func(_ context.Context, c Change) { changes = append(changes, c) }
	var progressed atomic.Int64
	m.opts.Progress = func(p Progress) { progressed.Store(p.Done) }
	ctx := context.Background()

	mustRefresh(t, m)
	cat, err := m.Available(AvailableOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Modules) != 2 || cat.Modules[0].Name != "engWEB2015eb" || cat.Modules[0].Status != "new" || cat.Modules[1].Type != "lexicon" {
		t.Fatalf("available: %+v", cat.Modules)
	}
	if cat, _ := m.Available(AvailableOptions{Lang: "de"}); len(cat.Modules) != 0 {
		t.Errorf("--lang de: %+v", cat.Modules)
	}

	res, err := m.Install(ctx, []string{"WEB", "StrongsGreek"}, InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != "installed" || res[0].Method != "package" || res[0].Module != "engWEB2015eb" || res[0].Bytes == 0 {
		t.Errorf("install result %+v", res[0])
	}
	if progressed.Load() == 0 {
		t.Error("no progress reported")
	}
	if txt := readVerse(t, m.Root(), "WEB", "John", 3, 16); !strings.Contains(txt, john316) {
		t.Errorf("John 3:16 = %q", txt)
	}
	if len(changes) != 1 || len(changes[0].Installed) != 2 {
		t.Errorf("OnChange: %+v", changes)
	}
	if _, err := os.Stat(filepath.Join(m.Root(), "mods.d", "engWEB2015eb.conf")); err != nil {
		t.Error(err)
	}
	// Installing again is a no-op.
	res, err = m.Install(ctx, []string{"engweb2015eb"}, InstallOptions{})
	if err != nil || res[0].Action != "up-to-date" {
		t.Errorf("reinstall: %+v %v", res, err)
	}
	cat, _ = m.Available(AvailableOptions{})
	if cat.Modules[0].Status != "installed" {
		t.Errorf("status after install: %+v", cat.Modules[0])
	}

	// Update: the repository now offers version 99.
	lib2 := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf", version: "999.0"})
	os.RemoveAll(repo)
	if err := WriteRepository(repo, lib2, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	res, refreshed, err := m.Update(ctx, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(refreshed) != 1 || refreshed[0].Err != nil {
		t.Errorf("refresh before update: %+v", refreshed)
	}
	var updated bool
	for _, r := range res {
		if r.Module == "engWEB2015eb" {
			updated = r.Action == "updated" && r.Version == "999.0"
		}
	}
	if !updated {
		t.Errorf("update results %+v", res)
	}
	if v := installedVersion(t, m.Root(), "WEB"); v != "999.0" {
		t.Errorf("version after update %q", v)
	}
	if txt := readVerse(t, m.Root(), "WEB", "John", 3, 16); !strings.Contains(txt, john316) {
		t.Errorf("John 3:16 after update = %q", txt)
	}
	res, _, _ = m.Update(ctx, UpdateOptions{})
	for _, r := range res {
		if r.Module == "engWEB2015eb" && r.Action != "up-to-date" {
			t.Errorf("second update: %+v", r)
		}
	}

	// Remove.
	res, err = m.Remove(ctx, "WEB")
	if err != nil || res[0].Action != "removed" {
		t.Fatalf("remove: %+v %v", res, err)
	}
	if _, err := os.Stat(filepath.Join(m.Root(), "modules", "texts", "ztext", "engWEB2015eb")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("data left: %v", err)
	}
	if _, err := os.Stat(filepath.Join(m.Root(), "mods.d", "engWEB2015eb.conf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("conf left: %v", err)
	}
	if _, err := os.Stat(filepath.Join(m.Root(), "modules", "lexdict")); err != nil {
		t.Errorf("the other module's data went too: %v", err)
	}
	if _, err := m.Remove(ctx, "WEB"); !errors.Is(err, ErrUnknownModule) {
		t.Errorf("second remove: %v", err)
	}
	if len(changes) != 3 || len(changes[2].Removed) != 1 {
		t.Errorf("OnChange: %+v", changes)
	}
}

// A repository without packages is installed libsword style, from the
// directory listing; a catalogue without mods.d.tar.gz is read from the
// loose mods.d/.
func TestInstallFromListing(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"}, modSpec{conf: "nave.conf"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{NoPackages: true}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(repo, "mods.d.tar.gz"))
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	res, err := m.Refresh(context.Background())
	if err != nil || res[0].Err != nil || res[0].Method != "listing" || res[0].Modules != 2 {
		t.Fatalf("refresh: %+v %v", res, err)
	}
	ir, err := m.Install(context.Background(), []string{"WEB", "Nave"}, InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ir[0].Method != "files" {
		t.Errorf("method %q", ir[0].Method)
	}
	if txt := readVerse(t, m.Root(), "WEB", "John", 3, 16); !strings.Contains(txt, john316) {
		t.Errorf("John 3:16 = %q", txt)
	}
	for _, f := range []string{"nave.idx", "nave.dat", "nave.zdx", "nave.zdt"} {
		if _, err := os.Stat(filepath.Join(m.Root(), "modules", "lexdict", "zld", "nave", f)); err != nil {
			t.Error(err)
		}
	}
}

// The faults of the issue. After each, the installed version is intact and
// readable and no staging directory is left.
func TestInstallFaults(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	ctx := context.Background()
	mustRefresh(t, m)
	if _, err := m.Install(ctx, []string{"WEB"}, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	v1 := installedVersion(t, m.Root(), "WEB")
	zipPath := filepath.Join(repo, "packages", "rawzip", "engWEB2015eb.zip")
	good, _ := os.ReadFile(zipPath)

	// Every fault is tried as an update to a newer version, so a failure
	// must keep the old one.
	bump := func(t *testing.T) {
		lib2 := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf", version: "500.0"})
		os.RemoveAll(repo)
		if err := WriteRepository(repo, lib2, RepoOptions{}); err != nil {
			t.Fatal(err)
		}
		good, _ = os.ReadFile(zipPath)
		mustRefresh(t, m)
	}
	bump(t)

	rewriteZip := func(t *testing.T, extra ...zipMember) {
		t.Helper()
		zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range extra {
			h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
			if e.mode != 0 {
				h.SetMode(e.mode)
			}
			w, _ := zw.CreateHeader(h)
			w.Write([]byte(e.body))
		}
		zw.Close()
		os.WriteFile(zipPath, buf.Bytes(), 0o644)
	}

	cases := []struct {
		name  string
		setup func(t *testing.T)
		want  error
	}{
		{"connection dropped", func(t *testing.T) { srv.fault.Store("drop") }, ErrTruncated},
		{"stalled server", func(t *testing.T) { srv.fault.Store("stall") }, ErrStalled},
		{"corrupt zip", func(t *testing.T) {
			b := bytes.Clone(good)
			for i := len(b) / 3; i < len(b)/3+64; i++ {
				b[i] ^= 0x55
			}
			os.WriteFile(zipPath, b, 0o644)
		}, ErrCorrupt},
		{"not a zip", func(t *testing.T) { os.WriteFile(zipPath, []byte("<html>Oops</html>"), 0o644) }, ErrCorrupt},
		{"dot-dot entry", func(t *testing.T) {
			rewriteZip(t, zipMember{name: "modules/texts/ztext/engWEB2015eb/../../../../../../evil.txt", body: "pwned"})
		}, ErrUnsafe},
		{"entry outside the module", func(t *testing.T) {
			rewriteZip(t, zipMember{name: "modules/texts/ztext/engKJV2006eb/ot.bzs", body: "pwned"})
		}, ErrUnsafe},
		{"symlink entry", func(t *testing.T) {
			rewriteZip(t, zipMember{name: "modules/texts/ztext/engWEB2015eb/link", mode: fs.ModeSymlink | 0o777, body: "/etc/passwd"})
		}, ErrUnsafe},
		{"DataPath escapes the root", func(t *testing.T) {
			zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				if strings.HasPrefix(f.Name, "mods.d/") {
					r, _ := f.Open()
					b := new(bytes.Buffer)
					b.ReadFrom(r)
					w, _ := zw.Create(f.Name)
					w.Write(dataPathRE.ReplaceAll(b.Bytes(), []byte("DataPath=./modules/../../../tmp/evil/")))
					continue
				}
				zw.Copy(f)
			}
			zw.Close()
			os.WriteFile(zipPath, buf.Bytes(), 0o644)
		}, ErrUnsafe},
		{"data file missing", func(t *testing.T) {
			zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				if strings.HasSuffix(f.Name, "nt.bzv") {
					continue
				}
				zw.Copy(f)
			}
			zw.Close()
			os.WriteFile(zipPath, buf.Bytes(), 0o644)
		}, ErrCorrupt},
		{"too large", func(t *testing.T) { m.opts.Limits.MaxUnpacked = 1 << 20 }, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				srv.fault.Store("")
				m.opts.Limits = Limits{}
				os.WriteFile(zipPath, good, 0o644)
			}()
			c.setup(t)
			start := time.Now()
			res, err := m.Install(ctx, []string{"WEB"}, InstallOptions{})
			if !errors.Is(err, c.want) {
				t.Errorf("install: %v (results %+v), want %v", err, res, c.want)
			}
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("took %s", d)
			}
			assertIntact(t, m, v1)
			if _, err := os.Stat(filepath.Join(m.Root(), "..", "evil.txt")); err == nil {
				t.Error("a file was written outside the root")
			}
		})
	}

	// A dropped connection that recovers on retry installs.
	srv.fault.Store("drop-once")
	srv.zips.Store(0)
	res, err := m.Install(ctx, []string{"WEB"}, InstallOptions{})
	if err != nil || res[0].Action != "updated" || srv.zips.Load() != 2 {
		t.Errorf("retry after a drop: %+v %v (%d zip requests)", res, err, srv.zips.Load())
	}
	srv.fault.Store("")
}

// A catalogue that names a module the repository does not carry.
func TestInstallMissingPackage(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"}, modSpec{conf: "engKJV2006eb.conf", name: "Ghost"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(repo, "packages", "rawzip", "Ghost.zip"))
	os.RemoveAll(filepath.Join(repo, "modules", "texts", "ztext", "ghost"))
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	ctx := context.Background()
	if _, err := m.Install(ctx, []string{"WEB"}, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := m.Install(ctx, []string{"Ghost"}, InstallOptions{})
	if !errors.Is(err, ErrNotFound) || res[0].Action != "failed" {
		t.Errorf("install Ghost: %+v %v", res, err)
	}
	if _, err := m.Install(ctx, []string{"NoSuchModule"}, InstallOptions{}); !errors.Is(err, ErrUnknownModule) {
		t.Errorf("unknown module: %v", err)
	}
	assertIntact(t, m, installedVersion(t, m.Root(), "WEB"))
	if v := installedVersion(t, m.Root(), "Ghost"); v != "" {
		t.Error("Ghost installed")
	}
}

// A process killed while moving files into place leaves a journal; the next
// manager completes the change.
func TestRecoverInterruptedInstall(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"})
	root := t.TempDir()
	stage := filepath.Join(root, stagingDir, "install-crash")
	newRoot := filepath.Join(stage, "new")
	os.MkdirAll(newRoot, 0o755)
	if err := os.CopyFS(newRoot, os.DirFS(lib)); err != nil {
		t.Fatal(err)
	}
	j := &journal{Op: "install", Module: "engWEB2015eb", DataDir: "modules/texts/ztext/engWEB2015eb", ConfFile: "engWEB2015eb.conf"}
	m, _ := New(Options{Root: root})
	// Crash after the data directory went into place, before the conf.
	os.MkdirAll(filepath.Join(root, "modules", "texts", "ztext"), 0o755)
	os.Rename(filepath.Join(newRoot, "modules", "texts", "ztext", "engWEB2015eb"), filepath.Join(root, "modules", "texts", "ztext", "engWEB2015eb"))
	data, _ := json.Marshal(j)
	os.WriteFile(filepath.Join(stage, "journal.json"), data, 0o644)
	// And an abandoned download.
	os.MkdirAll(filepath.Join(root, stagingDir, "install-partial", "new", "modules"), 0o755)

	unlock, err := m.lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if txt := readVerse(t, root, "WEB", "John", 3, 16); !strings.Contains(txt, john316) {
		t.Errorf("John 3:16 = %q", txt)
	}
	ents, _ := os.ReadDir(filepath.Join(root, stagingDir))
	for _, e := range ents {
		if e.IsDir() {
			t.Errorf("left in staging: %s", e.Name())
		}
	}
}

// diatheke (libsword) reads a module berean installed. The module is
// renamed so that only the test root can provide it.
func TestDiathekeReadsInstalledModule(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	diatheke, err := exec.LookPath("diatheke")
	if err != nil {
		t.Skip("diatheke is not installed")
	}
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf", name: "BereanTestWEB"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	if _, err := m.Install(context.Background(), []string{"BereanTestWEB"}, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(diatheke, "-b", "BereanTestWEB", "-f", "plain", "-k", "John 3:16")
	cmd.Env = append(os.Environ(), "SWORD_PATH="+m.Root(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("diatheke: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "For God so loved the world") {
		t.Errorf("diatheke output: %s", out)
	}
}

// libsword's installmgr sees the repositories and the catalogue cache
// berean wrote (HOME points at a home whose ~/.sword is the test root).
func TestInstallmgrSharesConfig(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	im, err := exec.LookPath("installmgr")
	if err != nil {
		t.Skip("installmgr is not installed")
	}
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"})
	repo := t.TempDir()
	WriteRepository(repo, lib, RepoOptions{})
	srv := serveRepo(t, repo)
	home := t.TempDir()
	m, _ := New(Options{Root: filepath.Join(home, ".sword"), Client: fastClient()})
	rc, _ := readRepoConfig(m.ConfigPath())
	s, _ := ParseSourceURL("local", srv.URL+"/")
	rc.setSources([]Source{s})
	mustRefresh(t, m)
	cmd := exec.Command(im, "-s", "-rl", "local")
	cmd.Env = append(os.Environ(), "HOME="+home)
	cmd.Stdin = strings.NewReader("no\n")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "[local]") || !strings.Contains(string(out), "engWEB2015eb") {
		t.Errorf("installmgr -s -rl local:\n%s", out)
	}
}

// The acceptance scenario of the issue, through the library: on a machine
// whose ~/.sword holds no modules, adding the loopback repository and
// installing WEB makes WEB readable from the default roots (the copy in
// ~/.sword comes first), and diatheke, with SWORD_PATH at the same place,
// prints the same John 3:16.
func TestAcceptanceInstallIntoHome(t *testing.T) {
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"}, modSpec{conf: "engKJV2006eb.conf"})
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := serveRepo(t, repo)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("SWORD_PATH", "")
	m, err := New(Options{Roots: sword.DefaultRoots(nil), Client: fastClient()})
	if err != nil {
		t.Fatal(err)
	}
	if m.Root() != filepath.Join(home, ".sword") {
		t.Fatalf("root %s", m.Root())
	}
	s, err := ParseSourceURL("local", srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.AddSource(s); err != nil {
		t.Fatal(err)
	}
	if res, _ := m.Refresh(context.Background(), "local"); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if _, err := m.Install(context.Background(), []string{"WEB"}, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	l, err := sword.OpenLibrary(sword.DefaultRoots(nil))
	if err != nil {
		t.Fatal(err)
	}
	mi, err := l.Find("WEB")
	if err != nil || mi.Root != m.Root() {
		t.Fatalf("WEB found in %v (%v), want %s", mi, err, m.Root())
	}
	vm, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer vm.Close()
	raw, err := vm.Entry("John", 3, 16)
	if err != nil {
		t.Fatal(err)
	}
	_, body := markup.Plain(raw, markup.KindOf(mi.SourceType))
	if !strings.Contains(body, "For God so loved the world") {
		t.Fatalf("berean's John 3:16: %q", body)
	}
	diatheke, err := exec.LookPath("diatheke")
	if err != nil {
		t.Skip("diatheke is not installed")
	}
	cmd := exec.Command(diatheke, "-b", "engWEB2015eb", "-f", "plain", "-k", "John 3:16")
	cmd.Env = append(os.Environ(), "SWORD_PATH="+m.Root())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("diatheke: %v\n%s", err, out)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	if got, want := strings.TrimSpace(first), strings.TrimSpace("John 3:16: "+body); got != want {
		t.Errorf("diatheke and berean disagree:\ndiatheke: %q\nberean:   %q", got, want)
	}
}

// An enciphered module without its key installs, is reported locked with
// how to unlock it, and Unlock writes the key into its conf.
func TestLockedModule(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf", name: "LockedWEB"})
	cp := filepath.Join(lib, "mods.d", "lockedweb.conf")
	b, _ := os.ReadFile(cp)
	os.WriteFile(cp, append(b, "\nCipherKey=\nUnlockURL=https://example.org/buy\n"...), 0o644)
	repo := t.TempDir()
	WriteRepository(repo, lib, RepoOptions{})
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	cat, _ := m.Available(AvailableOptions{})
	if len(cat.Modules) != 1 || !cat.Modules[0].Locked || !cat.Modules[0].Enciphered {
		t.Fatalf("available: %+v", cat.Modules)
	}
	res, err := m.Install(context.Background(), []string{"LockedWEB"}, InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].Locked || !strings.Contains(res[0].Note, "berean modules unlock LockedWEB KEY") || !strings.Contains(res[0].Note, "https://example.org/buy") {
		t.Errorf("result %+v", res[0])
	}
	if err := m.Unlock(context.Background(), "lockedweb", "s3cret"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(m.Root(), "mods.d", "lockedweb.conf"))
	if !strings.Contains(string(got), "\nCipherKey=s3cret\n") {
		t.Errorf("conf after unlock:\n%s", got)
	}
	if err := m.Unlock(context.Background(), "nope", "k"); !errors.Is(err, ErrUnknownModule) {
		t.Errorf("unlock unknown: %v", err)
	}
}

// Confs that would let a module take over another's files are refused.
func TestInstallRefusesOverlaps(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"}, modSpec{conf: "engKJV2006eb.conf", name: "Wide"}, modSpec{conf: "engKJV2006eb.conf", name: "Shallow"}, modSpec{conf: "engKJV2006eb.conf", name: "Clash"})
	edit := func(file, from, to string) {
		p := filepath.Join(lib, "mods.d", file)
		b, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644)
	}
	// Wide's data directory contains WEB's.
	edit("wide.conf", "DataPath=./modules/texts/ztext/wide/", "DataPath=./modules/texts/ztext/")
	// Shallow's is a top-level directory.
	edit("shallow.conf", "DataPath=./modules/texts/ztext/shallow/", "DataPath=./modules/")
	repo := t.TempDir()
	if err := WriteRepository(repo, lib, RepoOptions{Modules: []string{"engWEB2015eb", "Clash"}}); err != nil {
		t.Fatal(err)
	}
	// Clash ships its conf under WEB's conf file name.
	zp := filepath.Join(repo, "packages", "rawzip", "Clash.zip")
	zb, _ := os.ReadFile(zp)
	zr, _ := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == "mods.d/clash.conf" {
			r, _ := f.Open()
			w, _ := zw.Create("mods.d/engWEB2015eb.conf")
			new(bytes.Buffer).ReadFrom(r)
			r2, _ := f.Open()
			bb := new(bytes.Buffer)
			bb.ReadFrom(r2)
			w.Write(bb.Bytes())
			continue
		}
		zw.Copy(f)
	}
	zw.Close()
	os.WriteFile(zp, buf.Bytes(), 0o644)
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	ctx := context.Background()
	if _, err := m.Install(ctx, []string{"WEB"}, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Install(ctx, []string{"Clash"}, InstallOptions{}); !errors.Is(err, ErrUnsafe) {
		t.Errorf("conf name clash: %v", err)
	}
	// The wide and shallow confs, published by hand (WriteRepository
	// refuses them, as the installer does).
	for _, name := range []string{"wide", "shallow"} {
		if err := WriteRepository(t.TempDir(), lib, RepoOptions{Modules: []string{name}}); !errors.Is(err, ErrUnsafe) && name == "shallow" {
			t.Errorf("WriteRepository(%s): %v", name, err)
		}
	}
	wide := filepath.Join(lib, "mods.d", "wide.conf")
	b, _ := os.ReadFile(wide)
	os.WriteFile(filepath.Join(repo, "mods.d", "wide.conf"), b, 0o644)
	os.Remove(filepath.Join(repo, "mods.d.tar.gz")) // catalogue from the loose confs
	mustRefresh(t, m)
	if _, err := m.Install(ctx, []string{"Wide"}, InstallOptions{}); !errors.Is(err, ErrUnsafe) {
		t.Errorf("overlapping data directory: %v", err)
	}
	assertIntact(t, m, installedVersion(t, m.Root(), "WEB"))
}

// A commit that fails half way keeps its journal and the old version; the
// next operation completes it.
func TestFailedCommitIsCompletedLater(t *testing.T) {
	t.Parallel()
	needSystemModules(t)
	lib := makeLibrary(t, modSpec{conf: "engWEB2015eb.conf"})
	repo := t.TempDir()
	WriteRepository(repo, lib, RepoOptions{})
	srv := serveRepo(t, repo)
	m := newTestManager(t, srv.URL+"/")
	mustRefresh(t, m)
	ctx := context.Background()
	// Something in the way of the conf: a non-empty directory by its name.
	obstacle := filepath.Join(m.Root(), "mods.d", "engWEB2015eb.conf")
	os.MkdirAll(filepath.Join(obstacle, "x"), 0o755)
	if _, err := m.Install(ctx, []string{"WEB"}, InstallOptions{}); err == nil {
		t.Fatal("install over an obstacle succeeded")
	}
	ents, _ := os.ReadDir(filepath.Join(m.Root(), stagingDir))
	kept := false
	for _, e := range ents {
		if _, err := os.Stat(filepath.Join(m.Root(), stagingDir, e.Name(), "journal.json")); err == nil {
			kept = true
		}
	}
	if !kept {
		t.Fatal("no journal kept after the failed commit")
	}
	os.RemoveAll(obstacle)
	// Any operation completes the change first.
	if _, err := m.Remove(ctx, "NoSuchModule"); !errors.Is(err, ErrUnknownModule) {
		t.Fatal(err)
	}
	assertIntact(t, m, installedVersion(t, lib, "WEB"))
}
