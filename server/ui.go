package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"berean"
	"berean/canon"
	"berean/markup"
	"berean/ref"
	"berean/search"
	"berean/verify"
)

//go:embed templates/*.html static/*
var assets embed.FS

// ui is the web interface: server-rendered pages that work without
// JavaScript; static/app.js only adds conveniences.
type ui struct {
	s       *Server
	lexOnce lexIndex
	pages   map[string]*template.Template
	static  http.Handler
}

var pageNames = []string{"home", "read", "search", "ask", "study", "verify", "lexicon", "topic", "error", "lexicon_index", "topic_index"}

func newUI(s *Server) (*ui, error) {
	u := &ui{s: s, pages: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"human":   ref.HumanOSIS,
		"readURL": func(osis string) string { return "/read?ref=" + url.QueryEscape(osis) },
		"pct":     func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
		"score":   func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		"topicURL": func(name string) string {
			return "/topic/" + url.PathEscape(name)
		},
		"seeURL": func(s string) string {
			if len(s) > 1 && (s[0] == 'G' || s[0] == 'H') && s[1] >= '0' && s[1] <= '9' {
				return "/lexicon/" + url.PathEscape(s)
			}
			return "/topic/" + url.PathEscape(s)
		},
		"join":    strings.Join,
		"linkify": func(text string) template.HTML { return linkify(s, text) },
		"inc":     func(i int) int { return i + 1 },
		// bibleLang is the language of a Bible's text (lang="es").
		"bibleLang": func(name string) string { return s.cur().eng.BibleLang(name) },
		// humanIn names a reference in a Bible's language (lang.go).
		"humanIn": func(osis, bible string) string { return u.humanIn(osis, bible) },
	}
	for _, name := range pageNames {
		t, err := template.New("base.html").Funcs(funcs).ParseFS(assets, "templates/base.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("server: parsing the %s page: %w", name, err)
		}
		u.pages[name] = t
	}
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, err
	}
	u.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	return u, nil
}

func (u *ui) routes(mux *http.ServeMux) {
	page := func(pattern string, h func(w http.ResponseWriter, r *http.Request) (string, any, error)) {
		mux.Handle(pattern, u.s.instrument(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			name, data, err := h(w, r)
			if name == "" && err == nil {
				return // redirected
			}
			if err != nil {
				e := classify(err)
				if e.Status >= 500 {
					u.s.log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "err", err)
				}
				// A page with a form shows the error as a sentence next to
				// the input kept as typed.
				if fe, ok := data.(formError); ok && name != "" {
					fe.setError(e.Message)
					u.render(w, r, e.Status, name, data)
					return
				}
				u.render(w, r, e.Status, "error", &errorPage{base: base{Title: "Error"}, Status: e.Status, Code: e.Code, Message: e.Message})
				return
			}
			u.render(w, r, http.StatusOK, name, data)
		})))
	}
	page("GET /{$}", u.home)
	page("GET /read", u.read)
	page("GET /search", u.search)
	page("GET /ask", u.ask)
	page("GET /study", u.study)
	page("GET /verify", u.verifyForm)
	page("POST /verify", u.verify)
	page("GET /lexicon", u.lexiconIndex)
	page("GET /lexicon/{$}", u.lexiconIndex)
	page("GET /lexicon/{key}", u.lexicon)
	page("GET /topic", u.topicIndex)
	page("GET /topic/{$}", u.topicIndex)
	page("GET /topic/{name}", u.topic)
	page("GET /xref", u.xrefPage)
	mux.Handle("GET /static/", u.s.instrument("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		u.static.ServeHTTP(w, r)
	})))
	mux.Handle("/", u.s.instrument("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/" || p == "/read" || p == "/search" || p == "/ask" || p == "/study" || p == "/verify" ||
			p == "/lexicon" || p == "/topic" || p == "/xref" ||
			strings.HasPrefix(p, "/lexicon/") || strings.HasPrefix(p, "/topic/") || strings.HasPrefix(p, "/static/"):
			allow := "GET, HEAD"
			if p == "/verify" {
				allow = "GET, HEAD, POST"
			}
			w.Header().Set("Allow", allow)
			u.render(w, r, http.StatusMethodNotAllowed, "error", &errorPage{base: base{Title: "Method not allowed"}, Status: berean.HTTPStatus(berean.CodeMethodNotAllowed), Code: berean.CodeMethodNotAllowed, Message: r.Method + " is not allowed on " + p + "."})
			return
		}
		u.render(w, r, http.StatusNotFound, "error", &errorPage{base: base{Title: "Not found"}, Status: berean.HTTPStatus(berean.CodeNotFound), Code: berean.CodeNotFound, Message: "There is no page " + r.URL.Path + "."})
	})))
}

// render executes a page into a buffer first, so a template error never
// leaves half a page.
func (u *ui) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := u.pages[name].Execute(&buf, data); err != nil {
		u.s.log.LogAttrs(r.Context(), slog.LevelError, "template", slog.String("page", name), slog.Any("err", err))
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// base is what every page's layout needs.
type base struct {
	Title string
	Query string // the search box's value
	Nav   string // the current section, for aria-current
	// Error is what was wrong with the input, shown next to the form.
	Error string
}

// formError is a page that can show an error next to its form.
type formError interface{ setError(msg string) }

func (b *base) setError(msg string) {
	b.Error = msg
	if msg != "" && b.Title != "" {
		b.Title = "Error: " + b.Title
	}
}

type errorPage struct {
	base
	Status  int
	Code    string
	Message string
}

type homePage struct {
	base
	Examples []example
}

type example struct{ Label, URL, Kind string }

// home is the search box; with ?q= it sends the input where it belongs.
func (u *ui) home(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q != "" {
		if !utf8.ValidString(q) {
			return "", nil, apiError(berean.CodeBadInput, "the query is not valid UTF-8")
		}
		kind := u.kindOf(q)
		target := "/search?q=" + url.QueryEscape(q)
		// A bare Strong's number opens its entry (which lists its verses);
		// strong:G1793, the query language's form, searches.
		if strongsRE.MatchString(q) && !strings.Contains(q, ":") {
			key := q
			http.Redirect(w, r, "/lexicon/"+url.PathEscape(strings.ToUpper(key[:1])+key[1:]), http.StatusSeeOther)
			return "", nil, nil
		}
		if name, ok := strings.CutPrefix(q, "topic:"); ok {
			http.Redirect(w, r, "/topic?q="+url.QueryEscape(strings.TrimSpace(name)), http.StatusSeeOther)
			return "", nil, nil
		}
		switch kind {
		case "read":
			target = "/read?ref=" + url.QueryEscape(q)
		case "ask":
			target = "/ask?q=" + url.QueryEscape(q)
		}
		if b := r.URL.Query().Get("bible"); b != "" && utf8.ValidString(b) {
			target += "&bible=" + url.QueryEscape(b)
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return "", nil, nil
	}
	return "home", &homePage{base: base{Title: "berean"}, Examples: []example{
		{"Heb 7:23-25", "/read?ref=Heb+7%3A23-25&bible=KJV&bible=WEB", "a reference"},
		{"Where does the Bible say Jesus lives to make intercession for us?", "/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F", "a question"},
		{"intercession", "/search?q=intercession", "a word"},
		{`"make intercession"`, "/search?q=%22make+intercession%22", "a phrase"},
		{"strong:G1793", "/search?q=strong%3AG1793", "a Strong's number, every verse"},
		{"G1793", "/lexicon/G1793", "a Strong's number, its lexicon entry"},
		{"Psalm 23", "/read?ref=Ps+23", "a chapter (the arrow keys turn the page)"},
		{"Jesus makes intercession for us", "/study?topic=Jesus+makes+intercession+for+us", "a study"},
	}}, nil
}

// questionWords start a question.
var questionWords = map[string]bool{
	"where": true, "what": true, "which": true, "who": true, "whom": true, "whose": true, "why": true,
	"how": true, "when": true, "is": true, "are": true, "does": true, "do": true, "did": true, "can": true,
	"should": true, "will": true, "was": true, "were": true, "verses": true, "verse": true, "show": true,
	"find": true, "tell": true, "has": true, "have": true,
}

// kindOf tells a reference ("Heb 7:25", "Jn 3:16; Rom 8"), a question (ends
// with "?", starts with a question word, or six or more plain words) and a
// search query apart. A reference needs a number, so "Acts" or "Job" search
// the word.
func (u *ui) kindOf(q string) string {
	if strings.ContainsAny(q, "0123456789") {
		if bs, err := u.s.cur().eng.Bibles(nil); err == nil {
			if _, err := u.s.cur().eng.ParseRefs(bs[0], []string{q}); err == nil {
				return "read"
			}
		}
	}
	if strings.HasSuffix(q, "?") {
		return "ask"
	}
	if strings.ContainsAny(q, `"*:()|`) || strings.Contains(q, " OR ") || strings.HasPrefix(q, "-") || strings.Contains(q, " -") {
		return "search"
	}
	words := strings.Fields(strings.ToLower(q))
	if len(words) > 1 && questionWords[words[0]] || len(words) >= 6 {
		return "ask"
	}
	return "search"
}

// wordsHTML renders a verse, each word tagged with Strong's numbers a link to
// its lexicon page when strongs is set, and the note markers in their
// places.
func wordsHTML(t markup.Text, strongs bool, marks []noteMark) template.HTML {
	var b strings.Builder
	clean := t.Clean
	slices.SortStableFunc(marks, func(x, y noteMark) int { return x.At - y.At })
	mi := 0
	// plain writes clean[a:end], the markers standing in it in place.
	plain := func(a, end int) {
		for ; mi < len(marks) && marks[mi].At <= end; mi++ {
			if at := marks[mi].At; at > a {
				b.WriteString(template.HTMLEscapeString(clean[a:at]))
				a = at
			}
			b.WriteString(string(marks[mi].HTML))
		}
		b.WriteString(template.HTMLEscapeString(clean[a:end]))
	}
	last := 0
	for _, w := range t.Words {
		if w.Start < last || w.End > len(clean) || w.Start > w.End {
			continue
		}
		plain(last, w.Start)
		word := template.HTMLEscapeString(clean[w.Start:w.End])
		if strongs && len(w.Strongs) > 0 {
			fmt.Fprintf(&b, `<a class="w" href="/lexicon/%s" title="Strong's %s">%s</a>`,
				url.PathEscape(w.Strongs[0]), template.HTMLEscapeString(strings.Join(w.Strongs, ", ")), word)
		} else {
			b.WriteString(word)
		}
		last = w.End
	}
	plain(last, len(clean))
	for ; mi < len(marks); mi++ {
		b.WriteString(string(marks[mi].HTML))
	}
	return template.HTML(b.String())
}

// noteMark is a note's marker and popover, placed at byte At of a verse.
type noteMark struct {
	At   int
	HTML template.HTML
}

// noteMarks renders the markers of notes: a focusable marker whose note
// opens on hover, focus, Enter or tap (app.js), id'd by passage and marker.
func noteMarks(passage int, notes []berean.Note) []noteMark {
	var out []noteMark
	for _, n := range notes {
		id := fmt.Sprintf("fn%d-%s", passage, n.Marker)
		m := template.HTMLEscapeString(n.Marker)
		out = append(out, noteMark{At: n.At, HTML: template.HTML(fmt.Sprintf(
			`<span class="fn" tabindex="0" role="button" aria-expanded="false" aria-label="note %s" aria-describedby="%s"><sup aria-hidden="true">%s</sup><span class="tip" role="tooltip" id="%s">%s</span></span>`,
			m, id, m, id, template.HTMLEscapeString(n.Text)))})
	}
	return out
}

// --- searching ---

type searchPage struct {
	base
	Topic   string // the Nave's topic the query names, if any
	Bibles  []bibleChoice
	Result  *search.Result
	Hits    []hitView
	Chart   *barChart
	Next    string
	Prev    string
	From    int
	To      int
	Ranked  bool
	Exact   bool
	InScope string
}

type hitView struct {
	OSIS, Bible string
	Text        template.HTML
	Href        string // the passage, with the commentary's pane for a comment
}

const searchPageSize = 50

func (u *ui) search(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q, err := param(r, "q", false)
	if err != nil {
		return "", nil, err
	}
	names := u.prefs(w, r).Bibles
	p := &searchPage{base: base{Title: "Search", Query: q, Nav: "search"}, Bibles: u.bibleChoices(names)}
	for _, n := range names {
		if !utf8.ValidString(n) {
			return "", nil, apiError(berean.CodeBadInput, "the Bible name is not valid UTF-8")
		}
	}
	if q != "" {
		p.Topic = u.topicNamed(q)
	}
	if q == "" {
		return "search", p, nil
	}
	v := r.URL.Query()
	offset := 0
	if o, err := strconv.Atoi(v.Get("offset")); err == nil && o > 0 && o < 100000 {
		offset = o
	}
	p.Ranked = v.Get("order") == "relevance"
	p.Exact = v.Get("exact") == "on" || v.Get("exact") == "true"
	order := ""
	if p.Ranked {
		order = "relevance"
	}
	res, err := u.s.cur().eng.Search(r.Context(), berean.SearchRequest{Query: q, Bibles: names, N: searchPageSize, Offset: offset,
		Order: order, Exact: p.Exact, Stats: true})
	if err != nil {
		return "search", p, err
	}
	p.Title = q + " — search"
	p.Result = res
	if len(names) == 0 {
		p.Bibles = u.bibleChoices(res.Bibles)
	}
	for _, h := range res.Results {
		p.Hits = append(p.Hits, hitView{OSIS: h.OSIS, Bible: h.Bible, Text: markSpans(h.Text, h.Spans), Href: hitHref(h)})
	}
	p.From, p.To = offset+1, offset+len(res.Results)
	page := func(off int) string {
		nv := url.Values{}
		for k, vs := range v {
			nv[k] = vs
		}
		nv.Set("offset", strconv.Itoa(off))
		return "/search?" + nv.Encode()
	}
	if offset+len(res.Results) < res.Total {
		p.Next = page(offset + searchPageSize)
	}
	if offset > 0 {
		p.Prev = page(max(0, offset-searchPageSize))
	}
	p.Chart = newBarChart(res.Stats, q, names)
	return "search", p, nil
}

// markSpans wraps the byte spans of text in <mark>.
func markSpans(text string, spans []search.Span) template.HTML {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) || s.Start > s.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[last:s.Start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[s.Start:s.End]))
		b.WriteString("</mark>")
		last = s.End
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}

// --- asking and studying ---

type askPage struct {
	base
	Bibles []bibleChoice
	Result any
}

func (u *ui) ask(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q, err := param(r, "q", false)
	if err != nil {
		return "", nil, err
	}
	bible := u.firstBible(w, r)
	p := &askPage{base: base{Title: "Ask", Query: q, Nav: "ask"}, Bibles: u.bibleChoices([]string{bible})}
	if q == "" {
		return "ask", p, nil
	}
	res, err := u.s.ask(r.Context(), q, bible, 10)
	if err != nil {
		return "ask", p, err
	}
	p.Title = q
	p.Result = res
	return "ask", p, nil
}

// firstBible is the Bible of the ask and study pages: the first one chosen
// (kept in a cookie like the reader's), or "" for the default.
func (u *ui) firstBible(w http.ResponseWriter, r *http.Request) string {
	names := bibleParams(r)
	if len(names) == 0 {
		if c, err := r.Cookie(biblesCookie); err == nil && u.validBibles(splitList(c.Value)) {
			names = splitList(c.Value)
		}
	}
	if len(names) > 0 && !strings.EqualFold(names[0], "all") {
		return names[0]
	}
	return ""
}

// topicNamed is the Nave's topic a query names exactly, or "".
func (u *ui) topicNamed(q string) string {
	if strings.ContainsAny(q, "\"*:()") {
		return ""
	}
	if t, err := u.s.cur().eng.Corpus().Topic(q); err == nil {
		return t.Name
	}
	return ""
}

type studyPage struct {
	base
	Topic  string
	Bible  string
	Bibles []bibleChoice
	Result any
	Strip  *strip
}

func (u *ui) study(w http.ResponseWriter, r *http.Request) (string, any, error) {
	topic, err := param(r, "topic", false)
	if err != nil {
		return "", nil, err
	}
	bible := u.firstBible(w, r)
	p := &studyPage{base: base{Title: "Study", Nav: "study"}, Topic: topic, Bible: bible, Bibles: u.bibleChoices([]string{bible})}
	if topic == "" {
		if _, ok := r.URL.Query()["topic"]; ok {
			return "study", p, apiError(berean.CodeBadInput, "the topic is empty; type a theme or a question (Jesus makes intercession for us)")
		}
		return "study", p, nil
	}
	res, err := u.s.study(r.Context(), topic, bible)
	if err != nil {
		return "study", p, err
	}
	if r.URL.Query().Get("format") == "md" {
		name := strings.Trim(strings.Map(func(c rune) rune {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				return c
			}
			return '-'
		}, topic), "-")
		if len(name) > 60 {
			name = name[:60]
		}
		h := w.Header()
		h.Set("Content-Type", "text/markdown; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="study-`+name+`.md"`)
		w.Write([]byte(res.Markdown()))
		return "", nil, nil
	}
	p.Title = topic + " — study"
	p.Result = res
	p.Strip = newStrip(res)
	return "study", p, nil
}

// --- lexicon and topics ---

type topicPage struct {
	base
	Entry *berean.TopicResult
	Lines []topicLine
}

// topicLine is a line of a topic entry with every reference it cites
// linked: the references come from the entry's links, the way the JSON
// resolves them, so Nave's abbreviations ("De 5:5; 7:9") are read once.
type topicLine struct {
	Text string
	Refs []string // OSIS
	See  string   // the topic a "See X" line points to
}

func (u *ui) topic(w http.ResponseWriter, r *http.Request) (string, any, error) {
	name := r.PathValue("name")
	if !utf8.ValidString(name) {
		return "", nil, apiError(berean.CodeBadInput, "the topic is not valid UTF-8")
	}
	t, err := u.s.cur().eng.Topic(name)
	if err != nil {
		// The index page, filtered by the name, says what was not found.
		if code, _ := berean.ErrorCode(err); code == berean.CodeNotFound {
			return "topic_index", u.topicsMatching(name), err
		}
		return "", nil, err
	}
	p := &topicPage{base: base{Title: t.Topic + " — Nave's", Nav: "topic"}, Entry: t}
	if e, err := u.s.cur().eng.Corpus().Topic(t.Topic); err == nil {
		for _, l := range e.Lines {
			tl := topicLine{Text: l.Text}
			if len(l.Refs) > 0 && l.RefAt <= len(l.Text) {
				tl.Text = strings.TrimSpace(l.Text[:l.RefAt])
				tl.Refs = l.Refs
			}
			if rest, ok := strings.CutPrefix(strings.TrimSpace(tl.Text), "See "); ok && len(tl.Refs) == 0 {
				tl.See = strings.TrimSpace(rest)
			}
			p.Lines = append(p.Lines, tl)
		}
	}
	return "topic", p, nil
}

// --- verify ---

type verifyPage struct {
	base
	Text      string
	Report    *verify.Report
	Annotated template.HTML
	Legend    []verdictInfo
}

type verdictInfo struct{ Verdict, Label, Mark, Meaning string }

var verdicts = []verdictInfo{
	{"ok", "ok", "✓", "the quotation matches the cited passage"},
	{"paraphrase", "paraphrase", "≈", "loosely matches the cited passage"},
	{"unquoted", "unquoted", "·", "a valid reference with no quotation to compare"},
	{"wrong_reference", "wrong reference", "✗", "the quotation is from another passage"},
	{"invalid_reference", "invalid reference", "✗", "the reference does not exist"},
	{"quote_not_found", "quote not found", "?", "the quotation matches no passage: possibly invented"},
}

func verdictOf(v string) verdictInfo {
	for _, d := range verdicts {
		if d.Verdict == v {
			return d
		}
	}
	return verdictInfo{Verdict: v, Label: v, Mark: "•"}
}

func (u *ui) verifyForm(w http.ResponseWriter, r *http.Request) (string, any, error) {
	return "verify", &verifyPage{base: base{Title: "Verify an article", Nav: "verify"}, Legend: verdicts}, nil
}

func (u *ui) verify(w http.ResponseWriter, r *http.Request) (string, any, error) {
	if err := r.ParseForm(); err != nil {
		var be *http.MaxBytesError
		if errors.As(err, &be) {
			return "", nil, err
		}
		return "", nil, apiError(berean.CodeBadRequest, "the form could not be read whole: it ended before its Content-Length, or the client stopped sending")
	}
	text := strings.TrimPrefix(r.PostForm.Get("text"), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	p := &verifyPage{base: base{Title: "Verify an article", Nav: "verify"}, Text: text, Legend: verdicts}
	if strings.TrimSpace(text) == "" {
		return "", nil, apiError(berean.CodeMissingParameter, "paste an article to verify")
	}
	rep, err := u.s.verify(r.Context(), []byte(text))
	if err != nil {
		return "", nil, err
	}
	p.Report = rep
	p.Annotated = u.annotate(r.Context(), text, rep)
	return "verify", p, nil
}

// annotate marks every citation of the article with its verdict and the
// passage (shown on hover, focus or tap).
func (u *ui) annotate(ctx context.Context, text string, rep *verify.Report) template.HTML {
	runes := []rune(text)
	var b strings.Builder
	last := 0
	for i, c := range rep.Citations {
		if c.Start < last || c.End > len(runes) || c.Start >= c.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(string(runes[last:c.Start])))
		vi := verdictOf(c.Verdict)
		passage := c.Passage
		if passage == "" && c.OSIS != "" {
			if res, err := u.s.cur().eng.Read(ctx, []string{c.OSIS}, splitList(c.Bible)); err == nil {
				var parts []string
				for _, p := range res.Passages {
					for _, v := range p.Verses {
						parts = append(parts, v.Text)
					}
				}
				passage = strings.Join(parts, " ")
			}
		}
		if len(passage) > 1200 {
			passage = passage[:1200] + "…"
		}
		var tip strings.Builder
		fmt.Fprintf(&tip, "<strong>%s</strong>", template.HTMLEscapeString(vi.Label))
		if c.OSIS != "" {
			fmt.Fprintf(&tip, " · %s", template.HTMLEscapeString(ref.HumanOSIS(c.OSIS)))
			if c.Bible != "" {
				fmt.Fprintf(&tip, " (%s)", template.HTMLEscapeString(c.Bible))
			}
		}
		if passage != "" {
			fmt.Fprintf(&tip, "<span class=\"tip-text\">%s</span>", template.HTMLEscapeString(passage))
		}
		if c.Message != "" {
			fmt.Fprintf(&tip, "<span class=\"tip-msg\">%s</span>", template.HTMLEscapeString(c.Message))
		}
		if c.Suggested != "" {
			fmt.Fprintf(&tip, "<span class=\"tip-msg\">Suggested: <a href=\"%s\">%s</a></span>",
				template.HTMLEscapeString("/read?ref="+url.QueryEscape(c.Suggested)), template.HTMLEscapeString(ref.HumanOSIS(c.Suggested)))
		}
		fmt.Fprintf(&b, `<span class="cite v-%s" tabindex="0" id="c%d" aria-describedby="tip%d"><span class="vmark" aria-hidden="true">%s</span>%s<span class="tip" role="tooltip" id="tip%d">%s</span></span>`,
			template.HTMLEscapeString(c.Verdict), i+1, i+1, vi.Mark, template.HTMLEscapeString(string(runes[c.Start:c.End])), i+1, tip.String())
		last = c.End
	}
	b.WriteString(template.HTMLEscapeString(string(runes[last:])))
	return template.HTML(b.String())
}

// bookName is the display name of an OSIS book.
func bookName(osis string) string { return canon.HumanName(osis) }

// linkify escapes text and links the Bible references in it (to /read) and
// the Strong's numbers (G1722, H430: to /lexicon).
func linkify(s *Server, text string) template.HTML {
	type link struct {
		start, end int // bytes
		href       string
	}
	var links []link
	runes := 0
	byteAt := make([]int, 0, len(text)+1) // code point index -> byte offset
	for i := range text {
		byteAt = append(byteAt, i)
		runes++
	}
	byteAt = append(byteAt, len(text))
	for _, m := range s.cur().eng.Parser(canon.KJV()).Scan(text) {
		if m.Err != nil || len(m.Ranges) == 0 || m.Start < 0 || m.End > runes || m.Start >= m.End {
			continue
		}
		var ids []string
		for _, r := range m.Ranges {
			ids = append(ids, r.OSIS())
		}
		links = append(links, link{byteAt[m.Start], byteAt[m.End], "/read?ref=" + url.QueryEscape(strings.Join(ids, ","))})
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c != 'G' && c != 'H') || (i > 0 && isWordByte(text[i-1])) {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i+1 || j-i > 6 || (j < len(text) && isWordByte(text[j])) {
			continue
		}
		overlaps := false
		for _, l := range links {
			if i < l.end && j > l.start {
				overlaps = true
			}
		}
		if !overlaps {
			links = append(links, link{i, j, "/lexicon/" + text[i:j]})
		}
		i = j - 1
	}
	slices.SortFunc(links, func(a, b link) int { return a.start - b.start })
	var b strings.Builder
	last := 0
	for _, l := range links {
		if l.start < last {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[last:l.start]))
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, template.HTMLEscapeString(l.href), template.HTMLEscapeString(text[l.start:l.end]))
		last = l.end
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}
