package server

import (
	"strings"
	"testing"

	"berean/xref"
)

func TestRelatedView(t *testing.T) {
	res := &xref.Result{OSIS: "Ps.110.4", Related: []xref.Link{
		{OSIS: "Heb.7.21", Kind: xref.Quotation, Score: 0.94},
		{OSIS: "Heb.7.11", Kind: xref.Allusion, Score: 0.5, Evidence: xref.Evidence{Votes: 7}},
		{OSIS: "Isa.53.5", Kind: xref.Allusion, Score: 0.6, Evidence: xref.Evidence{Votes: 199}},
		{OSIS: "Gen.14.18", Kind: xref.CrossReference, Score: 0.24, Evidence: xref.Evidence{Votes: 19}},
		{OSIS: "Num.23.19", Kind: xref.CrossReference, Score: 0.1, Evidence: xref.Evidence{Votes: 3}},
		{OSIS: "Gen.14.20", Kind: xref.Topic, Score: 0.04},
	}}
	kinds := func(x *xrefView) string {
		var ks []string
		for _, g := range x.Groups {
			for range g.Links {
				ks = append(ks, g.Kind)
			}
		}
		return strings.Join(ks, ",")
	}
	for _, tc := range []struct {
		name  string
		all   bool
		kinds string
		more  bool
	}{
		{"panel: quotations, allusions, cross-references with 10+ votes", false, "quotation,allusion,cross-reference", true},
		{"full list", true, "quotation,allusion,allusion,cross-reference,cross-reference,topic", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := relatedView("Psalm 110:4", "Ps 110:4", res, tc.all)
			if x == nil {
				t.Fatal("no view")
			}
			if got := kinds(x); got != tc.kinds {
				t.Errorf("kinds %s, want %s", got, tc.kinds)
			}
			if (x.More != "") != tc.more || tc.more && !strings.Contains(x.More, "related=all") {
				t.Errorf("more link %q", x.More)
			}
		})
	}
	if x := relatedView("Jude 3", "Jude 3", &xref.Result{OSIS: "Jude.1.3"}, false); x != nil {
		t.Errorf("empty result gave a panel: %+v", x)
	}
}
