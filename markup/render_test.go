package markup

import (
	"reflect"
	"strings"
	"testing"
)

// The fixtures are synthetic verses written in the shapes the installed
// modules use (sword-format §5.1); no Bible text.

func TestRenderClean(t *testing.T) {
	tests := []struct {
		name, src string
		kind      Kind
		clean     string
	}{
		{"words and strongs", `<w lemma="strong:G3606">Therefore</w> he is <w lemma="strong:G1410">able</w>. `, OSIS, "Therefore he is able."},
		{"note glued between words", `<w lemma="strong:H0430">Alpha</w><note placement="foot"><reference type="annotateRef">1:1 </reference>A note.</note><w lemma="strong:H1254">made</w> it.`, OSIS, "Alpha made it."},
		{"note between quote fragments", `<q marker="" who="Jesus">only born</q><note placement="foot">or, one</note><q marker="" who="Jesus"><w lemma="strong:G5207">Son</w>, </q>`, OSIS, "only born Son,"},
		{"note after comma before quote", `said,<note type="crossReference"><reference>X 1:2</reference></note>“Go”`, OSIS, "said, “Go”"},
		{"note before closing punctuation", `twenty units<note placement="foot">x</note>); half`, OSIS, "twenty units); half"},
		{"note after opening quote", `“<note placement="foot">x</note>Go`, OSIS, "“Go"},
		{"split word joined", `went bold<transChange type="added">ly</transChange> in`, OSIS, "went boldly in"},
		{"w ends inside a word", `<w lemma="strong:G1144">with tear</w>s, and`, OSIS, "with tears, and"},
		{"pre-verse title removed", `<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A song.</title> <lg sID="g1"/> <l level="1" sID="g2"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/>Sing, <divineName><w lemma="strong:H3068">LORD</w></divineName>! <l eID="g2" level="1"/>`, OSIS, "Sing, LORD!"},
		{"pilcrow", `<div sID="p1" type="x-p"/> ¶ Then it was so.`, OSIS, "Then it was so."},
		{"usfm residue", `Because the \nd <w lemma="strong:H3068">LORD</w></divineName> hath`, OSIS, "Because the LORD hath"},
		{"divine name capitals", `<divineName>Lord</divineName> and the <divineName><w>LORD’s</w></divineName> day`, OSIS, "LORD and the LORD’s day"},
		{"poetry lines separate words", `first line,<l eID="a"/><l sID="b"/>second line<lb type="x-p"/>third`, OSIS, "first line, second line third"},
		{"entities", `Tom &amp; Jerry &lt;x&gt; &#8220;hi&#8221; &quot;q&quot;`, OSIS, `Tom & Jerry <x> “hi” "q"`},
		{"bare ampersand", `A & B`, OSIS, "A & B"},
		{"unclosed elements", `<q who="Jesus"><w lemma="strong:G1">Follow</w> me`, OSIS, "Follow me"},
		{"stray end tags", `</q></w></transChange>word</note></title>`, OSIS, "word"},
		{"nested notes", `a<note>x<note>y</note>z</note>b c`, OSIS, "a b c"},
		{"truncated tag", `text <w lemma="strong:G1`, OSIS, "text"},
		{"lone less-than", `a < 3 b`, OSIS, "a 3 b"},
		{"comment", `a<!-- <w>x</w> -->b`, OSIS, "ab"},
		{"hebrew points", `<w lemma="strong:H0430">אֱלֹהִ֑ים</w> <w lemma="strong:H1254">בָּרָא</w>`, OSIS, "אֱלֹהִ֑ים בָּרָא"},
		{"greek", `<w lemma="strong:G3056" morph="robinson:N-NSM">λόγος</w>·`, OSIS, "λόγος·"},
		{"whitespace", "  a\n\tb  \r\n c  ", OSIS, "a b c"},
		{"speaker inside verse", `wine!<l eID="a"/> <speaker>Friends</speaker> <l sID="b"/>We rejoice.`, OSIS, "wine! We rejoice."},
		{"gbf", `In the start<WH7225> Alpha<WH0430> made<WH1254><RF>a note<Rf> it.<CM>`, GBF, "In the start Alpha made it."},
		{"gbf heading and red", `<TS>A Head<Ts><FR>Come<Fr> <FI>now<Fi>`, GBF, "Come now"},
		{"thml", `<div class="sechead">Head</div>loved<sync type="Strongs" value="G25"/> the world<note>n</note>.<br/>Next&nbsp;line`, ThML, "loved the world. Next line"},
		{"tei", `<entryFree n="1"><orth>α</orth><lb/><def>first</def></entryFree>`, TEI, "α first"},
		{"plain text kind keeps angle brackets", `a <b> c`, PlainText, "a <b> c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Render([]byte(tc.src), tc.kind).Clean
			if got != tc.clean {
				t.Errorf("Clean = %q, want %q", got, tc.clean)
			}
		})
	}
}

func wordsOf(tx Text) map[string]Word {
	m := map[string]Word{}
	for _, w := range tx.Words {
		if w.Text != tx.Clean[w.Start:w.End] {
			panic("word offsets do not match Clean")
		}
		m[w.Text] = w
	}
	return m
}

func TestRenderWords(t *testing.T) {
	src := `<w lemma="strong:G3606">Therefore</w> he <w lemma="strong:G2198">ever</w> lives to <w lemma="strong:G1793">intercede</w> <w lemma="strong:G5228">for</w> <w lemma="strong:G0846">them</w> <w lemma="strong:G1 strong:G2" morph="robinson:V-PAI-3S">twice</w> <w lemma="strong:G1144">tear</w>s <transChange type="added">are</transChange> <q who="Jesus">I <w lemma="strong:G2064">come</w></q> <w lemma="lemma.TR:λόγος">word</w>`
	tx := Render([]byte(src), OSIS)
	w := wordsOf(tx)
	check := func(word string, strongs []string) {
		t.Helper()
		if got := w[word].Strongs; !reflect.DeepEqual(got, strongs) {
			t.Errorf("%s: Strongs = %v, want %v", word, got, strongs)
		}
	}
	check("intercede", []string{"G1793"})
	check("them", []string{"G846"})
	check("twice", []string{"G1", "G2"})
	check("tears", []string{"G1144"})
	check("he", nil)
	check("word", nil)
	if m := w["twice"].Morph; !reflect.DeepEqual(m, []string{"robinson:V-PAI-3S"}) {
		t.Errorf("morph = %v", m)
	}
	if !w["are"].Added || w["he"].Added {
		t.Errorf("Added flags wrong: are=%v he=%v", w["are"].Added, w["he"].Added)
	}
	if !w["come"].Red || !w["I"].Red || w["are"].Red {
		t.Errorf("Red flags wrong")
	}
	if len(tx.Red) != 1 || tx.Clean[tx.Red[0][0]:tx.Red[0][1]] != "I come" {
		t.Errorf("Red = %v (%q)", tx.Red, tx.Clean)
	}
}

func TestRenderSplitWordTagsBoth(t *testing.T) {
	// WEB "God<note/>created": two words, each keeps its number.
	tx := Render([]byte(`<w lemma="strong:H0430">Alpha</w><note placement="foot">n</note><w lemma="strong:H1254">made</w>`), OSIS)
	w := wordsOf(tx)
	if !reflect.DeepEqual(w["Alpha"].Strongs, []string{"H430"}) || !reflect.DeepEqual(w["made"].Strongs, []string{"H1254"}) {
		t.Errorf("words = %+v", tx.Words)
	}
	// Two markup words in one printed word both tag it.
	tx = Render([]byte(`<w lemma="strong:H1">ab</w><w lemma="strong:H2">cd</w>`), OSIS)
	if len(tx.Words) != 1 || !reflect.DeepEqual(tx.Words[0].Strongs, []string{"H1", "H2"}) {
		t.Errorf("joined word = %+v", tx.Words)
	}
}

func TestRenderRedMilestones(t *testing.T) {
	tx := Render([]byte(`He said, <q sID="q1" who="Jesus"/>Come and see.<q eID="q1"/> They went.`), OSIS)
	if len(tx.Red) != 1 || tx.Clean[tx.Red[0][0]:tx.Red[0][1]] != "Come and see." {
		t.Errorf("Red = %v in %q", tx.Red, tx.Clean)
	}
	// A red quotation left open runs to the end of the entry.
	tx = Render([]byte(`<q marker="" who="Jesus">Follow me, and`), OSIS)
	if len(tx.Red) != 1 || tx.Red[0] != [2]int{0, len(tx.Clean)} {
		t.Errorf("Red = %v in %q", tx.Red, tx.Clean)
	}
}

func TestRenderTitlesNotes(t *testing.T) {
	src := `<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A <w lemma="strong:H4210">song</w> of <divineName>Lord</divineName>.</title> <lg sID="g1"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/>Sing now,<note placement="foot"><reference type="annotateRef">3:1 </reference>Or, <seg>shout</seg></note> all.<note type="crossReference"><reference type="annotateRef">3:1 </reference><reference>Other 2:3</reference></note>`
	tx := Render([]byte(src), OSIS)
	want := Text{
		Clean:   "Sing now, all.",
		Heading: "A song of LORD.",
		Titles:  []Title{{Text: "A song of LORD.", Canonical: true, Type: "psalm"}},
		Notes:   []string{"Or, shout"},
		XRefs:   []string{"Other 2:3"},
		NoteAt:  []int{len("Sing now,")},
		XRefAt:  []int{len("Sing now, all.")},
	}
	tx.Words = nil
	if !reflect.DeepEqual(tx, want) {
		t.Errorf("got  %+v\nwant %+v", tx, want)
	}
	// acrostic title and a speaker label
	tx = Render([]byte(`<title><foreign>א ALEPH.</foreign></title> Blessed are they.`), OSIS)
	if tx.Heading != "א ALEPH." || tx.Titles[0].Canonical {
		t.Errorf("acrostic: %+v", tx)
	}
	tx = Render([]byte(`Go.<l eID="a"/> <speaker>Friends</speaker> Come.`), OSIS)
	if tx.Heading != "" || len(tx.Titles) != 1 || tx.Titles[0].Type != "speaker" {
		t.Errorf("speaker: %+v", tx)
	}
	// a pre-verse division that never closes swallows the rest (as libsword)
	tx = Render([]byte(`Text.<div type="x-milestone" subType="x-preverse" sID="pv9"/><div sID="p" type="x-p"/>`), OSIS)
	if tx.Clean != "Text." {
		t.Errorf("open pre-verse: %q", tx.Clean)
	}
}

func TestRenderPara(t *testing.T) {
	for src, want := range map[string]bool{
		`¶ And then`:                          true,
		`<div sID="g1" type="x-p"/> And then`: true,
		`And <div sID="g1" type="x-p"/> then`: false,
		`And then <div eID="g1" type="x-p"/>`: false,
		`<div type="x-milestone" subType="x-preverse" sID="pv1"/><div sID="gen574" type="x-p"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/>¶ And`: true,
	} {
		if got := Render([]byte(src), OSIS).Para; got != want {
			t.Errorf("Para(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestGBFThMLWords(t *testing.T) {
	tx := Render([]byte(`Alpha<WH0430> <FR>made<WH1254><WTH8804><Fr> it`), GBF)
	w := wordsOf(tx)
	if !reflect.DeepEqual(w["Alpha"].Strongs, []string{"H430"}) || !reflect.DeepEqual(w["made"].Morph, []string{"H8804"}) || !w["made"].Red {
		t.Errorf("gbf words %+v", tx.Words)
	}
	tx = Render([]byte(`loved<sync type="Strongs" value="G25"/><sync type="morph" value="V-AAI-3S"/> the`), ThML)
	w = wordsOf(tx)
	if !reflect.DeepEqual(w["loved"].Strongs, []string{"G25"}) || !reflect.DeepEqual(w["loved"].Morph, []string{"V-AAI-3S"}) {
		t.Errorf("thml words %+v", tx.Words)
	}
}

func TestSegment(t *testing.T) {
	got := []string{}
	for _, w := range segment("LORD’S Beth-el, Jesus’ ’tis x-- don't 3:16 λόγος·") {
		got = append(got, w.Text)
	}
	want := []string{"LORD’S", "Beth-el", "Jesus", "tis", "x", "don't", "3", "16", "λόγος"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segment = %q, want %q", got, want)
	}
}

func TestKindOf(t *testing.T) {
	for in, want := range map[string]Kind{"OSIS": OSIS, "osis": OSIS, "ThML": ThML, "TEI": TEI, "GBF": GBF, "": GBF, "Plaintext": PlainText, "weird": GBF} {
		if got := KindOf(in); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", in, got, want)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	src := []byte(strings.Repeat(`<w lemma="strong:G3606">Therefore</w> he is <transChange type="added">able</transChange> <q who="Jesus">to <w lemma="strong:G4982">save</w></q>,<note placement="foot"><reference type="annotateRef">7:25 </reference>Or, completely</note> `, 4))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Render(src, OSIS)
	}
}

// TestNotePlaces: a note's place in Clean is where it stood in the markup.
func TestNotePlaces(t *testing.T) {
	for _, c := range []struct {
		src        string
		kind       Kind
		notesAfter []string // the text of Clean up to each note
		xrefsAfter []string
	}{
		{`<q who="Jesus">his <w>only</w> born</q><note placement="foot"><reference type="annotateRef">3:16 </reference>The phrase “only born” …</note><q who="Jesus"><w>Son</w>, that</q>`, OSIS,
			[]string{"his only born"}, nil},
		{`In <w>the</w> beginning<note type="crossReference"><reference>John 1:1</reference></note> God<note placement="foot">Or, gods</note> created.`, OSIS,
			[]string{"In the beginning God"}, []string{"In the beginning"}},
		{`No notes here.`, OSIS, nil, nil},
		{`word<RF>a note<Rf> more`, GBF, []string{"word"}, nil},
	} {
		tx := Render([]byte(c.src), c.kind)
		if len(tx.NoteAt) != len(tx.Notes) || len(tx.XRefAt) != len(tx.XRefs) {
			t.Errorf("%q: %d notes at %v, %d xrefs at %v", c.src, len(tx.Notes), tx.NoteAt, len(tx.XRefs), tx.XRefAt)
			continue
		}
		check := func(what string, at []int, want []string) {
			if len(at) != len(want) {
				t.Errorf("%q: %s at %v, want %d", c.src, what, at, len(want))
				return
			}
			for i, a := range at {
				if a > len(tx.Clean) || tx.Clean[:a] != want[i] {
					t.Errorf("%q: %s %d stands after %q, want after %q", c.src, what, i, tx.Clean[:min(a, len(tx.Clean))], want[i])
				}
			}
		}
		check("note", tx.NoteAt, c.notesAfter)
		check("cross-reference", tx.XRefAt, c.xrefsAfter)
	}
}
