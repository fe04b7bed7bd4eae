package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		`<w lemma="strong:G1793">intercession</w> <w lemma="strong:G0846">them</w>. `,                           // words with Strong's
		`<w>God</w><note placement="foot"><reference type="annotateRef">1:1 </reference>n</note><w>created</w>`, // note glue
		`<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true">T</title><div type="x-milestone" subType="x-preverse" eID="pv1"/>x`,
		`<q who="Jesus">open`, `</q></w>close`, `a<note>x<note>y</note>z</note>b`, // unbalanced, nested
		`&amp;&#8220;&#xZZ;&bogus; & <`, `<w lemma="strong:G1`, `<!-- -->`, `\nd x\+nd*`, // entities, truncation, USFM
		`<WG25><RF>n<Rf><FR>r<Fr><CA65>`, `<sync type="Strongs" value="G25"/><div class="sechead">h</div>`, // GBF, ThML
		"\xff\xfe<w>\x00</w>", // invalid UTF-8
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, src []byte, k uint8) {
		kind := Kind(k % 5)
		tx := Render(src, kind)
		// A "<" in Clean is residue unless the source spells one: an entity,
		// or GBF's character escape <CA60> (the character of code 60).
		escaped := strings.Contains(string(src), "&") || kind == GBF && strings.Contains(string(src), "<CA")
		if kind != PlainText && !escaped && strings.Contains(tx.Clean, "<") {
			t.Fatalf("tag residue in Clean %q from %q", tx.Clean, src)
		}
		if tx.Clean != strings.TrimSpace(tx.Clean) || strings.Contains(tx.Clean, "  ") {
			t.Fatalf("whitespace not normalised: %q", tx.Clean)
		}
		if !utf8.ValidString(tx.Clean) {
			t.Fatalf("invalid UTF-8 in Clean %q", tx.Clean)
		}
		last := 0
		for _, w := range tx.Words {
			if w.Start < last || w.End <= w.Start || w.End > len(tx.Clean) || tx.Clean[w.Start:w.End] != w.Text {
				t.Fatalf("bad word %+v in %q", w, tx.Clean)
			}
			last = w.End
		}
		for _, r := range tx.Red {
			if r[0] < 0 || r[1] > len(tx.Clean) || r[0] >= r[1] {
				t.Fatalf("bad red range %v in %q", r, tx.Clean)
			}
		}
		if len(tx.NoteAt) != len(tx.Notes) || len(tx.XRefAt) != len(tx.XRefs) {
			t.Fatalf("%d notes at %v, %d cross-references at %v", len(tx.Notes), tx.NoteAt, len(tx.XRefs), tx.XRefAt)
		}
		for _, at := range [][]int{tx.NoteAt, tx.XRefAt} {
			for i, a := range at {
				if a < 0 || a > len(tx.Clean) || i > 0 && a < at[i-1] || a < len(tx.Clean) && !utf8.RuneStart(tx.Clean[a]) {
					t.Fatalf("note offsets %v in %q", at, tx.Clean)
				}
			}
		}
		Plain(src, kind)
		Lexeme(src)
	})
}

func FuzzPlain(f *testing.F) {
	for _, s := range []string{
		`<div type="x-milestone" subType="x-preverse" sID="pv1"/><title canonical="true" type="psalm">A</title> <lg sID="g1"/> <div type="x-milestone" subType="x-preverse" eID="pv1"/>x<l eID="g1"/>`,
		`a &amp b <c d="&x;"> > ; <note type="crossReference">x</note></note>`, `<hi rend="ol">x</hi><divineName>y</divineName><milestone type="x"/>`,
		"\r\n\n\x00tail",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, fl := range []Filters{StandardFilters, {}, {Footnotes: true}} {
			PlainFilters(src, OSIS, fl)
		}
	})
}
