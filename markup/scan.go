package markup

import (
	"bytes"
	"html"
	"strings"
)

// tokKind tells text from tags.
type tokKind uint8

const (
	tokText tokKind = iota
	tokTag
)

// token is one piece of an entry: a run of text (entities decoded) or one tag.
type token struct {
	kind  tokKind
	text  string // tokText: decoded text; tokTag: everything between '<' and '>'
	name  string // tokTag: element name ("w", "/w" gives name "w" with end set)
	end   bool   // </name>
	empty bool   // <name .../>
}

// scan splits src into text and tag tokens. It never fails and never
// requires well-formed XML: elements may close in a later entry or not at
// all. A '<' starts a tag that runs to the next '>'. With no '>' after it,
// a '<' followed by a letter, '/', '!' or '?' starts a tag cut off by the
// end of the entry, and the rest is dropped; any other '<' is dropped alone.
// So no tag residue reaches the text. Comments <!-- --> are
// skipped. A tag cut off by the end of the entry is dropped. Entities in text are decoded (HTML named entities, &#NNN; and
// &#xHH;); an '&' that starts no entity stays literal.
func scan(src []byte) []token {
	toks := make([]token, 0, 2*bytes.Count(src, []byte{'<'})+2)
	s := string(src)
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			toks = appendText(toks, s)
			break
		}
		if lt > 0 {
			toks = appendText(toks, s[:lt])
		}
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			if e := strings.Index(s[4:], "-->"); e >= 0 {
				s = s[4+e+3:]
			} else {
				s = ""
			}
			continue
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			if len(s) > 1 && (isAlpha(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?') {
				break // a tag cut off by the end of the entry (truncated entries)
			}
			s = s[1:] // a lone '<' in text: drop it, keep the text after it
			continue
		}
		toks = append(toks, parseTag(s[1:gt]))
		s = s[gt+1:]
	}
	return toks
}

func appendText(toks []token, s string) []token {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if n := len(toks); n > 0 && toks[n-1].kind == tokText {
		toks[n-1].text += s
		return toks
	}
	return append(toks, token{kind: tokText, text: s})
}

// parseTag reads the name and the end/empty flags of a tag's inner text.
func parseTag(raw string) token {
	t := token{kind: tokTag, text: raw}
	i := 0
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	if i < len(raw) && raw[i] == '/' {
		t.end = true
		i++
	}
	j := i
	for j < len(raw) && !isTagSpace(raw[j]) && raw[j] != '/' {
		j++
	}
	t.name = raw[i:j]
	r := strings.TrimRight(raw, " \t\r\n")
	if !t.end && strings.HasSuffix(r, "/") {
		t.empty = true
	}
	return t
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr returns the value of attribute key in a tag ("" when absent) and
// whether it was present. Values may be quoted with " or ' or be bare.
// Entities in values are decoded.
func (t *token) attr(key string) (string, bool) {
	raw := t.text
	i := 0
	// skip the name
	for i < len(raw) && (raw[i] == '/' || isTagSpace(raw[i])) {
		i++
	}
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' {
		i++
	}
	for i < len(raw) {
		for i < len(raw) && (isTagSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		ks := i
		for i < len(raw) && raw[i] != '=' && !isTagSpace(raw[i]) && raw[i] != '/' {
			i++
		}
		k := raw[ks:i]
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			if k == key && k != "" {
				return "", true
			}
			if ks == i { // no progress: skip one byte
				i++
			}
			continue
		}
		i++ // '='
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		var v string
		if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
			q := raw[i]
			i++
			vs := i
			for i < len(raw) && raw[i] != q {
				i++
			}
			v = raw[vs:i]
			if i < len(raw) {
				i++
			}
		} else {
			vs := i
			for i < len(raw) && !isTagSpace(raw[i]) {
				i++
			}
			v = raw[vs:i]
			if k != "" && strings.HasSuffix(v, "/") && i == len(raw) {
				v = v[:len(v)-1]
			}
		}
		if k == key {
			if strings.IndexByte(v, '&') >= 0 {
				v = html.UnescapeString(v)
			}
			return v, true
		}
	}
	return "", false
}

func (t *token) get(key string) string { v, _ := t.attr(key); return v }

// match finds the token that closes the element opened at toks[i]: the
// next end tag of the same name at depth zero (same-name start tags nest).
// It returns len(toks) when the element is not closed in this entry.
func match(toks []token, i int) int {
	name := toks[i].name
	depth := 0
	for j := i + 1; j < len(toks); j++ {
		t := &toks[j]
		if t.kind != tokTag || t.name != name {
			continue
		}
		switch {
		case t.end:
			if depth == 0 {
				return j
			}
			depth--
		case !t.empty:
			depth++
		}
	}
	return len(toks)
}

// matchMilestone finds the tag named name whose eID equals id.
func matchMilestone(toks []token, i int, name, id string) int {
	for j := i + 1; j < len(toks); j++ {
		t := &toks[j]
		if t.kind == tokTag && t.name == name && !t.end {
			if v, ok := t.attr("eID"); ok && v == id {
				return j
			}
		}
	}
	return len(toks)
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }
