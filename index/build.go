package index

// Building: see doc.go for the format written. Each Bible is indexed by one
// goroutine into in-memory term tables (a map from term to a growing
// posting list: verses arrive in order, so lists are appended to and never
// merged); the lexicons and topics by another. The sections are then
// concatenated behind a header, and the table of contents and trailer
// written last. Nothing is sorted but the dictionaries, once per Bible.

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"berean/canon"
)

// Verse is one verse as the index takes it: its reference, its clean text
// (what is displayed; positions count its words) and the Strong's tags of
// its words.
type Verse struct {
	Book           string // OSIS id
	Chapter, Verse int
	Text           string
	Tags           []Tag
	// LastChapter and LastVerse end the range a commentary's comment
	// covers (0: the verse alone); Bibles leave them 0.
	LastChapter, LastVerse int
}

// Tag marks the byte range [Start, End) of Text with Strong's keys
// ("G1793"). Every word the range overlaps gets the keys.
type Tag struct {
	Start, End int
	Keys       []string
}

// BibleSource is one Bible to index.
type BibleSource interface {
	Name() string   // abbreviation, "KJV"
	Module() string // module name, "engKJV2006eb"
	System() *canon.System
	// Verses yields the verses in the order of System, stopping at the
	// first error.
	Verses(ctx context.Context) iter.Seq2[Verse, error]
}

// LexEntry is one lexicon entry (Strong's dictionaries).
type LexEntry struct {
	Key  string // "G1793", "H6293"
	Text string // the definition, plain text
}

// Topic is one entry of a topical dictionary (Nave's).
type Topic struct {
	Name string   // "INTERCESSION"
	Refs []string // OSIS references ("Heb.7.25", "Rom.8.26-Rom.8.27")
	// Lines are the entry's lines that cite references, each with its
	// own (a hand-made index of episodes: "The prodigal son", Luke 15).
	Lines []TopicLine
	// See are the topics the entry points to ("ANXIETY: See CARE").
	See []string
}

// Source is everything an index is built from. Package index knows nothing
// about SWORD: the adapter lives with the caller.
type Source interface {
	// Fingerprint identifies the installed module set: names, versions and
	// the sizes and times of their files. It keys the cached index.
	Fingerprint() string
	Bibles() []BibleSource
	Lexicon(ctx context.Context) iter.Seq2[LexEntry, error]
	Topics(ctx context.Context) iter.Seq2[Topic, error]
}

// Progress is told how many verses are indexed out of how many. It may be
// called from several goroutines, never concurrently.
type Progress func(done, total int)

// Build indexes src in memory and returns the opened index. Bibles are
// built in parallel.
func Build(ctx context.Context, src Source, progress Progress) (*Index, error) {
	data, err := BuildBytes(ctx, src, progress)
	if err != nil {
		return nil, err
	}
	return OpenBytes(data)
}

// BuildBytes indexes src and returns the encoded index file.
func BuildBytes(ctx context.Context, src Source, progress Progress) ([]byte, error) {
	t0 := time.Now()
	fp := Fingerprint(src)
	bibles := src.Bibles()
	nBibles := len(bibles)
	if cs, ok := src.(CommentarySource); ok {
		bibles = append(bibles, cs.Commentaries()...)
	}
	if len(bibles) > 1024 {
		return nil, fmt.Errorf("index: %d Bibles is more than 1024", len(bibles))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	pr := &progressor{fn: progress}
	for _, b := range bibles {
		pr.total += b.System().VerseCount()
	}
	results := make([][]sectionData, len(bibles))
	vocabs, common := make([][]string, len(bibles)), make([][]string, len(bibles))
	metas := make([]ModuleMeta, len(bibles))
	skipped := make([]*SkippedModule, len(bibles))
	errs := make([]error, len(bibles)+2)
	var global, xrefSecs []sectionData
	var globalMeta []ModuleMeta
	var xrefMeta ModuleMeta
	var wg sync.WaitGroup
	wg.Go(func() {
		// The open cross-references (package crossref): not part of the
		// module set, checked by their own checksum in the fingerprint.
		if !wantCrossRefs(src) {
			return
		}
		t0 := time.Now()
		var err error
		if xrefSecs, xrefMeta, err = buildCrossRefs(); err != nil {
			errs[len(bibles)+1] = fmt.Errorf("index: cross-references: %w", err)
			cancel()
		}
		xrefMeta.Millis = time.Since(t0).Milliseconds()
	})
	for i, b := range bibles {
		wg.Go(func() {
			t0 := time.Now()
			bb := newBibleBuilder(b)
			bb.comment = i >= nBibles
			err := bb.run(ctx, pr)
			if err == nil {
				vocabs[i], common[i] = bb.stem.names, bb.commonStems()
				results[i], err = bb.finish()
				metas[i] = ModuleMeta{Name: b.Module(), Kind: map[bool]string{false: "bible", true: "commentary"}[bb.comment], Entries: bb.nDocs, Millis: time.Since(t0).Milliseconds()}
			}
			var de *damageError
			if errors.As(err, &de) {
				// A Bible whose data cannot be read whole is left out,
				// and named in META (see damage.go): never a part.
				skipped[i] = &SkippedModule{Name: b.Name(), Module: b.Module(), Reason: de.err.Error()}
				err = nil
			}
			if err != nil {
				errs[i] = fmt.Errorf("index: %s: %w", b.Name(), err)
				cancel()
			}
		})
	}
	wg.Go(func() {
		var err error
		t0 := time.Now()
		global, globalMeta, err = buildGlobal(ctx, src)
		for i := range globalMeta {
			globalMeta[i].Millis = time.Since(t0).Milliseconds()
		}
		if err != nil {
			errs[len(bibles)] = fmt.Errorf("index: %w", err)
			cancel()
		}
	})
	extra := startExtras(ctx, src, &wg)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	secs, metas2, err := extra.finish(vocabs, common)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	global = append(global, secs...)
	globalMeta = append(globalMeta, metas2...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pr.finish()

	var kept []ModuleMeta
	var skips []SkippedModule
	for i := range bibles {
		if skipped[i] != nil {
			skips = append(skips, *skipped[i])
			continue
		}
		kept = append(kept, metas[i])
	}
	meta := Meta{
		Format: FormatVersion, Build: BuildVersion,
		Created:     time.Now().UTC().Format(time.RFC3339),
		Fingerprint: fmt.Sprintf("%x", fp[:]),
		Modules:     append(kept, globalMeta...),
		BuildMillis: time.Since(t0).Milliseconds(),
		Skipped:     skips,
	}
	if xrefSecs != nil {
		meta.Modules = append(meta.Modules, xrefMeta)
	}
	w := &fileWriter{}
	w.add(secMeta, globalBible, meta.encode())
	num := 0 // Bibles are numbered without the skipped ones
	for i, secs := range results {
		if skipped[i] != nil {
			continue
		}
		for _, s := range secs {
			w.add(s.kind, uint16(num), s.data)
		}
		num++
	}
	for _, s := range append(global, xrefSecs...) {
		w.add(s.kind, globalBible, s.data)
	}
	return w.bytes(fp), nil
}

type progressor struct {
	mu    sync.Mutex
	fn    Progress
	done  atomic.Int64
	total int
}

func (p *progressor) add(n int) {
	d := p.done.Add(int64(n))
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	p.fn(min(int(d), p.total), p.total)
	p.mu.Unlock()
}

func (p *progressor) finish() {
	if p.fn != nil {
		p.mu.Lock()
		p.fn(p.total, p.total)
		p.mu.Unlock()
	}
}

type sectionData struct {
	kind uint16
	data []byte
}

// termTable maps terms to dense ids and logs their occurrences: one entry
// term<<32 | doc<<16 | position per word, appended in doc order. A stable
// counting sort by term at the end yields every term's occurrences in
// (doc, position) order, ready to encode: no per-term lists to grow, no
// per-verse sorting. (Measured on KJV+WEB: 0.8 s of CPU with per-term
// appends, 0.2 s with the log.)
type termTable struct {
	ids   map[string]uint32
	names []string
	count []uint32 // entries per term
	log   []uint64
}

func newTermTable(n int) termTable {
	return termTable{ids: make(map[string]uint32, n)}
}

func (t *termTable) id(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	id := uint32(len(t.names))
	t.ids[s] = id
	t.names = append(t.names, s)
	t.count = append(t.count, 0)
	return id
}

// noPos is the position of a Strong's key tagged on no visible word.
const noPos = 0xFFFF

func (t *termTable) add(id uint32, doc uint16, pos uint32) {
	t.log = append(t.log, uint64(id)<<32|uint64(doc)<<16|uint64(pos))
	t.count[id]++
}

// byTerm returns the log's (doc<<16 | pos) values grouped by term (stable:
// doc order within a term) and the start of each term's group.
func (t *termTable) byTerm() (vals []uint32, start []uint32) {
	start = make([]uint32, len(t.count)+1)
	for i, c := range t.count {
		start[i+1] = start[i] + c
	}
	next := slices.Clone(start[:len(t.count)])
	vals = make([]uint32, len(t.log))
	for _, e := range t.log {
		id := uint32(e >> 32)
		vals[next[id]] = uint32(e)
		next[id]++
	}
	t.log = nil
	return vals, start
}

// order returns the ids sorted by term and rank[id] = sorted position.
func (t *termTable) order() (sorted []uint32, rank []uint32) {
	sorted = make([]uint32, len(t.names))
	for i := range sorted {
		sorted[i] = uint32(i)
	}
	sort.Slice(sorted, func(a, b int) bool { return t.names[sorted[a]] < t.names[sorted[b]] })
	rank = make([]uint32, len(sorted))
	for r, id := range sorted {
		rank[id] = uint32(r)
	}
	return sorted, rank
}

// wordInfo caches what one surface form indexes as.
type wordInfo struct{ exact, stem, form uint32 }

type bibleBuilder struct {
	src   BibleSource
	sys   *canon.System
	lang  string // analysis language (sourceLang)
	nDocs int

	books   []string
	bookIdx map[string]int
	ords    []byte
	keys    []byte // KEYS (keys.go)
	refs    []byte
	lens    []byte
	text    *textBuilder
	total   uint64

	stem, exact, strong termTable
	surface             map[string]wordInfo // surface form -> terms
	arch                map[string][]uint32 // modern form -> exact ids
	align               []uint64            // stem id<<32 | strong id, per tagged word

	toks                    []token
	tokStem, tokForm        []uint32
	archSeen                map[uint32]bool
	lastOrd                 int
	pendingProgress         int
	stemKeys, strongKeysBuf []string

	comment bool   // a commentary: docs are comments (comment.go)
	spans   []byte // COMMENT: per doc, u32 first and u32 last ordinal

	lowerStem map[uint32]bool // stems written in lower case somewhere (not only names); English Bibles only (commonStems)
}

func newBibleBuilder(src BibleSource) *bibleBuilder {
	return &bibleBuilder{
		src: src, sys: src.System(), lang: sourceLang(src),
		bookIdx: map[string]int{},
		text:    newTextBuilder(),
		stem:    newTermTable(16384), exact: newTermTable(16384), strong: newTermTable(8192),
		surface:  make(map[string]wordInfo, 16384),
		arch:     map[string][]uint32{},
		archSeen: map[uint32]bool{},
		lastOrd:  -1,
	}
}

func (bb *bibleBuilder) run(ctx context.Context, pr *progressor) error {
	if bb.sys == nil {
		return fmt.Errorf("no versification")
	}
	if bb.wantsCommonStems() {
		bb.lowerStem = map[uint32]bool{}
	}
	n := 0
	for v, err := range bb.src.Verses(ctx) {
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return &damageError{err}
		}
		add := bb.addVerse
		if bb.comment {
			add = bb.addComment
		}
		if err := add(&v); err != nil {
			return err
		}
		n++
		if n%512 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			pr.add(512)
		}
	}
	pr.add(n % 512)
	return ctx.Err()
}

// ordinal is the verse's ordinal in the Bible's versification.
func (bb *bibleBuilder) ordinal(v *Verse) (int, error) {
	ord, ok := bb.sys.Ordinal(v.Book, v.Chapter, v.Verse)
	if !ok {
		return 0, fmt.Errorf("%s %d:%d is not a verse of %s", v.Book, v.Chapter, v.Verse, bb.sys.Name)
	}
	return ord, nil
}

func (bb *bibleBuilder) addVerse(v *Verse) error {
	if v.Text == "" {
		return nil
	}
	ord, err := bb.ordinal(v)
	if err != nil {
		return err
	}
	if ord <= bb.lastOrd {
		return fmt.Errorf("%s %d:%d out of order", v.Book, v.Chapter, v.Verse)
	}
	if v.Chapter > 255 || v.Verse > 255 {
		return fmt.Errorf("%s %d:%d: chapter or verse above 255", v.Book, v.Chapter, v.Verse)
	}
	if bb.nDocs >= maxDocs {
		return fmt.Errorf("more than %d verses", maxDocs)
	}
	bk, ok := bb.bookIdx[v.Book]
	if !ok {
		if len(bb.books) == 256 {
			return fmt.Errorf("more than 256 books")
		}
		bk = len(bb.books)
		bb.bookIdx[v.Book] = bk
		bb.books = append(bb.books, v.Book)
	}
	bb.lastOrd = ord
	doc := uint16(bb.nDocs)
	bb.nDocs++
	bb.ords = le.AppendUint32(bb.ords, uint32(ord))
	bb.refs = append(bb.refs, byte(bk), byte(v.Chapter), byte(v.Verse))
	bb.appendKey(v)

	toks := tokenize(v.Text, bb.toks[:0])
	bb.toks = toks
	if len(toks) >= noPos {
		return fmt.Errorf("%s %d:%d has %d words", v.Book, v.Chapter, v.Verse, len(toks))
	}
	bb.lens = le.AppendUint16(bb.lens, uint16(len(toks)))
	bb.total += uint64(len(toks))

	tokStem, tokForm := bb.tokStem[:0], bb.tokForm[:0]
	for _, t := range toks {
		// One lookup by the word as written gives all its numbers.
		w, ok := bb.surface[v.Text[t.Start:t.End]]
		if !ok {
			// t.Term is folded: Stem and Modernize take folded words.
			surface := strings.Clone(v.Text[t.Start:t.End])
			term := strings.Clone(t.Term)
			w.exact = bb.exact.id(term)
			w.stem = bb.stem.id(stemFoldedIn(bb.lang, term))
			if m := bb.modernize(term); m != term && !bb.archSeen[w.exact] {
				bb.arch[m] = append(bb.arch[m], w.exact)
				bb.archSeen[w.exact] = true
			}
			w.form = bb.text.form(surface)
			bb.surface[surface] = w
			if r, _ := utf8.DecodeRuneInString(surface); bb.lowerStem != nil && unicode.IsLower(r) {
				bb.lowerStem[w.stem] = true
			}
		}
		tokForm = append(tokForm, w.form)
		tokStem = append(tokStem, w.stem)
		bb.stem.add(w.stem, doc, uint32(t.Pos))
		bb.exact.add(w.exact, doc, uint32(t.Pos))
	}
	bb.tokStem, bb.tokForm = tokStem, tokForm
	for _, tag := range v.Tags {
		// Tokens are in text order: find those overlapping the tag.
		lo := sort.Search(len(toks), func(i int) bool { return toks[i].End > tag.Start })
		for _, key := range tag.Keys {
			if key == "" {
				continue
			}
			sid := bb.strong.id(key)
			hit := false
			for i := lo; i < len(toks) && toks[i].Start < tag.End; i++ {
				bb.strong.add(sid, doc, uint32(toks[i].Pos))
				bb.align = append(bb.align, uint64(tokStem[i])<<32|uint64(sid))
				hit = true
			}
			if !hit {
				bb.strong.add(sid, doc, noPos)
			}
		}
	}
	bb.text.add(v.Text, toks, tokForm)
	return nil
}

// finish encodes the Bible's sections.
func (bb *bibleBuilder) finish() ([]sectionData, error) {
	var desc []byte
	desc = appendStr(desc, bb.src.Name())
	desc = appendStr(desc, bb.src.Module())
	desc = appendStr(desc, bb.sys.Name)
	desc = binary.AppendUvarint(desc, uint64(bb.nDocs))
	desc = binary.AppendUvarint(desc, bb.total)
	desc = binary.AppendUvarint(desc, uint64(len(bb.books)))
	for _, b := range bb.books {
		desc = appendStr(desc, b)
	}
	docs := make([]byte, 0, len(bb.ords)+len(bb.refs)+len(bb.lens))
	docs = append(append(append(docs, bb.ords...), bb.refs...), bb.lens...)
	text, forms, seps := bb.text.finish(bb.lens)

	// Postings: one blob, identical lists stored once (a word whose only
	// form is itself has the same stem and exact lists).
	pw := postWriter{seen: map[uint64][]uint32{}}
	stemDict, _ := pw.dict(&bb.stem)
	exactDict, exactRank := pw.dict(&bb.exact)
	strongDict, strongRank := pw.dict(&bb.strong)

	// ARCH: modern form -> exact ids, sorted by form.
	mods := make([]string, 0, len(bb.arch))
	for m := range bb.arch {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	var blob []byte
	vals := make([]uint32, len(mods))
	for i, m := range mods {
		vals[i] = uint32(len(blob))
		ids := bb.arch[m]
		rs := make([]uint32, len(ids))
		for k, id := range ids {
			rs[k] = exactRank[id]
		}
		slices.Sort(rs)
		blob = binary.AppendUvarint(blob, uint64(len(rs)))
		for _, r := range rs {
			blob = binary.AppendUvarint(blob, uint64(r))
		}
	}
	archDict := appendDict(nil, mods, vals, blob)

	// ALIGN: stem term -> Strong's keys with counts, most frequent first.
	type kc struct{ strong, count uint32 }
	per := map[uint32][]kc{}
	slices.Sort(bb.align)
	for i := 0; i < len(bb.align); {
		j := i
		for j < len(bb.align) && bb.align[j] == bb.align[i] {
			j++
		}
		s := uint32(bb.align[i] >> 32)
		per[s] = append(per[s], kc{strongRank[uint32(bb.align[i])], uint32(j - i)})
		i = j
	}
	stems := make([]string, 0, len(per))
	for s := range per {
		stems = append(stems, bb.stem.names[s])
	}
	sort.Strings(stems)
	blob = blob[:0:0]
	vals = make([]uint32, len(stems))
	for i, name := range stems {
		list := per[bb.stem.ids[name]]
		sort.Slice(list, func(a, b int) bool {
			if list[a].count != list[b].count {
				return list[a].count > list[b].count
			}
			return list[a].strong < list[b].strong
		})
		vals[i] = uint32(len(blob))
		blob = binary.AppendUvarint(blob, uint64(len(list)))
		for _, e := range list {
			blob = binary.AppendUvarint(blob, uint64(e.strong))
			blob = binary.AppendUvarint(blob, uint64(e.count))
		}
	}
	alignDict := appendDict(nil, stems, vals, blob)
	if len(pw.blob) > 1<<32-1 {
		return nil, fmt.Errorf("postings of %d bytes exceed 4 GiB", len(pw.blob))
	}
	secs := []sectionData{
		{secBible, desc}, {secDocs, docs}, {secText, text},
		{secStem, stemDict}, {secExact, exactDict}, {secStrong, strongDict},
		{secPost, pw.blob}, {secArchaic, archDict}, {secAlign, alignDict},
		{secForms, forms}, {secSeps, seps},
		{secBlocks, blockCRCs(blockCRCs(nil, secPost, pw.blob), secText, text)},
		{secLang, langSection(bb.lang)},
	}
	if bb.comment {
		secs = append(secs, sectionData{secComment, append([]byte{}, bb.spans...)})
	} else {
		secs = append(secs, sectionData{secKeys, bb.keys})
	}
	return secs, nil
}

// postWriter appends posting lists to one blob, storing identical lists once.
type postWriter struct {
	blob    []byte
	scratch []byte
	seed    maphash.Seed
	seen    map[uint64][]uint32
	inited  bool
}

// dict writes the postings of t and returns its dictionary section and
// rank[id] (the sorted position of each id).
func (pw *postWriter) dict(t *termTable) ([]byte, []uint32) {
	if !pw.inited {
		pw.seed, pw.inited = maphash.MakeSeed(), true
	}
	vals, start := t.byTerm()
	sorted, rank := t.order()
	keys := make([]string, len(sorted))
	offs := make([]uint32, len(sorted))
	var pb postingBuilder
	var ps []uint32
	for r, id := range sorted {
		keys[r] = t.names[id]
		pb.docs, pb.pos, pb.skips = pb.docs[:0], pb.pos[:0], pb.skips[:0]
		e := vals[start[id]:start[id+1]]
		for i := 0; i < len(e); {
			doc := e[i] >> 16
			ps = ps[:0]
			j := i
			for ; j < len(e) && e[j]>>16 == doc; j++ {
				if p := e[j] & 0xFFFF; p != noPos {
					ps = append(ps, p)
				}
			}
			// Strong's tags may list a word twice or out of order.
			if !slices.IsSorted(ps) {
				slices.Sort(ps)
			}
			ps = slices.Compact(ps)
			pb.add(uint16(doc), ps)
			i = j
		}
		pw.scratch = pb.appendTo(pw.scratch[:0])
		h := maphash.Bytes(pw.seed, pw.scratch)
		off, found := uint32(0), false
		for _, o := range pw.seen[h] {
			if end := int(o) + len(pw.scratch); end <= len(pw.blob) && string(pw.blob[o:end]) == string(pw.scratch) {
				off, found = o, true
				break
			}
		}
		if !found {
			off = uint32(len(pw.blob))
			pw.seen[h] = append(pw.seen[h], off)
			pw.blob = append(pw.blob, pw.scratch...)
		}
		offs[r] = off
	}
	return appendDict(nil, keys, offs, nil), rank
}
