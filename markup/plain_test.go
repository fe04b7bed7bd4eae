package markup

import "testing"

// Synthetic entries with the structures of sword-format §5.2's examples;
// the expected strings follow libsword 1.9's filters (and were checked
// against diatheke on the real verses by corpus's agreement test).
func TestPlain(t *testing.T) {
	tests := []struct {
		name, src     string
		heading, body string
	}{
		{"psalm title in pre-verse div (3 spaces)",
			`<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A <w lemma="strong:H4210">Song</w> of Asaph.</title> <lg sID="g1"/> <l level="1" sID="g2"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/><divineName><w lemma="strong:H3068">LORD</w></divineName>, how many. <l eID="g2" level="1"/>`,
			"A Song of Asaph.\n   ", "LORD, how many. \n"},
		{"poetry lines", `Yah, how <w lemma="strong:H1">many</w>!<l eID="g1" level="1"/> <l level="2" sID="g2"/>Many rise. <l eID="g2" level="2"/>`,
			"", "Yah, how many!\nMany rise. \n"},
		{"pilcrow and paragraph milestone", `<div sID="g1" type="x-p"/> ¶ For <w lemma="strong:G2316">God</w> so.`, "", " ¶ For God so."},
		{"note deleted between words", `<w lemma="strong:H0430">Alpha</w><note placement="foot"><reference type="annotateRef">1:1 </reference>The word “x” (y).</note><w lemma="strong:H1254">made</w> it. `, "", "Alphamade it."},
		{"trailing space kept after a tag", `only born</q><note placement="foot">n</note><q marker=""><w>Son</w>. </q>`, "", "only bornSon. "},
		{"cross reference removed", `x,<note type="crossReference"><reference subType="x-origin" type="annotateRef">2:6 </reference><reference>Amos 8:10</reference></note>“Y”`, "", "x,“Y”"},
		{"escapes deleted by the heading filter", `TR &amp; NU &lt;x&gt;`, "", "TR  NU x"},
		{"non-canonical title dropped", `<title type="main">Head</title>Text`, "", "Text"},
		{"canonical title in body", `<title canonical="true">Psalm</title>Text`, "", "Psalm\nText"},
		{"divineName upper-cases the last text", `the <divineName>Lord</divineName> said`, "", "the LORD said"},
		{"lb drops the next space", `a<lb type="x-p"/> b`, "", "a\nb"},
		{"milestone line is not a break", `a<milestone type="line"/> b<milestone type="x-usfm-toc1" n="x"/> c`, "", "a b\nc"},
		{"nested note leaves a bracket", `a<note>x<note>y</note>z</note>b`, "", "az] b"},
		{"self-closing note", `a<note n="1"/>b`, "", "a [b"},
		{"hi", `a <hi type="bold">b</hi> c`, "", "a * b * c"},
		{"prepText", "\n\nline one\nline two\r\nthree \n ", "", "line one line two three"},
		{"empty", ``, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, b := Plain([]byte(tc.src), OSIS)
			if h != tc.heading || b != tc.body {
				t.Errorf("Plain = %q, %q; want %q, %q", h, b, tc.heading, tc.body)
			}
		})
	}
}

func TestPlainCrossRefWithoutScripref(t *testing.T) {
	// A conf without OSISScripref prints cross-reference notes in brackets.
	src := `x,<note type="crossReference"><reference type="annotateRef">2:6 </reference><reference>Amos 8:10</reference></note> y`
	_, b := PlainFilters([]byte(src), OSIS, Filters{Footnotes: true, Headings: true})
	if want := "x, [2:6 Amos 8:10]  y"; b != want {
		t.Errorf("got %q, want %q", b, want)
	}
	// No footnote filter at all: the note text stays, in brackets.
	_, b = PlainFilters([]byte(`a<note>n</note> b`), OSIS, Filters{})
	if want := "a [n]  b"; b != want {
		t.Errorf("got %q, want %q", b, want)
	}
}

func TestPlainTEI(t *testing.T) {
	src := "<entryFree n=\"01793\">\n    \n<orth>ἐντυγχάνω</orth>\n<orth type=\"writing\">E)NTUGXA/NW</orth>  \n<pron rend=\"italic\">en-toong</pron><lb/>\n <lb/>\n<def><orig>from <ref target=\"StrongsGreek:1722\">G1722</ref>;</orig><lb/>\n to meet &#8220;x&#8221; &amp; y.\n</def>\n<list><item>one</item></list></entryFree>"
	_, b := Plain([]byte(src), TEI)
	want := "01793.      ἐντυγχάνω E)NTUGXA/NW   en-toong  from G1722; to meet x & y.  \n\t* one\n\n"
	if b != want {
		t.Errorf("got  %q\nwant %q", b, want)
	}
}

func TestFiltersOf(t *testing.T) {
	f := FiltersOf([]string{"OSISStrongs", "OSISFootnotes", "OSISHeadings", "OSISRedLetterWords"})
	if f != (Filters{Footnotes: true, Headings: true}) {
		t.Errorf("FiltersOf = %+v", f)
	}
}

func BenchmarkPlain(b *testing.B) {
	src := []byte(`<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A <w lemma="strong:H4210">Song</w></title> <lg sID="g1"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/><w lemma="strong:G3606">Therefore</w> he is <transChange type="added">able</transChange>,<note placement="foot"><reference type="annotateRef">7:25 </reference>Or, completely</note> to save. `)
	for b.Loop() {
		Plain(src, OSIS)
	}
}
