package server

import (
	"context"
	"html/template"
	"net/url"
	"strings"

	"berean"
	"berean/search"
)

// The commentary pane of the reader: the choice of commentary and, for each
// passage, the comments covering it, their references linked.

// commentaryChoice is one option of the commentary menu.
type commentaryChoice struct {
	Name, Description string
	Selected          bool
}

// commentView is one comment of the pane.
type commentView struct {
	Module, OSIS, Reference string
	Text                    template.HTML
}

// commentaryParams reads ?commentary=MHCC&commentary=TDavid or a
// comma-separated list; empty values (the menu's "none") are dropped.
func commentaryParams(q url.Values) []string {
	var out []string
	for _, v := range q["commentary"] {
		out = append(out, splitList(v)...)
	}
	return out
}

func (u *ui) commentaryChoices(selected []string) []commentaryChoice {
	var out []commentaryChoice
	for _, c := range u.s.cur().eng.Corpus().Commentaries() {
		ch := commentaryChoice{Name: c.Name(), Description: c.Info.Description}
		for _, s := range selected {
			if strings.EqualFold(s, c.Name()) || strings.EqualFold(s, c.Module()) {
				ch.Selected = true
			}
		}
		out = append(out, ch)
	}
	return out
}

// addComments fills the passages' comment panes from the named
// commentaries.
func (u *ui) addComments(ctx context.Context, p *readPage, names []string) error {
	if len(names) == 0 || len(p.Passages) == 0 {
		return nil
	}
	res := &berean.ReadResult{}
	for _, pv := range p.Passages {
		res.Passages = append(res.Passages, berean.Passage{OSIS: pv.OSIS})
	}
	if err := u.s.cur().eng.AddComments(ctx, res, names); err != nil {
		return err
	}
	p.Commentary = true
	for i := range p.Passages {
		for _, c := range res.Passages[i].Comments {
			p.Passages[i].Comments = append(p.Passages[i].Comments, commentView{
				Module: c.Module, OSIS: c.OSIS, Reference: c.Reference, Text: linkify(u.s, c.Text)})
		}
	}
	return nil
}

// hitHref links a search hit to its passage; a comment's link opens the
// passage with its commentary's pane.
func hitHref(h search.Hit) string {
	u := "/read?ref=" + url.QueryEscape(h.OSIS)
	if h.Kind == "commentary" {
		u += "&commentary=" + url.QueryEscape(h.Bible)
	}
	return u
}
