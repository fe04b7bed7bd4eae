package markup

import (
	"reflect"
	"testing"
)

func TestLexeme(t *testing.T) {
	tests := []struct {
		name, src string
		want      Entry
	}{
		{"greek", "<entryFree n=\"01793\">\n    \n<orth>ἐντυγχάνω</orth>\n<orth type=\"writing\">E)NTUGXA/NW</orth>  \n<orth rend=\"bold\" type=\"trans\">entynchánō</orth>   \n<pron rend=\"italic\">en-toong-khan'-o</pron><lb/>\n <lb/>\n<def><orig>from <ref target=\"StrongsGreek:1722\">G1722</ref> and <ref target=\"StrongsGreek:5177\">G5177</ref>;</orig><lb/>\n to meet with;\n by extension to plead:--deal with.\n</def>\n</entryFree>",
			Entry{Key: "01793", Lemma: "ἐντυγχάνω", Translit: "entynchánō", Pron: "en-toong-khan'-o",
				Definition: "from G1722 and G5177;\nto meet with; by extension to plead:--deal with.",
				SeeAlso:    []string{"G1722", "G5177"},
				Lines:      []Line{{Text: "from G1722 and G5177;", RefAt: 21}, {Text: "to meet with; by extension to plead:--deal with.", RefAt: 48}}}},
		{"hebrew with osisRef and a wrong-testament target", "<entryFree n=\"123\">\n\t\t<orth>אדום</orth><lb/>\n\t\t<orth rend=\"bold\" type=\"trans\">'ĕdôm</orth>\n\t\t<pron rend=\"italic\">ed-ome'</pron><lb/>\n\t\t<def>From <ref target=\"StrongsHebrew:122\">H122</ref>; <hi rend=\"italic\">red</hi> (see <ref osisRef=\"Gen.25.25\">Gen 25:25</ref>); compare <ref target=\"StrongsGreek:06646\">H06646</ref> &amp; {more}</def>\n\t</entryFree>",
			Entry{Key: "123", Lemma: "אדום", Translit: "'ĕdôm", Pron: "ed-ome'",
				Definition: "From H122; red (see Gen 25:25); compare H06646 & {more}",
				Refs:       []string{"Gen.25.25"}, SeeAlso: []string{"H122", "H6646"},
				Lines: []Line{{Text: "From H122; red (see Gen 25:25); compare H06646 & {more}", Refs: []string{"Gen.25.25"}, RefAt: 19}}}},
		{"nave topic", "<entryFree n=\"INTERCESSION\">\n<def>\n<lb/>→ OF MAN <ref osisRef=\"1Sam.2.25\">1Sa 2:25</ref>\n<lb/>→ INSTANCES OF\n<list>\n<item>A for B <ref osisRef=\"Gen.37.21\">Ge 37:21</ref>,<ref osisRef=\"Gen.37.22\">22</ref></item>\n<item>&#8220;Quoted&#8221; <ref osisRef=\"Gen.37.21\">Ge 37:21</ref></item>\n</list>\n<lb/>→ See <ref target=\"Nave:PRAYER\">PRAYER</ref></def>\n</entryFree>",
			Entry{Key: "INTERCESSION",
				Definition: "→ OF MAN 1Sa 2:25\n→ INSTANCES OF\nA for B Ge 37:21,22\n“Quoted” Ge 37:21\n→ See PRAYER",
				Refs:       []string{"1Sam.2.25", "Gen.37.21", "Gen.37.22"}, SeeAlso: []string{"PRAYER"},
				// The text before a line's first link is its description.
				Lines: []Line{
					{Text: "→ OF MAN 1Sa 2:25", Refs: []string{"1Sam.2.25"}, RefAt: len("→ OF MAN")},
					{Text: "→ INSTANCES OF", RefAt: len("→ INSTANCES OF")},
					{Text: "A for B Ge 37:21,22", Refs: []string{"Gen.37.21", "Gen.37.22"}, RefAt: len("A for B")},
					{Text: "“Quoted” Ge 37:21", Refs: []string{"Gen.37.21"}, RefAt: len("“Quoted”")},
					{Text: "→ See PRAYER", RefAt: len("→ See PRAYER")},
				}}},
		{"one-chapter book repair", `<entryFree n="X"><def><ref osisRef="Jude.1.1">Jude 1</ref>:8-13; <ref osisRef="3John.1.1">3Jo 1</ref>:9,10 <ref osisRef="Obad.1.1">Ob 1</ref></def></entryFree>`,
			Entry{Key: "X", Definition: "Jude 1:8-13; 3Jo 1:9,10 Ob 1", Refs: []string{"Jude.1.8-Jude.1.13", "3John.1.9", "3John.1.10", "Obad.1.1"},
				Lines: []Line{{Text: "Jude 1:8-13; 3Jo 1:9,10 Ob 1", Refs: []string{"Jude.1.8-Jude.1.13", "3John.1.9", "3John.1.10", "Obad.1.1"}}}}},
		{"empty", "", Entry{}},
		{"broken", "<entryFree n=\"X\"><orth>a<def>b", Entry{Key: "X", Lemma: "a b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Lexeme([]byte(tc.src))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %#v\nwant %#v", got, tc.want)
			}
		})
	}
}
