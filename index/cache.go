package index

// The persisted index: one file per module set in the cache directory,
// named by the fingerprint of that set, written atomically (temporary file
// in the same directory, fsync, rename, fsync of the directory) so that a
// reader sees either the old file or the whole new one, never a part.

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"berean/crossref"
)

// probeText exercises the analysis pipeline: folding, archaic forms and
// stemming. Its analysis is part of the fingerprint, so a change to package
// analysis that would change the index rebuilds it.
const probeText = "Wherefore he is able also to save them to the uttermost that come unto God by him, " +
	"seeing he ever liveth to make intercession for them. Thou hast; he saith, ye shall; " +
	"ÉLOHÎM Ἰησοῦς LORD'S Jesus' interceding intercessions begotten goeth doeth"

// probeTextES probes the Spanish analysis (other languages' stemmers are
// fixed by the module version of the Snowball library).
const probeTextES = "Porque de tal manera amó Dios al mundo, que ha dado a su Hijo unigénito"

// Fingerprint is the key of the index for src: SHA-256 over the format and
// build versions, the output of the analysis pipeline on a probe text,
// src.Fingerprint() (the module set) and crossref.Sum (the cross-reference
// data).
func Fingerprint(src Source) [32]byte {
	h := sha256.New()
	var b []byte
	b = binary.AppendUvarint(b, FormatVersion)
	b = binary.AppendUvarint(b, BuildVersion)
	for _, t := range tokenize(probeText, nil) {
		b = appendStr(b, t.Term)
		b = appendStr(b, stemFolded(t.Term))
		b = appendStr(b, modernFolded(t.Term))
		b = binary.AppendUvarint(b, uint64(t.Pos))
		b = binary.AppendUvarint(b, uint64(t.Start))
		b = binary.AppendUvarint(b, uint64(t.End))
	}
	for _, t := range tokenize(probeTextES, nil) {
		b = appendStr(b, stemFoldedIn("es", t.Term))
	}
	b = appendStr(b, src.Fingerprint())
	if wantCrossRefs(src) {
		b = appendStr(b, crossref.Sum) // the cross-reference data, apart from the module set
	}
	h.Write(b)
	var fp [32]byte
	h.Sum(fp[:0])
	return fp
}

// FileName is the name of the cached index file for a fingerprint.
func FileName(fp [32]byte) string {
	return "index-" + hex.EncodeToString(fp[:8]) + ".bidx"
}

// LoadOptions configure Load.
type LoadOptions struct {
	// Progress reports indexing progress when a build is needed.
	Progress Progress
	// Building, when set, is called once before a build with the reason:
	// "missing", "stale", "corrupt: ..." or "forced".
	Building func(reason string)
	// Force rebuilds even when a current index exists.
	Force  bool
	Logger *slog.Logger
	// InMemory reads the index file into memory instead of mapping it
	// (OpenInMemory): what a long-running server wants.
	InMemory bool
	// MaxAge and MaxLibraries bound the other libraries' indexes kept in
	// the directory (library.go); zero means DefaultMaxAge (30 days) and
	// DefaultMaxLibraries (8).
	MaxAge       time.Duration
	MaxLibraries int
}

// Load returns the index of src kept in dir, building it first when it is
// missing, was built for another module set or format, or is damaged (the
// damaged file is replaced, never trusted). When dir cannot be written the
// index is built in memory and a warning logged.
func Load(ctx context.Context, dir string, src Source, o LoadOptions) (*Index, error) {
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	fp := Fingerprint(src)
	path := filepath.Join(dir, fileNameFor(src, fp))
	reason := "forced"
	if !o.Force {
		ix, err := open(path, o.InMemory)
		switch {
		case err == nil && ix.fp == fp:
			warnSkipped(log, ix)
			markUsed(path)
			return ix, nil
		case err == nil:
			ix.Close()
			reason = "stale"
		case IsNotExist(err):
			reason = "missing"
		case errors.Is(err, ErrCorrupt) || errors.Is(err, ErrVersion):
			reason = "corrupt: " + err.Error()
			log.Warn("rebuilding the search index", "path", path, "err", err)
		default:
			// A directory, a FIFO or a device in the file's place, a
			// cache path that is a file, a permission problem: the
			// index is built anyway, and kept in memory when it cannot
			// be written.
			reason = "unusable: " + err.Error()
			log.Warn("the cached search index cannot be read; rebuilding it", "path", path, "err", err)
		}
	}
	if o.Building != nil {
		o.Building(reason)
	}
	log.Info("building the search index", "path", path, "reason", reason)
	data, err := BuildBytes(ctx, src, o.Progress)
	if err != nil {
		return nil, err
	}
	if err := WriteFile(path, data); err != nil {
		log.Warn("cannot persist the search index; using it in memory", "path", path, "err", err)
		ix, err := OpenBytes(data)
		if err == nil {
			warnSkipped(log, ix)
		}
		return ix, err
	}
	removeStale(dir, path, log)
	pruneIndexes(dir, path, libraryKey(src), o.MaxAge, o.MaxLibraries, log)
	ix, err := open(path, o.InMemory)
	if err != nil {
		// Replaced or damaged between the write and the open: the
		// bytes just built are still good.
		log.Warn("cannot reopen the search index just written; using it in memory", "path", path, "err", err)
		return OpenBytes(data)
	}
	if ix.fp != fp {
		ix.Close()
		return nil, fmt.Errorf("index: %s: written for another fingerprint", path)
	}
	warnSkipped(log, ix)
	return ix, nil
}

// warnSkipped logs each Bible the index left out because its data is
// damaged.
func warnSkipped(log *slog.Logger, ix *Index) {
	for _, s := range ix.Skipped() {
		log.Warn("a Bible was left out of the search index: its module's data is damaged", "bible", s.Name, "module", s.Module, "reason", s.Reason)
	}
}

// OpenCurrent opens the index of src in dir when it exists and is intact,
// without building: the fast path of a process that only reads. Only
// src.Fingerprint is called. A missing file is an error wrapping
// fs.ErrNotExist; a damaged one wraps ErrCorrupt or ErrVersion.
func OpenCurrent(dir string, src Source) (*Index, error) {
	fp := Fingerprint(src)
	path := filepath.Join(dir, fileNameFor(src, fp))
	ix, err := Open(path)
	if err != nil {
		return nil, err
	}
	if ix.fp != fp {
		ix.Close()
		return nil, fmt.Errorf("index: %s: %w: built for another module set", ix.path, ErrCorrupt)
	}
	markUsed(path)
	return ix, nil
}

// Current reports the path of src's index in dir and whether a file is
// there (it is not opened or verified).
func Current(dir string, src Source) (path string, exists bool) {
	path = filepath.Join(dir, fileNameFor(src, Fingerprint(src)))
	_, err := os.Stat(path)
	return path, err == nil
}

// WriteFile writes an index file atomically: a temporary file in the same
// directory is written, synced and renamed over path.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	f, err := os.CreateTemp(dir, ".index-*.tmp")
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("index: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// removeStale deletes temporary files abandoned more than an hour ago and
// stamps and used markers whose index file is gone (index files
// themselves are pruned by pruneIndexes).
func removeStale(dir, keep string, log *slog.Logger) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		p := filepath.Join(dir, name)
		switch {
		case p == keep || p == keep+stampSuffix || p == keep+usedSuffix:
		case strings.HasPrefix(name, "index-") && (strings.HasSuffix(name, ".bidx"+stampSuffix) || strings.HasSuffix(name, ".bidx"+usedSuffix)):
			if _, err := os.Stat(strings.TrimSuffix(strings.TrimSuffix(p, stampSuffix), usedSuffix)); os.IsNotExist(err) {
				os.Remove(p)
			}
		case strings.HasPrefix(name, ".index-") && strings.HasSuffix(name, ".tmp"),
			strings.HasPrefix(name, ".stamp-"):
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.Remove(p)
			}
		}
	}
}
