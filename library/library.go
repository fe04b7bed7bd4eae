package library

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
	"strings"
	"sync"
	"sync/atomic"

	"berean/canon"
	"berean/corpus"
	"berean/index"
	"berean/markup"
	"berean/search"
	"berean/sword"
)

// Load opens the search index of the corpus kept in cacheDir, building it
// first when it is missing, stale (the module set changed) or damaged.
func Load(ctx context.Context, c *corpus.Corpus, cacheDir string, o index.LoadOptions) (*search.Searcher, error) {
	ix, err := index.Load(ctx, cacheDir, FromCorpus(c), o)
	if err != nil {
		return nil, err
	}
	return search.New(ix, search.Params{}), nil
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

func (s *corpusSource) Fingerprint() string { return Fingerprint(s.c.Library()) }

// LibraryKey names the library by its roots (index.LibrarySource): each
// set of roots keeps its own index in the cache.
func (s *corpusSource) LibraryKey() string { return Key(s.c.Library()) }

// Key is the library's roots, absolute, in search order.
func Key(lib *sword.Library) string {
	var roots []string
	for _, r := range lib.Roots() {
		if a, err := filepath.Abs(r); err == nil {
			r = a
		}
		roots = append(roots, r)
	}
	return strings.Join(roots, "\x00")
}

// OpenCurrent opens the index already built for the modules of lib in
// cacheDir, without opening the modules themselves: a process that only
// searches needs nothing else. It fails (fs.ErrNotExist, index.ErrCorrupt,
// index.ErrVersion) when the index must be built; then use Load.
func OpenCurrent(lib *sword.Library, cacheDir string) (*search.Searcher, error) {
	ix, err := index.OpenCurrent(cacheDir, fingerprintOnly{Fingerprint(lib), Key(lib)})
	if err != nil {
		return nil, err
	}
	return search.New(ix, search.Params{}), nil
}

// fingerprintOnly is a Source that can only say its fingerprint and
// library.
type fingerprintOnly struct{ fp, lib string }

func (f fingerprintOnly) Fingerprint() string         { return f.fp }
func (f fingerprintOnly) LibraryKey() string          { return f.lib }
func (f fingerprintOnly) Bibles() []index.BibleSource { return nil }
func (f fingerprintOnly) Lexicon(context.Context) iter.Seq2[index.LexEntry, error] {
	return func(func(index.LexEntry, error) bool) {}
}
func (f fingerprintOnly) Topics(context.Context) iter.Seq2[index.Topic, error] {
	return func(func(index.Topic, error) bool) {}
}

// Fingerprint identifies what the index is built from: the module
// set (sword.Library.Fingerprint: every module's conf and the files its
// driver reads) and WordNet's files, which the index reads too (THES).
func Fingerprint(lib *sword.Library) string {
	h := sha256.New()
	fmt.Fprintf(h, "modules %s\n", lib.Fingerprint())
	for _, f := range wordNetFiles() {
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
					lines[i] = topicLines(all[i])
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

// Lang is the module's language (index.LangSource): its stems are that
// language's.
func (s *bibleSource) Lang() string { return s.b.Lang() }

// Verses converts corpus verses: the clean text and the Strong's numbers
// of its words become Tags (the tag slice is reused: the builder does not
// keep it). A slot the module cannot read ends the walk with its error
// (the index then leaves the Bible out and names it: never a part of it);
// so does a cancelled context.
func (s *bibleSource) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		var tags []index.Tag
		for v, err := range s.b.Verses(ctx) {
			if err != nil {
				if ctx.Err() != nil {
					err = ctx.Err()
				}
				yield(index.Verse{}, err)
				return
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

// Commentaries adapts the installed commentaries: each comment is one
// index entry at the first verse it covers (index.CommentarySource).
func (s *corpusSource) Commentaries() []index.BibleSource {
	var out []index.BibleSource
	for _, c := range s.c.Commentaries() {
		out = append(out, &commentarySource{c: c})
	}
	return out
}

type commentarySource struct{ c *corpus.Commentary }

func (s *commentarySource) Name() string          { return s.c.Name() }
func (s *commentarySource) Module() string        { return s.c.Module() }
func (s *commentarySource) System() *canon.System { return s.c.System() }

// Verses yields the comments. A commentary that cannot be read (a driver
// berean does not read, damaged files) yields what it gave before the
// error: the others are still indexed.
func (s *commentarySource) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		for cm, err := range s.c.All(ctx) {
			if err != nil {
				if ctx.Err() != nil {
					yield(index.Verse{}, ctx.Err())
				}
				return
			}
			r := cm.Range
			v := index.Verse{Book: r.Start.Book, Chapter: r.Start.Chapter, Verse: r.Start.Verse, Text: cm.Text,
				LastChapter: r.End.Chapter, LastVerse: r.End.Verse}
			if !yield(v, nil) {
				return
			}
		}
	}
}
