package install

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

var (
	// ErrUnsafe: an archive, listing or conf tried to place a file outside
	// the module's directory (../, absolute paths, symlinks, devices), or a
	// conf's DataPath escapes the library root.
	ErrUnsafe = errors.New("unsafe path")
	// ErrCorrupt: an archive or a module failed an integrity check (zip
	// CRC, truncated data, a conf that does not parse, missing data files).
	ErrCorrupt = errors.New("corrupt")
)

// Limits bound what one install or refresh may unpack. Zero fields take the
// defaults shown.
type Limits struct {
	MaxFiles    int   // files in one module (default 10 000)
	MaxUnpacked int64 // bytes of one module, uncompressed (default 2 GiB)
	MaxConf     int64 // bytes of one .conf (default 1 MiB)
	MaxConfs    int   // confs in one catalogue (default 50 000)
	MaxCatalog  int64 // bytes of one catalogue, uncompressed (default 256 MiB)
}

func (l Limits) maxFiles() int {
	if l.MaxFiles > 0 {
		return l.MaxFiles
	}
	return 10000
}

func (l Limits) maxUnpacked() int64 {
	if l.MaxUnpacked > 0 {
		return l.MaxUnpacked
	}
	return 2 << 30
}

func (l Limits) maxConf() int64 {
	if l.MaxConf > 0 {
		return l.MaxConf
	}
	return 1 << 20
}

func (l Limits) maxConfs() int {
	if l.MaxConfs > 0 {
		return l.MaxConfs
	}
	return 50000
}

func (l Limits) maxCatalog() int64 {
	if l.MaxCatalog > 0 {
		return l.MaxCatalog
	}
	return 256 << 20
}

// cleanRel checks a slash-separated relative path from an archive, a
// directory listing or a conf, and returns it cleaned ("a/b/c", no leading
// "./", no trailing slash). Absolute paths, drive letters, backslashes, NUL
// bytes and ".." elements are refused.
func cleanRel(name string) (string, error) {
	switch {
	case name == "":
		return "", fmt.Errorf("empty path: %w", ErrUnsafe)
	case strings.ContainsAny(name, "\\\x00"):
		return "", fmt.Errorf("%q: backslash or NUL in path: %w", name, ErrUnsafe)
	case strings.HasPrefix(name, "/"):
		return "", fmt.Errorf("%q: absolute path: %w", name, ErrUnsafe)
	case len(name) >= 2 && name[1] == ':':
		return "", fmt.Errorf("%q: drive letter: %w", name, ErrUnsafe)
	}
	for _, el := range strings.Split(name, "/") {
		if el == ".." {
			return "", fmt.Errorf("%q: '..' in path: %w", name, ErrUnsafe)
		}
	}
	c := path.Clean(name)
	if c == "." || c == "" {
		return "", fmt.Errorf("%q: names no file: %w", name, ErrUnsafe)
	}
	return c, nil
}

// within reports whether rel (cleaned) is dir or lies below it.
func within(rel, dir string) bool {
	return rel == dir || strings.HasPrefix(rel, dir+"/")
}

// checkedZip is an opened archive whose every entry has passed the checks
// of openZip.
type checkedZip struct {
	rc    *zip.ReadCloser
	files []zipEntry
}

type zipEntry struct {
	f   *zip.File
	rel string // cleaned name
	dir bool
}

// openZip opens an archive and checks every entry before anything is
// written: names (cleanRel), types (regular files and directories only: no
// symlinks, devices or pipes), no duplicate names, and the entry count and
// the sum of the declared uncompressed sizes within the limits. A file that
// is not a zip archive is ErrCorrupt.
func openZip(p string, lim Limits) (*checkedZip, error) {
	rc, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable zip archive (%v): %w", filepath.Base(p), err, ErrCorrupt)
	}
	cz := &checkedZip{rc: rc}
	fail := func(err error) (*checkedZip, error) {
		rc.Close()
		return nil, err
	}
	if len(rc.File) > lim.maxFiles() {
		return fail(fmt.Errorf("%s: %d entries, limit %d: %w", filepath.Base(p), len(rc.File), lim.maxFiles(), ErrTooLarge))
	}
	seen := map[string]bool{}
	var total uint64
	for _, f := range rc.File {
		rel, err := cleanRel(f.Name)
		if err != nil {
			return fail(fmt.Errorf("%s: entry %w", filepath.Base(p), err))
		}
		mode := f.Mode()
		isDir := strings.HasSuffix(f.Name, "/") || mode.IsDir()
		switch {
		case mode&fs.ModeSymlink != 0:
			return fail(fmt.Errorf("%s: entry %q is a symbolic link: %w", filepath.Base(p), f.Name, ErrUnsafe))
		case !isDir && !mode.IsRegular():
			return fail(fmt.Errorf("%s: entry %q is not a regular file (%v): %w", filepath.Base(p), f.Name, mode.Type(), ErrUnsafe))
		}
		if isDir {
			cz.files = append(cz.files, zipEntry{f: f, rel: rel, dir: true})
			continue
		}
		if seen[rel] {
			return fail(fmt.Errorf("%s: entry %q appears twice: %w", filepath.Base(p), rel, ErrUnsafe))
		}
		seen[rel] = true
		total += f.UncompressedSize64
		if total > uint64(lim.maxUnpacked()) {
			return fail(fmt.Errorf("%s: unpacks to more than %d bytes: %w", filepath.Base(p), lim.maxUnpacked(), ErrTooLarge))
		}
		cz.files = append(cz.files, zipEntry{f: f, rel: rel})
	}
	return cz, nil
}

func (cz *checkedZip) Close() error { return cz.rc.Close() }

// readEntry reads one entry into memory (at most max bytes), checking its
// CRC.
func readEntry(e zipEntry, max int64) ([]byte, error) {
	if e.f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%s: %d bytes, limit %d: %w", e.rel, e.f.UncompressedSize64, max, ErrTooLarge)
	}
	r, err := e.f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v: %w", e.rel, err, ErrCorrupt)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v: %w", e.rel, err, ErrCorrupt)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: over %d bytes: %w", e.rel, max, ErrTooLarge)
	}
	return b, nil
}

// extractEntry writes one entry to dst, which must not exist yet (O_EXCL:
// nothing is overwritten and no existing link is followed). The entry must
// inflate to exactly its declared size; the zip reader checks the CRC at the
// end. budget is decremented by the bytes written.
func extractEntry(e zipEntry, dst string, budget *int64) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	r, err := e.f.Open()
	if err != nil {
		return fmt.Errorf("%s: %v: %w", e.rel, err, ErrCorrupt)
	}
	defer r.Close()
	w, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	want := int64(e.f.UncompressedSize64)
	n, err := io.Copy(w, io.LimitReader(r, want+1))
	if cerr := w.Close(); err == nil && cerr != nil {
		return cerr
	}
	switch {
	case err != nil:
		return fmt.Errorf("%s: %v: %w", e.rel, err, ErrCorrupt)
	case n != want:
		return fmt.Errorf("%s: inflates to %d bytes, header says %d: %w", e.rel, n, want, ErrCorrupt)
	}
	*budget -= n
	if *budget < 0 {
		return fmt.Errorf("%s: archive over its size limit: %w", e.rel, ErrTooLarge)
	}
	return nil
}

// unpackCatalogue reads a mods.d.tar.gz and writes its mods.d/*.conf
// members, flat, into dst (an empty directory). Anything else in the archive
// (directories, links, other files) is skipped; names are checked with
// cleanRel; each conf, the number of confs and the inflated stream are
// bounded by lim. It returns the number of confs written.
func unpackCatalogue(r io.Reader, dst string, lim Limits) (int, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return 0, fmt.Errorf("mods.d.tar.gz: %v: %w", err, ErrCorrupt)
	}
	// Bound the inflated stream, skipped members included (a gzip bomb).
	lr := &io.LimitedReader{R: zr, N: lim.maxCatalog() + 1}
	tr := tar.NewReader(lr)
	n := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.N <= 0 {
				return n, fmt.Errorf("mods.d.tar.gz: inflates to more than %d bytes: %w", lim.maxCatalog(), ErrTooLarge)
			}
			return n, fmt.Errorf("mods.d.tar.gz: %v: %w", err, ErrCorrupt)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		rel, err := cleanRel(strings.TrimPrefix(h.Name, "./"))
		if err != nil {
			continue
		}
		dir, base := path.Split(rel)
		if !strings.EqualFold(dir, "mods.d/") || !strings.HasSuffix(strings.ToLower(base), ".conf") || strings.HasPrefix(base, ".") {
			continue
		}
		if h.Size > lim.maxConf() {
			return n, fmt.Errorf("mods.d.tar.gz: %s: %d bytes, limit %d: %w", rel, h.Size, lim.maxConf(), ErrTooLarge)
		}
		if n++; n > lim.maxConfs() {
			return n, fmt.Errorf("mods.d.tar.gz: more than %d confs: %w", lim.maxConfs(), ErrTooLarge)
		}
		data, err := io.ReadAll(io.LimitReader(tr, lim.maxConf()+1))
		if err != nil {
			return n, fmt.Errorf("mods.d.tar.gz: %s: %v: %w", rel, err, ErrCorrupt)
		}
		if err := os.WriteFile(filepath.Join(dst, base), data, 0o644); err != nil {
			return n, err
		}
	}
	// Drain the gzip trailer so its CRC is checked.
	if _, err := io.Copy(io.Discard, lr); err != nil {
		return n, fmt.Errorf("mods.d.tar.gz: %v: %w", err, ErrCorrupt)
	}
	if lr.N <= 0 {
		return n, fmt.Errorf("mods.d.tar.gz: inflates to more than %d bytes: %w", lim.maxCatalog(), ErrTooLarge)
	}
	return n, nil
}
