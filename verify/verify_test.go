package verify

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"berean/canon"
)

// The tests of this file run against the installed modules (installed(t)
// skips when they are absent).

// devArticle is the shared development article and its key.
const devArticle = "../../shared/data/articles/intercession.txt"

type keyRow struct{ written, verdict, correct string }

func readKey(t *testing.T, path string) []keyRow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no key: %v", err)
	}
	var rows []keyRow
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if i == 0 || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 3 {
			f = append(f, "")
		}
		rows = append(rows, keyRow{f[0], f[1], f[2]})
	}
	return rows
}

func norm(s string) string {
	s = strings.NewReplacer("\u2013", "-", "\u2014", "-").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// score pairs the report's citations with the key's rows by their text, in
// order, and judges each row as the shared score-verify script does: ok
// accepts paraphrase, unquoted accepts ok and paraphrase, and a
// wrong_reference or invalid_reference must suggest the key's book and
// chapter.
func score(t *testing.T, rep Report, key []keyRow) (right, falseAlarms, missed int) {
	t.Helper()
	used := make([]bool, len(rep.Citations))
	good := map[string]bool{OK: true, Paraphrase: true, Unquoted: true}
	for _, k := range key {
		j := -1
		for i, c := range rep.Citations {
			if !used[i] && norm(c.AsWritten) == norm(k.written) {
				j = i
				break
			}
		}
		if j < 0 {
			t.Errorf("not reported: %q (want %s)", k.written, k.verdict)
			if !good[k.verdict] {
				missed++
			}
			continue
		}
		used[j] = true
		c := rep.Citations[j]
		ok := c.Verdict == k.verdict || k.verdict == OK && c.Verdict == Paraphrase || k.verdict == Unquoted && (c.Verdict == OK || c.Verdict == Paraphrase)
		if ok && (k.verdict == WrongReference || k.verdict == InvalidReference) && k.correct != "" {
			want := strings.Split(strings.Split(k.correct, "-")[0], ".")
			got := strings.Split(strings.Split(c.Suggested, "-")[0], ".")
			ok = c.Suggested != "" && len(got) >= 2 && len(want) >= 2 && want[0] == got[0] && want[1] == got[1]
		}
		if ok {
			right++
			continue
		}
		t.Errorf("%q: got %s %q (similarity %.2f, %s), want %s %s", k.written, c.Verdict, c.Suggested, c.Similarity, c.Message, k.verdict, k.correct)
		if good[k.verdict] && !good[c.Verdict] {
			falseAlarms++
		}
		if !good[k.verdict] && good[c.Verdict] {
			missed++
		}
	}
	return
}

func runArticle(t *testing.T, m *Model, in []byte) Report {
	t.Helper()
	rep, err := Article(context.Background(), in, Deps{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestArticles checks the test articles of testdata (each with its key:
// deliberate errors of every kind) and the shared development article.
func TestArticles(t *testing.T) {
	m := installed(t)
	paths, _ := filepath.Glob("testdata/*.key.tsv")
	paths = append(paths, strings.TrimSuffix(devArticle, ".txt")+".key.tsv")
	for _, keyPath := range paths {
		base := strings.TrimSuffix(keyPath, ".key.tsv")
		var article string
		for _, ext := range []string{".txt", ".md", ".html"} {
			if _, err := os.Stat(base + ext); err == nil {
				article = base + ext
			}
		}
		t.Run(filepath.Base(base), func(t *testing.T) {
			if article == "" {
				t.Skip("article absent")
			}
			key := readKey(t, keyPath)
			in, err := os.ReadFile(article)
			if err != nil {
				t.Fatal(err)
			}
			rep := runArticle(t, m, in)
			right, fa, missed := score(t, rep, key)
			t.Logf("%s: %d of %d citations right (%d false alarms, %d missed problems)", filepath.Base(article), right, len(key), fa, missed)
		})
	}
}

// TestFormatsAgree: the development article as HTML and as Markdown gets
// the verdicts it gets as text, with offsets into each input.
func TestFormatsAgree(t *testing.T) {
	m := installed(t)
	in, err := os.ReadFile(devArticle)
	if err != nil {
		t.Skip("development article absent")
	}
	plain := runArticle(t, m, in)
	var h, md strings.Builder
	h.WriteString("<!DOCTYPE html>\n<html><head><title>t</title><style>p{}</style></head><body>\n")
	for i, line := range strings.Split(string(in), "\n") {
		e := html.EscapeString(line)
		e = strings.NewReplacer("\u201C", "&ldquo;", "\u201D", "&rdquo;").Replace(e)
		if i%3 == 0 {
			e = "<em>" + e + "</em>"
		}
		fmt.Fprintf(&h, "<p>%s</p>\n", e)
		if i == 0 {
			fmt.Fprintf(&md, "# %s\n\n", line)
		} else {
			fmt.Fprintf(&md, "%s\n\n", strings.ReplaceAll(line, "Jesus", "**Jesus**"))
		}
	}
	h.WriteString("</body></html>\n")
	for name, doc := range map[string]string{"html": h.String(), "markdown": md.String()} {
		rep := runArticle(t, m, []byte(doc))
		if rep.Format != name {
			t.Errorf("%s detected as %s", name, rep.Format)
		}
		if len(rep.Citations) != len(plain.Citations) {
			t.Errorf("%s: %d citations, want %d", name, len(rep.Citations), len(plain.Citations))
			continue
		}
		rs := []rune(doc)
		for i, c := range rep.Citations {
			p := plain.Citations[i]
			if c.Verdict != p.Verdict || c.OSIS != p.OSIS {
				t.Errorf("%s: %s %s, want %s %s", name, c.OSIS, c.Verdict, p.OSIS, p.Verdict)
			}
			if got := string(rs[c.Start:c.End]); got != c.AsWritten {
				t.Errorf("%s: offsets %d-%d hold %q, want %q", name, c.Start, c.End, got, c.AsWritten)
			}
		}
	}
}

// TestThousandCitations: 1,000 citations, a fifth of them wrong, under a
// second once the model is built.
func TestThousandCitations(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	m := installed(t)
	doc := thousandCitations(m)
	start := time.Now()
	rep := runArticle(t, m, doc)
	took := time.Since(start)
	if len(rep.Citations) < 1000 {
		t.Fatalf("%d citations", len(rep.Citations))
	}
	t.Logf("%d citations in %v (%d problems)", len(rep.Citations), took, rep.Summary.Problems)
	if took > 4*time.Second { // 1 s is the target (BenchmarkThousandCitations); slack for loaded machines
		t.Errorf("%d citations took %v", len(rep.Citations), took)
	}
}

func BenchmarkThousandCitations(b *testing.B) {
	m := installed(b)
	doc := thousandCitations(m)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Article(context.Background(), doc, Deps{Model: m}); err != nil {
			b.Fatal(err)
		}
	}
}

// thousandCitations builds an article of 1,000 distinct citations: every
// verse of a few chapters quoted correctly (a fragment of the verse's own
// text from the model, varied so memoisation does not help), and every
// fifth one attributed to the wrong verse.
func thousandCitations(m *Model) []byte {
	var sb strings.Builder
	b := m.bibles[0]
	n := 0
	for ord := 0; n < 1000 && ord < len(b.text); ord += 7 {
		words := strings.Fields(b.text[ord])
		if len(words) < 8 {
			continue
		}
		bk, ch, v := b.sys.VerseAt(ord)
		if n%5 == 4 {
			v++ // the wrong verse
		}
		if !b.sys.Exists(bk, ch, v) {
			continue
		}
		cut := 4 + n%(len(words)-4)
		fmt.Fprintf(&sb, "Paragraph %d quotes “%s” (%s %d:%d).\n\n", n, strings.Join(words[:cut], " "), canon.HumanName(bk), ch, v)
		n++
	}
	return []byte(sb.String())
}

// TestCachedModel: a saved model loads back equal, and a damaged file is
// rebuilt.
func TestCachedModel(t *testing.T) {
	m := fixtureModel(t)
	lib := fpFixture{newFixture()}
	dir := t.TempDir()
	m1, err := CachedModel(context.Background(), lib, dir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "verify-model-*.bin"))
	if len(files) != 1 {
		t.Fatalf("saved files: %v", files)
	}
	m2, err := CachedModel(context.Background(), lib, dir)
	if err != nil {
		t.Fatal(err)
	}
	article := []byte("“the watchman went boldly before the elders of the city” (Genesis 1:3)")
	for _, mm := range []*Model{m, m1, m2} {
		rep := runArticle(t, mm, article)
		if c := rep.Citations[0]; c.Verdict != WrongReference || c.Suggested != "Gen.1.2" {
			t.Errorf("cached model: %+v", c)
		}
	}
	if len(m2.syn) != len(m.syn) || len(m2.terms) != len(m.terms) {
		t.Errorf("loaded model differs: %d/%d synonyms, %d/%d terms", len(m2.syn), len(m.syn), len(m2.terms), len(m.terms))
	}
	// A damaged file is rebuilt, not trusted.
	if err := os.WriteFile(files[0], []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CachedModel(context.Background(), lib, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := loadModel(files[0], "x", lib); err == nil {
		t.Error("a stale fingerprint loaded")
	}
}

type fpFixture struct{ *fixture }

func (fpFixture) Fingerprint() string { return "fixture-1" }

// TestSearchFinder: the test articles get the same verdicts when the
// whole-Bible search goes through the search index.
func TestSearchFinder(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	m := installed(t)
	s := installedSearcher(t)
	paths, _ := filepath.Glob("testdata/*.key.tsv")
	for _, keyPath := range paths {
		base := strings.TrimSuffix(keyPath, ".key.tsv")
		matches, _ := filepath.Glob(base + ".*")
		for _, article := range matches {
			if strings.HasSuffix(article, ".tsv") {
				continue
			}
			in, _ := os.ReadFile(article)
			rep, err := Article(context.Background(), in, Deps{Model: m, Finder: SearchFinder{Searcher: s}})
			if err != nil {
				t.Fatal(err)
			}
			right, fa, missed := score(t, rep, readKey(t, keyPath))
			t.Logf("%s through the search index: %d right (%d false alarms, %d missed)", filepath.Base(article), right, fa, missed)
		}
	}
}
