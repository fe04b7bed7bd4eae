package berean

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"berean/analysis"
	"berean/ask"
	"berean/canon"
	"berean/corpus"
	"berean/ref"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// The four operations on the pooled Bibles of a language: Ask, Study, Xref
// and Verify. Each takes a request, resolves the Bible it names once
// (Bibles: an unknown name is CodeUnknownModule before any feature runs),
// chooses the language it is served in (lang.go), runs the feature under
// WithIndex (a damaged index is rebuilt and the work done again) and
// returns the result type that the CLI prints with --json, the API returns
// and the web pages render. Errors the user can fix are *Error with a code
// of errors.go.

// MaxQuestion bounds the length of a question or study topic (bytes).
const MaxQuestion = 2000

// AskRequest is a question (berean ask, GET /api/ask, the ask page).
type AskRequest struct {
	Question string
	// Lang is the language the question is answered in when it names no
	// Bible (default: the language of its words, questionLang).
	Lang string
	// Options are ask's: Bible (the translation answers are quoted in,
	// default KJV or the first Bible of the language), N (default 10) and
	// the rest.
	ask.Options
}

// Ask answers a question with the verses that answer it, best first.
func (e *Engine) Ask(ctx context.Context, r AskRequest) (*ask.Result, error) {
	if err := checkText("question", r.Question, fmt.Errorf("ask: %w", ask.ErrEmpty)); err != nil {
		return nil, err
	}
	if r.N < 0 {
		return nil, inputErrf(CodeBadParameter, "n must be a positive whole number, not %d", r.N)
	}
	lang, err := e.requestLang(ctx, r.Lang, r.Bible, r.Question, true)
	if err != nil {
		return nil, err
	}
	if r.Lang == "" && r.Bible == "" {
		lang = e.referenceLang(r.Question, lang)
	}
	var res *ask.Result
	err = e.WithIndex(ctx, func() error {
		a, err := e.askerIn(ctx, lang)
		if err != nil {
			return err
		}
		res, err = a.Ask(ctx, r.Question, r.Options)
		return err
	})
	if res != nil && r.Lang == "" && r.Bible == "" {
		res.Note = e.langNote("question", r.Question, lang)
	}
	if res != nil {
		if name := e.localNamer(res.Bible); name != nil {
			for i := range res.Results {
				res.Results[i].Reference = name(res.Results[i].OSIS)
			}
		}
	}
	return res, UserError(err)
}

// langNote says when a question or topic is in a language that no
// installed Bible has, so that it was answered from the Bibles of lang:
// "" otherwise. The language is told by the text's function words
// (analysis.Detect).
func (e *Engine) langNote(what, text, lang string) string {
	det := analysis.Detect(text)
	if det == lang || det == analysis.English || len(e.corpus.BiblesIn(det)) > 0 {
		return ""
	}
	return fmt.Sprintf("the %s looks %s, and no Bible in that language is installed: answered from the %s Bibles (berean modules available lists the Bibles you can install)",
		what, analysis.LangName(det), analysis.LangName(lang))
}

// StudyRequest is a topical study (berean study, GET /api/study, the
// study page).
type StudyRequest struct {
	Topic string
	// Lang is the language of the study when it names no Bible (default:
	// the language of the topic's words).
	Lang string
	// Options are study's: Bible and the number of passages per section.
	study.Options
}

// Study writes a topical study of a theme or question.
func (e *Engine) Study(ctx context.Context, r StudyRequest) (*study.Study, error) {
	if err := checkText("topic", r.Topic, fmt.Errorf("study: %w", study.ErrEmpty)); err != nil {
		return nil, err
	}
	lang, err := e.requestLang(ctx, r.Lang, r.Bible, r.Topic, true)
	if err != nil {
		return nil, err
	}
	if r.Lang == "" && r.Bible == "" {
		lang = e.referenceLang(r.Topic, lang)
	}
	var res *study.Study
	err = e.WithIndex(ctx, func() error {
		st, err := e.studierIn(ctx, lang)
		if err != nil {
			return err
		}
		res, err = st.Study(ctx, r.Topic, r.Options)
		return err
	})
	if res != nil && r.Lang == "" && r.Bible == "" {
		res.Note = e.langNote("topic", r.Topic, lang)
	}
	if res != nil {
		// The passages named in the quoted Bible's language ("Juan
		// 3:16"), as ask's and xref's results are.
		if name := e.localNamer(res.Bible); name != nil {
			for i := range res.Sections {
				for j := range res.Sections[i].Passages {
					p := &res.Sections[i].Passages[j]
					p.Ref = name(p.OSIS)
				}
			}
		}
	}
	return res, UserError(err)
}

// XrefRequest asks for the passages related to a reference (berean xref,
// GET /api/xref, the reader's related passages).
type XrefRequest struct {
	// Ref is one reference, in English book names, OSIS, or the book
	// names of the language (Lang, else the Bible's: "Juan 3:16").
	Ref  string
	Lang string
	// Options are xref's: N (default 20), Bible, Kinds.
	xref.Options
}

// Xref lists the passages related to a reference, strongest kind first.
func (e *Engine) Xref(ctx context.Context, r XrefRequest) (*xref.Result, error) {
	if strings.TrimSpace(r.Ref) == "" {
		return nil, inputErrf(CodeMissingParameter, "no reference given (try e.g. \"Heb 7:25\")")
	}
	if r.N < 0 {
		return nil, inputErrf(CodeBadParameter, "n must be a positive whole number, not %d", r.N)
	}
	for _, k := range r.Kinds {
		if !slices.Contains(xref.Kinds, k) {
			return nil, inputErrf(CodeBadParameter, "xref: no kind %q: the kinds are %s", k, strings.Join(xref.Kinds, ", "))
		}
	}
	lang, err := e.requestLang(ctx, r.Lang, r.Bible, "", false)
	if err != nil {
		return nil, err
	}
	reference := e.englishRef(r.Ref, r.Bible, langOrDefault(r.Lang, lang))
	var res *xref.Result
	err = e.WithIndex(ctx, func() error {
		f, err := e.xrefIn(ctx, lang)
		if err != nil {
			return err
		}
		if _, _, _, err := f.Parse(reference); err != nil {
			return inputErr(CodeInvalidReference, err)
		}
		res, err = f.Related(ctx, reference, r.Options)
		return err
	})
	if res != nil {
		if name := e.localNamer(res.Bible); name != nil {
			res.Reference = name(res.OSIS)
			for i := range res.Related {
				res.Related[i].Reference = name(res.Related[i].OSIS)
			}
		}
	}
	return res, UserError(err)
}

// VerifyRequest is an article whose citations are checked (berean verify,
// POST /api/verify, the verify page).
type VerifyRequest struct {
	// Article is text, Markdown or HTML (detected), at most
	// verify.MaxInput bytes.
	Article []byte
	// Lang is the language of the article's book names (default: detected
	// from its words when Bibles of that language are installed).
	Lang string
	// UseIndex builds the search index, when it is not built yet, to find
	// where misplaced quotations come from; without it an index already
	// built is used and verify's own model otherwise (a one-off check
	// need not build the index).
	UseIndex bool
}

// Verify checks every Bible citation and quotation of an article.
func (e *Engine) Verify(ctx context.Context, r VerifyRequest) (*verify.Report, error) {
	var rep verify.Report
	err := e.WithIndex(ctx, func() error {
		d, err := e.verifyDeps(ctx, r.UseIndex)
		if err != nil {
			return err
		}
		d.Parser = e.verifyParser(r.Article, r.Lang)
		rep, err = verify.Article(ctx, r.Article, d)
		return err
	})
	if err != nil {
		return nil, UserError(err)
	}
	return &rep, nil
}

// checkText refuses an empty question or topic (empty: bad_input, the
// feature's own message) and one over MaxQuestion.
func checkText(what, s string, empty error) error {
	if strings.TrimSpace(s) == "" {
		return inputErr(CodeBadInput, empty)
	}
	if len(s) > MaxQuestion {
		return inputErrf(CodeTooLarge, "the %s is longer than %d bytes", what, MaxQuestion)
	}
	return nil
}

// requestLang resolves the Bible a request names (an unknown one is
// CodeUnknownModule) and returns the language the request is served in:
// the Bible's; else lang when given; else that of the text (by its words
// for a question or topic, questionLang; LangFor otherwise).
func (e *Engine) requestLang(ctx context.Context, lang, bible, text string, byWords bool) (string, error) {
	if strings.TrimSpace(bible) != "" {
		bs, err := e.Bibles([]string{bible})
		if err != nil {
			return "", err
		}
		return bs[0].Lang(), nil
	}
	if strings.TrimSpace(lang) != "" {
		return corpus.LangCode(lang), nil
	}
	var l string
	var err error
	if byWords {
		l, err = e.questionLang(ctx, "", text)
	} else {
		l, err = e.LangFor("", text)
	}
	if err != nil {
		return e.DefaultLang(), nil
	}
	return l, nil
}

func langOrDefault(lang, def string) string {
	if strings.TrimSpace(lang) != "" {
		return lang
	}
	return def
}

// localNamer is RefNamer for the language of a Bible that has locale
// files, nil for one that has none: the results then keep the names their
// package gave them.
func (e *Engine) localNamer(bible string) func(osis string) string {
	if loc := e.BibleLang(bible); e.Locale(loc) != nil {
		return e.RefNamer(loc)
	}
	return nil
}

// referenceLang is the language of a question or topic made only of
// references: the first installed language whose book names read it
// ("Juan 3:16" is Spanish) when neither lang's nor English names do;
// lang otherwise.
func (e *Engine) referenceLang(text, lang string) string {
	if wholeReference(e.ParserIn(canon.KJV(), lang), text) ||
		e.Locale(lang) != nil && wholeReference(e.Parser(nil), text) {
		return lang
	}
	seen := map[string]bool{lang: true}
	for _, b := range e.corpus.Bibles() {
		l := b.Lang()
		if seen[l] || e.Locale(l) == nil {
			continue
		}
		seen[l] = true
		if wholeReference(e.ParserIn(canon.KJV(), l), text) {
			return l
		}
	}
	return lang
}

// wholeReference reports whether text is made only of references that p
// reads (ref.Parser.Whole), or is wholly one that does not exist ("Juan
// 22"): asked or studied, it is about those passages, or an error naming
// the limit.
func wholeReference(p *ref.Parser, text string) bool {
	_, err := p.Whole(text)
	var ie *ref.InvalidError
	return err == nil || errors.As(err, &ie)
}

// englishRef turns a reference written in the book names of a language
// other than English ("Juan 3:16") into OSIS, for the features that read
// English references; English, and text that is no reference there, pass
// as they are (the feature reports them).
func (e *Engine) englishRef(text, bible, lang string) string {
	if e.Locale(lang) == nil {
		return text
	}
	var names []string
	if bible != "" {
		names = []string{bible}
	}
	bs, err := e.Bibles(names)
	if err != nil {
		return text
	}
	rs, err := e.ParseRefsIn(bs[0], []string{text}, lang)
	if err != nil {
		return text
	}
	return ref.OSIS(rs)
}
