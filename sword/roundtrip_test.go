package sword_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"berean/canon"
	"berean/sword"
	"berean/sword/swordtest"

	"github.com/ulikunitz/xz"
)

// longText is a few KB of text with both repetition (for LZSS references)
// and noise.
func longText(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1))
	words := []string{"and", "the", "LORD", "said", "unto", "Moses", "ἐντυγχάνω", "אלהים", "<w lemma=\"strong:G1793\">", "</w>", "      ", "\n"}
	var b strings.Builder
	for b.Len() < n {
		if r.IntN(5) == 0 {
			b.WriteByte(byte('a' + r.IntN(26)))
		} else {
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteByte(' ')
	}
	return b.String()
}

var sampleEntries = map[string]string{
	"OT:1":       `<milestone type="x-importer" subType="x-swordtest"/>`,
	"NT:1":       `<milestone type="x-importer" subType="x-swordtest"/>`,
	"Gen":        `<div type="book" osisID="Gen"><title>GENESIS</title>`,
	"Gen.1.0":    `<chapter n="1" osisID="Gen.1"/>`,
	"Gen.1.1":    `In the beginning God created the heaven and the earth. `,
	"Gen 1:2":    `And the earth was without form, and void; and darkness was upon the face of the deep.`,
	"Gen.2.1":    `Thus the heavens and the earth were finished, and all the host of them. `,
	"Gen.50.26":  "ab", // 2 bytes: never enciphered
	"Exod.1.1":   longText(5000, 1),
	"Ps.23.1":    `The LORD is my shepherd; I shall not want.`,
	"Matt.1.1":   `The book of the generation of Jesus Christ, the son of David, the son of Abraham.`,
	"Heb.7.25":   `<w lemma="strong:G3606">Wherefore</w> he is able also to save them to the uttermost`,
	"Rev.22.21":  `The grace of our Lord Jesus Christ be with you all. Amen.`,
	"John.3.16":  "ἠγάπησεν ὁ θεὸς τὸν κόσμον — €",
	"Jude.1.25":  "x",
	"Mal.4.6":    longText(300, 2),
	"Mal.4.5":    "",
	"Obad.1.21":  strings.Repeat("a", 1000), // long runs (bzip2 RLE1, LZSS)
	"Phlm.1.25":  strings.Repeat("ab", 700),
	"Titus.3.15": "\x00\x01\x02binary\xff", // not valid UTF-8: absent Encoding sniffs Latin-1 for this entry
}

func TestRoundTripVerse(t *testing.T) {
	type tc struct {
		driver, comp, block, key string
	}
	var cases []tc
	for _, key := range []string{"", "abcd1234"} {
		for _, d := range []string{"RawText", "RawText4", "RawCom", "RawCom4"} {
			cases = append(cases, tc{d, "", "", key})
		}
		for _, d := range []string{"zText", "zText4", "zCom", "zCom4"} {
			for _, c := range []string{"ZIP", "BZIP2", "XZ", "LZSS", "none"} {
				for _, bt := range []string{"BOOK", "CHAPTER", "VERSE"} {
					cases = append(cases, tc{d, c, bt, key})
				}
			}
		}
	}
	for _, c := range cases {
		name := fmt.Sprintf("%s/%s/%s/key=%s", c.driver, c.comp, c.block, c.key)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mi := swordtest.NewBible(t, swordtest.Bible{
				Driver: c.driver, Compression: c.comp, BlockType: c.block, CipherKey: c.key,
				Entries: sampleEntries, XZPadding: 100,
			})
			m, err := sword.OpenVerse(mi)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			checkEntries(t, m, sampleEntries)
		})
	}
}

// slotOf reads a swordtest reference.
func slotOf(t *testing.T, sys *canon.System, ref string) (canon.Testament, int) {
	t.Helper()
	if tt, n, ok := strings.Cut(ref, ":"); ok && (tt == "OT" || tt == "NT") {
		var ti int
		fmt.Sscan(n, &ti)
		if tt == "OT" {
			return canon.OT, ti
		}
		return canon.NT, ti
	}
	var b string
	var c, v int
	if s, cv, ok := strings.Cut(ref, " "); ok {
		b = s
		fmt.Sscanf(cv, "%d:%d", &c, &v)
	} else {
		p := strings.Split(ref, ".")
		b = p[0]
		if len(p) == 3 {
			fmt.Sscan(p[1], &c)
			fmt.Sscan(p[2], &v)
		}
	}
	tt, ti, err := sys.Slot(b, c, v)
	if err != nil {
		t.Fatal(err)
	}
	return tt, ti
}

func latin1(s string) string {
	if strings.ToValidUTF8(s, "") == s {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func checkEntries(t *testing.T, m *sword.VerseModule, entries map[string]string) {
	t.Helper()
	filled := map[[2]int]bool{}
	for ref, want := range entries {
		tt, ti := slotOf(t, m.System(), ref)
		filled[[2]int{int(tt), ti}] = true
		got, err := m.EntryAt(tt, ti)
		if err != nil {
			t.Errorf("%s: %v", ref, err)
			continue
		}
		if i := strings.IndexByte(want, 0); i >= 0 {
			want = want[:i] // libsword stops at a NUL
		}
		want = latin1(want)
		if string(got) != want {
			t.Errorf("%s = %.60q (%d bytes), want %.60q (%d bytes)", ref, got, len(got), want, len(want))
		}
		if want == "" && got != nil {
			t.Errorf("%s: empty entry gave %q, want nil", ref, got)
		}
	}
	// Every other slot of a few books is empty.
	for _, osis := range []string{"Gen", "Matt", "Jude"} {
		bk, _ := m.System().Book(osis)
		for c := 0; c <= bk.Chapters(); c++ {
			for v := 0; c > 0 && v <= bk.Verses[c-1] || c == 0 && v == 0; v++ {
				tt, ti, _ := m.System().Slot(osis, c, v)
				if filled[[2]int{int(tt), ti}] {
					continue
				}
				if b, err := m.EntryAt(tt, ti); err != nil || b != nil {
					t.Fatalf("%s %d:%d = %q, %v; want empty", osis, c, v, b, err)
				}
			}
		}
	}
}

func TestRoundTripLexicon(t *testing.T) {
	strongs := map[string]string{
		"1":    "<entryFree n=\"00001\"><orth>Α</orth></entryFree>",
		"25":   "<entryFree n=\"00025\">agapao</entryFree>",
		"1793": "<entryFree n=\"01793\"><orth>ἐντυγχάνω</orth>\n to make intercession</entryFree>",
		"5624": longText(3000, 3),
		"2":    "ab",
	}
	topics := map[string]string{
		"Aaron":             "<def>brother of Moses</def>",
		"Abel":              "<def>son of Adam</def>",
		"Abel-beth-maachah": "<def>a city</def>",
		"Age, old":          "<def>gray hairs</def>",
		"aged":              "<def>lowercase key stored upper</def>",
		"Intercession":      longText(20000, 4),
	}
	for _, key := range []string{"", "s3cret"} {
		for _, d := range []string{"RawLD", "RawLD4", "zLD"} {
			comps := []string{""}
			if d == "zLD" {
				comps = []string{"ZIP", "BZIP2", "XZ", "LZSS", "none"}
			}
			for _, c := range comps {
				t.Run(fmt.Sprintf("%s/%s/key=%s", d, c, key), func(t *testing.T) {
					t.Parallel()
					mi := swordtest.NewLexicon(t, swordtest.Lexicon{Driver: d, Compression: c, CipherKey: key, Entries: strongs, BlockCount: 4})
					lm, err := sword.OpenLex(mi)
					if err != nil {
						t.Fatal(err)
					}
					defer lm.Close()
					if lm.Len() != len(strongs) {
						t.Errorf("Len = %d", lm.Len())
					}
					for _, tc := range []struct{ key, found, text string }{
						{"1793", "01793", strongs["1793"]},
						{"G1793", "01793", strongs["1793"]},
						{"h25", "00025", strongs["25"]},
						{"00001", "00001", strongs["1"]},
						{"5624", "05624", strongs["5624"]},
						{"2", "00002", "ab"},
					} {
						k, text, exact, err := lm.Lookup(tc.key)
						if err != nil || k != tc.found || !exact || string(text) != tc.text {
							t.Errorf("Lookup(%q) = %q %.40q exact=%v %v", tc.key, k, text, exact, err)
						}
					}
					if k, _, exact, _ := lm.Lookup("9999"); k != "05624" || exact {
						t.Errorf("Lookup(9999) snapped to %q exact=%v", k, exact)
					}

					mi = swordtest.NewLexicon(t, swordtest.Lexicon{Driver: d, Compression: c, CipherKey: key, Entries: topics,
						Links: map[string]string{"Aaronites": "Aaron"}})
					tm, err := sword.OpenLex(mi)
					if err != nil {
						t.Fatal(err)
					}
					defer tm.Close()
					want := []string{"AARON", "AARONITES", "ABEL", "ABEL-BETH-MAACHAH", "AGE, OLD", "AGED", "INTERCESSION"}
					for i, w := range want {
						if tm.Key(i) != w {
							t.Errorf("Key(%d) = %q, want %q", i, tm.Key(i), w)
						}
					}
					for k, v := range topics {
						got, text, exact, err := tm.Lookup(k)
						if err != nil || !exact || string(text) != v || got != strings.ToUpper(k) {
							t.Errorf("Lookup(%q) = %q %.40q %v %v", k, got, text, exact, err)
						}
					}
					if _, text, _, err := tm.Lookup("aaronites"); err != nil || string(text) != topics["Aaron"] {
						t.Errorf("link: %q %v", text, err)
					}
					if k, _, exact, _ := tm.Lookup("intercess"); k != "INTERCESSION" || exact {
						t.Errorf("snap: %q %v", k, exact)
					}
				})
			}
		}
	}
}

func TestEncodings(t *testing.T) {
	for _, tc := range []struct {
		enc, in, want string
	}{
		{"UTF-8", "ἐν ἀρχῇ", "ἐν ἀρχῇ"},
		{"UTF-16", "ἐν ἀρχῇ €", "ἐν ἀρχῇ €"},
		{"Latin-1", "café", "café"},
		{"", "café", "café"},    // absent, valid UTF-8: kept (StrongsHebrew)
		{"", "caf\xe9", "café"}, // absent, not UTF-8: Latin-1
		{"UTF-8", "caf\xe9", "caf\uFFFD"},
	} {
		mi := swordtest.NewBible(t, swordtest.Bible{Encoding: tc.enc, Entries: map[string]string{"Gen.1.1": tc.in}})
		m, err := sword.OpenVerse(mi)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.Entry("Gen", 1, 1)
		m.Close()
		if err != nil || string(got) != tc.want {
			t.Errorf("%q %q: %q %v, want %q", tc.enc, tc.in, got, err, tc.want)
		}
	}
}

func TestLinksAndVersification(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{
		Versification: "NRSVA",
		Entries:       map[string]string{"Tob.1.1": "Tobit", "3John.1.15": "fifteen", "Rev.12.18": "eighteen"},
		Links:         map[string]string{"Tob.1.2": "Tob.1.1"},
	})
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if m.System().Name != "NRSVA" {
		t.Errorf("system %s", m.System().Name)
	}
	for _, tc := range []struct {
		b    string
		c, v int
		want string
	}{{"Tob", 1, 1, "Tobit"}, {"Tob", 1, 2, "Tobit"}, {"3John", 1, 15, "fifteen"}, {"Rev", 12, 18, "eighteen"}, {"Tob", 1, 3, ""}} {
		got, err := m.Entry(tc.b, tc.c, tc.v)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s %d:%d = %q %v", tc.b, tc.c, tc.v, got, err)
		}
	}
	if _, err := m.Entry("Tob", 15, 1); !errors.Is(err, canon.ErrInvalid) {
		t.Errorf("Tob 15:1 in NRSVA: %v", err)
	}
}

// A zText entry longer than 65535 bytes stores its size modulo 65536 (the
// WEB's Hosea introduction); the reader recovers it when the block layout
// makes the true end certain, and keeps its neighbours whole.
func TestWrappedSize(t *testing.T) {
	big := longText(125566, 9)[:125566]
	entries := map[string]string{"Hos": big, "Hos.1.0": "<chapter/>", "Hos.1.1": "The word of the LORD", "Hos.1.2": "x"}
	for _, d := range []string{"zText", "zText4"} {
		mi := swordtest.NewBible(t, swordtest.Bible{Driver: d, Entries: entries})
		m, err := sword.OpenVerse(mi)
		if err != nil {
			t.Fatal(err)
		}
		checkEntries(t, m, entries)
		m.Close()
	}
	// The entry at the end of its block: the block end bounds it.
	entries = map[string]string{"Hos.14.9": big, "Hos.14.8": "y", "Joel.1.1": "next book"}
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: entries})
	m, err := sword.OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	checkEntries(t, m, entries)
	if _, err := swordtest.WriteBible(t.TempDir(), swordtest.Bible{Driver: "RawText", Entries: entries}); err == nil {
		t.Errorf("RawText accepted a 125566-byte entry")
	}
}

func TestCompressRoundTrip(t *testing.T) {
	inputs := [][]byte{nil, []byte("a"), []byte("abc"), bytes.Repeat([]byte("x"), 100000), []byte(longText(50000, 5)), bytes.Repeat([]byte("abcabd"), 3000)}
	r := rand.New(rand.NewPCG(7, 7))
	noise := make([]byte, 70000)
	for i := range noise {
		noise[i] = byte(r.IntN(256))
	}
	inputs = append(inputs, noise)
	for _, c := range []sword.Compression{sword.LZSS, sword.Zip, sword.Bzip2, sword.XZ} {
		for i, in := range inputs {
			z, err := swordtest.Compress(c.String(), in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := sword.Decompress(c, z, len(in)+1)
			if err != nil || !bytes.Equal(out, in) {
				t.Errorf("%s input %d (%d bytes): %d bytes back, %v", c, i, len(in), len(out), err)
			}
		}
	}
}

// An xz block may declare a dictionary of up to 4 GiB, which the decoder
// would allocate whole; the reader caps it at the output limit.
func TestXZHugeDictionary(t *testing.T) {
	var buf bytes.Buffer
	w, err := xz.WriterConfig{DictCap: 1 << 30}.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("In the beginning"))
	w.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := sword.Decompress(sword.XZ, buf.Bytes(), 1<<16)
	runtime.ReadMemStats(&after)
	if err != nil || string(out) != "In the beginning" {
		t.Fatalf("%q %v", out, err)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 32<<20 {
		t.Errorf("decoding allocated %d bytes", d)
	}
	if _, err := sword.Decompress(sword.XZ, buf.Bytes(), 8); !errors.Is(err, sword.ErrCorrupt) {
		t.Errorf("16 bytes under a limit of 8: %v", err)
	}
}
