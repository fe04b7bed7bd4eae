package berean

import (
	"context"
	"errors"
	"slices"
	"strings"

	"berean/canon"
	"berean/corpus"
	"berean/ref"
)

// MaxReadVerses bounds the verses one Read returns (the whole KJV has 31,102;
// the longest book, Psalms, 2,461).
const MaxReadVerses = 10000

// MaxReadCells bounds verses × Bibles of one Read: checked from the
// references alone, before any Bible is read.
const MaxReadCells = 4 * MaxReadVerses

// ReadResult is a passage lookup: `berean read --json` and GET /api/read.
type ReadResult struct {
	Bible    string    `json:"bible"`            // the first Bible's abbreviation
	Module   string    `json:"module"`           // its module name
	Lang     string    `json:"lang,omitempty"`   // the language of the references' names when not English (conf Lang or --lang)
	Bibles   []string  `json:"bibles,omitempty"` // every Bible, when several were asked for
	Passages []Passage `json:"passages"`
}

// Passage is one reference's verses.
type Passage struct {
	OSIS      string  `json:"osis"`
	Reference string  `json:"reference"`
	Verses    []Verse `json:"verses"`
	// Comments are the commentaries' entries covering the passage, when
	// some were asked for (AddComments).
	Comments []Comment `json:"comments,omitempty"`
	// Notes are the footnotes and cross-reference notes of the passage's
	// verses, marked a, b, c ... in order.
	Notes []Note `json:"notes"`
}

// Verse is one verse of the first Bible, with the corresponding verses of
// the others when several Bibles were asked for.
type Verse struct {
	OSIS      string         `json:"osis"`
	Reference string         `json:"reference"`
	Text      string         `json:"text"`
	Heading   string         `json:"heading,omitempty"`
	Parallel  []ParallelText `json:"parallel,omitempty"`
}

// ParallelText is what another Bible has for a verse, aligned through the
// versification mappings (it may be several verses, or none).
type ParallelText struct {
	Bible string `json:"bible"`
	Lang  string `json:"lang,omitempty"` // the Bible's language when not English
	OSIS  string `json:"osis"`
	Text  string `json:"text"`
}

// Bibles resolves Bible names (abbreviations or module names, any case;
// "all" is every installed Bible; empty means KJV, or the first installed
// Bible when there is no KJV).
func (e *Engine) Bibles(names []string) ([]*corpus.Bible, error) {
	var out []*corpus.Bible
	for _, n := range names {
		for _, part := range strings.Split(n, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			if strings.EqualFold(part, "all") {
				out = append(out, e.corpus.Bibles()...)
				continue
			}
			b, err := e.corpus.Bible(part)
			if err != nil {
				return nil, e.notABible(part, err)
			}
			out = append(out, b)
		}
	}
	if len(out) > 0 {
		return dedupe(out), nil
	}
	if b, err := e.corpus.Bible("KJV"); err == nil {
		return []*corpus.Bible{b}, nil
	}
	all := e.corpus.Bibles()
	if len(all) == 0 {
		return nil, inputErrf(CodeUnknownModule, "no Bible modules are installed in %s (install e.g. the Debian package sword-text-kjv)", strings.Join(e.roots, ", "))
	}
	return all[:1], nil
}

// dedupe keeps the first of Bibles named twice ("KJV,all").
func dedupe(bs []*corpus.Bible) []*corpus.Bible {
	var out []*corpus.Bible
	for _, b := range bs {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// Parser returns a reference parser for a versification, with the
// deuterocanon recognised (whether it exists is up to the system).
func (e *Engine) Parser(sys *canon.System) *ref.Parser {
	if sys == nil {
		sys = canon.KJV()
	}
	p, _ := lazy(e, "parser:"+sys.Name, func() (*ref.Parser, error) {
		return ref.NewParser(ref.Options{System: sys, Apocrypha: true}), nil
	})
	return p
}

// ParseRefs parses reference lists against a Bible's versification, in
// the book names of its language and English; errors name what is wrong
// ("John has 21 chapters; John 22 does not exist").
func (e *Engine) ParseRefs(b *corpus.Bible, refs []string) ([]ref.Range, error) {
	return e.ParseRefsIn(b, refs, "")
}

// ParseRefsIn is ParseRefs with the book names of lang (empty: the
// Bible's language).
func (e *Engine) ParseRefsIn(b *corpus.Bible, refs []string, lang string) ([]ref.Range, error) {
	p := e.ParserIn(b.System(), langOr(lang, b))
	var out []ref.Range
	for _, s := range refs {
		rs, err := p.Parse(s)
		if err != nil {
			if errors.Is(err, ref.ErrNoReference) {
				return nil, inputErrf(CodeInvalidReference, "%q is not a Bible reference (try e.g. \"John 3:16\" or \"Heb 7:23-25\")", s)
			}
			return nil, inputErr(CodeInvalidReference, err)
		}
		out = append(out, rs...)
	}
	if len(out) == 0 {
		return nil, inputErrf(CodeInvalidReference, "no reference given (try e.g. \"John 3:16\")")
	}
	return out, nil
}

// Read returns the passages of refs (each a reference list such as
// "Heb 7:23-25; Rom 8:34") in the given Bibles; with several Bibles the
// others' verses are aligned to the first's.
func (e *Engine) Read(ctx context.Context, refs []string, bibles []string) (*ReadResult, error) {
	return e.ReadIn(ctx, refs, bibles, "")
}

// ReadIn is Read with the references read and written in the book names
// of lang (empty: the first Bible's language): "Juan 3:16" for the RV1909.
func (e *Engine) ReadIn(ctx context.Context, refs []string, bibles []string, lang string) (*ReadResult, error) {
	bs, passages, lang, err := e.ReadRowsIn(ctx, refs, bibles, lang)
	if err != nil {
		return nil, err
	}
	loc := e.Locale(lang)
	res := &ReadResult{Bible: bs[0].Name(), Module: bs[0].Module(), Lang: nonEnglish(lang), Passages: []Passage{}}
	if len(bs) > 1 {
		for _, b := range bs {
			res.Bibles = append(res.Bibles, b.Name())
		}
	}
	for _, pr := range passages {
		r := pr.Range
		p := Passage{OSIS: r.OSIS(), Reference: r.Format(loc), Verses: []Verse{}, Notes: PassageNotes(bs, pr)}
		for _, row := range pr.Rows {
			v := Verse{OSIS: row.Ref.OSIS(), Reference: row.Ref.Format(loc)}
			if len(row.Cells) > 0 && len(row.Cells[0]) > 0 {
				first := row.Cells[0][0]
				v.Text, v.Heading = first.Text.Clean, first.Text.Heading
			}
			for i := 1; i < len(row.Cells); i++ {
				pt := ParallelText{Bible: bs[i].Name(), Lang: nonEnglish(bs[i].Lang())}
				var osis, texts []string
				for _, c := range row.Cells[i] {
					osis = append(osis, c.Ref.OSIS())
					if c.Text.Clean != "" {
						texts = append(texts, c.Text.Clean)
					}
				}
				pt.OSIS = joinOSIS(osis)
				pt.Text = strings.Join(texts, " ")
				v.Parallel = append(v.Parallel, pt)
			}
			p.Verses = append(p.Verses, v)
		}
		res.Passages = append(res.Passages, p)
	}
	return res, nil
}

// joinOSIS writes consecutive verses as a range: ["3John.1.14","3John.1.15"]
// -> "3John.1.14-3John.1.15".
func joinOSIS(ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	return ids[0] + "-" + ids[len(ids)-1]
}

// CheckReadSize refuses a read over MaxReadVerses verses or MaxReadCells
// verses × Bibles, counting the verses of the references in the first
// Bible's versification (no text is read).
func CheckReadSize(ctx context.Context, bs []*corpus.Bible, ranges []ref.Range) error {
	n := 0
	for _, r := range ranges {
		for range r.Verses(bs[0].System()) {
			n++
			if n > MaxReadVerses || n*len(bs) > MaxReadCells {
				if n > MaxReadVerses {
					return inputErrf(CodeTooLarge, "the passage has more than %d verses; ask for a smaller one", MaxReadVerses)
				}
				return inputErrf(CodeTooLarge, "%d Bibles side by side are limited to %d verses in all; ask for a smaller passage or fewer Bibles", len(bs), MaxReadCells/len(bs))
			}
			if n&1023 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
