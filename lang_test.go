package berean

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"berean/ask"
	"berean/study"
	"berean/verify"
)

// langLibrary makes a library root of symbolic links to the installed
// modules: every conf of mods.d except those named in without, and the
// modules tree. It skips the test when the modules are absent.
func langLibrary(t *testing.T, without ...string) string {
	t.Helper()
	const sys = "/usr/share/sword"
	confs, err := filepath.Glob(filepath.Join(sys, "mods.d", "*.conf"))
	if err != nil || len(confs) == 0 {
		t.Skip("installed SWORD modules not available")
	}
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "mods.d"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"modules", "locales.d"} {
		if _, err := os.Stat(filepath.Join(sys, d)); err != nil {
			continue
		}
		if err := os.Symlink(filepath.Join(sys, d), filepath.Join(root, d)); err != nil {
			t.Fatal(err)
		}
	}
outer:
	for _, c := range confs {
		for _, w := range without {
			if strings.EqualFold(filepath.Base(c), w) {
				continue outer
			}
		}
		if err := os.Symlink(c, filepath.Join(root, "mods.d", filepath.Base(c))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// langRun is what the English features answer on one library, as JSON.
type langRun struct {
	verify map[string]string // article -> report
	ask    map[string]string // question -> result
	study  map[string]string // topic -> study
}

func runEnglish(t *testing.T, root string, articles, questions, topics []string, extra func(*Engine)) langRun {
	t.Helper()
	ctx := context.Background()
	eng, err := Open(Options{SwordPaths: []string{root}, OnlyPaths: true, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if extra != nil {
		extra(eng)
	}
	out := langRun{verify: map[string]string{}, ask: map[string]string{}, study: map[string]string{}}
	deps, err := eng.verifyDeps(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		in, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := verify.Article(ctx, in, deps)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		out.verify[a] = asJSON(t, rep)
	}
	as, err := eng.asker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range questions {
		res, err := as.Ask(ctx, q, ask.Options{N: 10})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		out.ask[q] = asJSON(t, res)
	}
	st, err := eng.studier(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, topic := range topics {
		res, err := st.Study(ctx, topic, study.Options{})
		if err != nil {
			t.Fatalf("%q: %v", topic, err)
		}
		out.study[topic] = res.Markdown()
	}
	return out
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// devQuestions reads the question column of a dev question set, if present.
func devQuestions(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		if fs := strings.Split(sc.Text(), "\t"); len(fs) > 1 && fs[1] != "" {
			out = append(out, fs[1])
		}
	}
	return out
}

// TestEnglishUnchangedByOtherLanguages runs verify on the articles, ask on
// the dev questions and study on a few topics over a library with and
// without the Spanish RV1909, and asserts identical results: a Bible of
// another language changes no English figure.
func TestEnglishUnchangedByOtherLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two indexes")
	}
	if _, err := os.Stat("/usr/share/sword/mods.d/spaRV1909eb.conf"); err != nil {
		t.Skip("the Spanish RV1909 (sword-text-sparv) is not installed")
	}
	articles, _ := filepath.Glob("verify/testdata/*.md")
	txt, _ := filepath.Glob("verify/testdata/*.txt")
	articles = append(articles, txt...)
	if _, err := os.Stat("../shared/data/articles/intercession.txt"); err == nil {
		articles = append(articles, "../shared/data/articles/intercession.txt")
	}
	saying := filepath.Join(t.TempDir(), "saying.txt")
	if err := os.WriteFile(saying, []byte("As the Bible says, \"God helps those who help themselves\" (John 3:16).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	articles = append(articles, saying)
	questions := append(devQuestions("../shared/data/qa-dev.tsv"),
		"Where does the Bible say Jesus lives to make intercession for us?",
		"What does the Bible say about love?")
	topics := []string{"Jesus makes intercession for us", "forgiveness"}

	with := runEnglish(t, langLibrary(t), articles, questions, topics, func(eng *Engine) {
		spanishAsk(t, eng)
		// Every English question is served in English; a short Spanish
		// one without function words to tell is Spanish by its words.
		for _, q := range append(questions, topics...) {
			if l, err := eng.questionLang(context.Background(), "", q); err != nil || l != "en" {
				t.Errorf("questionLang(%q) = %q, %v; want en", q, l, err)
			}
		}
		if l, _ := eng.questionLang(context.Background(), "", "Dios es amor"); l != "es" {
			t.Errorf("questionLang(Dios es amor) = %q, want es", l)
		}
	})
	without := runEnglish(t, langLibrary(t, "spaRV1909eb.conf"), articles, questions, topics, func(eng *Engine) {
		if n := len(eng.Corpus().BiblesIn("es")); n != 0 {
			t.Fatalf("the library without the RV1909 has %d Spanish Bibles", n)
		}
	})
	for _, pair := range []struct {
		what      string
		got, want map[string]string
	}{{"verify", with.verify, without.verify}, {"ask", with.ask, without.ask}, {"study", with.study, without.study}} {
		if len(pair.want) == 0 {
			t.Errorf("%s: nothing was run", pair.what)
		}
		for k, w := range pair.want {
			if g := pair.got[k]; g != w {
				t.Errorf("%s %q differs with the RV1909 installed:\nwith:    %.600s\nwithout: %.600s", pair.what, k, g, w)
			}
		}
	}
	var rep verify.Report
	if err := json.Unmarshal([]byte(with.verify[saying]), &rep); err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Citations {
		if !c.Problem() {
			t.Errorf("%q passes as %s of %s", "God helps those who help themselves", c.Verdict, c.OSIS)
		}
	}
}

// spanishAsk asks the Spanish question of a library with the RV1909: it is
// framed, parsed and answered in Spanish, 1 John 4:8 or 4:16 first.
func spanishAsk(t *testing.T, eng *Engine) {
	t.Helper()
	ctx := context.Background()
	const q = "¿Dónde dice la Biblia que Dios es amor?"
	lang, err := eng.LangFor("", q)
	if err != nil || lang != "es" {
		t.Fatalf("LangFor(%q) = %q, %v; want es", q, lang, err)
	}
	as, err := eng.askerIn(ctx, lang)
	if err != nil {
		t.Fatal(err)
	}
	res, err := as.Ask(ctx, q, ask.Options{Bible: "RV1909", N: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 {
		t.Fatalf("no answer to %q", q)
	}
	if first := res.Results[0].OSIS; !strings.HasPrefix(first, "1John.4.8") && !strings.HasPrefix(first, "1John.4.16") {
		t.Errorf("first answer to %q is %s, want 1John.4.8 or 1John.4.16", q, first)
	}
	for _, term := range res.Terms {
		if term == "la" || term == "que" || term == "es" {
			t.Errorf("%q: the function word %q is searched", q, term)
		}
	}
	spanishVerify(t, eng)
}

// spanishVerify verifies a Spanish article: its citations are found in
// Spanish book names and its quotations compared with the RV1909.
func spanishVerify(t *testing.T, eng *Engine) {
	t.Helper()
	if eng.Locale("es") == nil {
		t.Log("no Spanish locale file: Spanish citations not checked")
		return
	}
	article := []byte("Jesús enseñó: \"Porque de tal manera amó Dios al mundo, que ha dado á su Hijo unigénito\" (Juan 3:16).\n" +
		"Y: \"Jehová es mi pastor; nada me faltará\" (Salmos 24:1).\n")
	deps, err := eng.verifyDeps(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	deps.Parser = eng.verifyParser(article, "")
	rep, err := verify.Article(context.Background(), article, deps)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"John.3.16": verify.OK, "Ps.24.1": verify.WrongReference}
	if len(rep.Citations) != len(want) {
		t.Fatalf("%d citations, want %d: %+v", len(rep.Citations), len(want), rep.Citations)
	}
	for _, c := range rep.Citations {
		if c.Verdict != want[c.OSIS] {
			t.Errorf("%s: %s (%s), want %s", c.OSIS, c.Verdict, c.Message, want[c.OSIS])
		}
	}
}
