package berean

import (
	"strings"

	"berean/canon"
	"berean/ref"
)

// RefsResult lists the references found in a text: `berean refs --json` and
// GET /api/refs.
type RefsResult struct {
	Refs []RefMatch `json:"refs"`
}

// RefMatch is one reference as written, with its OSIS form and its place in
// the text (Unicode code point offsets, end exclusive). A reference to a
// chapter or verse that does not exist has an empty OSIS and an error.
type RefMatch struct {
	OSIS  string `json:"osis"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Error string `json:"error,omitempty"`
}

// Refs finds the references in text. References are checked against the
// NRSVA versification, which has the deuterocanon and 3 John 1:15.
func (e *Engine) Refs(text string) *RefsResult { return e.RefsIn(text, "") }

// RefsIn is Refs that also reads the book names of a language ("es":
// "Juan 3:16", "1 Corintios 13:4"); empty or "en" is English only.
func (e *Engine) RefsIn(text, lang string) *RefsResult {
	sys, ok := canon.Get("NRSVA")
	if !ok {
		sys = canon.KJV()
	}
	res := &RefsResult{Refs: []RefMatch{}}
	for _, m := range e.ParserIn(sys, lang).Scan(text) {
		rm := RefMatch{Text: m.Text, Start: m.Start, End: m.End}
		if m.Err != nil {
			rm.Error = m.Err.Error()
		} else {
			rm.OSIS = ref.OSIS(m.Ranges)
		}
		res.Refs = append(res.Refs, rm)
	}
	return res
}

// RefsOSIS is all references in text as one comma-joined OSIS string, with
// the meaning of Bible-Passage-Reference-Parser's parse(text).osis().
func (e *Engine) RefsOSIS(text string) string {
	return e.Parser(canon.KJV()).OSISOf(text)
}

// RefsOSISIn is RefsOSIS for English; for another language, the OSIS of
// every reference RefsIn finds, comma-joined (BPRP knows English names
// only, so its exact semantics are English's).
func (e *Engine) RefsOSISIn(text, lang string) string {
	if e.Locale(lang) == nil {
		return e.RefsOSIS(text)
	}
	var parts []string
	for _, m := range e.RefsIn(text, lang).Refs {
		if m.OSIS != "" {
			parts = append(parts, m.OSIS)
		}
	}
	return strings.Join(parts, ",")
}
