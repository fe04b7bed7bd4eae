package server

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"berean"
	"berean/canon"
	"berean/corpus"
	"berean/ref"
)

// The reader: /read. It reads through the same Engine call as /api/read
// (ReadRows: the same parsing, the same limit), so the two accept and
// refuse the same references. A bare book shows its first chapter, with a
// link to the whole book (?whole=1); /read alone shows the book picker and
// every book's chapters.

type readPage struct {
	base
	Ref      string
	Bibles   []bibleChoice
	Names    []string // the Bibles shown, in column order
	Strongs  bool
	Passages []passageView
	Related  *xrefView
	ChapNav  *chapterNav
	Picker   pickerView
	Whole    string // the whole book's URL when a bare book shows chapter 1
	Books    []bookLink
	// Commentaries are the commentary menu; Commentary says a pane is shown.
	Commentaries []commentaryChoice
	Commentary   bool
}

// chapterNav links the chapters before and after the one read.
type chapterNav struct {
	PrevURL, PrevLabel string
	NextURL, NextLabel string
}

type pickerView struct {
	Books   []bookOption
	Book    string // OSIS of the current book
	Name    string // its name
	Chapter int
	// Chapters links every chapter of the current book.
	Chapters []chapterLink
}

type bookOption struct {
	OSIS, Name string
	Chapters   int
	Selected   bool
}

type chapterLink struct {
	N       int
	URL     string
	Current bool
}

type bookLink struct {
	Name, URL string
	Chapters  int
	NT        bool
}

type bibleChoice struct {
	Name, Description string
	Checked           bool
}

type passageView struct {
	Title string
	OSIS  string
	Rows  []rowView
	Notes []berean.Note
	// Copy is the passage as plain text with its reference and
	// translation, for the copy button: "Psalm 23:1-2 (KJV)\n1 The LORD ...".
	Copy     string
	Comments []commentView
}

type rowView struct {
	OSIS    string
	Heading string
	Cells   []cellView
}

type cellView struct {
	Bible  string
	Lang   string // the module's language (conf Lang)
	Verses []verseView
}

type verseView struct {
	Num  string        // "25", or "3:1" at a chapter change
	Text template.HTML // with the note markers in place
}

func (u *ui) bibleChoices(selected []string) []bibleChoice {
	var out []bibleChoice
	for _, b := range u.s.cur().eng.Corpus().Bibles() {
		c := bibleChoice{Name: b.Name(), Description: b.Info.Description}
		for _, s := range selected {
			if strings.EqualFold(s, b.Name()) || strings.EqualFold(s, b.Module()) || strings.EqualFold(s, "all") {
				c.Checked = true
			}
		}
		out = append(out, c)
	}
	return out
}

// bibleParams reads ?bible=KJV&bible=WEB or ?bible=KJV,WEB.
func bibleParams(r *http.Request) []string {
	var out []string
	for _, v := range r.URL.Query()["bible"] {
		out = append(out, splitList(v)...)
	}
	return out
}

func (u *ui) read(w http.ResponseWriter, r *http.Request) (string, any, error) {
	eng := u.s.cur().eng
	refText, err := param(r, "ref", false)
	if err != nil {
		return "", nil, err
	}
	pr := u.prefs(w, r)
	p := &readPage{base: base{Title: "Read", Query: refText, Nav: "read"}, Ref: refText, Strongs: pr.Strongs}
	bs, err := eng.Bibles(pr.Bibles)
	if err != nil {
		p.Bibles = u.bibleChoices(nil)
		return "read", p, err
	}
	for _, b := range bs {
		p.Names = append(p.Names, b.Name())
	}
	p.Bibles = u.bibleChoices(p.Names)
	comms := commentaryParams(r.URL.Query())
	p.Commentaries = u.commentaryChoices(comms)
	if refText == "" {
		// The picker's book and chapter, when it was used.
		if book := r.URL.Query().Get("book"); book != "" && utf8.ValidString(book) {
			refText = book
			if ch, err := strconv.Atoi(r.URL.Query().Get("chapter")); err == nil && ch > 0 {
				refText += " " + strconv.Itoa(ch)
			}
			p.Ref, p.Query = refText, refText
		}
	}
	p.Picker = u.picker(bs[0].System(), "", 0)
	if refText == "" {
		p.Books = bookLinks(bs[0].System())
		return "read", p, nil
	}
	ranges, err := eng.ParseRefsAnchored(bs, []string{refText}, "")
	if err != nil {
		return "read", p, err
	}
	read := []string{refText}
	if len(ranges) == 1 && ranges[0].Start.Chapter == 0 && ranges[0].IsSingle() && r.URL.Query().Get("whole") == "" {
		book := ranges[0].Start.Book
		read = []string{book + ".1"}
		p.Whole = "/read?ref=" + url.QueryEscape(book) + "&whole=1"
	}
	bs, passages, err := eng.ReadRows(r.Context(), read, pr.Bibles)
	if err != nil {
		return "read", p, err
	}
	notesOf := func(ns []berean.Note, bible, osis string) []berean.Note {
		var out []berean.Note
		for _, n := range ns {
			if n.OSIS == osis && (n.Bible == "" || n.Bible == bible) {
				out = append(out, n)
			}
		}
		return out
	}
	total := 0
	for _, pa := range passages {
		rg := pa.Range
		pv := passageView{Title: rg.Format(eng.Locale(bs[0].Lang())), OSIS: rg.OSIS(), Notes: berean.PassageNotes(bs, pa)}
		copies := make([][]string, len(bs))
		for _, row := range pa.Rows {
			total++
			rv := rowView{OSIS: row.Ref.OSIS()}
			for i, cell := range row.Cells {
				cv := cellView{Bible: bs[i].Name(), Lang: bs[i].Lang()}
				for _, v := range cell {
					if i == pa.Anchor && v.Text.Heading != "" && rv.Heading == "" {
						rv.Heading = v.Text.Heading
					}
					num := strconv.Itoa(v.Ref.Verse)
					if v.Ref.Chapter != row.Ref.Chapter || v.Ref.Book != row.Ref.Book {
						num = strconv.Itoa(v.Ref.Chapter) + ":" + num
					}
					marks := noteMarks(len(p.Passages), notesOf(pv.Notes, bs[i].Name(), v.Ref.OSIS()))
					cv.Verses = append(cv.Verses, verseView{Num: num, Text: wordsHTML(v.Text, p.Strongs, marks)})
					if v.Text.Clean != "" {
						copies[i] = append(copies[i], num+" "+v.Text.Clean)
					}
				}
				rv.Cells = append(rv.Cells, cv)
			}
			pv.Rows = append(pv.Rows, rv)
		}
		pv.Copy = copyText(pv.Title, bs, copies)
		p.Passages = append(p.Passages, pv)
	}
	p.Title = strings.Join(titles(p.Passages), "; ")
	if len(passages) > 0 {
		first, last := passages[0], passages[len(passages)-1]
		sys := bs[first.Anchor].System()
		p.ChapNav = chapterNavOf(sys, first.Range, last.Range)
		start := first.Range.Start
		if start.Chapter == 0 {
			start.Chapter = 1
		}
		p.Picker = u.picker(sys, start.Book, start.Chapter)
	}
	if err := u.addComments(r.Context(), p, comms); err != nil {
		return "read", p, err
	}
	// Related passages for a short passage (xref works on one range of the
	// KJV versification); a failure only leaves the section out.
	if len(ranges) == 1 && total <= 12 {
		all := r.URL.Query().Get("related") == "all"
		if res, err := u.s.xref(r.Context(), ranges[0].OSIS(), p.Names[0], relatedAll); err == nil {
			p.Related = relatedView(ranges[0].String(), refText, res, all)
		}
	}
	return "read", p, nil
}

// copyText is a passage as the copy button puts it on the clipboard: per
// Bible, the reference and translation, then the verses with their
// numbers ("Psalm 23:1-2 (KJV)\n1 The LORD is my shepherd; ..."); a single
// verse has no number. A Bible with no text for the passage is left out.
func copyText(title string, bs []*corpus.Bible, verses [][]string) string {
	var parts []string
	for i, vs := range verses {
		if len(vs) == 0 {
			continue
		}
		text := strings.Join(vs, " ")
		if len(vs) == 1 {
			_, text, _ = strings.Cut(vs[0], " ")
		}
		parts = append(parts, fmt.Sprintf("%s (%s)\n%s", title, bs[i].Name(), text))
	}
	return strings.Join(parts, "\n\n")
}

// chapterNavOf links the chapter before the first range and the one after
// the last, across book boundaries (Malachi 4 -> Matthew 1).
func chapterNavOf(sys *canon.System, first, last ref.Range) *chapterNav {
	books := sys.Books()
	idx := func(osis string) int {
		for i, b := range books {
			if b.OSIS == osis {
				return i
			}
		}
		return -1
	}
	n := &chapterNav{}
	s := first.Start
	if bi := idx(s.Book); bi >= 0 {
		switch {
		case s.Chapter > 1:
			n.PrevURL, n.PrevLabel = chapterURL(s.Book, s.Chapter-1)
		case bi > 0:
			pb := books[bi-1]
			n.PrevURL, n.PrevLabel = chapterURL(pb.OSIS, pb.Chapters())
		}
	}
	e := last.End
	if e.Book == "" {
		e = last.Start
	}
	if bi := idx(e.Book); bi >= 0 {
		ch := e.Chapter
		if ch == 0 { // a whole book: the next book
			ch = books[bi].Chapters()
		}
		switch {
		case ch < books[bi].Chapters():
			n.NextURL, n.NextLabel = chapterURL(e.Book, ch+1)
		case bi+1 < len(books):
			n.NextURL, n.NextLabel = chapterURL(books[bi+1].OSIS, 1)
		}
	}
	if n.PrevURL == "" && n.NextURL == "" {
		return nil
	}
	return n
}

func chapterURL(book string, ch int) (string, string) {
	r := ref.Ref{Book: book, Chapter: ch}
	return "/read?ref=" + url.QueryEscape(r.OSIS()), r.String()
}

func (u *ui) picker(sys *canon.System, book string, chapter int) pickerView {
	pv := pickerView{Book: book, Chapter: chapter}
	for _, b := range sys.Books() {
		pv.Books = append(pv.Books, bookOption{OSIS: b.OSIS, Name: b.HumanName(), Chapters: b.Chapters(), Selected: b.OSIS == book})
		if b.OSIS == book {
			pv.Name = b.HumanName()
			for c := 1; c <= b.Chapters(); c++ {
				url, _ := chapterURL(b.OSIS, c)
				pv.Chapters = append(pv.Chapters, chapterLink{N: c, URL: url, Current: c == chapter})
			}
		}
	}
	return pv
}

func bookLinks(sys *canon.System) []bookLink {
	var out []bookLink
	for _, b := range sys.Books() {
		url, _ := chapterURL(b.OSIS, 1)
		out = append(out, bookLink{Name: b.HumanName(), URL: url, Chapters: b.Chapters(), NT: b.Testament == canon.NT})
	}
	return out
}

func titles(ps []passageView) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}
