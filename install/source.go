package install

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Source is one remote repository, as a libsword InstallMgr.conf line
// describes it: TYPESource=Caption|host[:port]|directory|user|password|uid.
type Source struct {
	Name string `json:"name"` // the caption; unique, compared case-insensitively
	Type string `json:"type"` // HTTP, HTTPS, FTP or SFTP (only HTTP and HTTPS are fetched)
	Host string `json:"host"` // host[:port]
	Dir  string `json:"dir"`  // the catalogue directory D (holds mods.d.tar.gz), "/" for the server root
	// UID names the source's catalogue cache, InstallMgr/<UID>/mods.d.
	// libsword defaults it to Host; berean writes a unique one.
	UID string `json:"uid"`
	// PackageDir is the directory of per-module zips (<Name>.zip), if known
	// (a berean extension kept in the [BereanPackageDirs] section).
	PackageDir string `json:"package_dir,omitempty"`
	User       string `json:"-"`
	Password   string `json:"-"`
}

// URL is the catalogue directory's address, with a trailing slash.
func (s Source) URL() string {
	e := s.effective()
	scheme := strings.ToLower(e.Type)
	d := strings.Trim(e.Dir, "/")
	if d != "" {
		d += "/"
	}
	return scheme + "://" + e.Host + "/" + d
}

// PackageURL is the package directory's address with a trailing slash, or ""
// when the source declares none.
func (s Source) PackageURL() string {
	if s.PackageDir == "" {
		return ""
	}
	e := s.effective()
	d := strings.Trim(s.PackageDir, "/")
	if d != "" {
		d += "/"
	}
	return strings.ToLower(e.Type) + "://" + e.Host + "/" + d
}

// effective maps sources berean cannot fetch to an equivalent it can: an FTP
// source on ftp.crosswire.org is served over HTTPS under /ftpmirror.
func (s Source) effective() Source {
	if strings.EqualFold(s.Type, "FTP") && strings.EqualFold(s.Host, "ftp.crosswire.org") {
		s.Type = "HTTPS"
		s.Host = "crosswire.org"
		s.Dir = "/ftpmirror/" + strings.TrimLeft(s.Dir, "/")
	}
	return s
}

// Supported reports why berean cannot fetch from the source, or nil.
func (s Source) Supported() error {
	switch strings.ToUpper(s.effective().Type) {
	case "HTTP", "HTTPS":
		return nil
	}
	return fmt.Errorf("install: source %q: %s transport is not supported (use the repository's HTTP or HTTPS address)", s.Name, s.Type)
}

func (s Source) confLine() (key, value string) {
	v := strings.Join([]string{s.Name, s.Host, s.Dir, s.User, s.Password, s.UID}, "|")
	return strings.ToUpper(s.Type) + "Source", v
}

// DefaultSources are the well-known public repositories, by their published
// HTTPS addresses (CrossWire's installer lists and JSword's
// InstallManager.plugin). They are used while the repository list has never
// been written.
func DefaultSources() []Source {
	return []Source{
		{Name: "CrossWire", Type: "HTTPS", Host: "crosswire.org", Dir: "/ftpmirror/pub/sword/raw", UID: "CrossWire", PackageDir: "/ftpmirror/pub/sword/packages/rawzip"},
		{Name: "CrossWire Beta", Type: "HTTPS", Host: "crosswire.org", Dir: "/ftpmirror/pub/sword/betaraw", UID: "CrossWireBeta", PackageDir: "/ftpmirror/pub/sword/betapackages/rawzip"},
		{Name: "eBible.org", Type: "HTTPS", Host: "ebible.org", Dir: "/sword", UID: "eBible.org", PackageDir: "/sword/zip"},
		{Name: "IBT", Type: "HTTPS", Host: "ibt.org.ru", Dir: "/ftpmirror/pub/modsword/raw", UID: "IBT", PackageDir: "/ftpmirror/pub/modsword/rawzip"},
		{Name: "Bible.org", Type: "HTTPS", Host: "ftp.bible.org", Dir: "/sword/raw", UID: "Bible.org", PackageDir: "/sword/packages/rawzip"},
		{Name: "Xiphos", Type: "HTTPS", Host: "ftp.xiphos.org", Dir: "/sword", UID: "Xiphos", PackageDir: "/sword/zip"},
	}
}

// knownPackageDir returns the package directory of a well-known repository
// given its host and catalogue directory (as masterRepoList.conf names them).
func knownPackageDir(s Source) string {
	e := s.effective()
	for _, d := range DefaultSources() {
		if strings.EqualFold(d.Host, e.Host) && strings.Trim(d.Dir, "/") == strings.Trim(e.Dir, "/") {
			return d.PackageDir
		}
	}
	return ""
}

// ParseSourceURL makes a Source from a name and an http(s) address of the
// catalogue directory (the directory that holds mods.d.tar.gz).
func ParseSourceURL(name, raw string) (Source, error) {
	if err := checkSourceName(name); err != nil {
		return Source{}, err
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return Source{}, fmt.Errorf("install: repository address %q: %w", raw, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "ftp", "sftp":
		return Source{}, fmt.Errorf("install: repository address %q: %s is not supported; give the repository's http:// or https:// address", raw, u.Scheme)
	default:
		return Source{}, fmt.Errorf("install: repository address %q: want http://HOST/DIR/ or https://HOST/DIR/", raw)
	}
	if u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(u.Host, "|") {
		return Source{}, fmt.Errorf("install: repository address %q: want http(s)://HOST[:PORT]/DIR/ without user, query or fragment", raw)
	}
	dir := u.Path
	if dir == "" {
		dir = "/"
	}
	if strings.Contains(dir, "|") {
		return Source{}, fmt.Errorf("install: repository address %q: '|' is not allowed", raw)
	}
	return Source{Name: name, Type: strings.ToUpper(u.Scheme), Host: u.Host, Dir: dir, UID: uidFor(name)}, nil
}

func checkSourceName(name string) error {
	if strings.TrimSpace(name) == "" || name != strings.TrimSpace(name) {
		return fmt.Errorf("install: repository name %q: must be non-empty, without leading or trailing spaces", name)
	}
	if strings.ContainsAny(name, "|\r\n[]=") {
		return fmt.Errorf("install: repository name %q: must not contain | [ ] = or line breaks", name)
	}
	return nil
}

// uidFor makes a cache directory name from a caption.
func uidFor(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), ".")
	if s == "" {
		s = "source"
	}
	return s
}

// parseSourceLine parses the value of a TYPESource= line.
func parseSourceLine(typ, v string) Source {
	f := strings.SplitN(v, "|", 6)
	for len(f) < 6 {
		f = append(f, "")
	}
	// Spaces around a field are layout, not data (and the conf reader drops
	// them at the end of a line, so keeping them would not survive a
	// rewrite); a password is taken as written.
	for _, i := range []int{0, 1, 2, 3, 5} {
		f[i] = strings.TrimSpace(f[i])
	}
	s := Source{Type: strings.ToUpper(typ), Name: f[0], Host: f[1], Dir: f[2], User: f[3], Password: f[4], UID: f[5]}
	if s.UID == "" {
		s.UID = s.Host // libsword's default
	}
	if len(s.Dir) > 1 {
		s.Dir = strings.TrimRight(s.Dir, "/\\")
	}
	return s
}

// ---------------------------------------------------------------------------
// InstallMgr.conf: read and rewrite, keeping what berean does not own.

// repoConfig is InstallMgr.conf as sections of raw lines, so that a rewrite
// keeps [General] and any other section libsword or the user put there.
type repoConfig struct {
	path     string
	exists   bool
	sections []confSection
}

type confSection struct {
	name  string
	lines []string // raw lines after the header, comments and blanks kept
}

const packageDirsSection = "BereanPackageDirs"

func readRepoConfig(p string) (*repoConfig, error) {
	rc := &repoConfig{path: p}
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return rc, nil
	}
	if err != nil {
		return nil, fmt.Errorf("install: repositories: %w", err)
	}
	rc.exists = true
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	cur := -1
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "[") {
			if end := strings.IndexByte(t, ']'); end > 0 {
				rc.sections = append(rc.sections, confSection{name: t[1:end]})
				cur = len(rc.sections) - 1
				continue
			}
		}
		if cur < 0 {
			if strings.TrimSpace(line) == "" {
				continue
			}
			rc.sections = append(rc.sections, confSection{})
			cur = 0
		}
		rc.sections[cur].lines = append(rc.sections[cur].lines, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("install: repositories: %s: %w", p, err)
	}
	return rc, nil
}

func (rc *repoConfig) section(name string) *confSection {
	for i := range rc.sections {
		if rc.sections[i].name == name {
			return &rc.sections[i]
		}
	}
	return nil
}

// entries yields the Key=Value pairs of a section, in order.
func (cs *confSection) entries() [][2]string {
	var out [][2]string
	for _, l := range cs.lines {
		t := strings.TrimLeft(l, " \t")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		out = append(out, [2]string{k, strings.TrimSpace(v)})
	}
	return out
}

// sources returns the configured sources in file order, and whether the file
// has a [Sources] section at all.
func (rc *repoConfig) sources() ([]Source, bool) {
	cs := rc.section("Sources")
	if cs == nil {
		return nil, false
	}
	pkg := map[string]string{}
	if ps := rc.section(packageDirsSection); ps != nil {
		for _, e := range ps.entries() {
			pkg[e[0]] = e[1]
		}
	}
	var out []Source
	seen := map[string]int{}
	for _, e := range cs.entries() {
		typ, ok := strings.CutSuffix(e[0], "Source")
		if !ok || typ == "" {
			continue
		}
		s := parseSourceLine(typ, e[1])
		if s.Name == "" || s.Host == "" {
			continue
		}
		// Two sources sharing a cache (libsword's uid default is the host)
		// would overwrite each other's catalogue: keep them apart.
		if n := seen[strings.ToLower(s.UID)]; n > 0 {
			s.UID = fmt.Sprintf("%s-%d", s.UID, n+1)
		}
		seen[strings.ToLower(s.UID)]++
		if p, ok := pkg[s.UID]; ok {
			s.PackageDir = p
		} else {
			s.PackageDir = knownPackageDir(s)
		}
		out = append(out, s)
	}
	return out, true
}

// setSources replaces the [Sources] section (and berean's package
// directories) and writes the file atomically.
func (rc *repoConfig) setSources(srcs []Source) error {
	if !rc.exists && rc.section("General") == nil {
		rc.sections = append(rc.sections, confSection{name: "General", lines: []string{
			"PassiveFTP=true",
			"TimeoutMillis=10000",
			"UnverifiedPeerAllowed=false",
			"",
		}})
	}
	var lines, pkgLines []string
	for _, s := range srcs {
		k, v := s.confLine()
		lines = append(lines, k+"="+v)
		if s.PackageDir != "" && s.PackageDir != knownPackageDir(Source{Type: s.Type, Host: s.Host, Dir: s.Dir}) {
			pkgLines = append(pkgLines, s.UID+"="+s.PackageDir)
		}
	}
	lines = append(lines, "")
	if cs := rc.section("Sources"); cs != nil {
		cs.lines = lines
	} else {
		rc.sections = append(rc.sections, confSection{name: "Sources", lines: lines})
	}
	if ps := rc.section(packageDirsSection); ps != nil {
		ps.lines = append(pkgLines, "")
	} else if len(pkgLines) > 0 {
		rc.sections = append(rc.sections, confSection{name: packageDirsSection, lines: append(pkgLines, "")})
	}
	var b bytes.Buffer
	for _, s := range rc.sections {
		if s.name != "" {
			fmt.Fprintf(&b, "[%s]\n", s.name)
		}
		for _, l := range s.lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		if len(s.lines) == 0 || strings.TrimSpace(s.lines[len(s.lines)-1]) != "" {
			b.WriteByte('\n')
		}
	}
	if err := writeFileAtomic(rc.path, b.Bytes()); err != nil {
		return fmt.Errorf("install: repositories: %w", err)
	}
	rc.exists = true
	return nil
}

// writeFileAtomic writes data to a temporary file beside p and renames it
// into place, so readers see the old or the new file, never a torn one.
func writeFileAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// joinURL appends a relative slash-separated path (already checked to hold
// no ".." elements) to a directory URL, escaping each element.
func joinURL(dirURL, rel string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(dirURL, "/"))
	for _, p := range strings.Split(strings.Trim(rel, "/"), "/") {
		if p == "" {
			continue
		}
		b.WriteByte('/')
		b.WriteString(url.PathEscape(p))
	}
	if strings.HasSuffix(rel, "/") || rel == "" {
		b.WriteByte('/')
	}
	return b.String()
}
