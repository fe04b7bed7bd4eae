package verify

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"berean/analysis"
	"berean/corpus"
	"berean/ref"
)

// Languages: a Model holds the Bibles of one language and analyses words
// in it (stems, stop words). A quotation is compared only with Bibles of
// its own language, detected from its words (analysis.Detect): an English
// saying is never a paraphrase of a Spanish verse, and a Spanish quotation
// is checked against the Spanish Bibles (Deps.ModelFor), or reported as
// not checked when none is installed.

// LangLibrary is a Library that knows the language of its Bibles; a
// Library without it is English.
type LangLibrary interface {
	Lang() string
}

func libLang(lib Library) string {
	if l, ok := lib.(LangLibrary); ok {
		return analysis.Base(l.Lang())
	}
	return analysis.English
}

// Lang is the language of the model's Bibles.
func (m *Model) Lang() string {
	if m.lang == "" {
		return analysis.English
	}
	return m.lang
}

// FromCorpusIn adapts the installed Bibles of one language (conf Lang) to
// a Library: the KJV first when it is one of them, then the others in
// library order.
func FromCorpusIn(c *corpus.Corpus, lang string) Library {
	lang = corpus.LangCode(lang)
	l := corpusLib{bibles: map[string]*corpus.Bible{}, lang: lang, lib: c.Library()}
	for _, b := range c.BiblesIn(lang) {
		if strings.EqualFold(b.Name(), "KJV") {
			l.names = append([]string{b.Name()}, l.names...)
		} else {
			l.names = append(l.names, b.Name())
		}
		l.bibles[b.Name()] = b
	}
	return l
}

// Lang is the library's language.
func (l corpusLib) Lang() string {
	if l.lang == "" {
		return analysis.English
	}
	return l.lang
}

// modelPath is the cache file of a model: English models keep the name
// "verify-model-<fp>.bin", others are "verify-model-<lang>-<fp>.bin".
func modelPath(dir, lang, fp string) string {
	if lang == "" || lang == analysis.English {
		return filepath.Join(dir, "verify-model-"+fp[:16]+".bin")
	}
	return filepath.Join(dir, "verify-model-"+lang+"-"+fp[:16]+".bin")
}

// sameLangModel reports whether the cache file name (a base name) is a
// model of lang, so that saving a model removes the stale ones of its own
// language and keeps the others'.
func sameLangModel(name, lang string) bool {
	rest, ok := strings.CutPrefix(name, "verify-model-")
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, ".bin")
	if lang == "" || lang == analysis.English {
		return !strings.Contains(rest, "-")
	}
	return strings.HasPrefix(rest, lang+"-")
}

// quoteLang is the language of a citation's quotation; a citation without
// one is in the language of the main model.
func quoteLang(c citation, main string) string {
	if c.quote == nil || strings.TrimSpace(c.qtext) == "" {
		return main
	}
	return analysis.Detect(c.qtext)
}

// checkIn checks a citation with the model of its quotation's language.
func (v *verifier) checkIn(c citation, deps Deps) Citation {
	lang := quoteLang(c, v.m.Lang())
	if lang == v.m.Lang() {
		return v.check(c)
	}
	var m *Model
	err := errNoModelFor
	if deps.ModelFor != nil {
		m, err = deps.ModelFor(lang)
	}
	if err != nil || m == nil || len(m.bibles) == 0 {
		out := Citation{Verdict: Unquoted, Quote: strings.Join(strings.Fields(c.qtext), " ")}
		if len(c.m.Ranges) > 0 {
			out.OSIS = ref.OSIS(c.m.Ranges)
		}
		out.Message = fmt.Sprintf("not checked: the quotation is in %s and no Bible in that language is installed", langName(lang))
		return out
	}
	other := &verifier{m: m, ctx: v.ctx}
	return other.check(c)
}

var errNoModelFor = errors.New("verify: no model for the language")

// langName names a language code for messages ("es" -> "Spanish (es)").
func langName(code string) string { return analysis.LangName(code) }
