package index

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"berean/internal/regfile"
)

// See doc.go for the on-disk format.

// crcTable is made on first use, not at package init (0.2 ms of every
// process start otherwise).
var crcTable = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

type section struct {
	kind, bible uint16
	crc         uint32
	off, len    uint64
}

// Index is an opened index file. It is immutable and safe for concurrent
// use; the slices it hands out point into the mapped file and are valid
// until Close.
type Index struct {
	path   string
	data   []byte
	unmap  func() error
	fp     [32]byte
	secs   []section
	bibles []*Bible

	// Integrity failures found after Open (see verify.go).
	fileInfo os.FileInfo
	st       *integrity // shared with the views of ForLang

	meta      []byte
	lexKeys   dict
	lexDict   dict
	topics    dict
	topicDict dict
	lines     strtab
	lineDict  dict
	thes      dict
	commDict  dict
	commLens  []byte
	topicSee  dict
	inflect   dict

	// The cross-reference sections, checked on first use (crossref.go,
	// topicverses.go).
	xref        xrefTables
	topicVerses topicVerses
}

// Open maps the index file at path and verifies it: magic, version, sizes,
// the checksum of every section and of the table of contents. A damaged
// file yields an error wrapping ErrCorrupt; a file of another format version
// one wrapping ErrVersion; a missing file one wrapping fs.ErrNotExist.
func Open(path string) (*Index, error) { return open(path, false) }

// OpenInMemory is Open reading the file into memory instead of mapping it:
// for long-running processes, which then cannot be harmed by the file being
// truncated or overwritten in place while they run (a mapped page past a
// file's new end faults). It costs the file's size in memory and its
// reading time (about 20 ms for 30 MB).
func OpenInMemory(path string) (*Index, error) { return open(path, true) }

func open(path string, inMemory bool) (*Index, error) {
	// Only a regular file is opened: a FIFO in its place would block
	// os.Open for ever, and a directory fails later and obscurely.
	f, fi, err := regfile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer f.Close()
	var data []byte
	unmap := func() error { return nil }
	if inMemory {
		data, err = readChecked(f, fi.Size())
	} else {
		data, unmap, err = mapFile(f)
		if err == nil && int64(len(data)) != fi.Size() {
			unmap()
			err = corruptf("the file changed size while it was opened")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("index: %s: %w", path, err)
	}
	stamped := stampOK(path, fi)
	ix, err := openBytes(data, !stamped)
	if err != nil {
		unmap()
		os.Remove(path + stampSuffix)
		return nil, fmt.Errorf("index: %s: %w", path, err)
	}
	ix.path, ix.unmap, ix.fileInfo = path, unmap, fi
	if !stamped {
		writeStamp(path, fi)
	}
	return ix, nil
}

// OpenBytes reads an index held in memory (tests, fuzzing, embedding).
func OpenBytes(data []byte) (*Index, error) {
	ix, err := openBytes(data, true)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return ix, nil
}

// openBytes reads an index; check says whether to check the sections that
// are checked whole (false: a stamp says this file passed before).
func openBytes(data []byte, check bool) (*Index, error) {
	if len(data) < headerSize+trailerSize {
		return nil, corruptf("file of %d bytes is shorter than header and trailer (truncated?)", len(data))
	}
	if string(data[:8]) != magic {
		return nil, corruptf("bad magic %q", data[:8])
	}
	if v := le.Uint32(data[8:]); v != FormatVersion {
		return nil, fmt.Errorf("%w: file has version %d, this build reads %d", ErrVersion, v, FormatVersion)
	}
	tr := data[len(data)-trailerSize:]
	if string(tr[48:56]) != trailerMagic {
		return nil, corruptf("bad trailer magic (truncated?)")
	}
	ix := &Index{data: data, unmap: func() error { return nil }, st: &integrity{}}
	copy(ix.fp[:], tr[:32])
	tocOff := le.Uint64(tr[32:])
	tocN := uint64(le.Uint32(tr[40:]))
	tocEnd := uint64(len(data) - trailerSize)
	if tocOff < headerSize || tocOff > tocEnd || tocN*tocEntrySz != tocEnd-tocOff {
		return nil, corruptf("table of contents at %d with %d entries does not end at the trailer (%d)", tocOff, tocN, tocEnd)
	}
	crc := crc32.Update(0, crcTable(), data[:headerSize])
	crc = crc32.Update(crc, crcTable(), data[tocOff:tocEnd])
	crc = crc32.Update(crc, crcTable(), tr[:44])
	if crc != le.Uint32(tr[44:]) {
		return nil, corruptf("table of contents checksum mismatch")
	}
	nb := 0
	for i := uint64(0); i < tocN; i++ {
		e := data[tocOff+i*tocEntrySz:]
		s := section{kind: le.Uint16(e), bible: le.Uint16(e[2:]), crc: le.Uint32(e[4:]), off: le.Uint64(e[8:]), len: le.Uint64(e[16:])}
		if s.off < headerSize || s.off > tocOff || s.len > tocOff-s.off {
			return nil, corruptf("section %s at %d+%d outside the file body", secName(s.kind), s.off, s.len)
		}
		if s.bible != globalBible && int(s.bible)+1 > nb {
			nb = int(s.bible) + 1
		}
		ix.secs = append(ix.secs, s)
	}
	if nb > 1024 {
		return nil, corruptf("%d Bibles", nb)
	}
	// BLOCKS sections first: they say which sections are checked by block.
	blocks := map[uint16]map[uint16][]byte{}
	for _, s := range ix.secs {
		if s.kind != secBlocks || s.bible == globalBible {
			continue
		}
		if err := verifySection(data, s); err != nil {
			return nil, err
		}
		m, err := parseBlocks(data[s.off : s.off+s.len])
		if err != nil {
			return nil, err
		}
		blocks[s.bible] = m
	}
	if check {
		if err := verifySections(data, eagerSections(ix.secs, blocks)); err != nil {
			return nil, err
		}
	}
	ix.bibles = make([]*Bible, nb)
	for i := range ix.bibles {
		ix.bibles[i] = &Bible{num: i}
	}
	for _, s := range ix.secs {
		b := data[s.off : s.off+s.len]
		var err error
		if s.bible == globalBible {
			err = ix.global(s.kind, b)
		} else {
			err = ix.bibles[s.bible].section(s.kind, b)
		}
		if err != nil {
			return nil, fmt.Errorf("section %s: %w", secName(s.kind), err)
		}
	}
	for i, bb := range ix.bibles {
		if err := bb.validate(); err != nil {
			return nil, err
		}
		var err error
		if bb.lazyPost, err = ix.lazy(secPost, i, bb.post, blocks); err != nil {
			return nil, err
		}
		if bb.lazyText, err = ix.lazy(secText, i, bb.textSec, blocks); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// lazy sets up block checking of a section (nil when the file has no
// BLOCKS record for it: it was checked whole).
func (ix *Index) lazy(kind uint16, bible int, data []byte, blocks map[uint16]map[uint16][]byte) (*lazySection, error) {
	crcs := blocks[uint16(bible)][kind]
	if crcs == nil {
		return nil, nil
	}
	n := (len(data) + blockSize - 1) / blockSize
	if len(crcs) != 4*n {
		return nil, corruptf("section %s (Bible %d): %d block checksums for %d blocks", secName(kind), bible, len(crcs)/4, n)
	}
	return &lazySection{kind: kind, data: data, crcs: crcs, done: make([]atomic.Uint64, (n+63)/64), ix: ix, bib: bible}, nil
}

func secName(k uint16) string {
	if n, ok := sectionNames[k]; ok {
		return n
	}
	return fmt.Sprintf("#%d", k)
}

func (ix *Index) global(kind uint16, b []byte) error {
	var err error
	switch kind {
	case secMeta:
		ix.meta = b
	case secLexKeys:
		ix.lexKeys, err = parseDict(b)
	case secLexDict:
		ix.lexDict, err = parseDict(b)
	case secTopics:
		ix.topics, err = parseDict(b)
	case secTopicDic:
		ix.topicDict, err = parseDict(b)
	case secLines:
		ix.lines, err = parseStrtab(b)
	case secLineDict:
		ix.lineDict, err = parseDict(b)
	case secTopicVrs:
		ix.topicVerses, err = parseTopicVerses(b)
	case secXrefs:
		ix.xref.nOut, ix.xref.outStart, ix.xref.out, err = parseXrefs(b)
	case secXrefIn:
		ix.xref.nIn, ix.xref.votes, ix.xref.inStart, ix.xref.in, err = parseXrefIn(b)
	case secThes:
		ix.thes, err = parseDict(b)
	case secCommDict:
		ix.commDict, err = parseDict(b)
	case secCommLens:
		ix.commLens = b
	case secTopicSee:
		ix.topicSee, err = parseDict(b)
	case secInflect:
		ix.inflect, err = parseDict(b)
	}
	// Unknown kinds are skipped: a later feature version may add sections.
	return err
}

// Close unmaps the file. Postings, texts and dictionaries obtained from the
// index must not be used afterwards.
func (ix *Index) Close() error {
	if ix == nil || ix.unmap == nil {
		return nil
	}
	ix.st.ahead.Wait() // CheckAhead reads the mapping
	err := ix.unmap()
	ix.unmap = nil
	return err
}

// Path is the file the index was opened from ("" for OpenBytes).
func (ix *Index) Path() string { return ix.path }

// Size is the size of the index in bytes.
func (ix *Index) Size() int { return len(ix.data) }

// Fingerprint is the hex fingerprint the index was built for (see
// Fingerprint).
func (ix *Index) Fingerprint() string { return hex.EncodeToString(ix.fp[:]) }

// Bibles returns the indexed Bibles in build order (not the commentaries:
// see Commentaries).
func (ix *Index) Bibles() []*Bible {
	out := make([]*Bible, 0, len(ix.bibles))
	for _, b := range ix.bibles {
		if !b.IsCommentary() {
			out = append(out, b)
		}
	}
	return out
}

// Bible finds a Bible by abbreviation or module name, case-insensitive.
func (ix *Index) Bible(name string) (*Bible, bool) {
	for _, b := range ix.bibles {
		if !b.IsCommentary() && (strings.EqualFold(b.name, name) || strings.EqualFold(b.module, name)) {
			return b, true
		}
	}
	return nil, false
}

// Meta is the metadata stored in the META section.
type Meta struct {
	Format      int          `json:"format"`
	Build       int          `json:"build"`
	Created     string       `json:"created"`
	Fingerprint string       `json:"fingerprint"`
	Modules     []ModuleMeta `json:"modules,omitempty"`
	BuildMillis int64        `json:"build_ms"`
	// Skipped lists the Bibles left out because their data is damaged.
	Skipped []SkippedModule `json:"skipped,omitempty"`
}

// ModuleMeta describes one module the index was built from.
type ModuleMeta struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"` // bible, lexicon, topics
	Entries int    `json:"entries"`
	Millis  int64  `json:"ms"` // time its goroutine took to index it
}

// Meta decodes the metadata section.
func (ix *Index) Meta() (Meta, error) {
	var m Meta
	if len(ix.meta) == 0 {
		return m, nil
	}
	if err := json.Unmarshal(ix.meta, &m); err != nil {
		return m, corruptf("metadata: %v", err)
	}
	return m, nil
}

// Bible is one indexed Bible (one field of the index). Docs are its
// non-empty verses numbered 0..Docs()-1 in the order of its versification.
type Bible struct {
	num                  int
	name, module, system string
	docs                 int
	totalLen             uint64
	books                []string
	ords, refs, lens     []byte // DOCS: 4, 3 and 2 bytes per doc
	textOff, text        []byte
	textSec              []byte // the whole TEXT section
	forms, seps          strtab
	lazyPost, lazyText   *lazySection
	stem, exact, strong  dict
	post                 []byte
	arch, align          dict
	haveDesc, haveDocs   bool
	haveText             bool
	bookFirst, bookLast  []int  // doc range [first, last) of each book index
	lang                 string // LANG section; "" is English
	spans                []byte // COMMENT (commentaries only, comment.go)
	keys                 []byte // KEYS (Bibles only, keys.go)
	keyOnce              sync.Once
	toKJV, fromKJV       []int32 // KJVMaps
}

func (b *Bible) section(kind uint16, data []byte) error {
	var err error
	switch kind {
	case secBible:
		p := 0
		b.name = str(data, &p)
		b.module = str(data, &p)
		b.system = str(data, &p)
		docs := uvarint(data, &p)
		b.totalLen = uvarint(data, &p)
		nb := uvarint(data, &p)
		if p > len(data) || docs > maxDocs || nb > 256 {
			return corruptf("bad Bible descriptor")
		}
		b.docs = int(docs)
		for range nb {
			b.books = append(b.books, str(data, &p))
		}
		if p > len(data) {
			return corruptf("bad Bible descriptor")
		}
		b.haveDesc = true
	case secDocs:
		if len(data)%9 != 0 {
			return corruptf("DOCS section of %d bytes", len(data))
		}
		n := len(data) / 9
		b.ords = data[:4*n]
		b.refs = data[4*n : 7*n]
		b.lens = data[7*n:]
		b.haveDocs = true
	case secText:
		if len(data) < 4 {
			return corruptf("TEXT section of %d bytes", len(data))
		}
		b.textOff = data
		b.textSec = data
		b.haveText = true
	case secForms:
		b.forms, err = parseStrtab(data)
	case secSeps:
		b.seps, err = parseStrtab(data)
	case secStem:
		b.stem, err = parseDict(data)
	case secExact:
		b.exact, err = parseDict(data)
	case secStrong:
		b.strong, err = parseDict(data)
	case secPost:
		b.post = data
	case secArchaic:
		b.arch, err = parseDict(data)
	case secAlign:
		b.align, err = parseDict(data)
	case secLang:
		b.lang = parseLang(data)
	case secKeys:
		b.keys = data
	case secComment:
		b.spans = data
		if b.spans == nil {
			b.spans = []byte{}
		}
	}
	return err
}

func (b *Bible) validate() error {
	if !b.haveDesc || !b.haveDocs || !b.haveText {
		return corruptf("Bible %d lacks a descriptor, doc table or texts", b.num)
	}
	if len(b.ords)/4 != b.docs {
		return corruptf("Bible %s: doc table has %d docs, descriptor %d", b.name, len(b.ords)/4, b.docs)
	}
	n := b.docs
	if len(b.textOff) < (n+1)*4 {
		return corruptf("Bible %s: text offsets truncated", b.name)
	}
	b.text = b.textOff[(n+1)*4:]
	b.textOff = b.textOff[:(n+1)*4]
	// Doc range of each book, for scopes and stats.
	b.bookFirst = make([]int, len(b.books))
	b.bookLast = make([]int, len(b.books))
	for i := range b.bookFirst {
		b.bookFirst[i] = -1
	}
	prevOrd := -1
	for d := 0; d < n; d++ {
		bk := int(b.refs[3*d])
		if bk >= len(b.books) {
			return corruptf("Bible %s: doc %d in book %d of %d", b.name, d, bk, len(b.books))
		}
		if b.bookFirst[bk] < 0 {
			b.bookFirst[bk] = d
		}
		b.bookLast[bk] = d + 1
		o := int(le.Uint32(b.ords[4*d:]))
		if o <= prevOrd {
			return corruptf("Bible %s: ordinals not increasing at doc %d", b.name, d)
		}
		prevOrd = o
	}
	return b.validateSpans()
}

// Name is the Bible's abbreviation ("KJV").
func (b *Bible) Name() string { return b.name }

// Module is the SWORD module name ("engKJV2006eb").
func (b *Bible) Module() string { return b.module }

// Versification is the name of the Bible's versification system.
func (b *Bible) Versification() string { return b.system }

// Docs is the number of indexed verses.
func (b *Bible) Docs() int { return b.docs }

// AvgLen is the mean number of words per verse.
func (b *Bible) AvgLen() float64 {
	if b.docs == 0 {
		return 0
	}
	return float64(b.totalLen) / float64(b.docs)
}

// HasStrongs reports whether the Bible carries Strong's tags.
func (b *Bible) HasStrongs() bool { return b.strong.n > 0 }

// Ordinal is the canon ordinal of doc in the Bible's versification.
func (b *Bible) Ordinal(doc int) int { return int(le.Uint32(b.ords[4*doc:])) }

// Ref returns the OSIS book, chapter and verse of doc.
func (b *Bible) Ref(doc int) (book string, ch, v int) {
	r := b.refs[3*doc:]
	return b.books[r[0]], int(r[1]), int(r[2])
}

// BookIndex returns the index into Books() of doc's book.
func (b *Bible) BookIndex(doc int) int { return int(b.refs[3*doc]) }

// Books lists the OSIS ids of the books that have indexed verses, in order.
func (b *Bible) Books() []string { return append([]string(nil), b.books...) }

// BookDocs returns the doc range [first, last) of a book, by OSIS id.
func (b *Bible) BookDocs(osis string) (first, last int, ok bool) {
	for i, name := range b.books {
		if name == osis && b.bookFirst[i] >= 0 {
			return b.bookFirst[i], b.bookLast[i], true
		}
	}
	return 0, 0, false
}

// DocAtOrdinal returns the first doc whose ordinal is >= ord (Docs() when
// none): scopes given as ordinal ranges become doc ranges.
func (b *Bible) DocAtOrdinal(ord int) int {
	return sort.Search(b.docs, func(d int) bool { return b.Ordinal(d) >= ord })
}

// DocLen is the number of words of doc.
func (b *Bible) DocLen(doc int) int { return int(le.Uint16(b.lens[2*doc:])) }

func (b *Bible) postings(d *dict, i int) Postings {
	off := int64(d.value(i))
	if off >= int64(len(b.post)) {
		return Postings{}
	}
	// Check the header, then the whole list, before trusting them.
	o := int(off)
	if !b.lazyPost.ok(o, min(2*binary.MaxVarintLen64, len(b.post)-o)) {
		return Postings{}
	}
	p := parsePostings(b.post[o:])
	if !b.lazyPost.ok(o, p.size(b.post[o:])) {
		return Postings{}
	}
	return p
}

// Stem returns the postings of a stemmed (modernised) term, as produced by
// the analysis pipeline (see Terms).
func (b *Bible) Stem(term string) Postings {
	if i, ok := b.stem.find(term); ok {
		return b.postings(&b.stem, i)
	}
	return Postings{}
}

// Exact returns the postings of a folded word form (case and diacritics
// folded, no archaic folding, no stemming).
func (b *Bible) Exact(form string) Postings {
	if i, ok := b.exact.find(form); ok {
		return b.postings(&b.exact, i)
	}
	return Postings{}
}

// Strong returns the postings of a Strong's key ("G1793", "H6293"): the
// verses and word positions tagged with it.
func (b *Bible) Strong(key string) Postings {
	if i, ok := b.strong.find(key); ok {
		return b.postings(&b.strong, i)
	}
	return Postings{}
}

// Kind selects one of a Bible's term dictionaries.
type Kind int

// The dictionaries.
const (
	StemTerms   Kind = iota // stemmed, modernised terms
	ExactTerms              // folded word forms
	StrongTerms             // Strong's keys
)

func (b *Bible) dict(k Kind) *dict {
	switch k {
	case ExactTerms:
		return &b.exact
	case StrongTerms:
		return &b.strong
	}
	return &b.stem
}

// Prefix calls fn for every term of dictionary k starting with prefix, in
// order, until fn returns false. The term bytes are valid during the call.
func (b *Bible) Prefix(k Kind, prefix string, fn func(term []byte, p Postings) bool) {
	d := b.dict(k)
	lo, hi := d.prefix(prefix)
	for i := lo; i < hi; i++ {
		if !fn(d.key(i), b.postings(d, i)) {
			return
		}
	}
}

// Terms returns the number of terms of dictionary k.
func (b *Bible) Terms(k Kind) int { return b.dict(k).n }

// Variants returns the folded word forms of the Bible whose modern form is
// modern (for "lives": "liveth"), not including modern itself. Phrases use
// them to match the archaic wording without stemming.
func (b *Bible) Variants(modern string) []string {
	v, ok := b.arch.blobOf(modern)
	if !ok {
		return nil
	}
	p := 0
	n := uvarint(v, &p)
	var out []string
	for k := uint64(0); k < n && p <= len(v); k++ {
		id := uvarint(v, &p)
		if p > len(v) {
			break
		}
		if key := b.exact.key(int(id)); key != nil {
			out = append(out, string(key))
		}
	}
	return out
}

// KeyCount is a Strong's key with a weight.
type KeyCount struct {
	Key   string
	Count int
}

// StrongsForTerm returns the Strong's keys the Bible's translators rendered
// with words of this stemmed term, most frequent first (for KJV: stem
// "intercess" -> G1793 ×4, H6293 ×...).
func (b *Bible) StrongsForTerm(term string) []KeyCount { return b.StrongsForTermTop(term, -1) }

// StrongsForTermTop is StrongsForTerm's first max keys (all when max < 0):
// a common word has hundreds, and a caller that reads a few need not
// decode the rest.
func (b *Bible) StrongsForTermTop(term string, max int) []KeyCount {
	v, ok := b.align.blobOf(term)
	if !ok {
		return nil
	}
	p := 0
	n := uvarint(v, &p)
	if max >= 0 && n > uint64(max) {
		n = uint64(max)
	}
	var out []KeyCount
	for k := uint64(0); k < n && p <= len(v); k++ {
		id := uvarint(v, &p)
		c := uvarint(v, &p)
		if p > len(v) {
			break
		}
		if key := b.strong.key(int(id)); key != nil {
			out = append(out, KeyCount{string(key), int(c)})
		}
	}
	return out
}

// IsNotExist reports whether err says the index file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func crc32c(b []byte) uint32                { return crc32.Checksum(b, crcTable()) }
func crc32Update(c uint32, b []byte) uint32 { return crc32.Update(c, crcTable(), b) }
