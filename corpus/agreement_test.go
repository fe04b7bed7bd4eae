package corpus_test

// The agreement test: every verse of the installed KJV and WEB, read by
// berean, against diatheke (libsword 1.9) reading the same modules.
//
// diatheke is run once per module over the whole Bible
// ("Genesis 1:1-Revelation of John 22:21"; one process instead of 68 000)
// and its output is cut at the verse labels ("Hebrews 7:25: "), which
// berean knows in order from the versification. Between two labels stand
// the body of one verse, a newline, and the pre-verse heading of the next.
// Range output repeats a stale heading on later verses (a libsword 1.9
// bug: the heading entry attribute is never cleared), and for an empty
// verse prints that stale heading unrendered; the test models both.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"berean/canon"
	"berean/corpus"
	"berean/markup"
	"berean/strongs"
	"berean/sword"
)

const installedRoot = "/usr/share/sword"

func needInstalled(t *testing.T) (*corpus.Corpus, string) {
	t.Helper()
	if _, err := os.Stat(installedRoot + "/mods.d"); err != nil {
		t.Skip("no SWORD modules in " + installedRoot + " (make test installs them)")
	}
	dia, err := exec.LookPath("diatheke")
	if err != nil {
		t.Skip("diatheke is not installed (make test installs it)")
	}
	c, err := corpus.Open([]string{installedRoot})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, dia
}

func diatheke(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("diatheke %q: %v", args, err)
	}
	return string(out)
}

// Named rules: every difference between berean's Clean text and diatheke's
// body must be explained by one of these.
const (
	ruleGlue      = "note deleted between words: diatheke glues 'Godcreated', berean 'God created'"
	ruleUSFM      = `USFM marker left in the KJV text: diatheke prints '\nd LORD', berean 'LORD'`
	rulePilcrow   = "KJV pilcrow: diatheke prints '¶', berean drops it (Text.Para)"
	ruleSpeaker   = "speaker label inside a verse (WEB Song of Songs): diatheke inline, berean in Text.Titles"
	ruleDivine    = "divine name in capitals: diatheke 'Jah' (its </divineName> rule misses text inside <w>), berean 'JAH'"
	ruleSplitJoin = "transChange split word: diatheke 'bold ly', berean 'boldly'"
	ruleWrap      = "libsword u16 size wrap (WEB Hosea intro holds Greek Daniel, sword-format §8.1): diatheke truncates at 60 030 bytes, berean reads all 125 566"
)

type tally struct {
	compared, identical, unexplained int
	verses                           map[string]int // verses where a rule applied
	times                            map[string]int // occurrences
	examples                         []string
}

func (ta *tally) note(rule string, n int) {
	ta.verses[rule]++
	ta.times[rule] += n
}

func TestAgreementWithDiatheke(t *testing.T) {
	if testing.Short() {
		t.Skip("reads two whole Bibles")
	}
	c, dia := needInstalled(t)
	for _, name := range []string{"KJV", "WEB"} {
		t.Run(name, func(t *testing.T) {
			b, err := c.Bible(name)
			if err != nil {
				t.Skip(err)
			}
			agreeBible(t, b, dia)
		})
	}
}

type verseOut struct {
	label   string
	raw     []byte
	heading string // markup.Plain heading
	rawHead string // the stored heading markup (printed as is before an empty verse)
	body    string
}

type slot struct {
	osis  string
	ch, v int
}

func agreeBible(t *testing.T, b *corpus.Bible, dia string) {
	sys := b.System()
	books := sys.Books()
	first, last := books[0], books[len(books)-1]
	key := fmt.Sprintf("%s 0:0-%s %d:%d", first.Name, last.Name, last.Chapters(), last.Verses[last.Chapters()-1])
	// -o i: the range takes in book (c:v = 0:0) and chapter (c:0) introductions
	out := diatheke(t, dia, "-b", b.Module(), "-f", "plain", "-o", "i", "-k", key)

	var slots []slot
	for _, bk := range books {
		slots = append(slots, slot{bk.OSIS, 0, 0})
		for ch := 1; ch <= bk.Chapters(); ch++ {
			for v := 0; v <= bk.Verses[ch-1]; v++ {
				slots = append(slots, slot{bk.OSIS, ch, v})
			}
		}
	}
	n := len(slots)
	vs := make([]verseOut, n)
	for o, sl := range slots {
		bk, _ := sys.Book(sl.osis)
		raw, err := b.Raw(sl.osis, sl.ch, sl.v)
		if err != nil {
			t.Fatal(err)
		}
		h, body, _ := b.Plain(sl.osis, sl.ch, sl.v)
		vs[o] = verseOut{label: bk.Name + " " + strconv.Itoa(sl.ch) + ":" + strconv.Itoa(sl.v) + ": ", raw: raw, heading: h, body: body}
	}

	verses := &tally{verses: map[string]int{}, times: map[string]int{}}
	intros := &tally{verses: map[string]int{}, times: map[string]int{}}
	heads := map[string]int{}
	plainBad, plainWrap := 0, 0
	pos := 0
	stale := ""
	for o := range vs {
		x := &vs[o]
		sl := slots[o]
		li := strings.Index(out[pos:], x.label)
		if li < 0 {
			t.Fatalf("%s: label %q not found in diatheke's output", b.Name(), x.label)
		}
		start := pos + li + len(x.label)
		end := strings.LastIndex(out, "\n("+b.Module()+")\n") + 1
		if o+1 < n {
			end = start + strings.Index(out[start:], vs[o+1].label)
		}
		seg := out[start:end]
		pos = start
		// Between the testaments, -o i also prints the NT heading slot (TI
		// 1): [heading] label body "\n" [heading] before the next label.
		if th := strings.Index(seg, testament2); th >= 0 {
			thBody, rest, _ := strings.Cut(seg[th+len(testament2):], "\n")
			rest = strings.TrimPrefix(rest, "\n")
			if want := testamentHeading(t, b); thBody+"\n" != want || (rest != "" && rest != stale && (o+1 == n || rest != vs[o+1].heading)) {
				t.Errorf("%s %s: diatheke %q then %q, berean %q", b.Name(), testament2, thBody, rest, want)
			}
			heads["[ Testament 2 Heading ] slot"]++
			seg = seg[:th]
		}
		// split seg into body and the next slot's heading
		var diaBody, next string
		var nextHead string
		if o+1 < n {
			nextHead = vs[o+1].heading
		}
		switch {
		case o+1 == n:
			diaBody = strings.TrimSuffix(seg, "\n")
		case nextHead != "" && strings.HasSuffix(seg, "\n"+nextHead):
			diaBody, next = seg[:len(seg)-len(nextHead)-1], "own"
			stale = nextHead
		case nextHead == "" && stale != "" && strings.HasSuffix(seg, "\n"+stale):
			diaBody, next = seg[:len(seg)-len(stale)-1], "stale (libsword repeats the last heading)"
		case nextHead == "" && strings.HasSuffix(seg, "\n"):
			diaBody, next = seg[:len(seg)-1], "none"
		default:
			// an empty next slot: diatheke prints the stale heading's
			// markup as stored; it must render to the stale heading
			i := strings.LastIndex(seg, "\n")
			for i >= 0 {
				if _, h := markup.Plain([]byte(seg[i+1:]), markup.OSIS); len(vs[o+1].raw) == 0 && stale != "" &&
					strings.TrimRight(h, " \n") == strings.TrimRight(stale, " \n") {
					diaBody, next = seg[:i], "stale, unrendered (before an empty slot)"
					break
				}
				i = strings.LastIndex(seg[:i], "\n")
			}
			if next == "" {
				next = "MISMATCH"
				diaBody = seg
				if heads["MISMATCH"] < 5 {
					t.Errorf("%s %s heading: diatheke %.300q, berean %q (stale %q)", b.Name(), vs[o+1].label, seg, nextHead, stale)
				}
			}
		}
		if next != "" {
			heads[next]++
		}
		ta := verses
		if sl.v == 0 {
			ta = intros
		}
		var nextRaw []byte
		if o+1 < n {
			nextRaw = vs[o+1].raw
		}
		if wrapped(x.raw, nextRaw, diaBody) {
			// libsword reads the 16-bit size modulo 65536 (sword-format §2.4)
			plainWrap++
			ta.compared++
			ta.note(ruleWrap, 1)
			continue
		}
		if diaBody != x.body {
			plainBad++
			if plainBad <= 10 {
				t.Errorf("%s %sPlain body differs:\n diatheke %.500q\n berean   %.500q", b.Name(), x.label, diaBody, x.body)
			}
		}
		var tx markup.Text
		var err error
		if sl.v == 0 {
			tx, err = b.Intro(sl.osis, sl.ch)
		} else {
			tx, err = b.Verse(sl.osis, sl.ch, sl.v)
		}
		if err != nil {
			t.Fatal(err)
		}
		compareClean(ta, x.label, diaBody, tx, string(x.raw))
	}

	t.Logf("%s (%s): %d verses and %d introductions compared with one diatheke range query", b.Name(), b.Module(), verses.compared, intros.compared)
	t.Logf("  Plain: %d of %d bodies identical byte for byte, %d differ, %d explained by the size wrap", n-plainBad-plainWrap, n, plainBad, plainWrap)
	t.Logf("  Plain headings before each label: %v", heads)
	for _, x := range []struct {
		what string
		ta   *tally
	}{{"verses", verses}, {"introductions", intros}} {
		ta := x.ta
		t.Logf("  Clean vs diatheke, word by word, %s: %d compared, %d identical, %d differing, %d unexplained",
			x.what, ta.compared, ta.identical, ta.compared-ta.identical, ta.unexplained)
		rules := []string{ruleGlue, ruleUSFM, rulePilcrow, ruleSpeaker, ruleDivine, ruleSplitJoin, ruleWrap}
		for r := range ta.verses {
			if !contains(rules, r) {
				rules = append(rules, r)
			}
		}
		for _, r := range rules {
			t.Logf("    %5d %s (%d times): %s", ta.verses[r], x.what, ta.times[r], r)
		}
		for _, e := range ta.examples {
			t.Errorf("unexplained difference: %s", e)
		}
	}
	if verses.unexplained+intros.unexplained > 0 || plainBad > 0 || heads["MISMATCH"] > 0 {
		t.Errorf("%s: %d unexplained Clean differences, %d Plain bodies and %d headings differ",
			b.Name(), verses.unexplained+intros.unexplained, plainBad, heads["MISMATCH"])
	}
}

const testament2 = "[ Testament 2 Heading ]: "

// testamentHeading renders the NT heading slot (TI 1), which no verse
// reference addresses.
func testamentHeading(t *testing.T, b *corpus.Bible) string {
	m, err := sword.OpenVerse(b.Info)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	raw, err := m.EntryAt(canon.NT, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, body := markup.PlainFilters(raw, markup.OSIS, markup.FiltersOf(b.Info.Conf.All("GlobalOptionFilter")))
	return body
}

// wrapped reports whether diatheke printed raw cut at its size modulo
// 65536: the WEB's Hosea introduction (125 566 bytes, recorded as 60 030).
// An entry that holds the next slot's text is not a wrapped entry but a
// reader that ran past its end.
func wrapped(raw, nextRaw []byte, diaBody string) bool {
	if len(raw) <= 0xffff || (len(nextRaw) > 0 && bytes.Contains(raw, nextRaw)) {
		return false
	}
	_, body := markup.Plain(raw[:len(raw)%0x10000], markup.OSIS)
	return body == diaBody
}

// words splits on whitespace and drops punctuation and symbols.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		f = strings.Map(func(r rune) rune {
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				return -1
			}
			return r
		}, f)
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func compareClean(ta *tally, label, dia string, tx markup.Text, raw string) {
	ta.compared++
	if strings.Join(strings.Fields(dia), " ") == tx.Clean {
		ta.identical++
		return
	}
	fired := map[string]int{}
	if n := strings.Count(dia, "¶"); n > 0 {
		fired[rulePilcrow] += n
	}
	d, g := words(dia), words(tx.Clean)
	speakers := map[string]bool{}
	for _, ti := range tx.Titles {
		if ti.Type == "speaker" {
			for _, w := range words(ti.Text) {
				speakers[w] = true
			}
		}
	}
	i, j := 0, 0
	bad := false
	for i < len(d) || j < len(g) {
		switch {
		case i < len(d) && j < len(g) && d[i] == g[j]:
			i++
			j++
		case i < len(d) && j+1 < len(g) && strings.HasPrefix(d[i], g[j]+g[j+1]) && strings.Contains(raw, "<note"):
			k, acc := j, ""
			for k < len(g) && len(acc) < len(d[i]) {
				acc += g[k]
				k++
			}
			if acc != d[i] {
				bad = true
				i, j = len(d), len(g)
				continue
			}
			fired[ruleGlue]++
			i, j = i+1, k
		case i+1 < len(d) && j < len(g) && d[i]+d[i+1] == g[j] && strings.Contains(raw, "<transChange"):
			fired[ruleSplitJoin]++
			i, j = i+2, j+1
		case i < len(d) && d[i] == "nd" && strings.Contains(raw, `\nd`):
			fired[ruleUSFM]++
			i++
		case i < len(d) && speakers[d[i]] && strings.Contains(raw, "<speaker"):
			fired[ruleSpeaker]++
			i++
		case i < len(d) && j < len(g) && strings.EqualFold(d[i], g[j]) && g[j] == strings.ToUpper(g[j]) && strings.Contains(raw, "<divineName"):
			fired[ruleDivine]++
			i++
			j++
		default:
			bad = true
			i, j = len(d), len(g)
		}
	}
	if bad || len(fired) == 0 {
		ta.unexplained++
		if len(ta.examples) < 10 {
			ta.examples = append(ta.examples, fmt.Sprintf("%s\n diatheke %q\n berean   %q", label, dia, tx.Clean))
		}
		return
	}
	for r, n := range fired {
		ta.note(r, n)
	}
}

// TestPlainSingleVerses compares whole single-verse outputs of diatheke
// (heading, label, body, module line) with berean byte for byte: the
// examples of sword-format §5.2 and every verse with a pre-verse heading in
// a few books.
func TestPlainSingleVerses(t *testing.T) {
	c, dia := needInstalled(t)
	type q struct {
		bible, osis, key string
		ch, v            int
	}
	var qs []q
	for _, bible := range []string{"KJV", "WEB"} {
		for _, x := range []struct {
			osis  string
			ch, v int
		}{{"Ps", 3, 1}, {"John", 3, 16}, {"Gen", 1, 1}, {"Heb", 7, 25}, {"Matt", 21, 1}, {"Ps", 119, 9}, {"Song", 1, 4}, {"Exod", 17, 16}, {"Acts", 4, 13}, {"Ps", 145, 1}} {
			qs = append(qs, q{bible, x.osis, "", x.ch, x.v})
		}
	}
	// every verse with a heading in Psalms 1-20 of both Bibles
	for _, bible := range []string{"KJV", "WEB"} {
		b, err := c.Bible(bible)
		if err != nil {
			continue
		}
		for ch := 1; ch <= 20; ch++ {
			bk, _ := b.System().Book("Ps")
			for v := 1; v <= bk.Verses[ch-1]; v++ {
				if h, _, _ := b.Plain("Ps", ch, v); h != "" {
					qs = append(qs, q{bible, "Ps", "", ch, v})
				}
			}
		}
	}
	n := 0
	for _, x := range qs {
		b, err := c.Bible(x.bible)
		if err != nil {
			continue
		}
		bk, _ := b.System().Book(x.osis)
		label := fmt.Sprintf("%s %d:%d", bk.Name, x.ch, x.v)
		want := diatheke(t, dia, "-b", b.Module(), "-f", "plain", "-o", "", "-k", label)
		h, body, err := b.Plain(x.osis, x.ch, x.v)
		if err != nil {
			t.Fatal(err)
		}
		got := h + label + ": " + body + "\n(" + b.Module() + ")\n"
		if got != want {
			t.Errorf("%s %s:\n diatheke %q\n berean   %q", x.bible, label, want, got)
		}
		n++
	}
	t.Logf("%d single verses identical to diatheke byte for byte", n)
}

// undoMojibake reverses libsword's reading of UTF-8 text as Latin-1
// (Windows-1252 for 0x80-0x9F), which it does for StrongsHebrew because
// the conf has no Encoding line.
func undoMojibake(s string) string {
	var b []byte
	enc := charmap.Windows1252.NewEncoder()
	for _, r := range s {
		if r < 256 {
			b = append(b, byte(r))
			continue
		}
		x, err := enc.String(string(r))
		if err != nil {
			b = utf8.AppendRune(b, r)
			continue
		}
		b = append(b, x...)
	}
	return string(b)
}

func TestLexiconAgainstDiatheke(t *testing.T) {
	c, dia := needInstalled(t)
	g, err := c.Lexicon("G1793")
	if err != nil {
		t.Fatal(err)
	}
	// libsword pads "G1793" to "G1793", which sorts after every digit key,
	// and snaps to the last entry
	snap := diatheke(t, dia, "-b", g.Module, "-k", "G1793")
	exact := diatheke(t, dia, "-b", g.Module, "-k", "1793")
	if !strings.HasPrefix(exact, "01793: ") || !strings.Contains(exact, g.Lemma) || g.Lemma == "" {
		t.Errorf("G1793: berean lemma %q not in diatheke's entry 1793: %.200q", g.Lemma, exact)
	}
	if strings.HasPrefix(snap, "01793: ") {
		t.Errorf("diatheke -k G1793 found the entry; expected libsword to snap elsewhere: %.80q", snap)
	} else {
		t.Logf("G1793: diatheke -k G1793 snaps to %q; berean finds %s %s (%s)", strings.SplitN(snap, ":", 2)[0], g.Key, g.Lemma, g.Translit)
	}
	if !strings.Contains(g.Definition, "intercession") || !contains(g.SeeAlso, "G1722") {
		t.Errorf("G1793 = %+v", g)
	}

	h, err := c.Lexicon("H6293")
	if err != nil {
		t.Fatal(err)
	}
	moj := diatheke(t, dia, "-b", h.Module, "-k", "6293")
	if strings.Contains(moj, h.Lemma) {
		t.Logf("H6293: diatheke prints the Hebrew correctly (conf fixed?)")
	} else if fixed := undoMojibake(moj); !strings.Contains(fixed, h.Lemma) || h.Lemma == "" {
		t.Errorf("H6293: berean lemma %q not in diatheke's entry, even after undoing its Latin-1 reading: %.200q", h.Lemma, fixed)
	} else {
		t.Logf("H6293: rule %q: diatheke %.40q, berean %q", "Strong's Hebrew conf lacks Encoding: diatheke mojibake", moj[strings.Index(moj, "<orth>"):], h.Lemma)
	}

	// TEI plain rendering of the Greek lexicon against diatheke, a sample
	for _, k := range []string{"1", "21", "1793", "3588", "5000", "5624"} {
		want := diatheke(t, dia, "-b", g.Module, "-f", "plain", "-k", k)
		e, err := c.Lexicon("G" + k)
		if err != nil {
			t.Fatal(err)
		}
		lk, _, _ := strongs.LexKey(e.Key)
		raw, err := c.LexiconRaw(e.Key)
		if err != nil {
			t.Fatal(err)
		}
		_, body := markup.Plain(raw, markup.TEI)
		if got := lk + ": " + body + "\n(" + g.Module + ")\n"; got != want {
			t.Errorf("G%s plain:\n diatheke %q\n berean   %q", k, want, got)
		}
	}

	for _, bad := range []string{"G99999", "H0", "1793", "X12", ""} {
		if _, err := c.Lexicon(bad); err == nil {
			t.Errorf("Lexicon(%q) found something", bad)
		}
	}
}

func TestTopicAgainstDiatheke(t *testing.T) {
	c, dia := needInstalled(t)
	tp, err := c.Topic("intercession")
	if err != nil {
		t.Fatal(err)
	}
	raw := diatheke(t, dia, "-b", tp.Module, "-k", "INTERCESSION")
	links := strings.Count(raw, "osisRef=")
	if len(tp.Refs) == 0 || len(tp.Refs) > links {
		t.Errorf("INTERCESSION: %d refs, diatheke shows %d links", len(tp.Refs), links)
	}
	osis := tp.OSIS()
	// Nave writes "<ref osisRef="Phlm.1.1">Phm 1</ref>:10-21"
	if !contains(osis, "1Sam.2.25") || !contains(osis, "Phlm.1.10-Phlm.1.21") || contains(osis, "Phlm.1.1") {
		t.Errorf("INTERCESSION refs lack 1Sam.2.25 or the repaired Phlm.1.10-Phlm.1.21: %v", osis)
	}
	t.Logf("INTERCESSION: %d references (%d links in diatheke's entry, duplicates merged)", len(tp.Refs), links)
	if _, err := c.Topic("INTERCESSIONZZZ"); err == nil || !strings.Contains(err.Error(), "INTERCESSION") {
		t.Errorf("unknown topic: err = %v, want a suggestion", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
