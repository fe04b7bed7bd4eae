package markup

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"berean/strongs"
)

// Text is one entry rendered for reading, indexing and quoting.
type Text struct {
	// Clean is the readable text: no markup residue, words that markup splits
	// joined again, a space where a deleted note separated two words,
	// whitespace collapsed to single spaces and trimmed. Titles and notes are
	// not part of it; the KJV pilcrow ¶ is removed (see Para).
	Clean string
	// Words are the words of Clean in order, with what the markup says about
	// them.
	Words []Word
	// Heading is the text of the Titles that stand before the first word,
	// joined by "\n": the section heading, psalm title or acrostic letter
	// printed above the verse.
	Heading string
	// Titles are all the titles of the entry in order, plain, including
	// those inside the verse (WEB Song of Songs speaker labels).
	Titles []Title
	// Notes are the footnotes, plain, without their "1:1 " anchor label.
	Notes []string
	// XRefs are the cross-reference notes, plain ("Exodus 30:12").
	XRefs []string
	// NoteAt[i] and XRefAt[i] are the byte offsets in Clean where Notes[i]
	// and XRefs[i] stood (WEB John 3:16: after "only born"); a note inside
	// a title or another note stands where that element did.
	NoteAt, XRefAt []int
	// Red are byte ranges [start, end) of Clean spoken by Jesus
	// (OSIS <q who="Jesus">, GBF <FR>), merged and trimmed of spaces.
	Red [][2]int
	// Para reports that the entry begins a paragraph: a KJV pilcrow, or an
	// OSIS paragraph milestone before its first word.
	Para bool
}

// Title is one heading of an entry.
type Title struct {
	Text string
	// Canonical titles are part of the scripture text (psalm superscriptions,
	// canonical="true"); the others are editorial.
	Canonical bool
	// Type is the OSIS type ("psalm", "main", "x-preverse" for loose
	// pre-verse text, "speaker"), or "" when none is given.
	Type string
}

// Word is one word of Text.Clean.
type Word struct {
	Text       string
	Start, End int // byte offsets into Text.Clean
	// Strongs are canonical Strong's numbers ("G1793", "H6293"; see
	// strongs.Norm) of every markup word that overlaps this word.
	Strongs []string
	// Morph are morphology codes as written, class prefix kept
	// ("robinson:V-PAI-3S").
	Morph []string
	Red   bool // words of Christ
	Added bool // supplied by the translators (OSIS transChange, GBF <FI>)
}

// Options adjust Render.
type Options struct {
	// StrongsPrefix ("G" or "H") is given to bare Strong's numbers that carry
	// no testament letter; the caller knows the testament of the verse.
	StrongsPrefix string
}

// Render renders one entry of markup kind k. It never fails: any byte
// sequence gives some Text.
func Render(src []byte, k Kind) Text { return RenderOptions(src, k, Options{}) }

// RenderOptions is Render with options.
func RenderOptions(src []byte, k Kind, o Options) Text {
	r := &renderer{kind: k, opt: o, out: make([]byte, 0, len(src)/2+16)}
	if k == PlainText {
		r.text(string(src))
	} else {
		toks := scan(src)
		r.spans = make([]span, 0, len(toks)/4+1)
		r.run(toks)
	}
	return r.finish()
}

type span struct {
	start, end     int
	strongs, morph []string
	red, added     bool
}

type point struct {
	pos            int
	strongs, morph []string
}

type renderer struct {
	kind Kind
	opt  Options

	out            []byte
	pending, gap   bool // a space is due; a deleted note sits here
	sawText        bool
	para           bool
	inNote         bool
	spans          []span
	points         []point
	titles         []Title
	notes, xrefs   []string
	noteAt, xrefAt []int // where each note stands in out
	wStack, tStack []int
	qStack         []int          // span index, or -1 for a q that is not red
	qMilestones    map[string]int // q sID -> red span
	fStack         []int          // ThML <font> red spans (-1: not red)
	divine         int            // depth of OSIS <divineName>
	arena          []string       // backing store of the spans' Strong's lists
	headCount      int            // titles seen before the first word
}

func (r *renderer) space() { r.pending = true }

// text appends decoded text to Clean, normalising whitespace.
func (r *renderer) text(s string) {
	if strings.IndexByte(s, '\\') >= 0 {
		s = stripUSFM(s)
	}
	for _, c := range s {
		switch {
		case c == '\u00b6': // pilcrow: paragraph mark, not text
			r.para = r.para || !r.sawText
			r.pending = true
			continue
		case c == '\u00ad' || c == '\ufeff' || c == '\u200b':
			continue
		case unicode.IsSpace(c) || unicode.IsControl(c):
			r.pending = true
			continue
		}
		if len(r.out) > 0 {
			if r.pending {
				r.out = append(r.out, ' ')
			} else if r.gap {
				prev, _ := utf8.DecodeLastRune(r.out)
				if needGap(prev, c) {
					r.out = append(r.out, ' ')
				}
			}
		}
		if r.divine > 0 && unicode.IsLower(c) {
			// the divine name is printed in capitals (small capitals in
			// print): "Lord" -> "LORD", but the possessive stays: "LORD’s"
			if prev, _ := utf8.DecodeLastRune(r.out); len(r.out) == 0 || (prev != '’' && prev != '\'') {
				c = unicode.ToUpper(c)
			}
		}
		if !r.sawText {
			r.headCount = len(r.titles)
		}
		r.pending, r.gap, r.sawText = false, false, true
		r.out = utf8.AppendRune(r.out, c)
	}
}

// needGap decides whether a deleted note between prev and next stood for a
// space: WEB writes "God<note…/>created" and "said,<note…/>“Your". A space
// goes in when next starts a word or an opening quote/bracket and prev does
// not open one.
func needGap(prev, next rune) bool {
	switch prev {
	case '“', '‘', '(', '[', '{', '«', '—', '–', '-', '/', '\'', '"':
		return false
	}
	if unicode.IsLetter(next) || unicode.IsDigit(next) {
		return true
	}
	switch next {
	case '“', '‘', '(', '[', '{', '«':
		return true
	}
	return false
}

// stripUSFM removes USFM character-style markers left in the text by the
// importer (KJV: "the \nd LORD\+nd*"): a backslash, an optional '+', letters,
// optional digits and an optional '*'.
func stripUSFM(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '+' {
			j++
		}
		k := j
		for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		if k == j {
			b.WriteByte(s[i])
			continue
		}
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k < len(s) && s[k] == '*' {
			k++
		}
		i = k - 1
	}
	return b.String()
}

func (r *renderer) open(red, added bool, strongs, morph []string) int {
	r.spans = append(r.spans, span{start: len(r.out), end: -1, strongs: strongs, morph: morph, red: red, added: added})
	return len(r.spans) - 1
}

func (r *renderer) close(i int) {
	if i >= 0 && i < len(r.spans) && r.spans[i].end < 0 {
		r.spans[i].end = len(r.out)
	}
}

func pop(st *[]int) (int, bool) {
	n := len(*st)
	if n == 0 {
		return -1, false
	}
	v := (*st)[n-1]
	*st = (*st)[:n-1]
	return v, true
}

// sub renders a region of tokens on its own (a note or a title).
func (r *renderer) sub(toks []token, inNote bool) *renderer {
	s := &renderer{kind: r.kind, opt: r.opt, inNote: inNote}
	s.run(toks)
	return s
}

// absorb takes the notes and titles found inside a sub-render.
func (r *renderer) absorb(s *renderer) {
	r.notes = append(r.notes, s.notes...)
	r.xrefs = append(r.xrefs, s.xrefs...)
	r.titles = append(r.titles, s.titles...)
	r.placeNotes()
}

// placeNotes records where in the text the notes and cross-references
// added since the last call stand: the end of the text so far.
func (r *renderer) placeNotes() {
	for len(r.noteAt) < len(r.notes) {
		r.noteAt = append(r.noteAt, len(r.out))
	}
	for len(r.xrefAt) < len(r.xrefs) {
		r.xrefAt = append(r.xrefAt, len(r.out))
	}
}

func (r *renderer) addNote(open *token, body []token) {
	s := r.sub(body, true)
	txt := string(s.out)
	if open.get("type") == "crossReference" {
		if txt != "" {
			r.xrefs = append(r.xrefs, txt)
		}
	} else if txt != "" {
		r.notes = append(r.notes, txt)
	}
	r.notes = append(r.notes, s.notes...)
	r.xrefs = append(r.xrefs, s.xrefs...)
	r.placeNotes()
}

func (r *renderer) addTitle(region []token, typ string, canonical bool) {
	s := r.sub(region, r.inNote)
	r.absorb(s)
	if txt := string(s.out); txt != "" {
		r.titles = append(r.titles, Title{Text: txt, Canonical: canonical || hasCanonical(region), Type: typ})
	}
}

func hasCanonical(toks []token) bool {
	for i := range toks {
		if toks[i].kind == tokTag && !toks[i].end && strings.Contains(toks[i].text, "canonical") && toks[i].get("canonical") == "true" {
			return true
		}
	}
	return false
}

func (r *renderer) run(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind == tokText {
			r.text(t.text)
			continue
		}
		switch r.kind {
		case OSIS:
			i = r.osis(toks, i)
		case ThML:
			i = r.thml(toks, i)
		case GBF:
			i = r.gbf(toks, i)
		case TEI:
			i = r.tei(toks, i)
		}
	}
}

// osis handles the tag toks[i] and returns the index of the last token it used.
func (r *renderer) osis(toks []token, i int) int {
	t := &toks[i]
	switch t.name {
	case "note":
		if t.end {
			return i
		}
		r.gap = true
		if t.empty {
			return i
		}
		j := match(toks, i)
		r.addNote(t, toks[i+1:min(j, len(toks))])
		r.gap = true
		return j
	case "reference":
		if r.inNote && !t.end && !t.empty && t.get("type") == "annotateRef" {
			return match(toks, i) // the note's "1:1 " label
		}
	case "title", "speaker":
		r.space()
		if t.end || t.empty {
			return i
		}
		j := match(toks, i)
		typ := t.get("type")
		if t.name == "speaker" {
			typ = "speaker"
		}
		r.addTitle(toks[i+1:min(j, len(toks))], typ, t.get("canonical") == "true")
		r.space()
		return j
	case "div":
		r.space()
		if t.end {
			return i
		}
		sub := t.get("subType")
		if sub == "" {
			sub = t.get("subtype")
		}
		if sub == "x-preverse" {
			id, ok := t.attr("sID")
			if !ok {
				return i // a stray end milestone
			}
			j := matchMilestone(toks, i, "div", id)
			region := toks[i+1 : min(j, len(toks))]
			s := r.sub(region, r.inNote)
			r.absorb(s)
			if txt := string(s.out); txt != "" {
				r.titles = append(r.titles, Title{Text: txt, Type: "x-preverse"})
			}
			r.para = r.para || s.para
			return j
		}
		if typ := t.get("type"); (typ == "x-p" || typ == "paragraph") && !r.sawText {
			if _, ok := t.attr("eID"); !ok {
				r.para = true
			}
		}
	case "p":
		r.space()
		if !t.end && !r.sawText {
			r.para = true
		}
	case "w":
		if t.end {
			if k, ok := pop(&r.wStack); ok {
				r.close(k)
			}
			return i
		}
		if t.empty {
			return i
		}
		strongs, morph := r.lemma(t.get("lemma")), fields(t.get("morph"))
		r.wStack = append(r.wStack, r.open(false, false, strongs, morph))
	case "transChange":
		if t.end {
			if k, ok := pop(&r.tStack); ok {
				r.close(k)
			}
			return i
		}
		if !t.empty {
			r.tStack = append(r.tStack, r.open(false, true, nil, nil))
		}
	case "q":
		r.osisQ(t)
	case "divineName":
		switch {
		case t.end:
			if r.divine > 0 {
				r.divine--
			}
		case !t.empty:
			r.divine++
		}
	case "chapter", "verse", "l", "lg", "lb", "milestone", "list", "item", "table", "row", "cell",
		"head", "closer", "salute", "signed", "figure", "caption", "br":
		r.space()
	}
	return i
}

func (r *renderer) osisQ(t *token) {
	if t.end {
		if k, ok := pop(&r.qStack); ok {
			r.close(k)
		}
		return
	}
	red := t.get("who") == "Jesus"
	if t.empty { // milestone form <q sID=… who="Jesus"/> … <q eID=…/>
		if id, ok := t.attr("eID"); ok {
			if k, ok := r.qMilestones[id]; ok {
				r.close(k)
				delete(r.qMilestones, id)
			}
			return
		}
		if id, ok := t.attr("sID"); ok && red {
			if r.qMilestones == nil {
				r.qMilestones = map[string]int{}
			}
			r.qMilestones[id] = r.open(true, false, nil, nil)
		}
		return
	}
	k := -1
	if red {
		k = r.open(true, false, nil, nil)
	}
	r.qStack = append(r.qStack, k)
}

// lemma extracts the Strong's numbers of an OSIS lemma attribute. The
// slices are cut from one arena per entry (capacity-limited, so an append
// by a caller copies).
func (r *renderer) lemma(v string) []string {
	if v == "" {
		return nil
	}
	start := len(r.arena)
	for len(v) > 0 {
		v = strings.TrimLeft(v, " \t\r\n")
		end := strings.IndexAny(v, " \t\r\n")
		if end < 0 {
			end = len(v)
		}
		if end > 0 {
			if s, ok := strongs.Norm(v[:end], r.opt.StrongsPrefix); ok {
				r.arena = append(r.arena, s)
			}
		}
		v = v[end:]
	}
	if len(r.arena) == start {
		return nil
	}
	return r.arena[start:len(r.arena):len(r.arena)]
}

func fields(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Fields(v)
}

// thml handles ThML tags.
func (r *renderer) thml(toks []token, i int) int {
	t := &toks[i]
	name := strings.ToLower(t.name)
	switch name {
	case "sync":
		if t.end {
			return i
		}
		typ, val := strings.ToLower(t.get("type")), t.get("value")
		switch typ {
		case "strongs":
			if s, ok := strongs.Norm(val, r.opt.StrongsPrefix); ok {
				r.points = append(r.points, point{pos: len(r.out), strongs: []string{s}})
			}
		case "morph":
			if val != "" {
				r.points = append(r.points, point{pos: len(r.out), morph: []string{val}})
			}
		}
	case "note":
		if t.end {
			return i
		}
		r.gap = true
		if t.empty {
			return i
		}
		j := match(toks, i)
		r.addNote(t, toks[i+1:min(j, len(toks))])
		r.gap = true
		return j
	case "div":
		r.space()
		if t.end || t.empty {
			return i
		}
		if c := strings.ToLower(t.get("class")); c == "sechead" || c == "title" {
			j := match(toks, i)
			r.addTitle(toks[i+1:min(j, len(toks))], c, false)
			return j
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		r.space()
		if t.end || t.empty {
			return i
		}
		j := match(toks, i)
		r.addTitle(toks[i+1:min(j, len(toks))], name, false)
		r.space()
		return j
	case "font":
		if t.end {
			if k, ok := pop(&r.fStack); ok {
				r.close(k)
			}
			return i
		}
		if t.empty {
			return i
		}
		k := -1
		if c := strings.ToLower(t.get("color")); c == "red" || c == "#ff0000" {
			k = r.open(true, false, nil, nil)
		}
		r.fStack = append(r.fStack, k)
	case "br", "p", "hr", "li", "ul", "ol", "table", "tr", "td", "th", "blockquote":
		r.space()
		if name == "p" && !t.end && !r.sawText {
			r.para = true
		}
	}
	return i
}

// gbf handles GBF tokens (<WG1234>, <RF>…<Rf>, <FR>…<Fr>, …).
func (r *renderer) gbf(toks []token, i int) int {
	raw := strings.TrimSpace(toks[i].text)
	if len(raw) < 2 {
		return i
	}
	switch raw[:2] {
	case "WG", "WH":
		if s, ok := strongs.Norm(raw[1:], ""); ok {
			r.points = append(r.points, point{pos: len(r.out), strongs: []string{s}})
		}
	case "WT":
		r.points = append(r.points, point{pos: len(r.out), morph: []string{raw[2:]}})
	case "RF":
		r.gap = true
		j := matchRaw(toks, i, "Rf")
		r.addNote(&toks[i], toks[i+1:min(j, len(toks))])
		r.gap = true
		return j
	case "RX": // cross-reference
		r.gap = true
		j := matchRaw(toks, i, "Rx")
		if s := r.sub(toks[i+1:min(j, len(toks))], true); len(s.out) > 0 {
			r.xrefs = append(r.xrefs, string(s.out))
			r.placeNotes()
		}
		return j
	case "TS", "TH":
		r.space()
		j := matchRaw(toks, i, strings.ToUpper(raw[:1])+strings.ToLower(raw[1:2]))
		typ, canon := "section", false
		if raw[:2] == "TH" {
			typ, canon = "psalm", true
		}
		r.addTitle(toks[i+1:min(j, len(toks))], typ, canon)
		r.space()
		return j
	case "FR":
		r.qStack = append(r.qStack, r.open(true, false, nil, nil))
	case "Fr":
		if k, ok := pop(&r.qStack); ok {
			r.close(k)
		}
	case "FI":
		r.tStack = append(r.tStack, r.open(false, true, nil, nil))
	case "Fi":
		if k, ok := pop(&r.tStack); ok {
			r.close(k)
		}
	case "CM", "CL", "CN", "CT":
		r.space()
		if raw[:2] == "CM" && !r.sawText {
			r.para = true
		}
	case "CA":
		n := 0
		for _, c := range raw[2:] {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
			if n > 0xffff {
				break
			}
		}
		if n >= 32 && n <= 0xffff {
			r.text(string(rune(n)))
		}
	}
	return i
}

// matchRaw finds the next tag whose whole text is close.
func matchRaw(toks []token, i int, close string) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind == tokTag && strings.TrimSpace(toks[j].text) == close {
			return j
		}
	}
	return len(toks)
}

// tei handles TEI tags (dictionaries).
func (r *renderer) tei(toks []token, i int) int {
	t := &toks[i]
	switch t.name {
	case "note":
		if t.end || t.empty {
			return i
		}
		j := match(toks, i)
		r.addNote(t, toks[i+1:min(j, len(toks))])
		r.gap = true
		return j
	case "lb", "list", "item", "p", "sense", "entryFree", "def", "div", "orth", "pron", "etym", "form", "gramGrp", "br":
		r.space()
	}
	return i
}

// finish builds the Text: words, Strong's, red ranges, headings.
func (r *renderer) finish() Text {
	out := string(r.out)
	r.placeNotes()
	t := Text{Clean: out, Notes: r.notes, XRefs: r.xrefs, NoteAt: r.noteAt, XRefAt: r.xrefAt, Titles: r.titles, Para: r.para}
	head := r.titles
	if r.sawText {
		head = head[:r.headCount]
	}
	if len(head) > 0 {
		hs := make([]string, len(head))
		for i, ti := range head {
			hs[i] = ti.Text
		}
		t.Heading = strings.Join(hs, "\n")
	}
	t.Words = segment(out)
	for i := range r.spans {
		if r.spans[i].end < 0 {
			r.spans[i].end = len(out)
		}
	}
	words := t.Words
	for si := range r.spans {
		s := &r.spans[si]
		if s.end <= s.start {
			continue
		}
		// first word that ends after s.start
		k := sort.Search(len(words), func(k int) bool { return words[k].End > s.start })
		for ; k < len(words) && words[k].Start < s.end; k++ {
			w := &words[k]
			w.Strongs = addUnique(w.Strongs, s.strongs)
			w.Morph = addUnique(w.Morph, s.morph)
			w.Red = w.Red || s.red
			w.Added = w.Added || s.added
		}
		if s.red {
			a, b := s.start, s.end
			for a < b && out[a] == ' ' {
				a++
			}
			for b > a && out[b-1] == ' ' {
				b--
			}
			if a < b {
				t.Red = append(t.Red, [2]int{a, b})
			}
		}
	}
	for _, p := range r.points {
		// the word the annotation follows: the last word starting before pos
		k := sort.Search(len(words), func(k int) bool { return words[k].Start >= p.pos }) - 1
		if k >= 0 {
			words[k].Strongs = addUnique(words[k].Strongs, p.strongs)
			words[k].Morph = addUnique(words[k].Morph, p.morph)
		}
	}
	t.Red = mergeRanges(t.Red)
	return t
}

// addUnique appends the strings of src missing from dst. A nil dst takes
// src itself (shared, capacity-limited: see lemma).
func addUnique(dst, src []string) []string {
	if dst == nil {
		return src
	}
outer:
	for _, s := range src {
		for _, d := range dst {
			if d == s {
				continue outer
			}
		}
		dst = append(dst, s)
	}
	return dst
}

func mergeRanges(rs [][2]int) [][2]int {
	if len(rs) < 2 {
		return rs
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	out := rs[:1]
	for _, x := range rs[1:] {
		last := &out[len(out)-1]
		if x[0] <= last[1]+1 { // touching or separated by the one space between words
			if x[1] > last[1] {
				last[1] = x[1]
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// segment splits Clean into words: runs of letters, digits and combining
// marks; an apostrophe (' ’), a hyphen (- ‐ ‑) or the Hebrew maqaf between
// two such characters continues the word ("LORD’S", "Beth-el").
func segment(s string) []Word {
	words := make([]Word, 0, len(s)/5+1)
	start := -1
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(c) {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		if start >= 0 && isJoiner(c) && i+n < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if isWordRune(next) {
				i += n
				continue
			}
		}
		if start >= 0 {
			words = append(words, Word{Text: s[start:i], Start: start, End: i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		words = append(words, Word{Text: s[start:], Start: start, End: len(s)})
	}
	return words
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.M, c)
}

func isJoiner(c rune) bool {
	switch c {
	case '\'', '’', '-', '\u2010', '\u2011', '\u05be':
		return true
	}
	return false
}
