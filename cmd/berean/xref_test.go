package main

import (
	"bytes"
	"strings"
	"testing"

	"berean/ref"
	"berean/xref"
)

func TestHumanOSIS(t *testing.T) {
	for _, tc := range []struct{ osis, want string }{
		{"Jude.1.3", "Jude 3"},
		{"Jude.1.3-Jude.1.5", "Jude 3-5"},
		{"Obad.1.21", "Obadiah 21"},
		{"3John.1.14", "3 John 14"},
		{"Heb.7.25", "Hebrews 7:25"},
		{"1Pet.2.24-1Pet.2.25", "1 Peter 2:24-25"},
		{"Ps.91.11-Ps.91.12", "Psalm 91:11-12"},
		{"Heb.6.13-Heb.7.2", "Hebrews 6:13-7:2"},
		{"Lev.16", "Leviticus 16"},
		{"Ps.22-Ps.23", "Psalms 22-23"},
		{"Gen", "Genesis"},
		{"Gen-Rev", "Genesis-Revelation"},
		{"Jude", "Jude"},
		{"Gen.50.26-Exod.1.1", "Genesis 50:26-Exodus 1:1"},
	} {
		if got := ref.HumanOSIS(tc.osis); got != tc.want {
			t.Errorf("ref.HumanOSIS(%q) = %q, want %q", tc.osis, got, tc.want)
		}
	}
}

func TestRenderXref(t *testing.T) {
	res := &xref.Result{OSIS: "Ps.110.4", Related: []xref.Link{
		{OSIS: "Heb.5.6", Kind: xref.Quotation, Score: 0.9, Text: "As he saith", Why: `shares "priest forever order melchizedek" (WEB)`,
			Evidence: xref.Evidence{Words: []string{"priest", "forever", "order", "melchizedek"}, Votes: 22}},
	}}
	var b bytes.Buffer
	renderXref(&b, res, ref.HumanOSIS)
	out := b.String()
	for _, want := range []string{"Psalm 110:4", "Hebrews 5:6", "quotation", "0.90", "priest forever order melchizedek", "OpenBible.info", "CC BY 4.0"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	renderXref(&b, &xref.Result{OSIS: "Jude.1.3"}, ref.HumanOSIS)
	if !strings.Contains(b.String(), "no related passages") || strings.Contains(b.String(), "OpenBible") {
		t.Errorf("empty result:\n%s", b.String())
	}
}
