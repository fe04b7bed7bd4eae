package locale

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"

	"berean/canon"
)

// Locale is one locale's book names.
type Locale struct {
	Name        string            // [Meta] Name: "es", "pt_BR"
	Description string            // [Meta] Description
	Encoding    string            // as the file declares it; the strings here are UTF-8
	Names       map[string]string // OSIS id -> the book's name ([Text])
	Abbrevs     map[string]string // name or abbreviation as written (capitals) -> OSIS id ([Book Abbrevs])
	Preferred   map[string]string // OSIS id -> preferred abbreviation ([Pref Abbrevs])
}

// BookName is the book's name in the locale, or its English name
// (canon.HumanName) when the locale has none.
func (l *Locale) BookName(osis string) string {
	if l != nil {
		if n := l.Names[osis]; n != "" {
			return n
		}
	}
	return canon.HumanName(osis)
}

// Parse reads one locale file.
func Parse(data []byte) (*Locale, error) {
	enc := declaredEncoding(data)
	if !utf8.Valid(data) || (enc != "" && !strings.EqualFold(enc, "UTF-8")) {
		dec, ok := decoders[strings.ToUpper(enc)]
		if !ok {
			return nil, fmt.Errorf("locale: encoding %q is not supported", enc)
		}
		out, err := dec.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("locale: decoding %s: %w", enc, err)
		}
		data = out
	}
	l := &Locale{Names: map[string]string{}, Abbrevs: map[string]string{}, Preferred: map[string]string{}}
	section := ""
	english := englishIndex()
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			section = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if k == "" || v == "" {
			continue
		}
		switch section {
		case "Meta":
			switch k {
			case "Name":
				l.Name = v
			case "Description":
				l.Description = v
			case "Encoding":
				l.Encoding = v
			}
		case "Text":
			if osis := osisOfEnglish(english, k); osis != "" {
				l.Names[osis] = v
			}
		case "Book Abbrevs":
			if canon.Known(v) {
				l.Abbrevs[strings.ToUpper(k)] = v
			}
		case "Pref Abbrevs":
			if canon.Known(k) {
				l.Preferred[k] = v
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("locale: %w", err)
	}
	if l.Name == "" {
		return nil, errors.New("locale: no [Meta] Name")
	}
	return l, nil
}

// declaredEncoding is the Encoding of the [Meta] section, read before
// decoding (the key and its value are ASCII in every code page).
func declaredEncoding(data []byte) string {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if v, ok := bytes.CutPrefix(line, []byte("Encoding=")); ok {
			return string(bytes.TrimSpace(v))
		}
	}
	return ""
}

var decoders = map[string]encoding.Encoding{
	"":           charmap.ISO8859_1, // not valid UTF-8 and nothing declared
	"ISO8859-1":  charmap.ISO8859_1,
	"ISO-8859-1": charmap.ISO8859_1,
	"LATIN1":     charmap.ISO8859_1,
	"ISO8859-2":  charmap.ISO8859_2,
	"ISO-8859-2": charmap.ISO8859_2,
	"CP1251":     charmap.Windows1251,
	"CP1252":     charmap.Windows1252,
	"CP1256":     charmap.Windows1256,
	"KOI8-R":     charmap.KOI8R,
	"KOI8-U":     charmap.KOI8U,
	"EUC-KR":     korean.EUCKR,
}

// osisOfEnglish maps libsword's English book name to its OSIS id.
func osisOfEnglish(english map[string]string, name string) string {
	if o, ok := englishSpecial[name]; ok {
		return o
	}
	return english[englishKey(name)]
}

// englishSpecial are libsword's names that are not canon's.
var englishSpecial = map[string]string{
	"Revelation of John": "Rev", "Prayer of Manasses": "PrMan", "Additional Psalm": "AddPs",
	"Sirach (Prologue)": "", "Song of Songs": "Song",
}

// englishKey folds an English book name: roman book numbers as digits,
// lower case, letters and digits only ("II Kings" -> "2kings").
func englishKey(name string) string {
	for roman, digit := range map[string]string{"I ": "1 ", "II ": "2 ", "III ": "3 ", "IV ": "4 "} {
		if strings.HasPrefix(name, roman) {
			name = digit + name[len(roman):]
			break
		}
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// englishIndex maps englishKey of every canon book name to its OSIS id.
func englishIndex() map[string]string {
	m := map[string]string{}
	for _, o := range canon.OSISIDs() {
		m[englishKey(canon.HumanName(o))] = o
	}
	return m
}

// Set is the locales read from one or more directories.
type Set struct {
	byName map[string]*Locale // lower-case name with "-" as "_"
}

// Dirs are the locales.d directories of library roots that exist.
func Dirs(roots []string) []string {
	var out []string
	for _, r := range roots {
		d := filepath.Join(r, "locales.d")
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			out = append(out, d)
		}
	}
	return out
}

// Load reads every *.conf of the directories. Files that cannot be read
// are returned as errors and skipped; of two files with one Name, the
// first UTF-8 one wins (then the first found).
func Load(dirs ...string) (*Set, []error) {
	var files []string
	var errs []error
	for _, d := range dirs {
		fs, err := filepath.Glob(filepath.Join(d, "*.conf"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sort.Strings(fs)
		files = append(files, fs...)
	}
	s, e := loadFiles(files)
	return s, append(errs, e...)
}

// loadFiles reads locale files in order (see Load).
func loadFiles(files []string) (*Set, []error) {
	s := &Set{byName: map[string]*Locale{}}
	var errs []error
	for _, f := range files {
		if filepath.Base(f) == "locales.conf" {
			continue // the list of language names, not a locale
		}
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l, err := Parse(data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f, err))
			continue
		}
		key := nameKey(l.Name)
		if old, ok := s.byName[key]; ok && (isUTF8(old) || !isUTF8(l)) {
			continue
		}
		s.byName[key] = l
	}
	return s, errs
}

func isUTF8(l *Locale) bool { return strings.EqualFold(l.Encoding, "UTF-8") }

func nameKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), "-", "_"))
}

// Names lists the locale names, sorted.
func (s *Set) Names() []string {
	var out []string
	for _, l := range s.byName {
		out = append(out, l.Name)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the locale of a language code ("es", "es-ES", "pt_BR"):
// the name as given, else its language alone, with the abbreviations of
// its "_abbrev" or "_abbr" companion merged in; nil when there is none.
func (s *Set) Lookup(lang string) *Locale {
	if s == nil {
		return nil
	}
	key := nameKey(lang)
	l := s.byName[key]
	if l == nil {
		base, _, _ := strings.Cut(key, "_")
		key = base
		l = s.byName[key]
	}
	if l == nil {
		return nil
	}
	for _, suffix := range []string{"_abbrev", "_abbr"} {
		c := s.byName[key+suffix]
		if c == nil {
			continue
		}
		merged := *l
		merged.Abbrevs = make(map[string]string, len(l.Abbrevs)+len(c.Abbrevs))
		for k, v := range c.Abbrevs {
			merged.Abbrevs[k] = v
		}
		for k, v := range l.Abbrevs {
			merged.Abbrevs[k] = v
		}
		l = &merged
	}
	return l
}

// Find returns the locale of one language code from the directories,
// reading only the files whose names start with its language ("es.conf",
// "es-utf8.conf", "pt_BR-utf8.conf" for pt): a few milliseconds where Load
// reads every file. It returns nil, with no error, when there is none.
func Find(lang string, dirs ...string) (*Locale, error) {
	base, _, _ := strings.Cut(nameKey(lang), "_")
	if base == "" {
		return nil, nil
	}
	s := &Set{byName: map[string]*Locale{}}
	var errs []error
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join(d, "*.conf"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		var mine []string
		for _, f := range files {
			name := strings.ToLower(filepath.Base(f))
			if strings.HasPrefix(name, base) && len(name) > len(base) && strings.ContainsRune(".-_", rune(name[len(base)])) {
				mine = append(mine, f)
			}
		}
		sub, e := loadFiles(mine)
		errs = append(errs, e...)
		for k, l := range sub.byName {
			if old, ok := s.byName[k]; !ok || (!isUTF8(old) && isUTF8(l)) {
				s.byName[k] = l
			}
		}
	}
	l := s.Lookup(lang)
	if l == nil && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return l, nil
}
