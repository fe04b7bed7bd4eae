package canon

import (
	"errors"
	"strings"
	"testing"
)

// Totals from sword-format.md §4.1: books, chapters and verses per testament
// and the index records of each testament file.
var totals = []struct {
	name                         string
	otB, ntB, otC, ntC, otV, ntV int
	otRec, ntRec                 int
}{
	{"KJV", 39, 27, 929, 260, 23145, 7957, 24115, 8246},
	{"Leningrad", 39, 0, 929, 0, 23213, 0, 24183, 2},
	{"MT", 39, 0, 929, 0, 23213, 0, 24183, 2},
	{"KJVA", 53, 27, 1111, 260, 28862, 7957, 30028, 8246},
	{"NRSV", 39, 27, 929, 260, 23145, 7959, 24115, 8248},
	{"NRSVA", 56, 27, 1137, 260, 29832, 7959, 31027, 8248},
	{"Synodal", 51, 27, 1102, 260, 29144, 7955, 30299, 8244},
	{"SynodalProt", 39, 27, 929, 260, 23208, 7955, 24178, 8244},
	{"Vulg", 46, 32, 1074, 288, 27863, 9392, 28985, 9714},
	{"German", 39, 27, 929, 260, 23215, 7957, 24185, 8246},
	{"Luther", 49, 27, 1077, 260, 27812, 7957, 28940, 8246},
	{"Catholic", 46, 27, 1068, 260, 27543, 7959, 28659, 8248},
	{"Catholic2", 46, 27, 1074, 260, 27651, 7959, 28773, 8248},
	{"LXX", 57, 27, 1252, 260, 31630, 7964, 32941, 8253},
	{"Orthodox", 53, 27, 1111, 260, 29501, 7964, 30667, 8253},
	{"Calvin", 39, 27, 929, 260, 23213, 7957, 24183, 8246},
	{"DarbyFr", 39, 27, 929, 260, 23147, 7960, 24117, 8249},
	{"Segond", 39, 27, 929, 260, 23212, 7958, 24182, 8247},
}

func TestTotals(t *testing.T) {
	if got, want := len(Names()), len(totals); got != want {
		t.Errorf("Names() has %d systems, want %d: %v", got, want, Names())
	}
	for _, tc := range totals {
		s, ok := Get(tc.name)
		if !ok {
			t.Errorf("Get(%q) failed", tc.name)
			continue
		}
		b, c, v := s.Counts(OT)
		if b != tc.otB || c != tc.otC || v != tc.otV {
			t.Errorf("%s OT: %d books %d chapters %d verses, want %d %d %d", tc.name, b, c, v, tc.otB, tc.otC, tc.otV)
		}
		b, c, v = s.Counts(NT)
		if b != tc.ntB || c != tc.ntC || v != tc.ntV {
			t.Errorf("%s NT: %d books %d chapters %d verses, want %d %d %d", tc.name, b, c, v, tc.ntB, tc.ntC, tc.ntV)
		}
		if r := s.Records(OT); r != tc.otRec {
			t.Errorf("%s OT records = %d, want %d", tc.name, r, tc.otRec)
		}
		if r := s.Records(NT); r != tc.ntRec {
			t.Errorf("%s NT records = %d, want %d", tc.name, r, tc.ntRec)
		}
		if got, want := s.VerseCount(), tc.otV+tc.ntV; got != want {
			t.Errorf("%s VerseCount = %d, want %d", tc.name, got, want)
		}
		if len(s.OT) != tc.otB || len(s.NT) != tc.ntB || len(s.Books()) != tc.otB+tc.ntB {
			t.Errorf("%s: book lists %d/%d/%d", tc.name, len(s.OT), len(s.NT), len(s.Books()))
		}
		for _, bk := range s.Books() {
			if !Known(bk.OSIS) {
				t.Errorf("%s: book %s has no catalog entry", tc.name, bk.OSIS)
			}
		}
	}
}

func TestGet(t *testing.T) {
	for _, n := range []string{"kjv", "KJV", " nrsva ", "SynodalProt", "synodalprot", "DARBYFR"} {
		if _, ok := Get(n); !ok {
			t.Errorf("Get(%q) failed", n)
		}
	}
	for _, n := range []string{"", "KJV2", "ESV", "null"} {
		if _, ok := Get(n); ok {
			t.Errorf("Get(%q) succeeded", n)
		}
	}
	if KJV().Name != "KJV" {
		t.Errorf("KJV().Name = %q", KJV().Name)
	}
}

// NRSVA book-intro TIs (sword-format.md §4.3), with the KJV ones where they differ.
var nrsvaIntro = []struct {
	osis string
	t    Testament
	ti   int
	kjv  int // 0: not in KJV; -1: same as NRSVA
	ch   int
	vs   int
}{
	{"Gen", OT, 2, -1, 50, 1533}, {"Exod", OT, 1586, -1, 40, 1213}, {"Lev", OT, 2840, -1, 27, 859},
	{"Num", OT, 3727, -1, 36, 1288}, {"Deut", OT, 5052, -1, 34, 959}, {"Josh", OT, 6046, -1, 24, 658},
	{"Judg", OT, 6729, -1, 21, 618}, {"Ruth", OT, 7369, -1, 4, 85}, {"1Sam", OT, 7459, -1, 31, 810},
	{"2Sam", OT, 8301, -1, 24, 695}, {"1Kgs", OT, 9021, -1, 22, 816}, {"2Kgs", OT, 9860, -1, 25, 719},
	{"1Chr", OT, 10605, -1, 29, 942}, {"2Chr", OT, 11577, -1, 36, 822}, {"Ezra", OT, 12436, -1, 10, 280},
	{"Neh", OT, 12727, -1, 13, 406}, {"Esth", OT, 13147, -1, 10, 167}, {"Job", OT, 13325, -1, 42, 1070},
	{"Ps", OT, 14438, -1, 150, 2461}, {"Prov", OT, 17050, -1, 31, 915}, {"Eccl", OT, 17997, -1, 12, 222},
	{"Song", OT, 18232, -1, 8, 117}, {"Isa", OT, 18358, -1, 66, 1292}, {"Jer", OT, 19717, -1, 52, 1364},
	{"Lam", OT, 21134, -1, 5, 154}, {"Ezek", OT, 21294, -1, 48, 1273}, {"Dan", OT, 22616, -1, 12, 357},
	{"Hos", OT, 22986, -1, 14, 197}, {"Joel", OT, 23198, -1, 3, 73}, {"Amos", OT, 23275, -1, 9, 146},
	{"Obad", OT, 23431, -1, 1, 21}, {"Jonah", OT, 23454, -1, 4, 48}, {"Mic", OT, 23507, -1, 7, 105},
	{"Nah", OT, 23620, -1, 3, 47}, {"Hab", OT, 23671, -1, 3, 56}, {"Zeph", OT, 23731, -1, 3, 53},
	{"Hag", OT, 23788, -1, 2, 38}, {"Zech", OT, 23829, -1, 14, 211}, {"Mal", OT, 24055, -1, 4, 55},
	{"Tob", OT, 24115, 0, 14, 242}, {"Jdt", OT, 24372, 0, 16, 340}, {"EsthGr", OT, 24729, 0, 16, 272},
	{"Wis", OT, 25018, 0, 19, 436}, {"Sir", OT, 25474, 0, 51, 1407}, {"Bar", OT, 26933, 0, 6, 213},
	{"PrAzar", OT, 27153, 0, 1, 68}, {"Sus", OT, 27223, 0, 1, 64}, {"Bel", OT, 27289, 0, 1, 42},
	{"1Macc", OT, 27333, 0, 16, 924}, {"2Macc", OT, 28274, 0, 15, 555}, {"1Esd", OT, 28845, 0, 9, 448},
	{"PrMan", OT, 29303, 0, 1, 15}, {"AddPs", OT, 29320, 0, 1, 7}, {"3Macc", OT, 29329, 0, 7, 228},
	{"2Esd", OT, 29565, 0, 16, 944}, {"4Macc", OT, 30526, 0, 18, 482},
	{"Matt", NT, 2, -1, 28, 1071}, {"Mark", NT, 1102, -1, 16, 678}, {"Luke", NT, 1797, -1, 24, 1151},
	{"John", NT, 2973, -1, 21, 879}, {"Acts", NT, 3874, -1, 28, 1007}, {"Rom", NT, 4910, -1, 16, 433},
	{"1Cor", NT, 5360, -1, 16, 437}, {"2Cor", NT, 5814, -1, 13, 257}, {"Gal", NT, 6085, -1, 6, 149},
	{"Eph", NT, 6241, -1, 6, 155}, {"Phil", NT, 6403, -1, 4, 104}, {"Col", NT, 6512, -1, 4, 95},
	{"1Thess", NT, 6612, -1, 5, 89}, {"2Thess", NT, 6707, -1, 3, 47}, {"1Tim", NT, 6758, -1, 6, 113},
	{"2Tim", NT, 6878, -1, 4, 83}, {"Titus", NT, 6966, -1, 3, 46}, {"Phlm", NT, 7016, -1, 1, 25},
	{"Heb", NT, 7043, -1, 13, 303}, {"Jas", NT, 7360, -1, 5, 108}, {"1Pet", NT, 7474, -1, 5, 105},
	{"2Pet", NT, 7585, -1, 3, 61}, {"1John", NT, 7650, -1, 5, 105}, {"2John", NT, 7761, -1, 1, 13},
	{"3John", NT, 7776, -1, 1, 15}, {"Jude", NT, 7793, 7792, 1, 25}, {"Rev", NT, 7820, 7819, 22, 405},
}

func TestNRSVAIntroSlots(t *testing.T) {
	nrsva, _ := Get("NRSVA")
	k := KJV()
	for i, tc := range nrsvaIntro {
		b, ok := nrsva.Book(tc.osis)
		if !ok {
			t.Errorf("NRSVA lacks %s", tc.osis)
			continue
		}
		if b.Testament == OT && nrsva.OT[i] != b {
			t.Errorf("NRSVA OT book %d is %s, want %s", i+1, nrsva.OT[i].OSIS, tc.osis)
		}
		if b.Chapters() != tc.ch || b.VerseTotal() != tc.vs {
			t.Errorf("NRSVA %s: %d chapters %d verses, want %d %d", tc.osis, b.Chapters(), b.VerseTotal(), tc.ch, tc.vs)
		}
		tt, ti, err := nrsva.Slot(tc.osis, 0, 0)
		if err != nil || tt != tc.t || ti != tc.ti {
			t.Errorf("NRSVA Slot(%s intro) = %v %d %v, want %v %d", tc.osis, tt, ti, err, tc.t, tc.ti)
		}
		tt, ti, err = k.Slot(tc.osis, 0, 0)
		switch tc.kjv {
		case 0:
			if err == nil {
				t.Errorf("KJV Slot(%s intro) = %v %d, want an error", tc.osis, tt, ti)
			}
		default:
			want := tc.kjv
			if want < 0 {
				want = tc.ti
			}
			if err != nil || tt != tc.t || ti != want {
				t.Errorf("KJV Slot(%s intro) = %v %d %v, want %v %d", tc.osis, tt, ti, err, tc.t, want)
			}
		}
	}
}

func TestNRSVAvsKJVVerseCounts(t *testing.T) {
	nrsva, _ := Get("NRSVA")
	for _, kb := range KJV().Books() {
		nb, _ := nrsva.Book(kb.OSIS)
		for c := 1; c <= kb.Chapters(); c++ {
			kv, nv := kb.Verses[c-1], nb.Verses[c-1]
			differs := (kb.OSIS == "3John" && c == 1) || (kb.OSIS == "Rev" && c == 12)
			if differs != (kv != nv) {
				t.Errorf("%s %d: KJV %d verses, NRSVA %d", kb.OSIS, c, kv, nv)
			}
		}
	}
}

func TestSlot(t *testing.T) {
	k := KJV()
	cases := []struct {
		osis  string
		ch, v int
		t     Testament
		ti    int
	}{
		{"Heb", 7, 25, NT, 7176}, // sword-format §2.5
		{"Heb", 7, 0, NT, 7151},
		{"Heb", 0, 0, NT, 7043},
		{"Gen", 1, 1, OT, 4},
		{"Gen", 1, 0, OT, 3},
		{"Gen", 0, 0, OT, 2},
		{"Matt", 1, 1, NT, 4},
		{"Mal", 4, 6, OT, 24114}, // last OT slot: records - 1
		{"Rev", 22, 21, NT, 8245},
	}
	for _, tc := range cases {
		tt, ti, err := k.Slot(tc.osis, tc.ch, tc.v)
		if err != nil || tt != tc.t || ti != tc.ti {
			t.Errorf("KJV Slot(%s %d:%d) = %v %d %v, want %v %d", tc.osis, tc.ch, tc.v, tt, ti, err, tc.t, tc.ti)
		}
	}
	// Every verse of every system: slots strictly increase in system order and
	// end at records-1.
	for _, s := range Systems() {
		last := map[Testament]int{OT: 1, NT: 1}
		for _, b := range s.Books() {
			for c := 0; c <= b.Chapters(); c++ {
				n := 0
				if c > 0 {
					n = b.Verses[c-1]
				}
				for v := 0; v <= n; v++ {
					tt, ti, err := s.Slot(b.OSIS, c, v)
					if err != nil {
						t.Fatalf("%s Slot(%s %d:%d): %v", s.Name, b.OSIS, c, v, err)
					}
					if ti != last[tt]+1 {
						t.Fatalf("%s Slot(%s %d:%d) = %d, previous %d", s.Name, b.OSIS, c, v, ti, last[tt])
					}
					last[tt] = ti
				}
			}
		}
		for _, tt := range []Testament{OT, NT} {
			if last[tt] != s.Records(tt)-1 {
				t.Errorf("%s %v: last slot %d, records %d", s.Name, tt, last[tt], s.Records(tt))
			}
		}
	}
}

func TestCheck(t *testing.T) {
	k := KJV()
	cases := []struct {
		osis  string
		ch, v int
		want  string // "" = valid
		kind  ErrorKind
	}{
		{"John", 3, 16, "", 0},
		{"John", 21, 0, "", 0},
		{"John", 0, 0, "", 0},
		{"John", 22, 0, "John has 21 chapters; John 22 does not exist", NoChapter},
		{"John", 22, 1, "John has 21 chapters; John 22 does not exist", NoChapter},
		{"Jude", 2, 1, "Jude has 1 chapter; Jude 2 does not exist", NoChapter},
		{"John", 3, 37, "John 3 has 36 verses; John 3:37 does not exist", NoVerse},
		{"Ps", 151, 1, "Psalms has 150 chapters; Psalm 151 does not exist", NoChapter},
		{"Ps", 23, 7, "Psalm 23 has 6 verses; Psalm 23:7 does not exist", NoVerse},
		{"Jude", 1, 26, "Jude has 25 verses; Jude 1:26 does not exist", NoVerse},
		{"1John", 6, 1, "1 John has 5 chapters; 1 John 6 does not exist", NoChapter},
		{"Tob", 1, 1, "Tobit is not in the KJV versification", NoBook},
		{"Xyz", 1, 1, `unknown book "Xyz"`, UnknownBook},
		{"John", -1, 1, "John -1:1 is not a valid reference", BadNumber},
		{"John", 0, 3, "John 0:3 is not a valid reference", BadNumber},
	}
	for _, tc := range cases {
		err := k.Check(tc.osis, tc.ch, tc.v)
		if tc.want == "" {
			if err != nil {
				t.Errorf("Check(%s %d:%d) = %v", tc.osis, tc.ch, tc.v, err)
			}
			continue
		}
		var re *RefError
		if err == nil || err.Error() != tc.want || !errors.As(err, &re) || re.Kind != tc.kind || !errors.Is(err, ErrInvalid) {
			t.Errorf("Check(%s %d:%d) = %v, want %q (kind %d)", tc.osis, tc.ch, tc.v, err, tc.want, tc.kind)
		}
	}
	nrsva, _ := Get("NRSVA")
	if err := nrsva.Check("3John", 1, 15); err != nil {
		t.Errorf("NRSVA 3John 1:15: %v", err)
	}
	if err := k.Check("3John", 1, 15); err == nil || !strings.Contains(err.Error(), "3 John has 14 verses") {
		t.Errorf("KJV 3John 1:15: %v", err)
	}
}

func TestOrdinal(t *testing.T) {
	for _, s := range Systems() {
		ord := 0
		for _, b := range s.Books() {
			for c := 1; c <= b.Chapters(); c++ {
				for v := 1; v <= b.Verses[c-1]; v++ {
					got, ok := s.Ordinal(b.OSIS, c, v)
					if !ok || got != ord {
						t.Fatalf("%s Ordinal(%s %d:%d) = %d %v, want %d", s.Name, b.OSIS, c, v, got, ok, ord)
					}
					if o, gc, gv := s.VerseAt(ord); o != b.OSIS || gc != c || gv != v {
						t.Fatalf("%s VerseAt(%d) = %s %d:%d, want %s %d:%d", s.Name, ord, o, gc, gv, b.OSIS, c, v)
					}
					ord++
				}
			}
		}
		if ord != s.VerseCount() {
			t.Errorf("%s: counted %d verses, VerseCount %d", s.Name, ord, s.VerseCount())
		}
		for _, bad := range []int{-1, s.VerseCount()} {
			if o, _, _ := s.VerseAt(bad); o != "" {
				t.Errorf("%s VerseAt(%d) = %s", s.Name, bad, o)
			}
		}
	}
	k := KJV()
	for _, bad := range [][3]int{{1, 0, 0}, {0, 1, 0}, {51, 1, 0}, {50, 27, 0}} {
		if _, ok := k.Ordinal("Gen", bad[0], bad[1]); ok {
			t.Errorf("Ordinal(Gen %d:%d) ok", bad[0], bad[1])
		}
	}
	if o, ok := k.Ordinal("Matt", 1, 1); !ok || o != 23145 {
		t.Errorf("Ordinal(Matt 1:1) = %d %v, want 23145", o, ok)
	}
	if o, ok := k.Ordinal("Rev", 22, 21); !ok || o != 31101 {
		t.Errorf("Ordinal(Rev 22:21) = %d %v, want 31101", o, ok)
	}
}

func TestHumanNames(t *testing.T) {
	cases := []struct{ osis, human, chapter string }{
		{"1John", "1 John", "1 John"},
		{"Heb", "Hebrews", "Hebrews"},
		{"Ps", "Psalms", "Psalm"},
		{"Rev", "Revelation", "Revelation"},
		{"Song", "Song of Solomon", "Song of Solomon"},
		{"PrMan", "Prayer of Manasseh", "Prayer of Manasseh"},
		{"2Esd", "2 Esdras", "2 Esdras"},
		{"Nope", "Nope", "Nope"},
	}
	for _, tc := range cases {
		if got := HumanName(tc.osis); got != tc.human {
			t.Errorf("HumanName(%s) = %q, want %q", tc.osis, got, tc.human)
		}
		if got := HumanChapterName(tc.osis); got != tc.chapter {
			t.Errorf("HumanChapterName(%s) = %q, want %q", tc.osis, got, tc.chapter)
		}
	}
	ot, nt, dc := 0, 0, 0
	for _, id := range OSISIDs() {
		n := 0
		if IsOT(id) {
			ot++
			n++
		}
		if IsNT(id) {
			nt++
			n++
		}
		if IsDeutero(id) {
			dc++
			n++
		}
		if n != 1 {
			t.Errorf("%s is in %d groups", id, n)
		}
	}
	if ot != 39 || nt != 27 {
		t.Errorf("%d OT and %d NT books, want 39 and 27", ot, nt)
	}
	prev := 0
	for _, b := range KJV().Books() {
		if BookOrder(b.OSIS) <= prev {
			t.Errorf("BookOrder(%s) = %d, not after %d", b.OSIS, BookOrder(b.OSIS), prev)
		}
		prev = BookOrder(b.OSIS)
	}
	if BookOrder("Gen") != 1 || BookOrder("Mal") != 39 {
		t.Errorf("BookOrder(Gen, Mal) = %d, %d", BookOrder("Gen"), BookOrder("Mal"))
	}
	if !(BookOrder("Mal") < BookOrder("Tob") && BookOrder("Tob") < BookOrder("Matt")) {
		t.Errorf("deuterocanon not between the testaments")
	}
	if BookOrder("Nope") != 0 || IsOT("Nope") || IsNT("Nope") || IsDeutero("Nope") {
		t.Errorf("unknown id classified")
	}
	if b, _ := KJV().Book("Heb"); b.Name != "Hebrews" || b.Abbrev != "Heb" || b.HumanName() != "Hebrews" {
		t.Errorf("KJV Heb = %+v", b)
	}
	if b, _ := KJV().Book("1Sam"); b.Name != "I Samuel" {
		t.Errorf("KJV 1Sam name %q", b.Name)
	}
}
