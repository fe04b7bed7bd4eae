package server

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"berean"
)

// The index pages: /lexicon (Strong's Greek and Hebrew, by number or
// word), /topic (Nave's topics A-Z, with a filter), /xref (related
// passages: the reader's Related section).

// strongsRE is a Strong's number as typed in a box: G1793, h6293, G0846a.
var strongsRE = regexp.MustCompile(`^(?i:strong:)?[GHgh]0*[1-9][0-9]{0,4}[a-z]?$`)

// --- lexicon ---

// lexRow is one entry of the lexicon index.
type lexRow struct {
	Key, Lemma, Translit, Gloss string
	Greek                       bool
	def                         string // the whole definition, lower case, for the word search
}

// lexIndex is every Strong's entry, loaded once on first use (about 14,000
// rows).
type lexIndex struct {
	once sync.Once
	rows []lexRow
	err  error
}

func (u *ui) lexRows() ([]lexRow, error) {
	u.lexOnce.once.Do(func() {
		for e, err := range u.s.cur().eng.Corpus().LexiconEntries() {
			if err != nil {
				u.lexOnce.err = err
				continue
			}
			def := strings.Join(strings.Fields(e.Definition), " ")
			gloss := def
			if utf8.RuneCountInString(gloss) > 140 {
				gloss = string([]rune(gloss)[:140]) + "…"
			}
			u.lexOnce.rows = append(u.lexOnce.rows, lexRow{Key: e.Key, Lemma: e.Lemma, Translit: e.Translit, Gloss: gloss,
				def: strings.ToLower(def), Greek: strings.HasPrefix(e.Key, "G")})
		}
	})
	return u.lexOnce.rows, u.lexOnce.err
}

type lexiconIndexPage struct {
	base
	Q     string
	Lang  string // "G" or "H"
	Rows  []lexRow
	Total int
	Pages []pageLink
	// PrevPage and NextPage link the neighbouring pages of the listing.
	PrevPage, NextPage string
	Message            string
}

type pageLink struct {
	Label, URL string
	Current    bool
}

const lexPageSize = 200

func (u *ui) lexiconIndex(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q, err := param(r, "q", false)
	if err != nil {
		return "", nil, err
	}
	p := &lexiconIndexPage{base: base{Title: "Strong's lexicon", Nav: "lexicon"}, Q: q, Lang: "G"}
	if strings.EqualFold(r.URL.Query().Get("lang"), "H") {
		p.Lang = "H"
	}
	if strongsRE.MatchString(q) {
		key := strings.TrimPrefix(strings.TrimPrefix(q, "strong:"), "STRONG:")
		http.Redirect(w, r, "/lexicon/"+url.PathEscape(strings.ToUpper(key[:1])+key[1:]), http.StatusSeeOther)
		return "", nil, nil
	}
	rows, err := u.lexRows()
	if len(rows) == 0 && err != nil {
		return "lexicon_index", p, err
	}
	if q != "" {
		p.Title = q + " — Strong's lexicon"
		needle := strings.ToLower(q)
		for _, row := range rows {
			if matchWord(row.def, needle) || strings.EqualFold(row.Translit, q) || row.Lemma == q {
				p.Rows = append(p.Rows, row)
			}
		}
		p.Total = len(p.Rows)
		if len(p.Rows) > lexPageSize {
			p.Rows = p.Rows[:lexPageSize]
		}
		if p.Total == 0 {
			p.Message = "No entry's definition has the word " + strconv.Quote(q) + ". Type a number (G1793, H6293) or another English word."
		}
		return "lexicon_index", p, nil
	}
	var lang []lexRow
	for _, row := range rows {
		if row.Greek == (p.Lang == "G") {
			lang = append(lang, row)
		}
	}
	page := 0
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 0 && (n-1)*lexPageSize < len(lang) {
		page = n - 1
	}
	p.Total = len(lang)
	for i := 0; i*lexPageSize < len(lang); i++ {
		first, last := lang[i*lexPageSize].Key, lang[min(len(lang), (i+1)*lexPageSize)-1].Key
		p.Pages = append(p.Pages, pageLink{Label: first + "–" + last, URL: "/lexicon?lang=" + p.Lang + "&page=" + strconv.Itoa(i+1), Current: i == page})
	}
	p.Rows = lang[min(len(lang), page*lexPageSize):min(len(lang), (page+1)*lexPageSize)]
	if page > 0 {
		p.PrevPage = p.Pages[page-1].URL
	}
	if page+1 < len(p.Pages) {
		p.NextPage = p.Pages[page+1].URL
	}
	return "lexicon_index", p, nil
}

// matchWord reports whether text (lower case) has needle (lower case) as a
// word or as the start of a word.
func matchWord(text, needle string) bool {
	t := text
	for i := 0; ; {
		j := strings.Index(t[i:], needle)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isLetter(t, j) {
			return true
		}
		i = j + 1
	}
}

// isLetter reports whether the rune before byte j of s is a letter.
func isLetter(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return unicode.IsLetter(r)
}

type lexiconPage struct {
	base
	Entry     *berean.LexiconResult
	SearchURL string
	Hits      []kwicRow
	From, To  int
	Total     int
	Prev      string
	Next      string
	Bible     string
}

type kwicRow struct {
	OSIS               string
	Left, Match, Right string
	Text               template.HTML
}

const lexVersesPage = 50

func (u *ui) lexicon(w http.ResponseWriter, r *http.Request) (string, any, error) {
	key := r.PathValue("key")
	if !utf8.ValidString(key) {
		return "", nil, apiError(berean.CodeBadInput, "the key is not valid UTF-8")
	}
	e, err := u.s.cur().eng.Lexicon(r.Context(), key)
	if err != nil {
		if code, _ := berean.ErrorCode(err); code == berean.CodeNotFound {
			return "lexicon_index", &lexiconIndexPage{base: base{Title: key + " — Strong's lexicon", Nav: "lexicon"}, Q: key, Lang: "G"}, err
		}
		return "", nil, err
	}
	p := &lexiconPage{base: base{Title: "Strong's " + e.Key, Nav: "lexicon"}, Entry: e,
		SearchURL: "/search?q=" + url.QueryEscape("strong:"+e.Key)}
	offset := 0
	if o, err := strconv.Atoi(r.URL.Query().Get("offset")); err == nil && o > 0 && o < 100000 {
		offset = o
	}
	pr := u.prefs(w, r)
	bible := ""
	if len(pr.Bibles) > 0 {
		bible = pr.Bibles[0]
	}
	if err := u.lexiconVerses(r.Context(), p, e.Key, bible, offset); err != nil {
		u.s.log.WarnContext(r.Context(), "lexicon verses", "key", e.Key, "err", err)
	}
	return "lexicon", p, nil
}

// lexiconVerses fills the page's verses of key, a page at a time, each with
// the word in context.
func (u *ui) lexiconVerses(ctx context.Context, p *lexiconPage, key, bible string, offset int) error {
	req := berean.SearchRequest{Query: "strong:" + key, N: lexVersesPage, Offset: offset, KWIC: 60}
	if bible != "" {
		req.Bibles = []string{bible}
	}
	res, err := u.s.cur().eng.Search(ctx, req)
	if err != nil {
		return err
	}
	p.Total = res.Total
	p.Bible = strings.Join(res.Bibles, ", ")
	for _, h := range res.Results {
		row := kwicRow{OSIS: h.OSIS, Text: markSpans(h.Text, h.Spans)}
		if len(h.KWIC) > 0 {
			row.Left, row.Match, row.Right = h.KWIC[0].Left, h.KWIC[0].Match, h.KWIC[0].Right
		}
		p.Hits = append(p.Hits, row)
	}
	p.From, p.To = offset+1, offset+len(res.Results)
	base := "/lexicon/" + url.PathEscape(key) + "?offset="
	if offset+len(res.Results) < res.Total {
		p.Next = base + strconv.Itoa(offset+lexVersesPage)
	}
	if offset > 0 {
		p.Prev = base + strconv.Itoa(max(0, offset-lexVersesPage))
	}
	return nil
}

// --- topics ---

type topicIndexPage struct {
	base
	Q       string
	Letter  string
	Letters []pageLink
	Names   []string
	Message string
}

func (u *ui) topicIndex(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q, err := param(r, "q", false)
	if err != nil {
		return "", nil, err
	}
	p := &topicIndexPage{base: base{Title: "Nave's topics", Nav: "topic"}, Q: q}
	names, err := u.s.cur().eng.Corpus().TopicNames()
	if err != nil {
		return "topic_index", p, err
	}
	if q != "" {
		if t, err := u.s.cur().eng.Corpus().Topic(q); err == nil {
			http.Redirect(w, r, "/topic/"+url.PathEscape(t.Name), http.StatusSeeOther)
			return "", nil, nil
		}
		return "topic_index", u.topicsMatching(q), nil
	}
	letter := strings.ToUpper(r.URL.Query().Get("letter"))
	if len(letter) != 1 || letter[0] < 'A' || letter[0] > 'Z' {
		letter = "A"
	}
	for c := 'A'; c <= 'Z'; c++ {
		p.Letters = append(p.Letters, pageLink{Label: string(c), URL: "/topic?letter=" + string(c), Current: string(c) == letter})
	}
	p.Letter = letter
	for _, n := range names {
		if strings.HasPrefix(n, letter) {
			p.Names = append(p.Names, n)
		}
	}
	return "topic_index", p, nil
}

// topicsMatching is the topic index filtered by q: the names with q in them.
func (u *ui) topicsMatching(q string) *topicIndexPage {
	p := &topicIndexPage{base: base{Title: q + " — Nave's topics", Nav: "topic"}, Q: q}
	names, _ := u.s.cur().eng.Corpus().TopicNames()
	up := strings.ToUpper(strings.Join(strings.Fields(q), " "))
	for _, n := range names {
		if strings.Contains(n, up) {
			p.Names = append(p.Names, n)
		}
	}
	if len(p.Names) == 0 {
		p.Message = "No topic name has " + strconv.Quote(q) + " in it. Try another word, or search the Bible for it."
	}
	for c := 'A'; c <= 'Z'; c++ {
		p.Letters = append(p.Letters, pageLink{Label: string(c), URL: "/topic?letter=" + string(c)})
	}
	return p
}

// --- related passages ---

// xrefPage is /xref?ref=: the reader shows the related passages of a
// reference, so it sends the reader there.
func (u *ui) xrefPage(w http.ResponseWriter, r *http.Request) (string, any, error) {
	ref, err := param(r, "ref", false)
	if err != nil {
		return "", nil, err
	}
	target := "/read"
	if ref != "" {
		target = "/read?ref=" + url.QueryEscape(ref) + "#rel-h"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return "", nil, nil
}
