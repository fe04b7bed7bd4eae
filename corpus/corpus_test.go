package corpus

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"berean/canon"
	"berean/markup"
	"berean/ref"
	"berean/sword"
)

// fakeVerses is an entry source over a map "Book.c.v" -> markup. Missing
// verses get generated text, so that every verse of a system has words.
type fakeVerses struct {
	m   map[string]string
	gen bool
}

func (f *fakeVerses) Entry(osis string, ch, v int) ([]byte, error) {
	k := fmt.Sprintf("%s.%d.%d", osis, ch, v)
	if s, ok := f.m[k]; ok {
		return []byte(s), nil
	}
	if f.gen && v > 0 {
		return []byte(fmt.Sprintf(`<w lemma="strong:G%04d">word</w> %s `, v, k)), nil
	}
	return nil, nil
}

func fakeBible(name, abbrev string, sys *canon.System, m map[string]string) *Bible {
	return newBible(&sword.ModuleInfo{Name: name, Abbreviation: abbrev, Type: "bible", SourceType: "OSIS", Versification: sys.Name},
		sys, &fakeVerses{m: m, gen: true})
}

func fakeCorpus(bibles ...*Bible) *Corpus {
	c := &Corpus{bibles: bibles}
	c.index()
	return c
}

func TestBibleByName(t *testing.T) {
	kjv := fakeBible("engKJV2006eb", "KJV", canon.KJV(), nil)
	nrsva, _ := canon.Get("NRSVA")
	web := fakeBible("engWEB2015eb", "WEB", nrsva, nil)
	c := fakeCorpus(kjv, web)
	for name, want := range map[string]*Bible{"KJV": kjv, "kjv": kjv, " engkjv2006EB ": kjv, "WEB": web, "engWEB2015eb": web} {
		if got, err := c.Bible(name); err != nil || got != want {
			t.Errorf("Bible(%q) = %v, %v", name, got, err)
		}
	}
	_, err := c.Bible("NIV")
	if !errors.Is(err, ErrUnknownModule) || !strings.Contains(err.Error(), "KJV (engKJV2006eb), WEB (engWEB2015eb)") {
		t.Errorf("unknown Bible error = %v", err)
	}
	if _, err := fakeCorpus().Bible("KJV"); err == nil || !strings.Contains(err.Error(), "none") {
		t.Errorf("no Bibles: %v", err)
	}
}

func TestVerseAndPassage(t *testing.T) {
	b := fakeBible("x", "X", canon.KJV(), map[string]string{
		"Heb.7.25": `<w lemma="strong:G1793">intercession</w> for <w lemma="strong:G0846">them</w>. `,
		"Ps.3.1":   `<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A song.</title><div type="x-milestone" subType="x-preverse" eID="pv1"/>Many rise.`,
		"Gen.1.1":  `<w lemma="0430">Alpha</w>`,
	})
	tx, err := b.Verse("Heb", 7, 25)
	if err != nil || tx.Clean != "intercession for them." || !reflect.DeepEqual(tx.Words[2].Strongs, []string{"G846"}) {
		t.Errorf("Verse = %+v, %v", tx, err)
	}
	if tx, _ := b.Verse("Gen", 1, 1); !reflect.DeepEqual(tx.Words[0].Strongs, []string{"H430"}) {
		t.Errorf("bare Strong's number in the OT: %+v", tx.Words)
	}
	if tx, _ := b.Verse("Ps", 3, 1); tx.Heading != "A song." || tx.Clean != "Many rise." {
		t.Errorf("psalm: %+v", tx)
	}
	if _, err := b.Verse("John", 22, 1); err == nil || !strings.Contains(err.Error(), "John has 21 chapters") {
		t.Errorf("John 22: %v", err)
	}
	if _, err := b.Verse("Tob", 1, 1); err == nil {
		t.Errorf("Tobit in KJV: no error")
	}
	vs, err := b.Passage(ref.Range{Start: ref.Ref{Book: "Heb", Chapter: 7, Verse: 23}, End: ref.Ref{Book: "Heb", Chapter: 7, Verse: 25}})
	if err != nil || len(vs) != 3 || vs[2].Ref != (ref.Ref{Book: "Heb", Chapter: 7, Verse: 25}) || vs[2].Text.Clean != "intercession for them." {
		t.Errorf("Passage = %+v, %v", vs, err)
	}
	vs, err = b.Passage(ref.Range{Start: ref.Ref{Book: "Jude"}})
	if err != nil || len(vs) != 25 {
		t.Errorf("Jude: %d verses, %v", len(vs), err)
	}
	if _, err := b.Passage(ref.Range{Start: ref.Ref{Book: "Heb", Chapter: 7, Verse: 29}}); err == nil {
		t.Errorf("Heb 7:29: no error")
	}
}

func TestAllInSystemOrder(t *testing.T) {
	b := fakeBible("x", "X", canon.KJV(), map[string]string{"Gen.1.2": ""})
	n := 0
	for v := range b.All() {
		osis, ch, vv := b.System().VerseAt(n)
		if v.Ref != (ref.Ref{Book: osis, Chapter: ch, Verse: vv}) {
			t.Fatalf("verse %d is %v, want %s %d:%d", n, v.Ref, osis, ch, vv)
		}
		if (v.Text.Clean == "") != (n == 1) {
			t.Fatalf("verse %d: %q", n, v.Text.Clean)
		}
		n++
	}
	if n != 31102 {
		t.Errorf("All yielded %d verses, want 31102", n)
	}
}

func TestAlignAndParallel(t *testing.T) {
	nrsva, _ := canon.Get("NRSVA")
	len_, _ := canon.Get("Leningrad")
	kjv := fakeBible("k", "KJV", canon.KJV(), map[string]string{
		"Ps.3.1": `<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A song of D.</title><div type="x-milestone" subType="x-preverse" eID="pv1"/>Many rise.`,
	})
	web := fakeBible("w", "WEB", nrsva, nil)
	heb := fakeBible("h", "HEB", len_, map[string]string{"Ps.3.1": "A song of D.", "Ps.3.2": "Many rise."})
	r := func(b string, c, v int) ref.Ref { return ref.Ref{Book: b, Chapter: c, Verse: v} }
	for _, tc := range []struct {
		from, to *Bible
		in       ref.Ref
		want     []ref.Ref
	}{
		{kjv, web, r("3John", 1, 14), []ref.Ref{r("3John", 1, 14), r("3John", 1, 15)}},
		{web, kjv, r("3John", 1, 15), []ref.Ref{r("3John", 1, 14)}},
		{web, kjv, r("Rev", 12, 18), []ref.Ref{r("Rev", 13, 1)}},
		{kjv, heb, r("Mal", 4, 1), []ref.Ref{r("Mal", 3, 19)}},
		{heb, kjv, r("Mal", 3, 24), []ref.Ref{r("Mal", 4, 6)}},
		{kjv, heb, r("Ps", 3, 1), []ref.Ref{r("Ps", 3, 2)}},
		{heb, kjv, r("Ps", 3, 1), []ref.Ref{r("Ps", 3, 0)}},
		{kjv, kjv, r("Gen", 1, 1), []ref.Ref{r("Gen", 1, 1)}},
		{kjv, web, r("Gen", 51, 1), nil},
	} {
		if got := Align(tc.from, tc.to, tc.in); !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("Align(%s -> %s, %v) = %v, want %v", tc.from.Name(), tc.to.Name(), tc.in, got, tc.want)
		}
	}

	rows, err := Parallel([]*Bible{kjv, web}, ref.Range{Start: r("3John", 1, 13), End: r("3John", 1, 14)})
	if err != nil || len(rows) != 2 || len(rows[1].Cells[1]) != 2 || rows[1].Cells[1][1].Ref != r("3John", 1, 15) {
		t.Errorf("Parallel KJV,WEB 3John 1:13-14 = %+v, %v", rows, err)
	}
	rows, err = Parallel([]*Bible{web, kjv}, ref.Range{Start: r("3John", 1, 14), End: r("3John", 1, 15)})
	if err != nil || len(rows) != 2 || len(rows[0].Cells[1]) != 1 || len(rows[1].Cells[1]) != 0 {
		t.Errorf("Parallel WEB,KJV 3John 1:14-15 = %+v, %v", rows, err)
	}
	rows, err = Parallel([]*Bible{heb, kjv}, ref.Range{Start: r("Ps", 3, 1), End: r("Ps", 3, 2)})
	if err != nil || len(rows) != 2 || len(rows[0].Cells[1]) != 1 || rows[0].Cells[1][0].Text.Clean != "A song of D." ||
		rows[1].Cells[1][0].Text.Clean != "Many rise." {
		t.Errorf("Parallel HEB,KJV Ps 3:1-2 = %+v, %v", rows, err)
	}
}

// fakeLex is a sorted key list with libsword's snapping lookup.
type fakeLex struct {
	keys  []string
	texts []string
}

func (f *fakeLex) Len() int         { return len(f.keys) }
func (f *fakeLex) Key(i int) string { return f.keys[i] }
func (f *fakeLex) At(i int) (string, []byte, error) {
	return f.keys[i], []byte(f.texts[i]), nil
}
func (f *fakeLex) Lookup(key string) (string, []byte, bool, error) {
	for i, k := range f.keys {
		if k == key {
			return k, []byte(f.texts[i]), true, nil
		}
	}
	i := len(f.keys) - 1 // snap to the last, as libsword does for "G1793"
	return f.keys[i], []byte(f.texts[i]), false, nil
}

func TestLexiconAndTopics(t *testing.T) {
	greek := &fakeLex{
		keys: []string{"01793", "05624"},
		texts: []string{`<entryFree n="01793"><orth>ἐντυγχάνω</orth><orth type="trans">entynchánō</orth><pron>en-toong</pron><lb/><def>from <ref target="StrongsGreek:1722">G1722</ref>; to meet</def></entryFree>`,
			`<entryFree n="05624"><orth>ὠφέλιμος</orth></entryFree>`},
	}
	hebrew := &fakeLex{keys: []string{"06293"}, texts: []string{`<entryFree n="6293"><orth>פּגע</orth><def>to meet (see <ref osisRef="Gen.28.11">Gen 28:11</ref>)</def></entryFree>`}}
	nave := &fakeLex{
		keys: []string{"INTERCESSION", "SIN", "SIN", "ZUZIMS"},
		texts: []string{`<entryFree n="INTERCESSION"><def><lb/>→ OF MAN <ref osisRef="1Sam.2.25">1Sa 2:25</ref>, <ref osisRef="Jude.1.1">Jude 1</ref>:9,10 <ref osisRef="Bogus.1.1">x</ref><lb/>→ See <ref target="Nave:PRAYER">PRAYER</ref></def></entryFree>`,
			`<entryFree n="SIN"><def>first copy</def></entryFree>`, `<entryFree n="SIN"><def>second copy <ref osisRef="Rom.3.23">Ro 3:23</ref></def></entryFree>`, `<entryFree n="ZUZIMS"><def>z</def></entryFree>`},
	}
	c := fakeCorpus()
	c.greek = []*dict{newDict(&sword.ModuleInfo{Name: "StrongsGreek", SourceType: "TEI"}, greek)}
	c.hebrew = []*dict{newDict(&sword.ModuleInfo{Name: "StrongsHebrew"}, hebrew)} // no SourceType: sniffed
	c.topical = []*dict{newDict(&sword.ModuleInfo{Name: "Nave", SourceType: "TEI"}, nave)}
	// the fake's duplicate lookup returns the first copy; make it the second, as libsword
	nave.texts[1] = nave.texts[2]

	e, err := c.Lexicon("G1793")
	if err != nil || e.Key != "G1793" || e.Lemma != "ἐντυγχάνω" || e.Translit != "entynchánō" || e.Definition != "from G1722; to meet" || !reflect.DeepEqual(e.SeeAlso, []string{"G1722"}) {
		t.Errorf("G1793 = %+v, %v", e, err)
	}
	for _, k := range []string{"g1793", "strong:G01793", "G01793"} {
		if e, err := c.Lexicon(k); err != nil || e.Key != "G1793" {
			t.Errorf("Lexicon(%q) = %+v, %v", k, e, err)
		}
	}
	if _, err := c.Lexicon("G1794"); !errors.Is(err, ErrNotFound) {
		t.Errorf("G1794 (libsword snaps): err = %v", err)
	}
	if _, err := c.Lexicon("1793"); !errors.Is(err, ErrNotFound) {
		t.Errorf("bare 1793: err = %v", err)
	}
	h, err := c.Lexicon("H6293")
	if err != nil || h.Lemma != "פּגע" || len(h.Refs) != 1 || h.Refs[0].OSIS() != "Gen.28.11" {
		t.Errorf("H6293 = %+v, %v", h, err)
	}
	var keys []string
	for e, err := range c.LexiconEntries() {
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, e.Key)
	}
	if !reflect.DeepEqual(keys, []string{"G1793", "G5624", "H6293"}) {
		t.Errorf("LexiconEntries keys = %v", keys)
	}

	tp, err := c.Topic(" intercession ")
	if err != nil || !reflect.DeepEqual(tp.OSIS(), []string{"1Sam.2.25", "Jude.1.9", "Jude.1.10"}) || !reflect.DeepEqual(tp.SeeAlso, []string{"PRAYER"}) {
		t.Errorf("Topic = %+v, %v", tp, err)
	}
	_, err = c.Topic("INTERCESS")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "nearest: INTERCESSION") {
		t.Errorf("Topic(INTERCESS) err = %v", err)
	}
	var names []string
	for tp, err := range c.Topics() {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tp.Name+":"+fmt.Sprint(len(tp.Refs)))
	}
	if !reflect.DeepEqual(names, []string{"INTERCESSION:3", "SIN:1", "ZUZIMS:0"}) {
		t.Errorf("Topics = %v", names)
	}
	if got := c.ConceptModules(); len(got) != 3 || got[0].Name != "StrongsGreek" {
		t.Errorf("ConceptModules = %v", got)
	}
}

func TestParseOSIS(t *testing.T) {
	for in, want := range map[string]string{
		"Gen.37.21": "Gen.37.21", "Gen.41.9-Gen.41.13": "Gen.41.9-Gen.41.13", "Ps.23": "Ps.23", "Jude": "Jude",
		"Bible:John.3.16": "John.3.16", "John.3.16!b": "John.3.16",
	} {
		r, err := ParseOSIS(in)
		if err != nil || r.OSIS() != want {
			t.Errorf("ParseOSIS(%q) = %v, %v; want %s", in, r.OSIS(), err, want)
		}
	}
	for _, bad := range []string{"", "Xyz.1.1", "Gen.a.1", "Gen.1.1.1", "Gen.1.1-", "Gen.0.1"} {
		if _, err := ParseOSIS(bad); err == nil {
			t.Errorf("ParseOSIS(%q): no error", bad)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	b := fakeBible("x", "X", canon.KJV(), nil)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 200; i++ {
				if tx, err := b.Verse("Heb", 7, 1+(i+g)%28); err != nil || tx.Clean == "" {
					t.Error(tx, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

var _ = markup.OSIS
