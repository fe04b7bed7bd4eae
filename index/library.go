package index

// One index per library. A library is a set of module roots (the
// --sword-path values, $SWORD_PATH, ~/.sword, /usr/share/sword, in order);
// its key names its index file, so that switching between libraries opens
// each one's own index instead of rebuilding over the other's. A library's
// index is rebuilt when its modules change (the fingerprint), which
// replaces its previous file; the files of libraries not used for MaxAge,
// and of all but the MaxLibraries most recently used, are deleted.

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// LibrarySource is implemented by a Source that knows the library it was
// read from. LibraryKey identifies the library (for example its roots, in
// order), not its contents: the fingerprint does that.
type LibrarySource interface {
	LibraryKey() string
}

// Pruning defaults (LoadOptions.MaxAge, LoadOptions.MaxLibraries).
const (
	DefaultMaxAge       = 30 * 24 * time.Hour
	DefaultMaxLibraries = 8
)

// usedSuffix names the marker beside an index file whose modification time
// is the last time the index was opened (touched at most once an hour; the
// index file itself is never touched, so that its verified stamp holds).
const usedSuffix = ".used"

// touchEvery bounds how often the used marker is updated.
const touchEvery = time.Hour

// libraryKey is the 16-hex-digit key of src's library: a hash of
// LibraryKey, or "" when src does not say (then the file is named by the
// fingerprint alone, as before libraries had their own files).
func libraryKey(src Source) string {
	ls, ok := src.(LibrarySource)
	if !ok {
		return ""
	}
	h := sha256.Sum256([]byte("library\x00" + ls.LibraryKey()))
	return hex.EncodeToString(h[:8])
}

// fileNameFor is the index file name of src: "index-<library>-<fingerprint>.bidx"
// (16 hex digits each), or FileName(fp) for a Source without a library.
func fileNameFor(src Source, fp [32]byte) string {
	lib := libraryKey(src)
	if lib == "" {
		return FileName(fp)
	}
	return "index-" + lib + "-" + hex.EncodeToString(fp[:8]) + ".bidx"
}

// markUsed records that the index at path was opened now, unless it was
// recorded (or the file written) less than touchEvery ago: a search costs
// one stat of the marker.
func markUsed(path string) {
	m := path + usedSuffix
	now := time.Now()
	if fi, err := os.Stat(m); err == nil {
		if now.Sub(fi.ModTime()) < touchEvery {
			return
		}
		if os.Chtimes(m, now, now) == nil {
			return
		}
	} else if fi, err := os.Stat(path); err == nil && now.Sub(fi.ModTime()) < touchEvery {
		return // a new file: its own time says when it was last used
	}
	if f, err := os.OpenFile(m, os.O_WRONLY|os.O_CREATE, 0o644); err == nil {
		f.Close()
		os.Chtimes(m, now, now)
	}
}

// indexFile is one index file of the cache directory.
type indexFile struct {
	path, lib string
	used      time.Time
}

// listIndexes lists the index files of dir with their library key ("" for
// files named by the fingerprint alone) and last use (the used marker's
// time, or the file's own when there is none).
func listIndexes(dir string) []indexFile {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []indexFile
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, "index-") || !strings.HasSuffix(name, ".bidx") {
			continue
		}
		f := indexFile{path: filepath.Join(dir, name)}
		if parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(name, "index-"), ".bidx"), "-"); len(parts) == 2 {
			f.lib = parts[0]
		}
		if fi, err := os.Stat(f.path + usedSuffix); err == nil {
			f.used = fi.ModTime()
		} else if fi, err := e.Info(); err == nil {
			f.used = fi.ModTime()
		}
		out = append(out, f)
	}
	return out
}

// pruneIndexes deletes, after keep was built for library lib: the other
// files of lib (older module sets), files named by a fingerprint alone
// when lib is known, and other libraries' files unused for maxAge or
// beyond the maxLibs most recently used libraries (keep's counts as one).
func pruneIndexes(dir, keep, lib string, maxAge time.Duration, maxLibs int, log *slog.Logger) {
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	if maxLibs <= 0 {
		maxLibs = DefaultMaxLibraries
	}
	files := listIndexes(dir)
	sort.Slice(files, func(i, j int) bool { return files[i].used.After(files[j].used) })
	libs := map[string]bool{lib: true}
	now := time.Now()
	for _, f := range files {
		reason := ""
		switch {
		case f.path == keep:
			continue
		case f.lib == lib:
			reason = "stale: built for an earlier state of the same library"
		case f.lib == "" || lib == "":
			reason = "stale: built for another module set"
		case now.Sub(f.used) > maxAge:
			reason = "unused for " + now.Sub(f.used).Round(time.Hour).String()
		case !libs[f.lib] && len(libs) >= maxLibs:
			reason = "more libraries than the cache keeps"
		}
		if reason == "" {
			libs[f.lib] = true
			continue
		}
		if err := os.Remove(f.path); err == nil {
			log.Info("removed a search index", "path", f.path, "reason", reason)
		}
		os.Remove(f.path + stampSuffix)
		os.Remove(f.path + usedSuffix)
	}
}
