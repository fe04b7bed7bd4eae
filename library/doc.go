// Package library turns the installed modules into the search index and
// opens it: it adapts an opened corpus (package corpus) to the index
// builder's sources (index.Source and its optional interfaces), names the
// index in the cache by the module set, and returns a search.Searcher over
// it. Package search itself knows only the index; this is the one place
// where corpus, markup, SWORD modules and WordNet meet the index.
//
//	c, _ := corpus.Open(sword.DefaultRoots(nil))
//	s, err := library.Load(ctx, c, cacheDir, index.LoadOptions{}) // builds when needed
//	s, err := library.OpenCurrent(c.Library(), cacheDir)          // search-only: no module opened
//
// # Contract
//
//   - Load opens the index of the corpus in cacheDir, building it first
//     when it is missing, stale or damaged (index.Load). OpenCurrent opens
//     an index already built, without opening any module, and fails with
//     fs.ErrNotExist, index.ErrCorrupt or index.ErrVersion when it must be
//     built. IndexPath says where the index is and whether it exists.
//   - The index is keyed by Fingerprint (every module's conf and the files
//     its driver reads, plus WordNet's files) and by Key (the library's
//     roots, absolute, in search order): each set of roots keeps its own
//     index, so switching --sword-path does not rebuild.
//   - What FromCorpus gives the builder: each Bible's verses (clean text,
//     and the Strong's numbers of its words as tags), its language; the
//     Strong's lexicon entries; the Nave's topics with their lines (the
//     text of each line, its sub-heading, the references it cites:
//     topics.go); WordNet's single-word lemmas with their related words
//     (nothing when WordNet is not installed: $WNSEARCHDIR or
//     /usr/share/wordnet); the commentaries, as searchable entries and as
//     plain words with the verses they cite (extras.go). A Bible slot the
//     module cannot read ends that Bible's walk with its error; a
//     commentary that cannot be read is left out with a log line.
//
// # Figures
//
// The installed modules here (KJV, WEB, RV1909, three commentaries,
// Nave's, the Strong's lexicons, WordNet) make a 61 MB index
// (TestRealBuildReport logs the build time and each section's size).
// Nave's lines are split by the module's links when it has them;
// otherwise only the trailing references of each line go through the
// reference parser (refTail): parsing whole lines took a fifth of the
// build.
package library
