package server

import (
	"net/url"
	"strings"

	"berean/xref"
)

// The Related panel under a passage: the quotations and parallels, and
// the cross-references (allusions among them) with at least relatedVotes
// votes, grouped by kind; "all" lists every link, topics included. The template
// credits the cross-reference data (xref.Attribution) as its licence asks.

const (
	relatedVotes = 10 // cross-references with fewer votes stay out of the panel
	relatedShort = 6  // cross-references shown in the panel
	relatedAll   = 60 // links of the full list
)

// xrefView lists the passages related to the passage read (one range).
type xrefView struct {
	Of, OSIS string
	Groups   []xrefGroup
	All      bool   // the full list is shown
	More     string // URL of the full list ("" when shown)
}

type xrefGroup struct {
	Kind, Title string
	Links       []xrefLink
}

type xrefLink struct {
	OSIS, Kind, Text, Why string
	Score                 float64
	Words                 string
	Votes                 int
}

var kindTitles = []struct{ kind, title string }{
	{xref.Quotation, "Quotations"}, {xref.Parallel, "Parallel accounts"}, {xref.Allusion, "Allusions"},
	{xref.CrossReference, "Cross-references"}, {xref.Topic, "Shared topics"},
}

// relatedView groups a result for the panel; all keeps every link.
func relatedView(of, query string, res *xref.Result, all bool) *xrefView {
	x := &xrefView{Of: of, OSIS: res.OSIS, All: all}
	shown := 0
	for _, kt := range kindTitles {
		g := xrefGroup{Kind: kt.kind, Title: kt.title}
		for _, l := range res.Related {
			if l.Kind != kt.kind {
				continue
			}
			if !all {
				// Allusions are cross-references with shared words: the
				// same threshold.
				data := l.Kind == xref.CrossReference || l.Kind == xref.Allusion
				if l.Kind == xref.Topic || data && (l.Evidence.Votes < relatedVotes || len(g.Links) >= relatedShort) {
					continue
				}
			}
			g.Links = append(g.Links, xrefLink{OSIS: l.OSIS, Kind: l.Kind, Text: l.Text, Why: l.Why, Score: l.Score,
				Words: strings.Join(l.Evidence.Words, " "), Votes: l.Evidence.Votes})
		}
		if len(g.Links) > 0 {
			x.Groups = append(x.Groups, g)
			shown += len(g.Links)
		}
	}
	if !all && (shown < len(res.Related) || len(res.Related) >= relatedAll) {
		v := url.Values{"ref": {query}, "related": {"all"}}
		x.More = "/read?" + v.Encode() + "#rel-h"
	}
	if shown == 0 && x.More == "" {
		return nil
	}
	return x
}
