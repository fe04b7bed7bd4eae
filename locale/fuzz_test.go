package locale

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any bytes give a locale or an error, never a panic; the
// strings of a locale are valid UTF-8 and its abbreviations upper case.
func FuzzParse(f *testing.F) {
	f.Add([]byte(esFile))
	f.Add([]byte("[Meta]\nName=es\nEncoding=ISO8859-1\n[Text]\nGenesis=G\xe9nesis\n"))
	f.Add([]byte("[Meta]\nName=x\nEncoding=KOI8-R\n[Book Abbrevs]\n\xc1\xc2=Gen\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			return
		}
		for osis, n := range l.Names {
			if !utf8.ValidString(n) || !utf8.ValidString(osis) {
				t.Fatalf("invalid UTF-8 name %q=%q", osis, n)
			}
		}
		for a := range l.Abbrevs {
			if a != strings.ToUpper(a) {
				t.Fatalf("abbreviation %q is not upper case", a)
			}
		}
	})
}
