package corpus

import "strings"

// Lang is the Bible's language code from its conf Lang, without region
// ("es-ES" and "es_ES" are "es"), lower case; "en" when the conf has none.
func (b *Bible) Lang() string { return LangCode(b.Info.Lang) }

// LangCode normalises a language code as a conf writes it: lower case, the
// region cut ("pt_BR" is "pt"); empty is "en".
func LangCode(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if code == "" {
		return "en"
	}
	return code
}

// BiblesIn returns the Bibles of a language (LangCode), in the order of
// Bibles.
func (c *Corpus) BiblesIn(lang string) []*Bible {
	lang = LangCode(lang)
	var out []*Bible
	for _, b := range c.bibles {
		if b.Lang() == lang {
			out = append(out, b)
		}
	}
	return out
}
