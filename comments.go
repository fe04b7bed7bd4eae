package berean

import (
	"context"
	"errors"
	"strings"

	"berean/corpus"
	"berean/ref"
)

// MaxComments bounds the comments one read returns.
const MaxComments = 2000

// Comment is one commentary entry covering part of a passage:
// `berean read -c` and GET /api/read?commentary=.
type Comment struct {
	Module    string   `json:"module"` // the commentary's abbreviation
	OSIS      string   `json:"osis"`   // the verses the entry covers
	Reference string   `json:"-"`      // the same, for people (the contract's JSON has osis only)
	Text      string   `json:"text"`
	Refs      []string `json:"refs"` // references inside the comment, OSIS
}

// Commentaries resolves commentary names (abbreviations or module names,
// any case, comma-separated lists allowed).
func (e *Engine) Commentaries(names []string) ([]*corpus.Commentary, error) {
	var out []*corpus.Commentary
	for _, n := range names {
		for _, part := range strings.Split(n, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			cm, err := e.corpus.Commentary(part)
			if err != nil {
				if _, berr := e.corpus.Bible(part); berr == nil {
					return nil, inputErrf(CodeUnknownModule, "%s is a Bible, not a commentary; name it with -b/--bible (bible=)", part)
				}
				return nil, inputErr(CodeUnknownModule, err)
			}
			out = append(out, cm)
		}
	}
	return out, nil
}

// AddComments fills each passage of res with the comments of the named
// commentaries covering it: for each commentary in turn, its entries in
// order, each once with the range it covers.
func (e *Engine) AddComments(ctx context.Context, res *ReadResult, names []string) error {
	cms, err := e.Commentaries(names)
	if err != nil || len(cms) == 0 {
		return err
	}
	total := 0
	for i := range res.Passages {
		p := &res.Passages[i]
		p.Comments = []Comment{}
		rs, err := rangesOf(p.OSIS)
		if err != nil {
			return inputErr(CodeInvalidReference, err)
		}
		if err := e.addComments(ctx, p, cms, rs, &total); err != nil {
			return err
		}
	}
	return nil
}

// rangesOf reads a passage's OSIS, a range or a list of them.
func rangesOf(osis string) ([]ref.Range, error) {
	var out []ref.Range
	for _, part := range strings.Split(osis, ",") {
		r, err := corpus.ParseOSIS(part)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (e *Engine) addComments(ctx context.Context, p *Passage, cms []*corpus.Commentary, rs []ref.Range, total *int) error {
	for _, cm := range cms {
		seen := map[string]bool{}
		for _, r := range rs {
			if err := ctxErr(ctx); err != nil {
				return err
			}
			list, err := cm.Comments(r)
			if err != nil {
				if errors.Is(err, corpus.ErrUnknownModule) {
					return inputErr(CodeUnknownModule, err)
				}
				return inputErr(CodeInvalidReference, err)
			}
			for _, c := range list {
				key := c.Range.OSIS() + "\x00" + c.Text
				if seen[key] {
					continue
				}
				seen[key] = true
				if *total++; *total > MaxComments {
					return inputErrf(CodeTooLarge, "the passage has more than %d comments; ask for a smaller one", MaxComments)
				}
				refs := make([]string, 0, len(c.Refs))
				for _, x := range c.Refs {
					refs = append(refs, x.OSIS())
				}
				p.Comments = append(p.Comments, Comment{Module: cm.Name(), OSIS: c.Range.OSIS(), Reference: c.Range.String(), Text: c.Text, Refs: refs})
			}
		}
	}
	return nil
}

// notABible is the error for a Bible name that is not one: when it names a
// commentary it says to use -c.
func (e *Engine) notABible(name string, err error) error {
	if cm, cerr := e.corpus.Commentary(name); cerr == nil {
		return inputErrf(CodeUnknownModule, "%s is a commentary, not a Bible; read it beside the text with -c/--commentary %s (HTTP: commentary=%s)", cm.Name(), cm.Name(), cm.Name())
	}
	return inputErr(CodeUnknownModule, err)
}
