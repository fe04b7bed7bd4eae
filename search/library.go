package search

// The adapter between the opened modules (package corpus) and the index
// builder (index.Source), and the cache key of the module set.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"berean/canon"
	"berean/corpus"
	"berean/index"
	"berean/markup"
	"berean/sword"
)

// Load opens the search index of the corpus kept in cacheDir, building it
// first when it is missing, stale (the module set changed) or damaged.
func Load(ctx context.Context, c *corpus.Corpus, cacheDir string, o index.LoadOptions) (*Searcher, error) {
	ix, err := index.Load(ctx, cacheDir, FromCorpus(c), o)
	if err != nil {
		return nil, err
	}
	return New(ix, Params{}), nil
}

// IndexPath returns the path of the corpus's index in cacheDir and whether
// the file exists.
func IndexPath(c *corpus.Corpus, cacheDir string) (string, bool) {
	return index.Current(cacheDir, FromCorpus(c))
}

// FromCorpus adapts an opened corpus to index.Source: its Bibles, the
// Strong's lexicons and Nave's topics.
func FromCorpus(c *corpus.Corpus) index.Source { return &corpusSource{c: c} }

type corpusSource struct{ c *corpus.Corpus }

func (s *corpusSource) Bibles() []index.BibleSource {
	var out []index.BibleSource
	for _, b := range s.c.Bibles() {
		out = append(out, &bibleSource{b: b})
	}
	return out
}

func (s *corpusSource) Fingerprint() string { return LibraryFingerprint(s.c.Library()) }

// OpenCurrent opens the index already built for the modules of lib in
// cacheDir, without opening the modules themselves: a process that only
// searches needs nothing else. It fails (fs.ErrNotExist, index.ErrCorrupt,
// index.ErrVersion) when the index must be built; then use Load.
func OpenCurrent(lib *sword.Library, cacheDir string) (*Searcher, error) {
	ix, err := index.OpenCurrent(cacheDir, fingerprintOnly(LibraryFingerprint(lib)))
	if err != nil {
		return nil, err
	}
	return New(ix, Params{}), nil
}

// fingerprintOnly is a Source that can only say its fingerprint.
type fingerprintOnly string

func (f fingerprintOnly) Fingerprint() string         { return string(f) }
func (f fingerprintOnly) Bibles() []index.BibleSource { return nil }
func (f fingerprintOnly) Lexicon(context.Context) iter.Seq2[index.LexEntry, error] {
	return func(func(index.LexEntry, error) bool) {}
}
func (f fingerprintOnly) Topics(context.Context) iter.Seq2[index.Topic, error] {
	return func(func(index.Topic, error) bool) {}
}

// LibraryFingerprint identifies the module set the index is built from:
// for each Bible and lexicon module its name, version and versification,
// and the name, size and modification time of its conf and of the regular
// files of its data path. Subdirectories of the data path are not looked
// at: mkfastmod's lucene/ index lives there.
func LibraryFingerprint(lib *sword.Library) string {
	h := sha256.New()
	var mods []*sword.ModuleInfo
	for _, m := range lib.Modules() {
		switch strings.ToLower(m.Type) {
		case "bible", "lexicon":
			mods = append(mods, m)
		}
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Name < mods[j].Name })
	for _, m := range mods {
		fmt.Fprintf(h, "module %s %s %s\n", m.Name, m.Version, m.Versification)
		statInto(h, m.ConfPath)
		for _, f := range dataFiles(m.DataPath) {
			statInto(h, f)
		}
	}
	// The optional sources: WordNet's files and the commentaries.
	for _, f := range extraFiles(lib) {
		statInto(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func statInto(w io.Writer, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		fmt.Fprintf(w, "%s missing\n", path)
		return
	}
	fmt.Fprintf(w, "%s %d %d\n", path, fi.Size(), fi.ModTime().UnixNano())
}

// dataFiles lists the regular files of a module's data path: the files of
// the directory, or for a path that names a file prefix (lexicons:
// .../strongsgreek/strongsgreek) the files starting with it.
func dataFiles(path string) []string {
	if path == "" {
		return nil
	}
	dir, prefix := path, ""
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		dir, prefix = filepath.Dir(path), filepath.Base(path)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), prefix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

func (s *corpusSource) Lexicon(ctx context.Context) iter.Seq2[index.LexEntry, error] {
	return func(yield func(index.LexEntry, error) bool) {
		for e, err := range s.c.LexiconEntries() {
			if err != nil {
				yield(index.LexEntry{}, err)
				return
			}
			if !yield(index.LexEntry{Key: e.Key, Text: e.Definition}, nil) {
				return
			}
		}
	}
}

func (s *corpusSource) Topics(ctx context.Context) iter.Seq2[index.Topic, error] {
	return func(yield func(index.Topic, error) bool) {
		// The lines of the entries are split (reference parsing: most of
		// the work) by a few goroutines; topics are yielded in order.
		var all []*corpus.TopicEntry
		for t, err := range s.c.Topics() {
			if err != nil {
				yield(index.Topic{}, err)
				return
			}
			all = append(all, t)
		}
		lines := make([][]index.TopicLine, len(all))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range max(1, runtime.GOMAXPROCS(0)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(all) || ctx.Err() != nil {
						return
					}
					lines[i] = TopicLines(all[i])
				}
			}()
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			yield(index.Topic{}, err)
			return
		}
		for i, t := range all {
			if !yield(index.Topic{Name: t.Name, Refs: t.OSIS(), Lines: lines[i], See: t.SeeAlso}, nil) {
				return
			}
		}
	}
}

type bibleSource struct{ b *corpus.Bible }

func (s *bibleSource) Name() string          { return s.b.Name() }
func (s *bibleSource) Module() string        { return s.b.Module() }
func (s *bibleSource) System() *canon.System { return s.b.System() }

// Verses converts corpus verses: the clean text and the Strong's numbers
// of its words become Tags (the tag slice is reused: the builder does not
// keep it). A slot the module cannot read is skipped (berean read reports
// it); a cancelled context ends the walk with its error.
func (s *bibleSource) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		var tags []index.Tag
		for v, err := range s.b.Verses(ctx) {
			if err != nil {
				if ctx.Err() != nil {
					yield(index.Verse{}, ctx.Err())
					return
				}
				continue
			}
			tags = tagsOf(v.Text, tags[:0])
			iv := index.Verse{Book: v.Ref.Book, Chapter: v.Ref.Chapter, Verse: v.Ref.Verse, Text: v.Text.Clean, Tags: tags}
			if !yield(iv, nil) {
				return
			}
		}
	}
}

func tagsOf(t markup.Text, dst []index.Tag) []index.Tag {
	for _, w := range t.Words {
		if len(w.Strongs) > 0 {
			dst = append(dst, index.Tag{Start: w.Start, End: w.End, Keys: w.Strongs})
		}
	}
	return dst
}
