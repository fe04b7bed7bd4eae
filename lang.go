package berean

import (
	"context"
	"fmt"
	"strings"

	"berean/analysis"
	"berean/ask"
	"berean/canon"
	"berean/corpus"
	"berean/index"
	"berean/locale"
	"berean/ref"
	"berean/search"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// Languages. Every Bible has a language (its conf Lang). The features that
// pool Bibles (ask, study, xref, verify) are built once per language over
// the Bibles of that language only (index.ForLang, verify.FromCorpusIn),
// so a Bible of another language can change none of their results: the
// English figures are the same with or without a Spanish Bible installed.
// A request is served in the language of the Bible it names, else in the
// language of its text (analysis.Detect) when Bibles of that language are
// installed, else in the default Bible's language; a question or topic
// whose function words do not tell is placed by its vocabulary
// (questionLang). A question or topic whose function words tell a
// language that no installed Bible has (analysis.Detect knows English,
// Spanish, French, German, Italian, Portuguese and Dutch by lists of
// their own and Hungarian, Norwegian, Russian and Swedish by the Snowball
// stop lists) is answered from the
// default language's Bibles, and its result's Note says so (langNote,
// operations.go); naming a Bible or a language silences it.

// DefaultLang is the language of the default Bible (the KJV, or the first
// installed Bible); English when none is installed.
func (e *Engine) DefaultLang() string {
	if bs, err := e.Bibles(nil); err == nil && len(bs) > 0 {
		return bs[0].Lang()
	}
	return analysis.English
}

// LangFor is the language a request naming Bibles (a comma-separated list
// or nothing) about text is served in.
func (e *Engine) LangFor(bible, text string) (string, error) {
	if strings.TrimSpace(bible) != "" {
		bs, err := e.Bibles([]string{bible})
		if err != nil {
			return "", err
		}
		return bs[0].Lang(), nil
	}
	if l := analysis.Detect(text); l != e.DefaultLang() && len(e.corpus.BiblesIn(l)) > 0 {
		return l, nil
	}
	return e.DefaultLang(), nil
}

// BibleLang is the language of a Bible given by name ("" for the default
// Bible); English when it is not installed.
func (e *Engine) BibleLang(name string) string {
	var names []string
	if name != "" {
		names = []string{name}
	}
	if bs, err := e.Bibles(names); err == nil && len(bs) > 0 {
		return bs[0].Lang()
	}
	return analysis.English
}

// SearcherIn is a searcher over the Bibles of one language (a view of the
// shared index).
func (e *Engine) SearcherIn(ctx context.Context, lang string) (*search.Searcher, error) {
	lang = corpus.LangCode(lang)
	return lazy(e, "searcher:"+lang, func() (*search.Searcher, error) {
		s, err := e.Searcher(ctx, index.LoadOptions{})
		if err != nil {
			return nil, err
		}
		return search.New(s.Index().ForLang(lang), s.Params()), nil
	})
}

// askerIn answers questions from the Bibles of one language.
func (e *Engine) askerIn(ctx context.Context, lang string) (*ask.Asker, error) {
	lang = corpus.LangCode(lang)
	return lazy(e, "ask:"+lang, func() (*ask.Asker, error) {
		s, err := e.SearcherIn(ctx, lang)
		if err != nil {
			return nil, err
		}
		a := ask.New(s.Index())
		if e.Locale(lang) != nil {
			a.WithParser(e.ParserIn(canon.KJV(), lang))
		}
		return a, nil
	})
}

// xrefIn finds cross-references over the Bibles of one language.
func (e *Engine) xrefIn(ctx context.Context, lang string) (*xref.Finder, error) {
	lang = corpus.LangCode(lang)
	return lazy(e, "xref:"+lang, func() (*xref.Finder, error) {
		s, err := e.SearcherIn(ctx, lang)
		if err != nil {
			return nil, err
		}
		return xref.New(s.Index()), nil
	})
}

// studierIn writes studies in one language, from its Bibles.
func (e *Engine) studierIn(ctx context.Context, lang string) (*study.Studier, error) {
	lang = corpus.LangCode(lang)
	return lazy(e, "study:"+lang, func() (*study.Studier, error) {
		a, err := e.askerIn(ctx, lang)
		if err != nil {
			return nil, err
		}
		x, err := e.xrefIn(ctx, lang)
		if err != nil {
			e.log.Warn("cross-references unavailable to studies", "err", err)
			x = nil
		}
		st := study.New(a, x, e.corpus)
		if e.Locale(lang) != nil {
			st.WithParser(e.ParserIn(canon.KJV(), lang))
		}
		return st, nil
	})
}

// verifyModelIn is the verify model of the Bibles of one language, loaded
// from the cache directory or built and saved there.
func (e *Engine) verifyModelIn(ctx context.Context, lang string) (*verify.Model, error) {
	lang = corpus.LangCode(lang)
	return lazy(e, "verify-model:"+lang, func() (*verify.Model, error) {
		if len(e.corpus.BiblesIn(lang)) == 0 {
			return nil, fmt.Errorf("verify: no Bible in language %q is installed", lang)
		}
		return verify.CachedModel(ctx, verify.FromCorpusIn(e.corpus, lang), e.opts.CacheDir)
	})
}

// Locale is the book names of a language, from the locales.d directories
// of the library roots (libsword's locale files); nil for English, or when
// no locale file has the language.
func (e *Engine) Locale(lang string) *locale.Locale {
	lang = corpus.LangCode(lang)
	if lang == analysis.English {
		return nil
	}
	l, _ := lazy(e, "locale:"+lang, func() (*locale.Locale, error) {
		l, err := locale.Find(lang, locale.Dirs(e.roots)...)
		if err != nil {
			e.log.Warn("locale files", "lang", lang, "err", err)
		}
		return l, nil
	})
	return l
}

// RefNamer writes an OSIS reference or list for people in the book names
// of a language ("1John.4.16" -> "1 Juan 4:16" in Spanish, from libsword's
// locale files; a list joined by "; " as ref.HumanOSIS joins it); English,
// or a language without locale files, is ref.HumanOSIS ("Jude 3").
func (e *Engine) RefNamer(lang string) func(osis string) string {
	loc := e.Locale(lang)
	if loc == nil {
		return ref.HumanOSIS
	}
	return func(osis string) string {
		if osis == "" {
			return ""
		}
		var parts []string
		for _, one := range strings.Split(osis, ",") {
			r, err := ref.ParseOSIS(one)
			if err != nil {
				return ref.HumanOSIS(osis)
			}
			parts = append(parts, r.Format(loc))
		}
		return strings.Join(parts, "; ")
	}
}

// ParserIn is a reference parser for a versification that also reads the
// book names of a language (Locale); English reads English names only.
func (e *Engine) ParserIn(sys *canon.System, lang string) *ref.Parser {
	loc := e.Locale(lang)
	if loc == nil {
		return e.Parser(sys)
	}
	if sys == nil {
		sys = canon.KJV()
	}
	p, _ := lazy(e, "parser:"+sys.Name+":"+corpus.LangCode(lang), func() (*ref.Parser, error) {
		return ref.NewParser(ref.Options{System: sys, Apocrypha: true, Locale: loc}), nil
	})
	return p
}

// langOr is lang, or the Bible's language when lang is empty.
func langOr(lang string, b *corpus.Bible) string {
	if strings.TrimSpace(lang) != "" {
		return corpus.LangCode(lang)
	}
	return b.Lang()
}

// nonEnglish is lang, or "" for English (JSON leaves it out).
func nonEnglish(lang string) string {
	if lang == analysis.English {
		return ""
	}
	return lang
}

// verifyParser is the reference parser for verifying an article: nil (the
// verify default, English names) for an English article; for an article
// in another language (lang, or detected from its words when Bibles of
// that language are installed) a parser that also reads that language's
// book names, so that its citations ("Juan 3:16") are checked.
func (e *Engine) verifyParser(article []byte, lang string) *ref.Parser {
	if strings.TrimSpace(lang) == "" {
		lang, _ = e.LangFor("", string(article))
	}
	if e.Locale(lang) == nil {
		return nil
	}
	return e.ParserIn(canon.KJV(), lang)
}

// questionLang is LangFor for a question or topic (ask, study). When its
// function words do not tell (Detect finds the default language) and
// Bibles of other languages are installed, the words themselves decide:
// the language whose Bibles hold strictly more of the question's words
// than the default language's ("Dios es amor": dios and amor are in the
// RV1909, neither in the KJV or the WEB). It opens the search index.
func (e *Engine) questionLang(ctx context.Context, bible, text string) (string, error) {
	lang, err := e.LangFor(bible, text)
	if err != nil || strings.TrimSpace(bible) != "" || lang != e.DefaultLang() {
		return lang, err
	}
	s, err := e.Searcher(ctx, index.LoadOptions{})
	if err != nil {
		return lang, nil
	}
	langs := s.Index().Langs()
	if len(langs) < 2 {
		return lang, nil
	}
	words := index.Words(text)
	count := func(l string) int {
		n := 0
		for _, w := range words {
			for _, b := range s.Index().BiblesIn(l) {
				if b.Exact(w).Len() > 0 {
					n++
					break
				}
			}
		}
		return n
	}
	best, most := lang, count(lang)
	for _, l := range langs {
		if l == lang {
			continue
		}
		if n := count(l); n > most {
			best, most = l, n
		}
	}
	return best, nil
}
