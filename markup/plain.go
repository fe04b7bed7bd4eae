package markup

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Filters says which option filters a module's conf lists
// (GlobalOptionFilter). libsword runs only the filters a conf lists, each
// switched off for plain output; which ones run changes the output
// (sword-format §5.2). See FiltersOf.
type Filters struct {
	Footnotes bool // OSISFootnotes, ThMLFootnotes, GBFFootnotes
	Scripref  bool // OSISScripref, ThMLScripref
	Headings  bool // OSISHeadings, ThMLHeadings, GBFHeadings
}

// FiltersOf reads GlobalOptionFilter values from a conf.
func FiltersOf(globalOptionFilters []string) Filters {
	var f Filters
	for _, v := range globalOptionFilters {
		v = strings.TrimSpace(v)
		switch {
		case strings.HasSuffix(v, "Footnotes"):
			f.Footnotes = true
		case strings.HasSuffix(v, "Scripref"):
			f.Scripref = true
		case strings.HasSuffix(v, "Headings"):
			f.Headings = true
		}
	}
	return f
}

// StandardFilters is what the installed KJV and WEB confs list (the KJV
// lacks OSISScripref, but has no cross-reference notes for it to act on).
var StandardFilters = Filters{Footnotes: true, Scripref: true, Headings: true}

// Plain reproduces `diatheke -f plain -o ""` for one entry with the
// standard filters: the pre-verse heading diatheke prints before the
// "Book c:v: " label, and the body it prints after it (without the final
// newline). See PlainFilters.
func Plain(src []byte, k Kind) (heading, body string) {
	return PlainFilters(src, k, StandardFilters)
}

// PlainFilters is Plain for a module whose conf lists the filters f.
//
// OSIS follows libsword 1.9 exactly (sword-format §5.2): prepText, then the
// footnote, cross-reference and heading filters switched off, then the
// OSIS plain filter; the heading is the first pre-verse heading, rendered by
// the same chain. TEI follows the TEI plain filter. GBF and ThML are
// close approximations of their 1.9 filters (no installed module uses them).
// Strong's, morphology and the other word attributes are assumed to have
// their filters listed and off, so they print nothing.
func PlainFilters(src []byte, k Kind, f Filters) (heading, body string) {
	s := prepText(src)
	switch k {
	case OSIS:
		b, pv := osisChain(s, f)
		if pv != nil {
			heading, _ = osisChain(*pv, f)
		}
		return heading, b
	case TEI:
		return "", teiPlain(s)
	case GBF:
		return "", gbfPlain(s, f)
	case ThML:
		return "", thmlPlain(s, f)
	}
	return "", s
}

// prepText is libsword's SWModule::prepText: the text stops at a NUL;
// leading line breaks are dropped; a lone LF becomes a space, CR becomes
// LF, a second consecutive LF is kept; trailing LFs and spaces are removed
// (never the first byte).
func prepText(src []byte) string {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		src = src[:i]
	}
	out := make([]byte, 0, len(src))
	var space, cr, realdata bool
	nl := 0
	for _, c := range src {
		switch c {
		case '\n':
			if !realdata {
				continue
			}
			space = !cr
			cr = false
			nl++
			if nl > 1 {
				out = append(out, '\n')
			}
			continue
		case '\r':
			if !realdata {
				continue
			}
			out = append(out, '\n')
			space, cr = false, true
			continue
		}
		realdata = true
		nl = 0
		if space {
			space = false
			if c != ' ' {
				out = append(out, ' ')
			}
		}
		out = append(out, c)
	}
	n := len(out)
	for n > 1 && (out[n-1] == '\n' || out[n-1] == ' ') {
		n--
	}
	return string(out[:n])
}

// osisChain runs the OSIS filters of diatheke's plain output on s and
// returns the body and, when the entry has one, the raw pre-verse heading.
func osisChain(s string, f Filters) (string, *string) {
	var bodies map[string]string
	if f.Footnotes {
		s, bodies = footnotesOff(s)
	}
	if f.Scripref {
		s = scriprefOff(s)
	}
	var pv *string
	if f.Headings {
		s, pv = headingsOff(s)
	}
	return osisPlain(s, bodies, f), pv
}

// ---- XMLTag: libsword's lenient tag parser, for the filters that re-write tags.

type xmlTag struct {
	tok        string
	name       string
	end, empty bool
	attrs      map[string]string // parsed on first use (see attr)
}

// parseXMLTag reads the name and the end/empty flags; attributes are
// parsed when first asked for.
func parseXMLTag(tok string) *xmlTag {
	t := &xmlTag{tok: tok}
	i := 0
	for ; i < len(tok) && !isAlpha(tok[i]); i++ {
		if tok[i] == '/' {
			t.end = true
		}
	}
	start := i
	for ; i < len(tok) && !strings.ContainsRune("\t\r\n />", rune(tok[i])); i++ {
	}
	if i > start {
		t.name = tok[start:i]
		if i < len(tok) && tok[i] == '/' {
			t.empty = true
		}
	}
	// trailing '/' (after trailing blanks and '>') marks an empty tag
	for k := len(tok) - 1; k > 0; k-- {
		if tok[k] == '/' {
			t.empty = true
		}
		if strings.IndexByte(" \t\r\n>", tok[k]) < 0 {
			break
		}
	}
	return t
}

// parseAttrs follows XMLTag::parse: an attribute name starts at a letter
// after whitespace and runs to a space or '='; the value is quoted by
// whatever character follows the '='.
func (t *xmlTag) parseAttrs() {
	tok := t.tok
	b := []byte(tok)
	t.attrs = map[string]string{}
	j := 0
	for ; j < len(b) && !isAlpha(b[j]); j++ {
	}
	name := ""
	for ; j < len(b); j++ {
		if strings.IndexByte("\t\r\n ", b[j]) >= 0 {
			b[j] = ' '
			for ; j < len(b) && !isAlpha(b[j]); j++ {
			}
			if j < len(b) {
				s := j
				for ; j < len(b) && b[j] != ' ' && b[j] != '='; j++ {
				}
				if j > s {
					name = string(b[s:j])
				}
				for ; j < len(b) && b[j] == ' '; j++ {
				}
				if j < len(b) {
					j++
				}
				for ; j < len(b) && b[j] == ' '; j++ {
				}
				var q byte
				if j < len(b) {
					q = b[j]
					j++
				}
				if j < len(b) {
					s := j
					for ; j < len(b) && b[j] != q; j++ {
					}
					t.attrs[name] = string(b[s:j])
				}
			}
		}
		if j >= len(b) {
			break
		}
	}
}

func isAlpha(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func (t *xmlTag) attr(k string) (string, bool) {
	if t.attrs == nil {
		t.parseAttrs()
	}
	v, ok := t.attrs[k]
	return v, ok
}

func (t *xmlTag) get(k string) string { v, _ := t.attr(k); return v }

// String re-serialises the tag as libsword does: attributes sorted by name.
func (t *xmlTag) String() string {
	if t.attrs == nil {
		t.parseAttrs()
	}
	var b strings.Builder
	b.WriteByte('<')
	if t.end {
		b.WriteByte('/')
	}
	b.WriteString(t.name)
	if !t.end {
		keys := make([]string, 0, len(t.attrs))
		for k := range t.attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := t.attrs[k]
			b.WriteByte(' ')
			b.WriteString(k)
			if strings.IndexByte(v, '"') >= 0 {
				b.WriteString("='" + v + "'")
			} else {
				b.WriteString("=\"" + v + "\"")
			}
		}
	}
	if t.empty {
		b.WriteByte('/')
	}
	b.WriteByte('>')
	return b.String()
}

// ---- OSISFootnotes, option off.

// footnotesOff deletes every non-empty <note>…</note> with its content (the
// first </note> ends it: notes do not nest). A cross-reference note is kept
// as an empty pair carrying swordFootnote="N", whose body is returned for
// the plain filter. Line breaks are dropped, with a space in some cases.
func footnotesOff(s string) (string, map[string]string) {
	var out, tagText, token []byte
	var intoken, hide bool
	var start *xmlTag
	var bodies map[string]string
	num := 1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\r' {
			if len(out) > 1 && out[len(out)-2] != ' ' && (i+1 >= len(s) || s[i+1] != ' ') {
				out = append(out, ' ')
			}
			continue
		}
		if c == '<' {
			intoken = true
			token = token[:0]
			continue
		}
		if c == '>' {
			intoken = false
			tok := string(token)
			if strings.HasPrefix(tok, "note") || strings.HasPrefix(tok, "/note") {
				tag := parseXMLTag(tok)
				if !tag.end {
					typ := tag.get("type")
					if typ == "x-strongsMarkup" || typ == "strongsMarkup" {
						tag.empty = false
					}
					if !tag.empty {
						start = tag
						hide = true
						tagText = tagText[:0]
						continue
					}
				}
				if hide && tag.end {
					n := strconv.Itoa(num)
					num++
					if bodies == nil {
						bodies = map[string]string{}
					}
					bodies[n] = string(tagText)
					hide = false
					if start != nil && start.get("type") == "crossReference" {
						start.attrs["swordFootnote"] = n
						out = append(out, start.String()...)
					} else {
						continue
					}
				}
			}
			if !hide {
				out = append(out, '<')
				out = append(out, token...)
				out = append(out, '>')
			} else {
				tagText = append(tagText, '<')
				tagText = append(tagText, token...)
				tagText = append(tagText, '>')
			}
			continue
		}
		switch {
		case intoken:
			token = append(token, c)
		case !hide:
			out = append(out, c)
		default:
			tagText = append(tagText, c)
		}
	}
	return string(out), bodies
}

// ---- OSISScripref, option off.

// scriprefOff deletes <note type="crossReference">…</note>.
func scriprefOff(s string) string {
	var out, token []byte
	var intoken, hide bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' {
			intoken = true
			token = token[:0]
			continue
		}
		if c == '>' {
			intoken = false
			tok := string(token)
			if strings.HasPrefix(tok, "note") || strings.HasPrefix(tok, "/note") {
				tag := parseXMLTag(tok)
				if !tag.end && !tag.empty && tag.get("type") == "crossReference" {
					hide = true
					continue
				}
				if hide && tag.end {
					hide = false
					continue
				}
			}
			if !hide {
				out = append(out, '<')
				out = append(out, token...)
				out = append(out, '>')
			}
			continue
		}
		switch {
		case intoken:
			token = append(token, c)
		case !hide:
			out = append(out, c)
		}
	}
	return string(out)
}

// ---- SWBasicFilter: the token/escape state machine shared by the heading
// and plain filters.

type basicState struct {
	out          []byte
	lastTextNode string // text since the previous token or escape
	suspend      bool   // text goes to lastSuspend instead of out
	suppressWS   bool   // drop the next single space
	lastSuspend  []byte
}

type basicFilter struct {
	handleToken    func(st *basicState, tok string) bool
	handleEscape   func(st *basicState, esc string) bool
	passUnknownTok bool
	passUnknownEsc bool
}

// run follows SWBasicFilter::processText: '<' starts a token and '&' an
// escape anywhere (an '&' inside a tag abandons the tag); '>' ends a token
// (outside a token it re-handles the previous one); ';' ends an escape.
func (f *basicFilter) run(s string) string {
	st := &basicState{out: make([]byte, 0, len(s))}
	var tok []byte
	var last []byte
	intoken, inEsc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' {
			intoken, inEsc = true, false
			tok = tok[:0]
			continue
		}
		if c == '&' {
			intoken, inEsc = true, true
			tok = tok[:0]
			continue
		}
		if inEsc && c == ';' {
			intoken, inEsc = false, false
			st.lastTextNode = string(last)
			if !st.suspend {
				if !f.handleEscape(st, string(tok)) && f.passUnknownEsc {
					st.out = append(st.out, '&')
					st.out = append(st.out, tok...)
					st.out = append(st.out, ';')
				}
			}
			last = last[:0]
			continue
		}
		if !inEsc && c == '>' {
			intoken = false
			st.lastTextNode = string(last)
			if !f.handleToken(st, string(tok)) && f.passUnknownTok {
				st.out = append(st.out, '<')
				st.out = append(st.out, tok...)
				st.out = append(st.out, '>')
			}
			last = last[:0]
			if !st.suspend {
				st.lastSuspend = st.lastSuspend[:0]
			}
			continue
		}
		if intoken {
			if len(tok) < 4090 {
				tok = append(tok, c)
			}
			continue
		}
		if !st.suppressWS || c != ' ' {
			if !st.suspend {
				st.out = append(st.out, c)
			} else {
				st.lastSuspend = append(st.lastSuspend, c)
			}
			last = append(last, c)
		}
		st.suppressWS = false
	}
	return string(st.out)
}

func noEscape(*basicState, string) bool { return false }

func xmlEscape(st *basicState, esc string) bool {
	var r string
	switch esc {
	case "amp":
		r = "&"
	case "apos":
		r = "'"
	case "lt":
		r = "<"
	case "gt":
		r = ">"
	case "quot":
		r = "\""
	default:
		return false // numeric escapes too: libsword 1.9 drops them
	}
	st.out = append(st.out, r...)
	return true
}

// ---- OSISHeadings, option off.

// headingsOff removes titles and pre-verse divisions from the body. A
// canonical title outside a pre-verse division stays in the body. It
// returns the first heading when it is a pre-verse one (what diatheke
// prints before the verse label). It also deletes every &escape;.
func headingsOff(s string) (string, *string) {
	var (
		curName   string
		cur       *xmlTag
		sID       string
		hasSID    bool
		heading   []byte
		depth     int
		headerNum int
		canonical bool
		first     *string
	)
	clear := func() {
		curName, cur, sID, hasSID, heading, depth, canonical = "", nil, "", false, nil, 0, false
	}
	isPreverse := func(t *xmlTag) bool {
		return t.get("subType") == "x-preverse" || t.get("subtype") == "x-preverse"
	}
	f := &basicFilter{passUnknownTok: true, handleEscape: noEscape}
	f.handleToken = func(st *basicState, tok string) bool {
		tag := parseXMLTag(tok)
		if curName != "" {
			heading = append(heading, st.lastTextNode...)
			if strings.Contains(tok, "canonical") && tag.get("canonical") == "true" {
				canonical = true
			}
			if tag.name == curName {
				isEnd := tag.end
				if hasSID {
					v, ok := tag.attr("eID")
					isEnd = ok && v == sID
				}
				if isEnd {
					d := depth
					depth--
					if d == 0 || hasSID {
						preverse := isPreverse(cur)
						if canonical || !preverse {
							hn := headerNum
							headerNum++
							if preverse && hn == 0 {
								var h string
								if curName == "title" {
									w := *cur
									w.attrs = map[string]string{}
									cur.get("")
									for k, v := range cur.attrs {
										if k != "subType" && k != "subtype" {
											w.attrs[k] = v
										}
									}
									h = w.String() + string(heading) + tag.String()
								} else {
									h = string(heading)
								}
								first = &h
							}
						}
						if !preverse && canonical {
							st.out = append(st.out, cur.String()...)
							st.out = append(st.out, heading...)
							st.out = append(st.out, tag.String()...)
						}
						st.suspend = false
						clear()
					}
				} else {
					depth++
				}
			}
			heading = append(heading, tag.String()...)
			return true
		}
		if tag.name == "title" || (tag.name == "div" && isPreverse(tag)) {
			curName = tag.name
			cur = tag
			heading = heading[:0]
			sID, hasSID = tag.attr("sID")
			depth = 0
			st.suspend = true
			canonical = tag.get("canonical") == "true"
			return true
		}
		return false
	}
	out := f.run(s)
	return out, first
}

// ---- OSISPlain.

func osisPlain(s string, bodies map[string]string, flt Filters) string {
	var (
		w       string // the last <w …> start tag
		lastW   *xmlTag
		hiOver  bool
		hasMark = func() (string, bool) {
			if lastW == nil {
				return "", false
			}
			return lastW.attr("marker")
		}
	)
	f := &basicFilter{handleEscape: xmlEscape}
	f.handleToken = func(st *basicState, tok string) bool {
		switch tok {
		case "title", "/title", "/l", "lg", "/lg":
			st.out = append(st.out, '\n')
			return true
		}
		at := func(i int) byte {
			if i < len(tok) {
				return tok[i]
			}
			return 0
		}
		switch {
		case (at(0) == 'w' && at(1) == ' ') || tok == "/w":
			lastW = parseXMLTag(tok)
			if at(0) == 'w' && tok[len(tok)-1] != '/' {
				w = tok
				return true
			}
			// the attributes of the word (lemma, morph, xlit, gloss, POS)
			// are switched off by their option filters: nothing to print.
			_ = w
			return true
		case strings.HasPrefix(tok, "note"):
			if !strings.Contains(tok, "strongsMarkup") {
				st.out = append(st.out, " ["...)
			} else {
				st.suspend = true
			}
			tag := parseXMLTag(tok)
			if body, ok := bodies[tag.get("swordFootnote")]; ok && body != "" {
				b, _ := osisChain(body, flt)
				st.out = append(st.out, b...)
			}
			return true
		case strings.HasPrefix(tok, "/note"):
			if !st.suspend {
				st.out = append(st.out, "] "...)
			} else {
				st.suspend = false
			}
			return true
		case (at(0) == 'p' && (at(1) == ' ' || at(1) == 0)) || tok == "/p":
			st.suppressWS = true
			st.out = append(st.out, '\n')
			return true
		case strings.HasPrefix(tok, "lb"):
			st.suppressWS = true
			st.out = append(st.out, '\n')
			return true
		case at(0) == 'l' && strings.Contains(tok, "eID"):
			st.suppressWS = true
			st.out = append(st.out, '\n')
			return true
		case strings.HasPrefix(tok, "/divineName"):
			n := len(st.lastTextNode)
			if n > len(st.out) {
				n = len(st.out)
			}
			up := strings.ToUpper(string(st.out[len(st.out)-n:]))
			st.out = append(st.out[:len(st.out)-n], up...)
			return true
		case strings.HasPrefix(tok, "hi"):
			hiOver = false
			for _, v := range []string{`rend="ol"`, `rend="x-overline"`, `rend="overline"`, `type="ol"`, `type="x-overline"`, `type="overline"`} {
				if strings.Contains(tok, v) {
					hiOver = true
				}
			}
			st.suspend = true
			return true
		case strings.HasPrefix(tok, "/hi"):
			if hiOver {
				for _, c := range st.lastTextNode {
					if c != utf8.RuneError {
						st.out = utf8.AppendRune(st.out, c)
						st.out = append(st.out, 0xCC, 0x85)
					}
				}
			} else {
				st.out = append(st.out, "* "...)
				st.out = append(st.out, st.lastSuspend...)
				st.out = append(st.out, " *"...)
			}
			st.suspend = false
			return true
		case at(0) == 'q':
			if m, ok := hasMark(); ok {
				st.out = append(st.out, m...)
				return true
			}
			return false
		case strings.HasPrefix(tok, "milestone"):
			if len(tok) > 10 {
				if k := strings.Index(tok[10:], `type="`); k >= 0 && !strings.HasPrefix(tok[10+k+6:], "line") {
					st.suppressWS = true
					st.out = append(st.out, '\n')
				}
			}
			if m, ok := hasMark(); ok {
				st.out = append(st.out, m...)
			}
			return true
		}
		return false
	}
	return f.run(s)
}

// ---- TEI.

func teiPlain(s string) string {
	f := &basicFilter{handleEscape: xmlEscape}
	f.handleToken = func(st *basicState, tok string) bool {
		tag := parseXMLTag(tok)
		start := !tag.end && !tag.empty
		switch tag.name {
		case "p":
			switch {
			case start:
				st.out = append(st.out, '\n')
			case tag.end:
				st.out = append(st.out, '\n')
				st.suppressWS = true
			default:
				st.out = append(st.out, "\n\n"...)
				st.suppressWS = true
			}
		case "entryFree", "sense":
			if start {
				if n := tag.get("n"); n != "" {
					st.out = append(st.out, n+". "...)
				}
			} else if tag.end && tag.name == "sense" {
				st.out = append(st.out, '\n')
			}
		case "div":
			if start {
				st.out = append(st.out, "\n\n\n"...)
			}
		case "etym":
			if start {
				st.out = append(st.out, '[')
			} else if tag.end {
				st.out = append(st.out, ']')
			}
		case "list":
			if start || tag.end {
				st.out = append(st.out, '\n')
			}
		case "item":
			if start {
				st.out = append(st.out, "\t* "...)
			} else if tag.end {
				st.out = append(st.out, '\n')
			}
		default:
			return false
		}
		return true
	}
	return f.run(s)
}

// ---- GBF and ThML (approximations of the 1.9 filters, options off).

// gbfPlain drops footnotes (<RF>…<Rf>) when the conf lists GBFFootnotes,
// Strong's and morphology tokens, and renders line and paragraph breaks.
func gbfPlain(s string, f Filters) string {
	var out []byte
	hide := false
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			if !hide {
				out = append(out, s...)
			}
			break
		}
		if !hide {
			out = append(out, s[:lt]...)
		}
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			break
		}
		tok := s[lt+1 : lt+gt]
		s = s[lt+gt+1:]
		if len(tok) < 2 {
			continue
		}
		switch tok[:2] {
		case "RF":
			if f.Footnotes {
				hide = true
			} else {
				out = append(out, " ["...)
			}
		case "Rf":
			if hide {
				hide = false
			} else {
				out = append(out, "] "...)
			}
		case "CA":
			if n, err := strconv.Atoi(tok[2:]); err == nil && !hide {
				out = append(out, byte(n))
			}
		case "CG":
			if !hide {
				out = append(out, '>')
			}
		case "CL", "CN":
			if !hide {
				out = append(out, '\n')
			}
		case "CM":
			if !hide {
				out = append(out, "\n\n"...)
			}
		}
	}
	return string(out)
}

// thmlPlain drops notes (when the conf lists ThMLFootnotes), Strong's and
// morphology, decodes entities and collapses whitespace as ThMLPlain does.
func thmlPlain(s string, f Filters) string {
	var out []byte
	hide := 0
	for len(s) > 0 {
		lt := strings.IndexAny(s, "<&")
		if lt < 0 {
			if hide == 0 {
				out = append(out, s...)
			}
			break
		}
		if hide == 0 {
			out = append(out, s[:lt]...)
		}
		if s[lt] == '&' {
			semi := strings.IndexByte(s[lt:], ';')
			if semi < 0 {
				break
			}
			ent := s[lt+1 : lt+semi]
			s = s[lt+semi+1:]
			if hide == 0 {
				switch ent {
				case "nbsp":
					out = append(out, ' ')
				case "quot":
					out = append(out, '"')
				case "amp":
					out = append(out, '&')
				case "lt":
					out = append(out, '<')
				case "gt":
					out = append(out, '>')
				default:
					if d := decodeEntity(ent); d != "" {
						out = append(out, d...)
					}
				}
			}
			continue
		}
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			break
		}
		tok := s[lt+1 : lt+gt]
		s = s[lt+gt+1:]
		switch {
		case strings.HasPrefix(tok, "note"):
			if f.Footnotes {
				hide++
			} else {
				out = append(out, " ["...)
			}
		case strings.HasPrefix(tok, "/note"):
			if hide > 0 {
				hide--
			} else {
				out = append(out, "] "...)
			}
		case hide > 0:
		case strings.HasPrefix(tok, "br"), strings.HasPrefix(tok, "/p"):
			out = append(out, '\n')
		}
	}
	// collapse whitespace runs to one space
	var b []byte
	for i := 0; i < len(out); i++ {
		if strings.IndexByte(" \t\n\r", out[i]) >= 0 {
			for i+1 < len(out) && strings.IndexByte(" \t\n\r", out[i+1]) >= 0 {
				i++
			}
			b = append(b, ' ')
			continue
		}
		b = append(b, out[i])
	}
	return string(b)
}

func decodeEntity(name string) string {
	if name == "" {
		return ""
	}
	d := htmlUnescape("&" + name + ";")
	if d == "&"+name+";" {
		return ""
	}
	return d
}
