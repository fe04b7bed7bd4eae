package xref

import (
	"context"
	"testing"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
)

// precisionPairs are hand-checked against the KJV and WEB texts: the kind
// a link from From to To must have ("" with notQuote: whatever it is, and
// whether it is listed at all, it must not be a quotation).
var precisionPairs = []struct {
	from, to string
	kind     string
	notFirst bool // To must not be the first link
}{
	// Quotations: a run of 4 content words, or 3 after a formula.
	{"Ps.110.4", "Heb.5.6", Quotation, false},     // "priest forever ... order of Melchizedek" (WEB), "saith"
	{"Ps.110.4", "Heb.7.17", Quotation, false},    // the same, "he testifieth"
	{"Ps.110.4", "Heb.7.21", Quotation, false},    // "will not repent, Thou art a priest for ever"
	{"Matt.3.3", "Isa.40.3", Quotation, false},    // "the voice of one crying in the wilderness"
	{"Isa.40.3", "Matt.3.3", Quotation, false},    // the same, from the Old Testament side
	{"Matt.1.23", "Isa.7.14", Quotation, false},   // "shall call his name Immanuel"
	{"Rom.1.17", "Hab.2.4", Quotation, false},     // "the just shall live by faith", "it is written"
	{"Hab.2.4", "Rom.1.17", Quotation, false},     // from the Old Testament side
	{"Matt.4.6", "Ps.91.12", Quotation, false},    // "dash thy foot against a stone"
	{"Rom.12.20", "Prov.25.22", Quotation, false}, // "heap coals of fire on his head"
	{"Matt.2.18", "Jer.31.15", Quotation, false},  // "a voice heard in Ramah, lamentation"
	{"Matt.4.7", "Deut.6.16", Quotation, false},   // "not tempt the Lord thy God", "it is written"
	{"Matt.5.38", "Exod.21.24", Quotation, false}, // "eye for eye, tooth for tooth"
	{"Matt.15.8", "Isa.29.13", Quotation, false},  // "draw near ... mouth ... honour ... lips"
	{"Matt.19.5", "Gen.2.24", Quotation, false},   // "leave father and mother, and cleave to his wife"
	{"Gen.2.24", "Matt.19.5", Quotation, false},   // from the Old Testament side
	{"Matt.21.5", "Zech.9.9", Quotation, false},   // "riding on a donkey, on a colt, the foal of a donkey" (WEB)
	{"Matt.21.13", "Isa.56.7", Quotation, false},  // "my house shall be called an house of prayer"
	{"Matt.22.32", "Exod.3.6", Quotation, false},  // "the God of Abraham, the God of Isaac, and the God of Jacob"
	{"Matt.22.44", "Ps.110.1", Quotation, false},  // "sit on my right hand, till I make thine enemies thy footstool"
	{"Matt.26.31", "Zech.13.7", Quotation, false}, // "smite the shepherd, and the sheep", "it is written"
	{"Luke.4.18", "Isa.61.1", Quotation, false},   // "anointed me to preach good tidings" (WEB: good news)
	{"John.2.17", "Ps.69.9", Quotation, false},    // "the zeal of thine house hath eaten me up"
	{"John.13.18", "Ps.41.9", Quotation, false},   // "eat bread ... lifted up his heel against me"
	{"John.19.24", "Ps.22.18", Quotation, false},  // "parted my garments ... cast lots"
	{"Acts.2.17", "Joel.2.28", Quotation, false},  // "pour out my spirit upon all flesh"
	{"Acts.2.34", "Ps.110.1", Quotation, false},   // "The LORD said unto my Lord, Sit thou on my right hand"
	{"Heb.1.13", "Ps.110.1", Quotation, false},    // "until I make your enemies the footstool of your feet" (WEB)
	{"Heb.8.8", "Jer.31.31", Quotation, false},    // "days come ... new covenant with the house of Israel"
	{"Deut.6.5", "Matt.22.37", Quotation, false},  // "love the Lord thy God with all thy heart ... soul": common words, a run of 5
	// Parallels: the same episode told twice.
	{"2Kgs.19.1", "Isa.37.1", Parallel, false},    // Hezekiah rent his clothes
	{"Matt.14.19", "Mark.6.41", Parallel, false},  // the five loaves
	{"Matt.14.19", "Luke.9.16", Parallel, false},  // the five loaves
	{"2Sam.22.3", "Ps.18.2", Parallel, false},     // David's song
	{"1Chr.17.12", "2Sam.7.13", Parallel, false},  // "He shall build me an house"
	{"Matt.26.26", "Mark.14.22", Parallel, false}, // "Take, eat: this is my body"
	{"2Chr.34.1", "2Kgs.22.1", Parallel, false},   // Josiah eight years old
	{"1Chr.10.1", "1Sam.31.1", Parallel, false},   // the Philistines fought against Israel on Gilboa
	{"Matt.12.1", "Luke.6.1", Parallel, false},    // plucking the ears of corn
	{"Mark.10.14", "Luke.18.16", Parallel, false}, // "Suffer the little children"
	{"2Kgs.18.13", "Isa.36.1", Parallel, false},   // the fourteenth year of Hezekiah
	{"Matt.24.35", "Mark.13.31", Parallel, false}, // "Heaven and earth shall pass away"
	{"Matt.8.2", "Mark.1.40", Parallel, false},    // the leper
	{"1Kgs.22.30", "2Chr.18.29", Parallel, false}, // "I will disguise myself"
	{"Luke.8.5", "Mark.4.3", Parallel, false},     // the sower
	// Allusions: distinctive words below the bar, with a cross-reference.
	{"Isa.53.5", "1Pet.2.24", Allusion, false}, // "with his stripes we are healed" / "by whose stripes ye were healed"
	{"Rom.9.13", "Mal.1.2", Allusion, false},   // "Jacob have I loved, but Esau have I hated": word order differs
	{"1Pet.1.24", "Isa.40.7", Allusion, false}, // "the grass withereth, and the flower" (fadeth / falleth away)
	{"Luke.4.18", "Ps.147.3", Allusion, false}, // "heal the brokenhearted": the formula introduces Isa 61:1
	{"Ps.110.4", "Heb.7.11", Allusion, false},  // "after the order of Melchisedec" only
	{"Ps.22.1", "Matt.27.46", Allusion, false}, // "My God, my God, why hast thou forsaken me": 3 content words
	// Cross-references: the open data's pairs, no shared wording.
	{"Ps.23.1", "John.10.11", CrossReference, false}, // "I am the good shepherd"
	{"Ps.23.1", "Phil.4.19", CrossReference, false},  // "my God shall supply all your need"
	{"Heb.7.25", "Rom.8.34", CrossReference, false},  // "who also maketh intercession for us"
	{"Heb.7.25", "1Tim.2.5", CrossReference, false},  // "one mediator"
	// Never quotations: shared common words, or nothing.
	{"Ps.23.1", "Matt.14.5", "", false},
	{"Ps.23.1", "Luke.22.2", "", false},
	{"Ps.23", "Matt.14.5", "", false},
	{"Ps.23", "Luke.22.2", "", false},
	{"Heb.7.25", "Ps.21.6", "", false},
	{"Heb.7.25", "Exod.33.20", "", false},
	{"Heb.7.25", "Isa.53.12", "", false}, // "made intercession for the transgressors": two words
	{"Isa.53.5", "Exod.32.6", "", true},
	{"Matt.1.23", "Gen.16.11", "", false},   // "call his name": common words, the formula is Isaiah's
	{"Ps.147.3", "Luke.4.18", "", false},    // from the Old Testament side too
	{"Matt.14.19", "Mark.8.6", "", false},   // the four thousand: another feeding
	{"Jude.1.3", "Ps.62.2", "", false},      // "only", "salvation"
	{"John.3.16", "Num.21.9", "", false},    // the serpent: an allusion at most
	{"Acts.2.17", "Isa.44.3", "", false},    // "pour my spirit": two words
	{"Matt.5.3", "Isa.57.15", "", false},    // "contrite and humble spirit"
	{"Rom.3.23", "Eccl.7.20", "", false},    // the sense, not the words
	{"Heb.7.25", "Ps.110.4", "", false},     // Hebrews 7 quotes it elsewhere, not in verse 25
	{"Matt.26.26", "Mark.14.22", "", false}, // a parallel, never a quotation
}

func TestPrecision(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	if len(precisionPairs) < 60 {
		t.Fatalf("%d pairs: the table must keep at least 60", len(precisionPairs))
	}
	for _, p := range precisionPairs {
		t.Run(p.from+"->"+p.to, func(t *testing.T) {
			res, err := f.Related(context.Background(), p.from, Options{N: 100, NoText: true})
			if err != nil {
				t.Fatal(err)
			}
			want, _, ok := versekey.Span(p.to)
			if !ok {
				t.Fatalf("bad reference %s", p.to)
			}
			var got *Link
			for i := range res.Related {
				if l := &res.Related[i]; l.Ord <= want && want <= l.End {
					got = l
					break
				}
			}
			if p.notFirst && len(res.Related) > 0 && res.Related[0].Ord <= want && want <= res.Related[0].End {
				t.Errorf("%s is the first link of %s", p.to, p.from)
			}
			switch {
			case p.kind == "" && got != nil && got.Kind == Quotation:
				t.Errorf("%s -> %s labelled quotation (%+v)", p.from, p.to, got.Evidence)
			case p.kind != "" && got == nil:
				t.Errorf("%s -> %s not among the first 100 links", p.from, p.to)
			case p.kind != "" && got.Kind != p.kind:
				t.Errorf("%s -> %s is %s, want %s (%+v)", p.from, p.to, got.Kind, p.kind, got.Evidence)
			}
		})
	}
}

// TestEveryQuotation walks every quotation the index yields (every verse
// of the Bible against the other testament) and checks its evidence against the
// rule: a run of at least 4 content words, or 3 after an introductory
// formula, found consecutively in both texts of the Bible named.
func TestEveryQuotation(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every New Testament verse")
	}
	ix := devIndex(t)
	f := New(ix)
	f.setup()
	stop := stopStems()
	content := func(bible string, lo, hi int) []string {
		for _, x := range f.words {
			if x.b.Name() != bible {
				continue
			}
			var out []string
			for k := lo; k <= hi; k++ {
				if d := x.doc(k); d >= 0 {
					for _, w := range index.Words(x.b.Text(d)) {
						if !stop[index.StemTerm(w)] {
							out = append(out, w)
						}
					}
				}
			}
			return out
		}
		return nil
	}
	// hasRun reports whether the stems of run occur consecutively in words.
	hasRun := func(words, run []string) bool {
		st := func(w string) string { return index.StemTerm(w) }
		for i := 0; i+len(run) <= len(words); i++ {
			ok := true
			for j := range run {
				if st(words[i+j]) != st(run[j]) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		return false
	}
	n := 0
	for k := 0; k < canon.KJV().VerseCount(); k++ {
		res, err := f.RelatedOrds(context.Background(), k, k, Options{N: 100, Kinds: []string{Quotation}, NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range res.Related {
			n++
			e := l.Evidence
			if l.Kind != Quotation {
				t.Fatalf("%s: kind %s under Kinds quotation", l.OSIS, l.Kind)
			}
			if versekey.IsOT(l.Ord) == versekey.IsOT(k) {
				t.Errorf("%s -> %s: a quotation within a testament", versekey.OSIS(k, k), l.OSIS)
			}
			runOK := len(e.Words) >= quoteRun || len(e.Words) >= formulaRun && e.Formula != ""
			if !runOK {
				t.Errorf("%s -> %s: run %q (formula %q) is below the bar", versekey.OSIS(k, k), l.OSIS, e.Words, e.Formula)
				continue
			}
			if e.Formula != "" {
				ntLo, ntHi := k, k
				if versekey.IsOT(k) {
					ntLo, ntHi = l.Ord, l.End
				}
				if _, ok := hasFormula(f.text(f.bibleNamed(e.Bible), ntLo-1, ntHi)); !ok {
					t.Errorf("%s -> %s: formula %q not in the New Testament text", versekey.OSIS(k, k), l.OSIS, e.Formula)
				}
			}
			if !hasRun(content(e.Bible, k, k), e.Words) || !hasRun(content(e.Bible, l.Ord, l.End), e.Words) {
				t.Errorf("%s -> %s: run %q not in both texts of the %s", versekey.OSIS(k, k), l.OSIS, e.Words, e.Bible)
			}
		}
	}
	t.Logf("%d quotations checked", n)
	if n < 200 {
		t.Errorf("only %d quotations in the whole Bible", n)
	}
}
