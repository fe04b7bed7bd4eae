package locale

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// esFile is a small locale in the layout of libsword's files.
const esFile = `# comment
[Meta]
Name=es
Description=Spanish (Unicode)
Encoding=UTF-8

[Text]
Genesis=Génesis
I Corinthians=1 Corintios
John=Juan
Revelation of John=Apocalipsis
Psalms=Salmos
Some interface string=Una cadena

[Pref Abbrevs]
Gen=Gén
Nope=No

[Book Abbrevs]
GÉNESIS=Gen
1 CORINTIOS=1Cor
JN=John
NADA=NotABook
`

func TestParse(t *testing.T) {
	l, err := Parse([]byte(esFile))
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "es" || l.Encoding != "UTF-8" || l.Description != "Spanish (Unicode)" {
		t.Errorf("meta = %q %q %q", l.Name, l.Encoding, l.Description)
	}
	for osis, want := range map[string]string{"Gen": "Génesis", "1Cor": "1 Corintios", "John": "Juan", "Rev": "Apocalipsis", "Ps": "Salmos"} {
		if got := l.Names[osis]; got != want {
			t.Errorf("Names[%s] = %q, want %q", osis, got, want)
		}
	}
	if len(l.Names) != 5 {
		t.Errorf("%d names, want 5 (an interface string is no book): %v", len(l.Names), l.Names)
	}
	for abbr, want := range map[string]string{"GÉNESIS": "Gen", "1 CORINTIOS": "1Cor", "JN": "John", "NADA": ""} {
		if got := l.Abbrevs[abbr]; got != want {
			t.Errorf("Abbrevs[%s] = %q, want %q", abbr, got, want)
		}
	}
	if l.Preferred["Gen"] != "Gén" || len(l.Preferred) != 1 {
		t.Errorf("Preferred = %v", l.Preferred)
	}
	if got := l.BookName("Rom"); got != "Romans" {
		t.Errorf("BookName(Rom) without a Spanish name = %q, want the English Romans", got)
	}
}

func TestParseLatin1(t *testing.T) {
	// "Génesis" in ISO8859-1: é is the byte 0xE9.
	data := []byte("[Meta]\nName=es\nEncoding=ISO8859-1\n\n[Text]\nGenesis=G\xe9nesis\n")
	l, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Names["Gen"]; got != "Génesis" {
		t.Errorf("Names[Gen] = %q, want Génesis", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"[Text]\nGenesis=Gen\n",                         // no name
		"[Meta]\nName=x\nEncoding=EBCDIC\n[Text]\n\xff", // unknown encoding
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) gave no error", in)
		}
	}
}

func TestLoadLookup(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("es.conf", "[Meta]\nName=es\nEncoding=ISO8859-1\n[Text]\nJohn=Juan Latin\n")
	write("es-utf8.conf", esFile)
	write("de-utf8.conf", "[Meta]\nName=de\nEncoding=UTF-8\n[Text]\nJohn=Johannes\n[Book Abbrevs]\nJOHANNES=John\n")
	write("de_abbrev-utf8.conf", "[Meta]\nName=de_abbrev\nEncoding=UTF-8\n[Book Abbrevs]\nJOH=John\n")
	write("broken.conf", "no meta here\n")
	write("locales.conf", "[Meta]\nName=locales\n")
	s, errs := Load(dir)
	if len(errs) != 1 {
		t.Errorf("errors = %v, want one (broken.conf)", errs)
	}
	if l := s.Lookup("es-ES"); l == nil || l.Names["John"] != "Juan" {
		t.Errorf("Lookup(es-ES) = %+v, want the UTF-8 es", l)
	}
	de := s.Lookup("de")
	if de == nil || de.Abbrevs["JOH"] != "John" || de.Abbrevs["JOHANNES"] != "John" {
		t.Errorf("Lookup(de) = %+v, want de with de_abbrev merged", de)
	}
	if s.Lookup("xx") != nil {
		t.Error("Lookup(xx) found a locale")
	}
}

// TestInstalled reads libsword's own files when they are installed.
func TestInstalled(t *testing.T) {
	const dir = "/usr/share/sword/locales.d"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("libsword's locale files are not installed")
	}
	start := time.Now()
	s, errs := Load(dir)
	t.Logf("%d locales in %v, %d files skipped", len(s.Names()), time.Since(start), len(errs))
	es := s.Lookup("es")
	if es == nil {
		t.Fatal("no es locale")
	}
	for osis, want := range map[string]string{"John": "Juan", "Gen": "Génesis", "Ps": "Salmos", "1Cor": "1 Corintios", "Acts": "Hechos"} {
		if got := es.Names[osis]; got != want {
			t.Errorf("es Names[%s] = %q, want %q", osis, got, want)
		}
	}
	if got := len(es.Names); got < 66 {
		t.Errorf("es has %d book names, want at least 66", got)
	}
	if ru := s.Lookup("ru"); ru == nil || ru.Names["John"] == "" {
		t.Errorf("no Russian name of John")
	}
}

func TestFindInstalled(t *testing.T) {
	const dir = "/usr/share/sword/locales.d"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("libsword's locale files are not installed")
	}
	start := time.Now()
	es, err := Find("es", dir)
	t.Logf("es found in %v", time.Since(start))
	if err != nil || es == nil || es.Names["John"] != "Juan" || es.Encoding != "UTF-8" {
		t.Fatalf("Find(es) = %+v, %v", es, err)
	}
	if l, err := Find("xx", dir); l != nil || err != nil {
		t.Errorf("Find(xx) = %v, %v; want nil, nil", l, err)
	}
}
