package berean

import (
	"context"
	"os"
	"strings"
	"testing"

	"berean/ask"
)

// installedEngine is an Engine over the installed SWORD modules, closed
// when the test ends; the test is skipped when they are absent.
func installedEngine(t *testing.T) *Engine {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d"); err != nil {
		t.Skip("installed SWORD modules not available")
	}
	eng, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// TestLangNote: a question or topic in a language that no installed Bible
// has is answered from the default language's Bibles and says so; a
// question in a language that has Bibles says nothing.
func TestLangNote(t *testing.T) {
	ctx := context.Background()
	eng := installedEngine(t)
	const french = "Où la Bible dit-elle que Jésus intercède pour nous ?"
	if len(eng.corpus.BiblesIn("fr")) > 0 {
		t.Skip("a French Bible is installed")
	}
	res, err := eng.Ask(ctx, AskRequest{Question: french, Options: ask.Options{N: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Note, "French (fr)") || !strings.Contains(res.Note, "English (en)") {
		t.Errorf("French question: note %q, want it to name French and English", res.Note)
	}
	st, err := eng.Study(ctx, StudyRequest{Topic: french})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(st.Note, "the topic looks French (fr)") || !strings.Contains(st.Markdown(), "_Note: the topic looks French") {
		t.Errorf("French topic: note %q, want it in the study and its Markdown", st.Note)
	}
	quiet := []string{"Where does the Bible say God is love?"}
	if len(eng.corpus.BiblesIn("es")) > 0 {
		quiet = append(quiet, "¿Dónde dice la Biblia que Dios es amor?")
	}
	for _, q := range quiet {
		res, err := eng.Ask(ctx, AskRequest{Question: q, Options: ask.Options{N: 3}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Note != "" {
			t.Errorf("%q: note %q, want none", q, res.Note)
		}
	}
	// A question that names its Bible gets no note: the Bible decides.
	res, err = eng.Ask(ctx, AskRequest{Question: french, Options: ask.Options{N: 3, Bible: "KJV"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Note != "" {
		t.Errorf("French question, KJV named: note %q, want none", res.Note)
	}
}

// TestStudyReferenceLang: a topic that is a reference in the book names of
// an installed Bible's language is studied in that language ("Juan 3:16"
// quotes the Spanish Bible); one that does not exist is invalid_reference.
func TestStudyReferenceLang(t *testing.T) {
	ctx := context.Background()
	eng := installedEngine(t)
	if len(eng.corpus.BiblesIn("es")) == 0 || eng.Locale("es") == nil {
		t.Skip("no Spanish Bible or Spanish book names installed")
	}
	st, err := eng.Study(ctx, StudyRequest{Topic: "Juan 3:16"})
	if err != nil {
		t.Fatal(err)
	}
	if bs, err := eng.Bibles(nil); err == nil && st.Bible == bs[0].Name() {
		t.Errorf("studied in %s, the default Bible, want the Spanish one", st.Bible)
	}
	found := false
	for _, p := range st.Sections[1].Passages {
		if strings.HasPrefix(p.OSIS, "John.3.") {
			found = true
			if !strings.HasPrefix(p.Ref, "Juan 3:") {
				t.Errorf("%s is named %q, want the Spanish name (Juan 3:...)", p.OSIS, p.Ref)
			}
		}
	}
	if !found {
		t.Errorf("John 3:16 is not in the New Testament section: %+v", st.Sections[1].Passages)
	}
	for _, topic := range []string{"Juan 22", "John 22"} {
		_, err := eng.Study(ctx, StudyRequest{Topic: topic})
		if code, _ := ErrorCode(err); code != CodeInvalidReference {
			t.Errorf("%s: %v (code %q), want invalid_reference", topic, err, code)
		}
		_, err = eng.Ask(ctx, AskRequest{Question: topic})
		if code, _ := ErrorCode(err); code != CodeInvalidReference {
			t.Errorf("ask %s: %v (code %q), want invalid_reference", topic, err, code)
		}
	}
	// ask too: the passage, quoted from the Spanish Bible.
	res, err := eng.Ask(ctx, AskRequest{Question: "Juan 3:16"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || res.Results[0].OSIS != "John.3.16" {
		t.Errorf("ask Juan 3:16: %+v", res)
	}
	if res.Bible != st.Bible {
		t.Errorf("ask Juan 3:16 quoted from %s, the study from %s", res.Bible, st.Bible)
	}
}
