package index

import (
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"berean/canon"
)

// fakeBible is a BibleSource over verses held in memory.
type fakeBible struct {
	name, module string
	sys          *canon.System
	verses       []Verse
}

func (f *fakeBible) Name() string          { return f.name }
func (f *fakeBible) Module() string        { return f.module }
func (f *fakeBible) System() *canon.System { return f.sys }
func (f *fakeBible) Verses(ctx context.Context) iter.Seq2[Verse, error] {
	return seqOf(f.verses)
}

// seqOf yields the elements of xs, without error.
func seqOf[T any](xs []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, x := range xs {
			if !yield(x, nil) {
				return
			}
		}
	}
}

type fakeSource struct {
	fp     string
	bibles []BibleSource
	lex    []LexEntry
	topics []Topic
}

func (f *fakeSource) Fingerprint() string   { return f.fp }
func (f *fakeSource) Bibles() []BibleSource { return f.bibles }
func (f *fakeSource) Lexicon(ctx context.Context) iter.Seq2[LexEntry, error] {
	return seqOf(f.lex)
}
func (f *fakeSource) Topics(ctx context.Context) iter.Seq2[Topic, error] {
	return seqOf(f.topics)
}

// tag tags the first occurrence of word in text with keys.
func tag(text, word string, keys ...string) Tag {
	i := strings.Index(text, word)
	if i < 0 {
		panic(word)
	}
	return Tag{Start: i, End: i + len(word), Keys: keys}
}

// verse builds a Verse with tags given as word=key pairs.
func verse(book string, ch, v int, text string, tags ...string) Verse {
	vs := Verse{Book: book, Chapter: ch, Verse: v, Text: text}
	for _, t := range tags {
		w, k, _ := strings.Cut(t, "=")
		vs.Tags = append(vs.Tags, tag(text, w, strings.Split(k, "+")...))
	}
	return vs
}

// testSource is a tiny synthetic library: two Bibles of a few verses (no
// real Bible text: the verses are made up), a lexicon and topics.
func testSource() *fakeSource {
	kjv := &fakeBible{name: "TST", module: "engTST", sys: canon.KJV(), verses: []Verse{
		verse("Gen", 1, 1, "In the beginning the maker made a garden.", "maker=H6213", "garden=H1588"),
		verse("Gen", 1, 2, ""), // empty: not a doc
		verse("Gen", 1, 3, "And he liveth to plead for them, and pleadeth.", "liveth=H2421", "plead=H6293", "pleadeth=H6293"),
		verse("Rom", 8, 26, "The helper maketh intercession for us.", "maketh=G1793", "intercession=G1793", "The=G3588"),
		verse("Heb", 7, 25, "Seeing he ever liveth to make intercession for them.", "he=G2198", "liveth=G2198", "intercession=G1793"),
	}}
	web := &fakeBible{name: "TWB", module: "engTWB", sys: canon.KJV(), verses: []Verse{
		verse("Heb", 7, 25, "Since he always lives to make intercession for them."),
	}}
	return &fakeSource{
		fp:     "test-1",
		bibles: []BibleSource{kjv, web},
		lex: []LexEntry{
			{Key: "G1793", Text: "to confer with; by implication, to entreat (in favor or against): deal with, make intercession."},
			{Key: "H6293", Text: "to impinge; intercede, entreat, make intercession, meet."},
		},
		topics: []Topic{
			{Name: "INTERCESSION", Refs: []string{"Heb.7.25", "Rom.8.26"}},
			{Name: "GARDEN", Refs: []string{"Gen.1.1"}},
		},
	}
}

func build(t testing.TB, src Source) *Index {
	t.Helper()
	ix, err := Build(context.Background(), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Check(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func docsOf(p Postings) []int {
	var out []int
	for i := 0; i < p.Len(); i++ {
		out = append(out, int(p.Doc(i)))
	}
	return out
}

func TestBuildAndRead(t *testing.T) {
	ix := build(t, testSource())
	if len(ix.Bibles()) != 2 {
		t.Fatalf("%d bibles", len(ix.Bibles()))
	}
	b, ok := ix.Bible("tst")
	if !ok {
		t.Fatal("no TST")
	}
	if b2, ok := ix.Bible("ENGTST"); !ok || b2 != b {
		t.Fatal("module name lookup")
	}
	if b.Docs() != 4 {
		t.Fatalf("docs = %d, want 4 (the empty verse is skipped)", b.Docs())
	}
	book, ch, v := b.Ref(3)
	if book != "Heb" || ch != 7 || v != 25 {
		t.Errorf("Ref(3) = %s %d:%d", book, ch, v)
	}
	if o, _ := canon.KJV().Ordinal("Heb", 7, 25); b.Ordinal(3) != o {
		t.Errorf("Ordinal(3) = %d, want %d", b.Ordinal(3), o)
	}
	if got := b.Text(3); got != "Seeing he ever liveth to make intercession for them." {
		t.Errorf("Text(3) = %q", got)
	}
	if b.DocLen(3) != 9 {
		t.Errorf("DocLen(3) = %d", b.DocLen(3))
	}
	if tx, sp := b.Verse(3, nil, nil); len(sp) != 9 || string(tx[sp[6][0]:sp[6][1]]) != "intercession" {
		t.Errorf("Verse(3) = %q %v", tx, sp)
	}
	p := b.Exact("intercession")
	if got := docsOf(p); !slices.Equal(got, []int{2, 3}) {
		t.Errorf("exact intercession docs = %v", got)
	}
	if pos := p.Positions(1, nil); !slices.Equal(pos, []uint32{6}) {
		t.Errorf("positions in doc 3 = %v", pos)
	}
	if got := docsOf(b.Exact("liveth")); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("liveth docs = %v", got)
	}
	if got := docsOf(b.Strong("G1793")); !slices.Equal(got, []int{2, 3}) {
		t.Errorf("G1793 docs = %v", got)
	}
	if pos := b.Strong("G1793").Positions(0, nil); !slices.Equal(pos, []uint32{2, 3}) {
		t.Errorf("G1793 positions in Rom 8:26 = %v", pos)
	}
	if pos := b.Strong("G2198").Positions(0, nil); !slices.Equal(pos, []uint32{1, 3}) {
		t.Errorf("G2198 positions in Heb 7:25 = %v", pos)
	}
	if got := b.Variants(ModernTerm("liveth")); !slices.Contains(got, "liveth") {
		t.Errorf("Variants(%q) = %v", ModernTerm("liveth"), got)
	}
	if got := b.StrongsForTerm(StemTerm("intercession")); len(got) == 0 || got[0].Key != "G1793" || got[0].Count != 2 {
		t.Errorf("StrongsForTerm(intercession) = %v", got)
	}
	for _, term := range []string{StemTerm("intercession"), StemTerm("liveth"), StemTerm("the"), "nosuchterm"} {
		all := b.StrongsForTerm(term)
		for _, n := range []int{0, 1, 2, 100} {
			if got := b.StrongsForTermTop(term, n); !slices.Equal(got, all[:min(n, len(all))]) {
				t.Errorf("StrongsForTermTop(%q, %d) = %v, want the first of %v", term, n, got, all)
			}
		}
	}
	var pre []string
	b.Prefix(ExactTerms, "plead", func(term []byte, p Postings) bool {
		pre = append(pre, string(term))
		return true
	})
	if !slices.Equal(pre, []string{"plead", "pleadeth"}) {
		t.Errorf("prefix plead = %v", pre)
	}
	if w, ok := ix.Bible("TWB"); !ok || w.HasStrongs() || w.Docs() != 1 {
		t.Errorf("TWB: %v", w)
	}
	if got := ix.StrongsForWord("intercession"); len(got) == 0 || got[0].Key != "G1793" {
		t.Errorf("StrongsForWord = %v", got)
	}
	if got := ix.DefinitionsWith("intercession"); len(got) != 2 {
		t.Errorf("DefinitionsWith = %v", got)
	}
	if got := ix.TopicsForWord("intercession"); !slices.Equal(got, []string{"INTERCESSION"}) {
		t.Errorf("TopicsForWord = %v", got)
	}
	if refs, ok := ix.TopicRefs("intercession"); !ok || !slices.Equal(refs, []string{"Heb.7.25", "Rom.8.26"}) {
		t.Errorf("TopicRefs = %v %v", refs, ok)
	}
	if f, l, ok := b.BookDocs("Gen"); !ok || f != 0 || l != 2 {
		t.Errorf("BookDocs(Gen) = %d %d %v", f, l, ok)
	}
	m, err := ix.Meta()
	if err != nil || m.Format != FormatVersion || len(m.Modules) != 5 || m.Modules[4].Kind != "cross-references" {
		t.Errorf("Meta = %+v, %v", m, err)
	}
}

// TestPostingsLong checks skip entries and cursors over lists longer than
// one skip block.
func TestPostingsLong(t *testing.T) {
	var pb postingBuilder
	var want [][]uint32
	for d := 0; d < 1000; d += 3 {
		ps := []uint32{uint32(d % 7), uint32(d%7 + 1 + d%200)}
		pb.add(uint16(d), ps)
		want = append(want, ps)
	}
	p := parsePostings(pb.appendTo(nil))
	if p.Len() != len(want) {
		t.Fatalf("len %d", p.Len())
	}
	for i := range want {
		if got := p.Positions(i, nil); !slices.Equal(got, want[i]) {
			t.Fatalf("doc %d positions %v want %v", i, got, want[i])
		}
	}
	c := p.Cursor()
	for _, d := range []uint32{0, 3, 4, 300, 301, 600, 999, 1000} {
		found := c.Seek(d)
		if found != (d%3 == 0 && d < 1000) {
			t.Fatalf("Seek(%d) = %v", d, found)
		}
		if !c.Done() {
			i := c.Index()
			if got := c.Positions(nil); !slices.Equal(got, want[i]) {
				t.Fatalf("cursor at %d: %v want %v", i, got, want[i])
			}
			if c.TF() != 2 {
				t.Fatal("tf")
			}
		}
	}
}

func TestLoadCachesAndRebuilds(t *testing.T) {
	dir := t.TempDir()
	src := testSource()
	ctx := context.Background()
	builds := 0
	opts := LoadOptions{Building: func(string) { builds++ }}
	ix, err := Load(ctx, dir, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	path := ix.Path()
	ix.Close()
	if builds != 1 {
		t.Fatalf("builds = %d", builds)
	}
	ix, err = Load(ctx, dir, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if builds != 1 {
		t.Fatalf("second Load rebuilt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string]func([]byte) []byte{
		"truncated":       func(b []byte) []byte { return b[:len(b)-100] },
		"truncated-half":  func(b []byte) []byte { return b[:len(b)/2] },
		"empty":           func(b []byte) []byte { return nil },
		"flipped-posting": func(b []byte) []byte { b[len(b)/3] ^= 0x40; return b },
		"flipped-header":  func(b []byte) []byte { b[9] ^= 1; return b },
		"flipped-toc":     func(b []byte) []byte { b[len(b)-trailerSize-5] ^= 1; return b },
		"flipped-trailer": func(b []byte) []byte { b[len(b)-20] ^= 1; return b },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			bad := f(slices.Clone(data))
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			// Open finds the damage, or (in a block-checked section) the
			// first read of the damaged block does, and removes the file.
			ix, err := Open(path)
			if err == nil {
				exercise(ix)
				err = ix.Err()
				ix.Close()
				if _, serr := os.Stat(path); err != nil && !os.IsNotExist(serr) {
					t.Errorf("damaged file not removed: %v", serr)
				}
			}
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrVersion) {
				t.Fatalf("damaged file not detected: %v", err)
			}
			before := builds
			ix, err = Load(ctx, dir, src, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if builds != before+1 {
				t.Fatal("damaged index not rebuilt")
			}
			if b, _ := ix.Bible("TST"); b.Docs() != 4 {
				t.Fatal("rebuilt index wrong")
			}
		})
	}
	// A changed module set gets a new file; the old one is removed.
	src.fp = "test-2"
	ix, err = Load(ctx, dir, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Path() == path {
		t.Fatal("same path for another module set")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("stale index not removed: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("cache dir holds %d files", len(ents))
	}
	if _, err := Open(filepath.Join(dir, "missing.bidx")); !IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, testSource(), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestProgress(t *testing.T) {
	var last, total int
	_, err := Build(context.Background(), testSource(), func(d, tot int) { last, total = d, tot })
	if err != nil {
		t.Fatal(err)
	}
	if total != 2*canon.KJV().VerseCount() || last != total {
		t.Errorf("progress %d/%d", last, total)
	}
}

// noXrefs is a test source whose index leaves out the cross-references,
// so that fuzzing damages the other sections, not mostly those 5 MB.
type noXrefs struct{ *fakeSource }

func (noXrefs) CrossRefs() bool { return false }

func FuzzOpen(f *testing.F) {
	ix := build(f, noXrefs{testSource()})
	good := ix.data
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(magic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := OpenBytes(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrVersion) {
				t.Fatalf("error not ErrCorrupt: %v", err)
			}
			return
		}
		exercise(ix)
	})
}

// FuzzSections damages section bodies and recomputes every checksum, so
// the reader must survive bad offsets that no checksum catches.
func FuzzSections(f *testing.F) { fuzzSections(f, noXrefs{testSource()}) }

// FuzzInflectSections is FuzzSections over an index with the thesaurus
// and INFLECT sections.
func FuzzInflectSections(f *testing.F) { fuzzSections(f, inflectSource()) }

func fuzzSections(f *testing.F, src Source) {
	ix := build(f, src)
	f.Add(uint32(100), byte(0xff), uint8(1))
	f.Add(uint32(1000), byte(0x80), uint8(3))
	f.Fuzz(func(t *testing.T, at uint32, x byte, n uint8) {
		data := slices.Clone(ix.data)
		body := len(data) - trailerSize - len(ix.secs)*tocEntrySz - headerSize
		for k := range int(n%8) + 1 {
			data[headerSize+int(at+uint32(k)*7919)%body] ^= x
		}
		reseal(data)
		ix2, err := OpenBytes(data)
		if err != nil {
			return
		}
		ix2.Check()
		exercise(ix2)
	})
}

// reseal recomputes the section and TOC checksums of a file.
func reseal(data []byte) {
	tr := data[len(data)-trailerSize:]
	tocOff := le.Uint64(tr[32:])
	n := uint64(le.Uint32(tr[40:]))
	for i := uint64(0); i < n; i++ {
		e := data[tocOff+i*tocEntrySz:]
		off, l := le.Uint64(e[8:]), le.Uint64(e[16:])
		le.PutUint32(e[4:], crc32c(data[off:off+l]))
	}
	crc := crc32Update(0, data[:headerSize])
	crc = crc32Update(crc, data[tocOff:len(data)-trailerSize])
	crc = crc32Update(crc, tr[:44])
	le.PutUint32(tr[44:], crc)
}

// exercise calls every read API.
func exercise(ix *Index) {
	ix.CheckAhead()
	ix.Stats()
	ix.Meta()
	ix.StrongsForWord("intercession")
	ix.DefinitionsWith("intercession")
	ix.Thesaurus(StemTerm("worry"))
	ix.Inflections(StemTerm("brother"))
	for _, n := range ix.TopicsForWord("intercession") {
		ix.TopicRefs(n)
	}
	for _, k := range []int{0, 100, 17000, 31101} {
		ix.CrossRefsFrom(k)
		ix.CrossRefsTo(k)
		ix.VerseVotes(k)
		ix.TopicsCiting(k)
	}
	for _, b := range ix.Bibles() {
		for d := 0; d < b.Docs(); d++ {
			b.Ref(d)
			b.Text(d)
			b.DocLen(d)
			b.Ordinal(d)
			b.Verse(d, nil, nil)
		}
		b.BookDocs("Heb")
		b.DocAtOrdinal(100)
		b.Variants("lives")
		b.StrongsForTerm("intercess")
		b.StrongsForTermTop("intercess", 1)
		b.KJVKeys(make([]int32, b.Docs()))
		b.KJVMaps()
		for _, k := range []Kind{StemTerms, ExactTerms, StrongTerms} {
			b.Prefix(k, "", func(term []byte, p Postings) bool {
				c := p.Cursor()
				for ; !c.Done(); c.Next() {
					c.Positions(nil)
					c.TF()
				}
				for i := 0; i < p.Len(); i++ {
					p.Positions(i, nil)
				}
				c2 := p.Cursor()
				c2.Seek(5)
				return true
			})
		}
	}
}
