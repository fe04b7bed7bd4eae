// Package index is berean's persisted search index: positional postings of
// every installed Bible (one field per translation) and commentary (one
// field each, docs are comments), Strong's postings,
// verse texts and word spans, and the concept tables of the lexicons and
// topical dictionaries. It is built from a Source (Build, Load), kept in one
// file under the cache directory, opened with one mmap (Open) or read into
// memory (OpenInMemory) and verified before it is trusted.
//
//	ix, err := index.Load(ctx, cacheDir, src, index.LoadOptions{})   // open, or build when missing/stale/corrupt
//	kjv, _ := ix.Bible("KJV")
//	p := kjv.Stem(index.StemTerm("intercession"))                   // posting list
//	for i := 0; i < p.Len(); i++ { doc := p.Doc(i); pos := p.Positions(i, nil); ... }
//
// Package search evaluates queries over it.
//
// # Documents and terms
//
// A document is one verse of one Bible that has text. The docs of a Bible are
// numbered 0..n-1 in the order of its versification (so doc order is Bible
// order), n ≤ 65536, and each keeps its canon ordinal (canon.System.Ordinal)
// so that reference ranges become doc ranges by binary search.
//
// Positions count the words of the verse's clean text (markup.Text.Clean):
// notes, Strong's numbers and markup occupy none, so a phrase matches across
// them. Each word is indexed under two terms:
//
//   - its exact term: the word folded (case, diacritics), as ExactTerm;
//   - its stem term: the folded word modernised (liveth -> lives, hath ->
//     has) then stemmed (Snowball English), as StemTerm.
//
// and a word that carries Strong's tags is also indexed under each key
// ("G1793"). A key tagged on markup with no visible word is recorded with no
// positions (tf 0), so its verse is still found. For each stem the
// Strong's keys its words carry are counted (ALIGN: the translators' own
// English -> original-language concordance), and for each modern form the
// archaic exact forms that modernise to it are listed (ARCH: phrases fold
// archaic forms without stemming).
//
// The verse texts are stored too, as token streams over per-Bible tables
// of word forms and separators, so that a search returns texts and
// highlights without opening the modules or re-running the analyser: a
// search in a new process is a single mmap.
//
// # File layout
//
// All integers are little-endian. "uvarint" is encoding/binary's unsigned
// varint; "str" is a uvarint byte length followed by UTF-8 bytes. Sections
// are not aligned or padded.
//
//	header    16 bytes
//	section*  the bytes of each section, in the order of the TOC
//	TOC       24 bytes per section
//	trailer   56 bytes
//
// Header:
//
//	[0:8)    magic "BEREANIX"
//	[8:12)   format version (uint32), FormatVersion
//	[12:16)  flags (uint32), 0
//
// TOC entry (one per section):
//
//	[0:2)    kind (uint16), see below
//	[2:4)    Bible number (uint16): 0.. for per-Bible sections, 0xFFFF for global ones
//	[4:8)    CRC-32C (Castagnoli) of the section bytes
//	[8:16)   offset of the section from the start of the file (uint64)
//	[16:24)  length of the section (uint64)
//
// Trailer (the last 56 bytes):
//
//	[0:32)   fingerprint (SHA-256, see Fingerprint)
//	[32:40)  offset of the TOC (uint64)
//	[40:44)  number of TOC entries (uint32)
//	[44:48)  CRC-32C of header ‖ TOC ‖ trailer[0:44)
//	[48:56)  magic "XINAEREB"
//
// The TOC must end exactly where the trailer begins, so a truncated file
// fails before any section is read. Open verifies the CRC of every section
// except POST and TEXT, whose 4 KiB blocks are verified as they are first
// read (BLOCKS), and the concept sections, verified whole on first use
// (verify.go says why: 2.7 ms for the whole file in a new process, against
// a few dozen blocks for a search). A mismatch is ErrCorrupt: from Open, or
// afterwards from Index.Err and every search, and the file is removed so
// that the next Load rebuilds it. A file that passed Open is stamped
// (PATH.verified: device, inode, size, modification and change times;
// stamp.go), and a later Open of the same file state skips the pass over
// the sections checked whole (about 2.4 MB, half a millisecond); any write
// changes the change time, so a modified file is checked again.
// Readers also bounds-check every offset inside the sections, so a file
// crafted to pass the checksums yields wrong answers, never a crash
// (FuzzOpen, FuzzSections).
//
// # Dictionary sections
//
// STEM, EXACT, STRONG, ARCH, ALIGN, LEXKEYS, LEXDICT, TOPICS, TOPICDICT and
// LINEDICT share one layout: n sorted, unique keys, each with a uint32 value, then an
// optional value blob.
//
//	uint32            n
//	(n+1) × uint32    key offsets into the key bytes (the last is their length)
//	n × uint32        values
//	key bytes         the keys, concatenated
//	value blob        the rest of the section (may be empty)
//
// Lookup is a binary search over the keys; a prefix is the range of keys
// from the lower bound of the prefix while they start with it. In STEM,
// EXACT and STRONG the value is the offset of the term's posting list in
// the Bible's POST section; in the others it is an offset into the
// section's own value blob, whose records are given below.
//
// # Per-Bible sections
//
// BIBLE (kind 2), the descriptor:
//
//	str name ("KJV"), str module ("engKJV2006eb"), str versification ("KJV")
//	uvarint docs, uvarint total words (sum of verse lengths)
//	uvarint books, books × str OSIS id   (the books that have docs, in order)
//
// DOCS (kind 3), three arrays of docs entries:
//
//	docs × uint32   canon ordinal, strictly increasing
//	docs × 3 bytes  book number (index into the BIBLE book list), chapter, verse
//	docs × uint16   verse length in words
//
// TEXT (kind 4): each verse as the sequence of its words and of the
// separators between them, in numbers.
//
//	(docs+1) × uint32  offsets into the records: doc d is [off[d], off[d+1])
//	records            per word (the verse length of DOCS gives the count):
//	                   uvarint form<<1 | x, where form numbers the word's
//	                   surface form in FORMS and x=1 says that a uvarint SEPS
//	                   number follows for the separator before the word
//	                   (x=0: the default, none before the first word and one
//	                   space before the others); then, after the last word,
//	                   uvarint SEPS number of the trailing text
//
// The text is the concatenation in order; the byte span of each word falls
// out of decoding (Bible.Verse), which is how positions map to highlights.
//
// FORMS (kind 16), SEPS (kind 17): string tables, numbered by decreasing
// frequency (ties in byte order), so that the commonest words and " , "
// take one-byte numbers:
//
//	uint32            n
//	(n+1) × uint32    offsets into the bytes
//	bytes             the strings, concatenated
//
// For the KJV this is 1.5 MB where the raw text and a table of word spans
// took 5.9 MB.
//
// STEM (5), EXACT (6), STRONG (7): dictionaries, term -> offset in POST.
//
// POST (kind 8): posting lists, each
//
//	uvarint  df: number of docs
//	uvarint  length of the position records in bytes
//	df × uint16            the docs, increasing
//	((df−1)/64) × uint32   skip entries: offset in the position records of
//	                       the record of doc index 64·(k+1)
//	position records       per doc: uvarint tf, then tf uvarint deltas of
//	                       the increasing positions (the first from 0)
//
// Fixed-width docs allow galloping search (Postings.Seek) without decoding;
// the skip entries give the positions of the i-th doc after decoding at most
// 63 records. Lists with identical bytes are stored once: a word that is its
// own only form (most of them) has the same stem and exact list.
//
// ARCH (kind 9): dictionary modern form -> blob record
// "uvarint n, n × uvarint exact term number" (index in EXACT) of the forms
// that modernise to it (lives -> liveth, livest).
//
// ALIGN (kind 10): dictionary stem -> blob record "uvarint n, n × (uvarint
// STRONG term number, uvarint count)", most frequent first.
//
// # Global sections
//
// META (kind 1): JSON (type Meta): format, build, creation time, fingerprint,
// modules and entry counts, build time, and "skipped": the Bibles left out
// because their module's data is damaged, with the reason (damage.go).
//
// LEXKEYS (kind 11): dictionary of the lexicon keys ("G1793"); values 0.
//
// LEXDICT (kind 12): dictionary definition stem -> blob record
// "uvarint n, n × (uvarint delta of the LEXKEYS number, uvarint tf)".
//
// TOPICS (kind 13): dictionary topic name -> blob record "uvarint n, n × str
// OSIS reference".
//
// TOPICDICT (kind 14): dictionary stem of a topic-name word -> blob record
// "uvarint n, n × uvarint delta of the TOPICS number".
//
// LINES (kind 19): the lines of the topics' entries that cite references
// (Topic.Lines: "The prodigal son and his older brother", under the
// sub-heading "PARABLES OF" of JESUS, THE CHRIST, citing Luke.15.11-
// Luke.15.32), numbered in the order of their topics (TOPICS numbers),
// then of the entry. A string table (the layout of FORMS) whose strings
// are binary records:
//
//	uvarint           TOPICS number of the line's topic
//	str               sub-heading (empty when the line is its own heading)
//	str               text, references removed
//	uvarint n         n × uvarint LINEDICT number of the stems of the
//	                  text's words, distinct, in order of first occurrence
//	uvarint r         r × str OSIS reference
//
// LINEDICT (kind 20): dictionary stem -> blob record "uvarint n, n ×
// uvarint delta of the LINES number" of the lines whose text, sub-heading
// or topic name holds a word of that stem (each line once). With the
// installed Nave's: 21,968 lines, 2.0 MB for LINES and 0.3 MB for
// LINEDICT; splitting the entries into lines (their references go through
// package ref) adds about 0.9 s of CPU to a build, shared between cores.
//
// XREFS (kind 25): the open cross-references (package crossref: the
// OpenBible.info data, pairs with negative votes left out), by source
// verse. Verses are KJV ordinals (canon.KJV().Ordinal), n of them:
//
//	uint32            n (canon.KJV().VerseCount())
//	(n+1) × uint32    index of the first record of each source verse
//	records           6 bytes each: uint16 first target verse, uint16
//	                  last target verse, uint16 votes; per source verse
//	                  most votes first
//
// XREFIN (kind 26): the same pairs by target verse, a range target
// counting for each of its verses:
//
//	uint32            n
//	n × uint32        the verse's in-degree of votes (Index.VerseVotes)
//	(n+1) × uint32    index of the first record of each target verse
//	records           4 bytes each: uint16 source verse, uint16 votes;
//	                  most votes first
//
// TOPICVERSES (kind 27): the topics citing each verse (by a reference of
// at most 13 verses: a longer one is context), the inverse of TOPICS:
//
//	uint32            n (canon.KJV().VerseCount())
//	(n+1) × uint32    offsets into the records (the last is their length)
//	records           per verse: uvarint count, then count × uvarint
//	                  delta of the TOPICS number
//
// With the installed Nave's (5,320 topics, 72,252 references): 0.36 MB,
// 23 ms of CPU to build.
//
// The three are checked whole on first use, like the concept sections. With
// the 2021-05-31 data: 343,934 pairs, XREFS 2.2 MB, XREFIN 2.7 MB;
// parsing and encoding them takes about 0.17 s of CPU, in a goroutine of
// its own during the build. The data is not part of the module set: the
// fingerprint includes its checksum (crossref.Sum) instead.
// THES (kind 28): dictionary stem -> blob record "uvarint n, n × (str
// stem, byte weight)": the stems of the Bibles that a thesaurus relates to
// a word of that stem (ThesaurusSource; from WordNet: synonyms,
// derivations, similar adjectives, hypernyms and hyponyms weighted by
// sense frequency, see package wordnet), best first, at most 12, weight
// round(w × 255) for w in (0, 1]. Only entries with a related stem some
// Bible has are kept, and only such stems. With WordNet 3.0 and
// KJV+WEB+RV1909: 41,103 entries (35,754 before the hyponyms).
//
// COMMDICT (kind 29): dictionary stem -> blob record "uvarint n, n ×
// (uvarint delta of the KJV ordinal, uvarint tf)": the words of the
// installed commentaries (CommentaryTextSource) as a field of the verses
// each comment covers (a linked entry counts for each of its verses),
// function words (analysis.IsStop) left out, the first 4000 bytes of each
// comment. COMMLENS (kind 30): uint32 n, then n × uint16 number of
// commentary words and n × uint16 number of citations (the verses the
// comments' reference tags cite, in references of at most 4 verses) of
// each KJV ordinal. With Scofield and the Treasury of David (MHCC
// unreadable): 7,631 verses with comments, 227 words on average, 64,691
// citations. THES, COMMDICT, COMMLENS and TOPICSEE together take the index
// of KJV+WEB+RV1909 from 30.0 to 34.3 MB and its build from 4.4 to 10.6 s
// of CPU (WordNet 1.5 s, commentaries about 3 s).
//
// TOPICSEE (kind 31): dictionary topic name -> blob record "uvarint n, n
// × str topic name": the topics an entry points to ("ANXIETY" -> "CARE").
//
// INFLECT (kind 33): dictionary stem -> blob record "uvarint n, n × str
// stem", sorted: the stems related to it by an irregular inflection in
// WordNet's exception lists (wordnet.Inflections: noun plurals and verb
// forms), both ways, kept when the other stem is one an English Bible
// writes in lower case somewhere (a word, not only a name: "Bani" is no
// plural of ban; the Spanish Bible's and the commentaries' words do not
// count): brother -> brethren, brethren -> brother, woman -> women, weep
// -> wept, smite -> smote. Written with THES, from the ThesaurusSource's
// entries' Forms.
//
// BLOCKS (kind 18), per Bible: for each block-checked section a record
//
//	uint16 kind (POST or TEXT), uint32 block size (4096), uint32 n,
//	n × uint32 CRC-32C of bytes [4096·i, 4096·(i+1)) of the section
//
// KEYS (kind 34), per Bible (a commentary has none): docs × uint32, the
// KJV ordinal of each doc (canon.KJVOrdinal: the verse itself in a KJV
// Bible, the first verse canon.Map gives in the KJV for another
// versification), 0xFFFFFFFF for a verse without one (the deuterocanon).
// Packages ask and study pool translations under these keys; mapping an
// NRSVA Bible when a question first needed it was about a fifth of a short
// question's time in a new process (keys.go).
//
// LANG (kind 32), per Bible: "str language code" (analysis.Base of the
// module's conf Lang: "en", "es"). The Bible's STEM dictionary holds the
// stems of that language's analysis (analysis.StemIn; only English is
// modernised and has ARCH entries), so each Bible is a term space of its
// own language: a query word is stemmed in the language of the Bible it
// is looked up in (Bible.StemTerm, StemTermIn), and a Spanish stem never
// meets an English query's. A Bible without the section is English.
// ForLang returns a view holding only the Bibles of one language, sharing
// the file and the global sections (but for another language than English
// not the English stems of LEXDICT, TOPICDICT and LINEDICT): the features
// that pool Bibles (ask, xref, study, verify's search) are built on one,
// so that a Bible of another language changes none of their results.
// # Commentaries
//
// A Source that also implements CommentarySource gives commentaries, each
// indexed as a field exactly like a Bible (BIBLE, DOCS, TEXT, dictionaries,
// POST, ...; numbered after the Bibles), whose docs are comments: one doc
// per comment at the first verse it covers. A comment of more than 16,384
// words is cut at word boundaries into pieces, the n-th piece a doc at the
// n-th verse of its range (the Treasury of David's Psalm 119, 260,000
// words, becomes 16 docs at Ps 119:1-16); words beyond the range's last
// verse are not indexed. A commentary field also has
//
// COMMENT (kind 21): docs × (uint32 canon ordinal of the first verse the
// doc's comment covers, uint32 of the last), so a hit names the comment's
// whole range (MHCC's Matt.28.16-Matt.28.20). A doc's own ordinal lies in
// its span.
//
// The COMMENT section is what makes a field a commentary: Index.Bibles and
// Index.Bible give Bibles only (so ask, verify, study and xref never see a
// commentary), Index.Commentaries and Index.Commentary the others. With
// KJV, WEB, RV1909, MHCC (4,047 docs, 0.72 million words), Scofield (3,207,
// 0.14 million) and TDavid (204, 2.16 million) the file is 49.0 MB (30.0
// MB without the commentaries) and a build takes 6.3 s of CPU (4.6 s
// without).
//
// Unknown section kinds are skipped, so a section can be added without a new
// format version when old readers may ignore it.
//
// # Versions and the cache
//
// FormatVersion (format.go) numbers the layout, with its history there; a
// file of another version is refused with ErrVersion. The index is a cache,
// never migrated: Load rebuilds it. Each library (the set of module roots
// searched, in order: LibrarySource) keeps its own file in the cache
// directory ($XDG_CACHE_HOME/berean or ~/.cache/berean; the caller decides),
// named "index-<library>-<fingerprint>.bidx" (16 hex digits each: SHA-256
// of the roots, and the fingerprint below), so that switching --sword-path
// between libraries opens each one's index instead of rebuilding over the
// other's. The fingerprint is SHA-256 over FormatVersion, BuildVersion, the
// analysis of a probe text and of a Spanish one (so a change of the
// analyser rebuilds), Source.Fingerprint (the module set:
// sword.Library.Fingerprint, the sizes and times of each module's conf and of
// the files its driver reads, so that mkfastmod's lucene directory or other
// files under a data path rebuild nothing) and the checksum of the
// cross-reference data (crossref.Sum). Load opens the file for the current library and
// fingerprint; when it is missing, damaged (ErrCorrupt) or of another
// version it builds the index, writes it to a temporary file in the same
// directory, syncs it, renames it over the old name and syncs the
// directory, so readers in other processes see the old file or the new one,
// never a mixture. Two processes building at once both write complete
// files; the last rename wins.
//
// After a build the directory is pruned (library.go): the library's files
// for earlier module sets go, and so do other libraries' files unused for
// 30 days (LoadOptions.MaxAge) or beyond the 8 most recently used libraries
// (LoadOptions.MaxLibraries). Last use is the time of PATH.used, touched
// when the index is opened at most once an hour (the index file itself is
// never touched, so that its verified stamp holds), or the file's own time.
// A Source without a library (no LibraryKey) gets "index-<fingerprint>.bidx"
// and, after its build, every other index file is deleted.
// Index files are only ever replaced by rename, never written in place.
//
// Only a regular file is opened (a FIFO, device or directory in its place is
// refused at once with a message saying what it is); any cache that cannot
// be read or written (such a file in the index's place, a cache path that is
// a regular file, no permission) makes Load build the index and keep it in
// memory. Open maps the file privately and checks the mapping against the
// file's size; a file truncated in place by another program while it is
// mapped would fault the process on the pages past its new end, so
// long-running processes use OpenInMemory (LoadOptions.InMemory), which
// reads the file with positioned reads (about 20 ms for 30 MB; a file that
// ends early while read is corrupt) and is then immune to the file. Guard
// turns such a fault in the calling goroutine into an ErrCorrupt error (the
// command line runs under it).
//
// A Bible whose source reports an error (damaged module data) is left out
// whole and named in META, never indexed in part; Skipped lists them and
// Load logs them on every open.
//
// # Building
//
// Build runs one goroutine per Bible and one for the lexicons and topics
// (on two cores the two Bibles and the concept tables share the CPU). Each
// word of a verse is looked up once by its surface form, which gives its
// exact, stem and FORMS numbers (the analysis of each distinct form is
// computed once per Bible); its occurrence is appended to a log per
// dictionary as term<<32 | doc<<16 | position. At the end a stable counting
// sort by term turns each log into every term's occurrences in (doc,
// position) order, which are encoded in one pass; dictionaries are sorted
// once. No per-term lists grow and nothing is merged. On KJV+WEB (1.7
// million words) indexing takes about 0.9 s of CPU, reading and rendering
// the modules (package corpus) about 2 s.
package index
