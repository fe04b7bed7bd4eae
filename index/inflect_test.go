package index

import (
	"context"
	"iter"
	"slices"
	"testing"

	"berean/canon"
)

// thesSource is a fakeSource that also offers a thesaurus with irregular
// plurals.
type thesSource struct {
	*fakeSource
	entries []ThesaurusEntry
}

func (s *thesSource) Thesaurus(ctx context.Context) iter.Seq2[ThesaurusEntry, error] {
	return seqOf(s.entries)
}

// langBible is a fakeBible in a language.
type langBible struct {
	*fakeBible
	lang string
}

func (b *langBible) Lang() string { return b.lang }

// TestInflect: INFLECT relates a word and its irregular plural both ways
// when an English Bible writes the other in lower case; a name ("Bani",
// only capitalised) and a word of a Bible in another language ("ora")
// are no plurals.
func TestInflect(t *testing.T) {
	ix, err := Build(context.Background(), inflectSource(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tc := range []struct {
		stem string
		want []string
	}{
		{StemTerm("brother"), []string{StemTerm("brethren")}},
		{StemTerm("brethren"), []string{StemTerm("brother")}},
		{StemTerm("children"), []string{StemTerm("child")}},
		{StemTerm("ban"), nil},
		{StemTerm("os"), nil},
		{StemTerm("worry"), nil},
	} {
		if got := ix.Inflections(tc.stem); !slices.Equal(got, tc.want) {
			t.Errorf("Inflections(%q) = %q, want %q", tc.stem, got, tc.want)
		}
	}
}

// inflectSource is testSource with an English Bible writing a plural and
// a name, a Spanish one, and a thesaurus with irregular plurals (no open
// cross-references).
func inflectSource() Source {
	src := testSource()
	src.bibles = append(src.bibles, &fakeBible{name: "TNM", module: "engTNM", sys: canon.KJV(), verses: []Verse{
		verse("Matt", 12, 46, "His mother and his brethren stood without, and Bani."),
		verse("Matt", 12, 47, "A brother and a child; the children."),
	}}, &langBible{&fakeBible{name: "TES", module: "spaTES", sys: canon.KJV(), verses: []Verse{
		verse("Matt", 6, 9, "Vosotros pues, ora asi."),
	}}, "es"})
	ts := &thesSource{fakeSource: src, entries: []ThesaurusEntry{
		{Word: "brother", Forms: []string{"brethren"}},
		{Word: "child", Forms: []string{"children"}},
		{Word: "ban", Forms: []string{"bani"}},
		{Word: "os", Forms: []string{"ora"}},
		{Word: "worry", Related: []ThesaurusWord{{Word: "care", Weight: 0.5}}},
	}}
	return thesNoXrefs{ts}
}

// thesNoXrefs leaves the open cross-references out, as noXrefs does.
type thesNoXrefs struct{ *thesSource }

func (thesNoXrefs) CrossRefs() bool { return false }
