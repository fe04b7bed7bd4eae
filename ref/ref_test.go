package ref

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"berean/canon"
)

// Compatibility mode: the meaning of Bible-Passage-Reference-Parser's
// parse(text).osis() with default options. Our own cases, by topic.
func TestOSISOf(t *testing.T) {
	tests := []struct{ in, want string }{
		// books, chapters, verses
		{"Hebrews 7:25", "Heb.7.25"},
		{"Heb 7:23-25", "Heb.7.23-Heb.7.25"},
		{"Leviticus 16", "Lev.16"},
		{"1 John 2:1", "1John.2.1"},
		{"I John 2:1", "1John.2.1"},
		{"First John 2:1", "1John.2.1"},
		{"1st John 2:1", "1John.2.1"},
		{"2nd Kings 5", "2Kgs.5"},
		{"III John 3", "3John.1.3"},
		{"Jn 3.16", "John.3.16"},
		{"Romans 8:34", "Rom.8.34"},
		{"Genesis", ""}, // a book alone is ignored
		{"Deut. 6:4", "Deut.6.4"},
		{"Song of Songs 2:1", "Song.2.1"},
		{"Canticles 2:1", "Song.2.1"},
		{"Qoheleth 1:2", "Eccl.1.2"},
		{"Apocalypse 1:1", "Rev.1.1"},
		{"The Gospel according to St. Mark 1:1", "Mark.1.1"},
		// misspellings
		{"Revelations 3:20", "Rev.3.20"},
		{"Phillipians 4:13", "Phil.4.13"},
		{"Deutronomy 6:5", "Deut.6.5"},
		{"Ecclesiates 3:1", "Eccl.3.1"},
		{"Mathew 5:3", "Matt.5.3"},
		{"Psalmes 23", "Ps.23"},
		{"Jhon 1:1", "John.1.1"},
		{"Isiah 53:5", "Isa.53.5"},
		// whole books and chapters, compaction
		{"Jude 1", "Jude"},
		{"Obadiah 1", "Obad"},
		{"Genesis 1-50", "Gen"},
		{"Genesis 1:1-2:25", "Gen.1-Gen.2"},
		{"Genesis 1:1-31", "Gen.1"},
		{"Ruth 1-4", "Ruth"},
		// single-chapter books
		{"Jude 3", "Jude.1.3"},
		{"Philemon 4-6", "Phlm.1.4-Phlm.1.6"},
		{"Jude 3-30", "Jude.1.3-Jude.1.25"},
		// ranges across chapters and books, snapping
		{"John 3:16-4:2", "John.3.16-John.4.2"},
		{"Matt 27:1-28:99", "Matt.27-Matt.28"},
		{"Mal 4:5-Matt 1:2", "Mal.4.5-Matt.1.2"},
		{"Romans 16-Galatians 2", "Rom.16-Gal.2"},
		{"Acts 28-Genesis 3", "Acts.28,Gen.3"},
		{"Lev 27-29", "Lev.27.29"}, // Leviticus has 27 chapters: read as a verse
		// end-digit readings
		{"Job 38-9", "Job.38-Job.39"},
		{"Ps 118-19", "Ps.118-Ps.119"},
		{"Jer 31-31", "Jer.31"},
		{"Titus 3-5", "Titus.3.5"},
		// lists and continuations
		{"Heb 7:23, 25", "Heb.7.23,Heb.7.25"},
		{"Heb 7:24, 25", "Heb.7.24-Heb.7.25"},
		{"Rom 8:28; 12:1-2", "Rom.8.28,Rom.12.1-Rom.12.2"},
		{"John 1, 2, 3", "John.1-John.3"},
		{"Gen 1:1 and 3", "Gen.1.1,Gen.1.3"},
		{"Eph 2:8 & 9", "Eph.2.8-Eph.2.9"},
		{"Rom 3:23; 6:23; 5:8", "Rom.3.23,Rom.6.23,Rom.5.8"},
		{"Mark 1:1, Luke 1:1", "Mark.1.1,Luke.1.1"},
		// following verses, words for chapter and verse
		{"Rom 12:2ff", "Rom.12.2-Rom.12.21"},
		{"Rom 12:1ff", "Rom.12"},
		{"Acts 27ff", "Acts.27-Acts.28"},
		{"Jas 1:2f", "Jas.1.2-Jas.1.27"},
		{"Luke chapter 15", "Luke.15"},
		{"Luke chapter 15 verse 11", "Luke.15.11"},
		{"chapter 3 of John", "John.3"},
		{"John 3 vv. 16-18", "John.3.16-John.3.18"},
		{"Philemon verse 6", "Phlm.1.6"},
		{"the 91st Psalm", "Ps.91"},
		{"Psalm 51 title", "Ps.51.1"},
		{"John 3:16a", "John.3.16"},
		{"Matt 5:3 (cf. v. 10)", "Matt.5.3,Matt.5.10"},
		// translations
		{"John 3:16 NIV", "John.3.16"},
		{"John 3:16 (KJV)", "John.3.16"},
		{"3 John 15", "3John.1.15"},
		{"3 John 15 KJV", ""},
		{"Rev 12:18 NRSV", "Rev.12.18"},
		{"Rev 12:18", ""},
		// invalid references are ignored
		{"John 22", ""},
		{"Psalm 151", ""},
		{"Jude 2:1", ""},
		{"Gen 0:1", ""},
		{"Tobit 1:1", ""},
		{"Sirach 1", ""},
		// running text
		{"As Paul says in Romans 8:28, all things work together.", "Rom.8.28"},
		{"no references here", ""},
		{"a king 6-9", ""},
		{"Look 12 times", ""},
		{"It was 3:16 in the afternoon", ""},
		{"", ""},
		// a roman numeral or ordinal word run into the name
		{"IIKings 4:2", "2Kgs.4.2"},
		{"IJn 1:9", "1John.1.9"},
		{"iiijohn 4", "3John.1.4"},
		{"FirstSamuel 3:10", "1Sam.3.10"},
		{"SECONDTIM 2:15", "2Tim.2.15"},
		{"ThirdJn 2", "3John.1.2"},
		{"IICorinthans 5:17", "2Cor.5.17"},
		{"IIKig 2:11", "2Kgs.2.11"},
		{"IIIKings 1:1", ""}, // there is no 3 Kings
		{"Isa 40:31", "Isa.40.31"},
		{"IS 40:31", "Isa.40.31"},
		{"Isaih 40:31", "Isa.40.31"},
		{"First. John 1:1", "John.1.1"}, // "First." is no abbreviation
		{"Item 3:4 was late", ""},
		{"Isaac 3:4", ""},
		{"Ittai 2:1", ""},
		{"Seconds 3", ""},
		{"2 S 3:1", "2Sam.3.1"},
		{"II S 3:1", ""}, // the one-letter S only after a digit
		// a name run into a word of the reference is no name
		{"Judgch 10", ""},
		{"Psalmv. 2", ""},
		{"Obadiahvs 6", ""},
		{"Levv. 12-14", ""},
		{"1 Samver 17", ""},
		{"Ezekch. 40, and Rom 8:1", "Rom.8.1"},
		// English words and other tokens near a name are not books
		{"see pp. 3-5", ""},
		{"NB 3 items", ""},
		{"the danger 2 poses", ""},
		{"Danish 2 kroner", ""},
		{"the reflection 12 shows", ""},
		{"Dean 3:4", ""},
		{"Hooks 2", ""},
		{"join 3 groups", ""},
		{"the hood 4 times", ""},
		{"ISAAC 3:4", ""},
		{"cool 3 days", ""},
		{"the room 12 was", ""},
		{"Easter 2", ""},
		{"a palm 3 feet", ""},
		{"Jhhn 3:16", "John.3.16"},
		{"Palms 23", "Ps.23"},
		{"Revalation 3:20", "Rev.3.20"},
		{"Jophn 3:16", "John.3.16"},
		{"1 Kis 2:1", "1Kgs.2.1"},
		// common words after a book number
		{"the 1st time 3 of us met", ""},
		{"2 Peters 1:1", ""},
		{"I sat 3 rows back", ""},
		{"I put 2 on", ""},
		{"2 Per 1:1", "2Pet.1.1"},
		{"I Per 1:1", "1Pet.1.1"},
		{"I Sam 3:1", "1Sam.3.1"},
		// a name of a book that is not enabled hides no other book
		{"Letter of Jeremiah 1:1", "Jer.1.1"},
		{"Additions to Esther 2:1", "Esth.2.1"},
		{"Greek Esther 2:1", "Esth.2.1"},
		{"Tobit 1:1; John 3:16", "John.3.16"},
		{"1 Maccabees 2:1", ""},
		{"Wisdom of Solomon 2:1", ""},
		{"Epistle of Jeremy 1:1", ""},
		{"Song of the 3 Young Men 1:1", ""},
		// the NAB family's numbering
		{"Joel 4:1 NAB", "Joel.4.1"},
		{"Mal 3:24 (NABRE)", "Mal.3.24"},
		{"Mal 4:1 NAB", ""},
		{"Dan 13:1 LXX", "Dan.13.1"},
		{"Dan 13:1", ""},
		{"Job 25:7 NAB", ""},
		{"Ps 2:12 NAB", ""},
		{"Ps 2:12", "Ps.2.12"},
	}
	for _, tt := range tests {
		if got := OSISOf(tt.in); got != tt.want {
			t.Errorf("OSISOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func nrsva(t testing.TB) *canon.System {
	s, ok := canon.Get("NRSVA")
	if !ok {
		t.Skip("no NRSVA versification")
	}
	return s
}

func TestParse(t *testing.T) {
	kjv := NewParser(Options{})
	web := NewParser(Options{System: nrsva(t), Apocrypha: true})
	tests := []struct {
		p       *Parser
		in      string
		want    string // OSIS of the ranges
		human   string // String of the ranges, "; "-joined
		wantErr string
	}{
		{kjv, "Heb 7:23-25", "Heb.7.23-Heb.7.25", "Hebrews 7:23-25", ""},
		{kjv, "1 Jn 2:1", "1John.2.1", "1 John 2:1", ""},
		{kjv, "Lev 16", "Lev.16", "Leviticus 16", ""},
		{kjv, "Ps 110:4", "Ps.110.4", "Psalm 110:4", ""},
		{kjv, "Psalms 1-2", "Ps.1-Ps.2", "Psalms 1-2", ""},
		{kjv, "Jude", "Jude", "Jude", ""},
		{kjv, "Genesis", "Gen", "Genesis", ""},
		{kjv, "Jude 3", "Jude.1.3", "Jude 3", ""},
		{kjv, "Gen 1:1-2:3", "Gen.1.1-Gen.2.3", "Genesis 1:1-2:3", ""},
		{kjv, "Mal 4:6-Matt 1:1", "Mal.4.6-Matt.1.1", "Malachi 4:6-Matthew 1:1", ""},
		{kjv, "Heb 7:25; Rom 8:34", "Heb.7.25,Rom.8.34", "Hebrews 7:25; Romans 8:34", ""},
		{kjv, "John 3:16 NIV", "John.3.16", "John 3:16", ""},
		{kjv, "John 22", "", "", "John has 21 chapters; John 22 does not exist"},
		{kjv, "Psalm 151", "", "", "Psalms has 150 chapters; Psalm 151 does not exist"},
		{kjv, "Jude 2:1", "", "", "Jude has 1 chapter; Jude 2 does not exist"},
		{kjv, "John 3:37", "", "", "John 3 has 36 verses; John 3:37 does not exist"},
		{kjv, "3 John 15", "", "", "3 John has 14 verses; 3 John 1:15 does not exist"},
		{kjv, "nothing at all", "", "", "no Bible reference"},
		{web, "Sirach 1:1", "Sir.1.1", "Sirach 1:1", ""},
		{web, "Tobit 6:18", "Tob.6.18", "Tobit 6:18", ""},
		{web, "1 Maccabees 2:3", "1Macc.2.3", "1 Maccabees 2:3", ""},
		{web, "Wisdom of Solomon 3:1-9", "Wis.3.1-Wis.3.9", "Wisdom 3:1-9", ""},
		{web, "John 3:16", "John.3.16", "John 3:16", ""},
	}
	for _, tt := range tests {
		rs, err := tt.p.Parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := OSIS(rs); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var hs []string
		for _, r := range rs {
			hs = append(hs, r.String())
		}
		if got := strings.Join(hs, "; "); got != tt.human {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.human)
		}
	}
}

func TestParseErrorTypes(t *testing.T) {
	_, err := NewParser(Options{}).Parse("John 22")
	var ie *InvalidError
	if !errors.As(err, &ie) || !errors.Is(err, canon.ErrInvalid) {
		t.Fatalf("Parse(John 22) error %v (%T): want *InvalidError wrapping canon.ErrInvalid", err, err)
	}
	if ie.Text != "John 22" || ie.Start != 0 || ie.End != 7 {
		t.Errorf("InvalidError = %+v", ie)
	}
	if _, err := NewParser(Options{}).Parse("hello"); !errors.Is(err, ErrNoReference) {
		t.Errorf("Parse(hello) error %v, want ErrNoReference", err)
	}
	// Tobit is recognised with the apocrypha, and then the KJV says no.
	_, err = NewParser(Options{Apocrypha: true}).Parse("Tobit 1")
	if err == nil || !strings.Contains(err.Error(), "Tobit is not in the KJV versification") {
		t.Errorf("Parse(Tobit 1) in KJV with apocrypha: %v", err)
	}
}

// TestParseTrailingChapter: a list of references ending with a number of
// three digits from 200 or more digits (which running text takes for a
// year) names a chapter, and no book has one: an error naming the limit,
// not the whole book. In running text (Scan) the number stays out.
func TestParseTrailingChapter(t *testing.T) {
	p := NewParser(Options{})
	for _, tc := range []struct {
		in, err string // err "": no error
	}{
		{"John 200", "John has 21 chapters; John 200 does not exist"},
		{"Psalm 999 ", "Psalms has 150 chapters; Psalm 999 does not exist"},
		{"Genesis 2020", "Genesis has 50 chapters; Genesis 2020 does not exist"},
		{"Jude 200", "Jude has 25 verses"},
		{"Rom 8:28; John 300", "John has 21 chapters"},
		{"Psalm 119", ""},
		{"John 3:16 2020", ""},
		{"Romans", ""},
	} {
		_, err := p.Parse(tc.in)
		var ie *InvalidError
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("Parse(%q): %v, want no error", tc.in, err)
		case tc.err != "" && (!errors.As(err, &ie) || !errors.Is(err, canon.ErrInvalid) || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Parse(%q): %v, want an *InvalidError with %q", tc.in, err, tc.err)
		}
	}
	if ms := p.Scan("read John 3:16 2000 times"); len(ms) != 1 || ms[0].Err != nil || ms[0].Ranges[0].OSIS() != "John.3.16" {
		t.Errorf("Scan of running text: %+v, want John.3.16 alone", ms)
	}
}

// TestWhole: a string of references only gives their ranges; one with
// anything else is ErrNoReference; one that is wholly a reference that
// does not exist is the *InvalidError naming the limit.
func TestWhole(t *testing.T) {
	p := NewParser(Options{})
	for _, tc := range []struct {
		in, osis string // osis: the ranges' OSIS joined by ","
		err      error  // nil, ErrNoReference or canon.ErrInvalid
	}{
		{"Psalm 23", "Ps.23", nil},
		{" Romans 8:28-39; Ephesians 1. ", "Rom.8.28-Rom.8.39,Eph.1", nil},
		{"Psalm 23 and shepherds", "", ErrNoReference},
		{"the love of God", "", ErrNoReference},
		{"", "", ErrNoReference},
		{"John 22", "", canon.ErrInvalid},
		{"Psalm 999", "", canon.ErrInvalid},
		{"John 22 and the love of God", "", ErrNoReference},
	} {
		rs, err := p.Whole(tc.in)
		var got []string
		for _, r := range rs {
			got = append(got, r.OSIS())
		}
		if strings.Join(got, ",") != tc.osis || (tc.err == nil) != (err == nil) || (tc.err != nil && !errors.Is(err, tc.err)) {
			t.Errorf("Whole(%q) = %v, %v; want %q, %v", tc.in, got, err, tc.osis, tc.err)
		}
	}
}

func TestScan(t *testing.T) {
	text := "Jesus “always lives” (Heb 7:25, cf. Rom 8:34); see also John 41:16 and Psalm 110:14, Psalm 110:4 KJV, and 1 Jn 2:1–2."
	type m struct {
		osis, text, err string
	}
	want := []m{
		{"Heb.7.25", "Heb 7:25", ""},
		{"Rom.8.34", "Rom 8:34", ""},
		{"", "John 41:16", "John has 21 chapters; John 41 does not exist"},
		{"", "Psalm 110:14", "Psalm 110 has 7 verses; Psalm 110:14 does not exist"},
		{"Ps.110.4", "Psalm 110:4", ""},
		{"1John.2.1-1John.2.2", "1 Jn 2:1–2", ""},
	}
	got := NewParser(Options{}).Scan(text)
	src := []rune(text)
	var gm []m
	for _, x := range got {
		e := ""
		if x.Err != nil {
			e = x.Err.Error()
		}
		if string(src[x.Start:x.End]) != x.Text {
			t.Errorf("match %q: offsets [%d,%d) give %q", x.Text, x.Start, x.End, string(src[x.Start:x.End]))
		}
		gm = append(gm, m{OSIS(x.Ranges), x.Text, e})
	}
	if !slices.Equal(gm, want) {
		t.Errorf("Scan:\n got %q\nwant %q", gm, want)
	}
}

func TestRangeString(t *testing.T) {
	tests := []struct {
		r    Range
		osis string
		str  string
	}{
		{Range{Start: Ref{"Heb", 7, 25}}, "Heb.7.25", "Hebrews 7:25"},
		{Range{Ref{"Heb", 7, 23}, Ref{"Heb", 7, 25}}, "Heb.7.23-Heb.7.25", "Hebrews 7:23-25"},
		{Range{Ref{"Gen", 1, 0}, Ref{"Gen", 2, 0}}, "Gen.1-Gen.2", "Genesis 1-2"},
		{Range{Ref{"Ps", 23, 0}, Ref{"Ps", 23, 0}}, "Ps.23", "Psalm 23"},
		{Range{Ref{"Gen", 0, 0}, Ref{"Exod", 0, 0}}, "Gen-Exod", "Genesis-Exodus"},
		{Range{Start: Ref{"Phlm", 1, 0}}, "Phlm.1", "Philemon"},
		{Range{Start: Ref{"3John", 1, 4}}, "3John.1.4", "3 John 4"},
		{Range{Ref{"John", 20, 30}, Ref{"John", 21, 25}}, "John.20.30-John.21.25", "John 20:30-21:25"},
	}
	for _, tt := range tests {
		if got := tt.r.OSIS(); got != tt.osis {
			t.Errorf("%+v.OSIS() = %q, want %q", tt.r, got, tt.osis)
		}
		if got := tt.r.String(); got != tt.str {
			t.Errorf("%+v.String() = %q, want %q", tt.r, got, tt.str)
		}
	}
}

func TestVerses(t *testing.T) {
	kjv := canon.KJV()
	var got []string
	for r := range (Range{Ref{"Mal", 4, 5}, Ref{"Matt", 1, 2}}).Verses(kjv) {
		got = append(got, r.OSIS())
	}
	want := []string{"Mal.4.5", "Mal.4.6", "Matt.1.1", "Matt.1.2"}
	if !slices.Equal(got, want) {
		t.Errorf("Verses = %v, want %v", got, want)
	}
	n := 0
	for range (Range{Start: Ref{"Jude", 0, 0}}).Verses(kjv) {
		n++
	}
	if n != 25 {
		t.Errorf("Jude has %d verses, want 25", n)
	}
}

// TestRoundTrip: the OSIS of what Parse returns parses back to itself.
func TestRoundTrip(t *testing.T) {
	p := NewParser(Options{})
	for _, in := range []string{"Heb 7:23-25", "Gen 1-2", "Jude", "Ps 23; Ps 110:1-4", "Gen 50:26-Exod 1:3", "Obad 3", "Rev 22"} {
		rs, err := p.Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		o := OSIS(rs)
		rs2, err := p.Parse(o)
		if err != nil || OSIS(rs2) != o {
			t.Errorf("round trip %q -> %q -> %q (%v)", in, o, OSIS(rs2), err)
		}
	}
}
