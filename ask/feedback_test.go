package ask

import (
	"math"
	"testing"
)

// TestFeedbackFeature pins the feedback feature on a table of two topics:
// the first-pass candidates (John 17:20 scoring 2, Proverbs 28:20 scoring
// 1) form L = (1, ½); each topic is the vector of its verses as the pages
// feature weighs them; a topic lends each of its verses mean idf × cos(L,
// P) × P(verse) / max P.
func TestFeedbackFeature(t *testing.T) {
	tb := nameTable("topic\trefs\tsource_url\n"+
		"Christ's intercession\tHeb.7.25,Rom.8.34,John.17.20\thttps://a.example/intercession\n"+
		"gambling\tProv.28.20\thttps://a.example/gambling\n"+
		"creation\tGen.1.1\thttps://a.example/creation\n", pagesMinCov)
	w := &Weights{}
	w[FExact] = 1
	s := newScored(nil, w)
	s.vector(keyOf(t, "John.17.20"))[FExact] = 2
	s.vector(keyOf(t, "Prov.28.20"))[FExact] = 1
	const idf = 3.0
	s.feedback(tb, idf)

	// Intercession: P = (1, 5/6, 2/3) (places 1, 1 - ½·⅓, 1 - ½·⅔), so
	// |P| = √77 / 6; L·P = 1 × 2/3; |L| = √1.25.
	cosI := (2.0 / 3) / (math.Sqrt(1.25) * math.Sqrt(77) / 6)
	cosG := 0.5 / math.Sqrt(1.25) // gambling: P = (1), L·P = ½
	for _, c := range []struct {
		osis string
		want float64
	}{
		{"Heb.7.25", idf * cosI},
		{"Rom.8.34", idf * cosI * 5 / 6},
		{"John.17.20", idf * cosI * 2 / 3},
		{"Prov.28.20", idf * cosG},
		{"Gen.1.1", 0}, // no candidate is among its verses
	} {
		var got float64
		if v := s.fv[keyOf(t, c.osis)]; v != nil {
			got = v.Get(FFeedback)
		}
		if !stored(got, c.want) {
			t.Errorf("%s: feedback %.4f, want %.4f", c.osis, got, c.want)
		}
	}
	if p := s.fbOf[keyOf(t, "Heb.7.25")]; p.name != "Christ's intercession" {
		t.Errorf("fbOf Heb.7.25 = %+v, want Christ's intercession", p)
	}
	// No candidate scores: nothing is lent.
	s = newScored(nil, w)
	s.feedback(tb, idf)
	if len(s.keys) != 0 {
		t.Errorf("no candidates: %d verses got feedback", len(s.keys))
	}
}

// TestWhyFeedback: the feedback evidence reads as plain words.
func TestWhyFeedback(t *testing.T) {
	ev := []Evidence{{Feature: "feedback", Value: 1, Children: []Evidence{{Feature: "feedback", Match: "Christ's intercession", Source: "topical pages"}}}}
	want := "pages on 'Christ's intercession', which cite the verses that match best, cite it too"
	if got := Why(ev); len(got) != 1 || got[0] != want {
		t.Errorf("why %q, want %q", got, want)
	}
}
