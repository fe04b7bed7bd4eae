package verify

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxInput is the largest article Article accepts: 2 MiB of input bytes.
const MaxInput = 2 << 20

// Format is the markup an article is written in.
type Format string

// The input formats, detected by Detect.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// ErrTooLarge and ErrBinary are the input errors; Article wraps them with
// the details (errors.Is works).
var (
	ErrTooLarge = errors.New("article too large")
	ErrBinary   = errors.New("article is binary, not text")
)

// span is a half-open range of code points [Start, End) of the stripped text.
type span struct{ Start, End int }

// document is an article with its markup stripped. text[i] came from the
// code point orig[i] of the decoded original; orig has a sentinel at
// len(text) holding the original's length in code points.
type document struct {
	format Format
	src    []rune // the decoded original
	text   []rune // the stripped text
	orig   []int
	blocks []span // block quotations (Markdown "> " lines, HTML <blockquote>)
}

// origSpan maps a stripped span to code point offsets of the original.
func (d *document) origSpan(s, e int) (int, int) {
	if s < 0 {
		s = 0
	}
	if e > len(d.text) {
		e = len(d.text)
	}
	if s >= e {
		o := d.orig[min(s, len(d.text))]
		return o, o
	}
	return d.orig[s], d.orig[e-1] + 1
}

// decode turns the input bytes into code points: a UTF-8 byte order mark is
// dropped, UTF-16 with a byte order mark is decoded, invalid UTF-8 bytes
// become U+FFFD (one code point per invalid byte, as Go decodes them).
// Input over MaxInput, or binary input (NUL bytes or mostly control
// characters), is an error.
func decode(in []byte) ([]rune, error) {
	if len(in) > MaxInput {
		return nil, fmt.Errorf("verify: %w: over the limit of %d bytes (2 MiB)", ErrTooLarge, MaxInput)
	}
	if len(in) >= 2 && (in[0] == 0xFF && in[1] == 0xFE || in[0] == 0xFE && in[1] == 0xFF) && len(in)%2 == 0 {
		u := make([]uint16, 0, len(in)/2-1)
		for i := 2; i+1 < len(in); i += 2 {
			if in[0] == 0xFF {
				u = append(u, uint16(in[i])|uint16(in[i+1])<<8)
			} else {
				u = append(u, uint16(in[i])<<8|uint16(in[i+1]))
			}
		}
		rs := utf16.Decode(u)
		if bad := binaryRunes(rs); bad != "" {
			return nil, fmt.Errorf("verify: %w (%s)", ErrBinary, bad)
		}
		return rs, nil
	}
	in = bytes.TrimPrefix(in, []byte("\xEF\xBB\xBF"))
	if i := bytes.IndexByte(in, 0); i >= 0 {
		return nil, fmt.Errorf("verify: %w (a NUL byte at offset %d)", ErrBinary, i)
	}
	rs := make([]rune, 0, len(in))
	for i := 0; i < len(in); {
		r, n := utf8.DecodeRune(in[i:])
		rs = append(rs, r)
		i += n
	}
	if bad := binaryRunes(rs); bad != "" {
		return nil, fmt.Errorf("verify: %w (%s)", ErrBinary, bad)
	}
	return rs, nil
}

// binaryRunes says why rs does not look like text, or "".
func binaryRunes(rs []rune) string {
	if len(rs) == 0 {
		return ""
	}
	ctl, bad := 0, 0
	for _, r := range rs {
		switch {
		case r == 0:
			return "a NUL character"
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v':
			ctl++
		}
	}
	if (ctl+bad)*10 > len(rs) && ctl+bad > 8 {
		return fmt.Sprintf("%d control characters and %d invalid bytes in %d characters", ctl, bad, len(rs))
	}
	return ""
}

var (
	htmlTagRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)<(!doctype|html|head|body|p|div|br|blockquote|h[1-6]|span|em|strong|a|li|ul|ol|article|section|q|cite|i|b|table|td|tr|pre|main|header|footer|figure|meta|title)\b[^<>]*>`)
	})
	htmlCloseR = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)</(html|body|p|div|blockquote|h[1-6]|span|em|strong|a|li|ul|ol|article|section|q|cite|i|b|table|td|tr|pre)>`)
	})
	mdLineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^ {0,3}(#{1,6} |> ?|[-*+] |\d{1,3}[.)] |` + "```" + `)`)
	})
	mdInlineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\n]*\)`)
	})
)

// Detect guesses the format of a decoded article: HTML when it starts with
// a tag or holds several well-known tags, Markdown when it has Markdown
// line markers (headings, block quotes, lists, fences) or inline markup
// (strong emphasis, links), plain text otherwise.
func Detect(s string) Format {
	head := strings.TrimSpace(s)
	opens := len(htmlTagRE().FindAllStringIndex(s, 3))
	closes := len(htmlCloseR().FindAllStringIndex(s, 2))
	if strings.HasPrefix(head, "<") && opens > 0 || opens >= 2 && closes >= 1 {
		return FormatHTML
	}
	if mdLineRE().MatchString(s) || mdInlineRE().MatchString(s) {
		return FormatMarkdown
	}
	return FormatText
}

// parseDocument decodes, detects and strips an article.
func parseDocument(in []byte) (*document, error) {
	rs, err := decode(in)
	if err != nil {
		return nil, err
	}
	d := &document{src: rs, format: Detect(string(rs))}
	switch d.format {
	case FormatHTML:
		stripHTML(d)
	case FormatMarkdown:
		stripMarkdown(d)
	default:
		stripText(d)
	}
	d.orig = append(d.orig, len(rs))
	return d, nil
}

func (d *document) add(r rune, at int) {
	d.text = append(d.text, r)
	d.orig = append(d.orig, at)
}

// stripText keeps the text as it is (carriage returns dropped), and treats
// runs of lines starting with ">" as block quotations, as e-mail does.
func stripText(d *document) {
	stripLines(d, false)
}

// stripMarkdown removes Markdown line markers (headings, block quote
// markers, list markers, code fences) and inline markup (emphasis, code
// spans, links and images keep their text, escapes), keeping offsets.
func stripMarkdown(d *document) {
	stripLines(d, true)
}

func stripLines(d *document, md bool) {
	src := d.src
	inBlock := false
	blockStart := 0
	for i := 0; i < len(src); {
		// One line: [i, j).
		j := i
		for j < len(src) && src[j] != '\n' {
			j++
		}
		k := i
		// Leading spaces (up to 3 keep Markdown semantics; more is code).
		for k < j && k-i < 3 && src[k] == ' ' {
			k++
		}
		quoted := false
		for k < j && src[k] == '>' {
			quoted = true
			k++
			if k < j && src[k] == ' ' {
				k++
			}
			for k < j && src[k] == ' ' && md {
				k++
			}
		}
		if md {
			k = skipMDLineMarker(src, k, j)
		}
		if quoted && !inBlock {
			inBlock, blockStart = true, len(d.text)
		}
		if !quoted && inBlock {
			d.blocks = append(d.blocks, span{blockStart, trimEnd(d.text, len(d.text))})
			inBlock = false
		}
		if md && isFence(src[k:j]) {
			// Drop fence lines; keep the code's text (it may cite).
		} else if md {
			stripMDInline(d, k, j)
		} else {
			for p := k; p < j; p++ {
				if src[p] != '\r' {
					d.add(src[p], p)
				}
			}
		}
		if j < len(src) {
			d.add('\n', j)
		}
		i = j + 1
	}
	if inBlock {
		d.blocks = append(d.blocks, span{blockStart, trimEnd(d.text, len(d.text))})
	}
}

func trimEnd(t []rune, e int) int {
	for e > 0 && unicode.IsSpace(t[e-1]) {
		e--
	}
	return e
}

func isFence(line []rune) bool {
	s := strings.TrimSpace(string(line))
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

// skipMDLineMarker skips a heading or list marker at src[k:j].
func skipMDLineMarker(src []rune, k, j int) int {
	p := k
	for p < j && src[p] == ' ' {
		p++
	}
	if p < j && src[p] == '#' {
		q := p
		for q < j && src[q] == '#' {
			q++
		}
		if q-p <= 6 && (q == j || src[q] == ' ') {
			for q < j && src[q] == ' ' {
				q++
			}
			return q
		}
	}
	if p+1 < j && (src[p] == '-' || src[p] == '*' || src[p] == '+') && src[p+1] == ' ' {
		return p + 2
	}
	q := p
	for q < j && q-p < 3 && src[q] >= '0' && src[q] <= '9' {
		q++
	}
	if q > p && q+1 < j && (src[q] == '.' || src[q] == ')') && src[q+1] == ' ' {
		// "1. " is a list marker; "17:9" or "1 John" is not.
		return q + 2
	}
	return k
}

// stripMDInline copies src[k:j] without inline Markdown. It is linear in
// the line's length: the closing ']', ')' and '>' each opening character
// looks for are found in tables of next occurrences made once per line (a
// scan to the line's end for each '[' or '<' made a line of 400,000 '['
// take minutes).
func stripMDInline(d *document, k, j int) {
	stripMDInlineNext(d, k, j, newNextTable(d.src, k, j))
}

// nextTable gives, for each position of a line, the next position of ']',
// ')' and '>' at or after it (the line's end when there is none).
type nextTable struct {
	base                int
	bracket, paren, tag []int32
}

func newNextTable(src []rune, k, j int) *nextTable {
	n := j - k
	t := &nextTable{base: k, bracket: make([]int32, n+1), paren: make([]int32, n+1), tag: make([]int32, n+1)}
	t.bracket[n], t.paren[n], t.tag[n] = int32(j), int32(j), int32(j)
	for p := j - 1; p >= k; p-- {
		i := p - k
		t.bracket[i], t.paren[i], t.tag[i] = t.bracket[i+1], t.paren[i+1], t.tag[i+1]
		switch src[p] {
		case ']':
			t.bracket[i] = int32(p)
		case ')':
			t.paren[i] = int32(p)
		case '>':
			t.tag[i] = int32(p)
		}
	}
	return t
}

// next returns the first position q in [from, to) of the character of
// table tab, or -1.
func (t *nextTable) next(tab []int32, from, to int) int {
	if from >= to {
		return -1
	}
	if q := int(tab[from-t.base]); q < to {
		return q
	}
	return -1
}

func stripMDInlineNext(d *document, k, j int, nt *nextTable) {
	src := d.src
	for p := k; p < j; p++ {
		r := src[p]
		switch {
		case r == '\r':
		case r == '\\' && p+1 < j && strings.ContainsRune("\\`*_{}[]()#+-.!>", src[p+1]):
			d.add(src[p+1], p+1)
			p++
		case r == '*' || r == '`':
			// emphasis and code spans: drop the markers
		case r == '_' && (p == k || p+1 == j || !isWordRune(src[p-1]) || !isWordRune(src[p+1])):
			// _emphasis_ but not snake_case
		case r == '!' && p+1 < j && src[p+1] == '[':
			// image: keep its alt text
		case r == '[':
			// [text](url): keep text, drop (url)
			close := nt.next(nt.bracket, p+1, j)
			if close > 0 && close+1 < j && src[close+1] == '(' {
				if end := nt.next(nt.paren, close+2, j); end > 0 {
					stripMDInlineNext(d, p+1, close, nt)
					p = end
					continue
				}
			}
			d.add(r, p)
		case r == '<' && p+1 < j && (src[p+1] == '/' || unicode.IsLetter(src[p+1])):
			// inline HTML tag: drop it
			if q := nt.next(nt.tag, p, j); q >= 0 {
				p = q
				continue
			}
			d.add(r, p)
		default:
			d.add(r, p)
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "table": true, "section": true,
	"article": true, "header": true, "footer": true, "pre": true, "hr": true, "figure": true, "figcaption": true,
	"main": true, "aside": true, "nav": true, "dd": true, "dt": true, "dl": true, "title": true, "td": true, "th": true,
}

// stripHTML removes tags, comments, scripts and styles, decodes entities,
// collapses white space, turns block elements into line breaks, <q> into
// curly quotation marks and records <blockquote> elements as blocks.
func stripHTML(d *document) {
	src := d.src
	var stack []int // open blockquotes: start in d.text
	space := true   // last emitted is white space (or start)
	quotes := true  // quoted attribute values may hold '>' (see the tag case)
	var nextGT []int
	nl := func(at int) {
		// collapse trailing spaces into one line break
		for len(d.text) > 0 && d.text[len(d.text)-1] == ' ' {
			d.text = d.text[:len(d.text)-1]
			d.orig = d.orig[:len(d.orig)-1]
		}
		if len(d.text) > 0 && d.text[len(d.text)-1] != '\n' {
			d.add('\n', at)
		}
		space = true
	}
	for i := 0; i < len(src); i++ {
		r := src[i]
		switch {
		case r == '<' && hasPrefixFold(src[i:], "<!--"):
			end := indexRunes(src, i+4, "-->")
			if end < 0 {
				return
			}
			i = end + 2
		case r == '<' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?' || unicode.IsLetter(src[i+1])):
			// The tag ends at the next '>' outside quotes. Each scan is
			// linear: with no '>' left (nextGT) it is text at once, and
			// after one scan ran off the end in an open quote, quotes are
			// no longer honoured, so no '<' rescans the rest of a long
			// input ("<a" repeated 500,000 times was quadratic).
			if nextGT == nil {
				nextGT = nextIndex(src, '>')
			}
			q := nextGT[i+1]
			if q < 0 {
				q = len(src)
			} else if quotes {
				q = i + 1
				quote := rune(0)
				for q < len(src) && (src[q] != '>' || quote != 0) {
					switch {
					case quote != 0 && src[q] == quote:
						quote = 0
					case quote == 0 && (src[q] == '"' || src[q] == '\''):
						quote = src[q]
					}
					q++
				}
				if q >= len(src) {
					quotes = false
					q = nextGT[i+1]
				}
			}
			if q >= len(src) {
				// not a tag after all
				d.add(r, i)
				space = false
				continue
			}
			name, closing := tagName(src[i+1 : q])
			switch {
			case name == "script" || name == "style":
				if !closing {
					end := indexRunesFold(src, q+1, "</"+name)
					if end < 0 {
						return
					}
					q = end
					for q < len(src) && src[q] != '>' {
						q++
					}
				}
			case name == "q":
				if closing {
					d.add('\u201D', i)
				} else {
					d.add('\u201C', i)
				}
				space = false
			case blockTags[name]:
				nl(i)
				if name == "blockquote" {
					if !closing {
						stack = append(stack, len(d.text))
					} else if len(stack) > 0 {
						s := stack[len(stack)-1]
						stack = stack[:len(stack)-1]
						if len(stack) == 0 {
							d.blocks = append(d.blocks, span{s, trimEnd(d.text, len(d.text))})
						}
					}
				}
			}
			i = q
		case r == '&':
			q := i + 1
			for q < len(src) && q-i < 12 && (unicode.IsLetter(src[q]) || unicode.IsDigit(src[q]) || src[q] == '#') {
				q++
			}
			if q < len(src) && src[q] == ';' && q > i+1 {
				dec := html.UnescapeString(string(src[i : q+1]))
				if dec != string(src[i:q+1]) {
					for _, c := range dec {
						if c == '\u00A0' {
							c = ' '
						}
						if c == ' ' && space {
							continue
						}
						d.add(c, i)
						space = c == ' '
					}
					i = q
					continue
				}
			}
			d.add(r, i)
			space = false
		case unicode.IsSpace(r):
			if !space {
				d.add(' ', i)
				space = true
			}
		default:
			d.add(r, i)
			space = false
		}
	}
	for len(stack) > 0 {
		d.blocks = append(d.blocks, span{stack[0], trimEnd(d.text, len(d.text))})
		stack = nil
	}
}

func tagName(t []rune) (string, bool) {
	closing := false
	if len(t) > 0 && t[0] == '/' {
		closing = true
		t = t[1:]
	}
	n := 0
	for n < len(t) && (unicode.IsLetter(t[n]) || unicode.IsDigit(t[n])) {
		n++
	}
	return strings.ToLower(string(t[:n])), closing
}

func hasPrefixFold(rs []rune, p string) bool {
	pr := []rune(p)
	if len(rs) < len(pr) {
		return false
	}
	for i, c := range pr {
		if unicode.ToLower(rs[i]) != c {
			return false
		}
	}
	return true
}

func indexRunes(rs []rune, from int, p string) int {
	for i := from; i < len(rs); i++ {
		if hasPrefixFold(rs[i:], p) {
			return i
		}
	}
	return -1
}

func indexRunesFold(rs []rune, from int, p string) int { return indexRunes(rs, from, p) }

// nextIndex returns, for each position of src, the index of the first c at
// or after it (-1: none), in one pass from the end.
func nextIndex(src []rune, c rune) []int {
	out := make([]int, len(src)+1)
	next := -1
	out[len(src)] = -1
	for i := len(src) - 1; i >= 0; i-- {
		if src[i] == c {
			next = i
		}
		out[i] = next
	}
	return out
}
