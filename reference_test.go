package berean

import (
	"context"
	"testing"

	"berean/ask"
	"berean/xref"
)

// TestReferencesAgree: read, ask and xref name a verse for people the same
// way ("Jude 3": a book of one chapter has no chapter number), and in the
// book names of the quoted Bible's language when it has locale files.
func TestReferencesAgree(t *testing.T) {
	ctx := context.Background()
	eng := installedEngine(t)
	rd, err := eng.ReadIn(ctx, []string{"Jude 3"}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := rd.Passages[0].Reference; got != "Jude 3" {
		t.Errorf("read: %q, want Jude 3", got)
	}
	res, err := eng.Ask(ctx, AskRequest{Question: "earnestly contend for the faith which was once delivered unto the saints", Options: ask.Options{N: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || res.Results[0].OSIS != "Jude.1.3" || res.Results[0].Reference != "Jude 3" {
		t.Errorf("ask: %+v, want Jude.1.3 first as Jude 3", res.Results)
	}
	for _, h := range res.Results {
		if h.Reference == "" {
			t.Errorf("ask: %s has no reference", h.OSIS)
		}
	}
	x, err := eng.Xref(ctx, XrefRequest{Ref: "Jude 3", Options: xref.Options{N: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if x.Reference != "Jude 3" {
		t.Errorf("xref: %q, want Jude 3", x.Reference)
	}
	for _, l := range x.Related {
		if l.Reference == "" {
			t.Errorf("xref: %s has no reference", l.OSIS)
		}
	}
	// A list is joined as ref.HumanOSIS joins it, in any language.
	if got := eng.RefNamer("en")("John.3.16,Rom.8.34"); got != "John 3:16; Romans 8:34" {
		t.Errorf("English list: %q", got)
	}
	if eng.Locale("es") != nil {
		if got := eng.RefNamer("es")("John.3.16,Rom.8.34"); got != "Juan 3:16; Romanos 8:34" {
			t.Errorf("Spanish list: %q, want Juan 3:16; Romanos 8:34", got)
		}
	}
	// The Spanish Bible's answers are named in Spanish.
	if bs, err := eng.Bibles([]string{"RV1909"}); err == nil && len(bs) > 0 && eng.Locale(bs[0].Lang()) != nil {
		res, err := eng.Ask(ctx, AskRequest{Question: "Porque de tal manera amó Dios al mundo", Options: ask.Options{N: 3, Bible: "RV1909"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].Reference != "Juan 3:16" {
			t.Errorf("ask in the RV1909: %+v, want Juan 3:16 first", res.Results)
		}
	}
}
