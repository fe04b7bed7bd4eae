package sword

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// MaxConfSize is the largest conf file read (1 MiB); real ones are a few KiB.
const MaxConfSize = 1 << 20

// Conf is one section of a conf file: an ordered multimap of keys to values.
type Conf struct {
	Section string
	keys    []string
	vals    []string
}

// Get returns the first value of key, or "".
func (c *Conf) Get(key string) string {
	for i, k := range c.keys {
		if k == key {
			return c.vals[i]
		}
	}
	return ""
}

// Has reports whether key is present (possibly with an empty value).
func (c *Conf) Has(key string) bool {
	for _, k := range c.keys {
		if k == key {
			return true
		}
	}
	return false
}

// All returns every value of key in file order.
func (c *Conf) All(key string) []string {
	var out []string
	for i, k := range c.keys {
		if k == key {
			out = append(out, c.vals[i])
		}
	}
	return out
}

// Keys returns the keys in file order, repeated keys repeated.
func (c *Conf) Keys() []string { return append([]string(nil), c.keys...) }

// Set appends a key (used by writers and tests).
func (c *Conf) Set(key, val string) {
	c.keys = append(c.keys, key)
	c.vals = append(c.vals, val)
}

// ParseConf reads a conf file: sections, Key=Value lines split at the first
// '=', comments, continuation lines ending in '\' (joined with no separator),
// repeated keys kept in order. Lines before the first section are ignored.
// Every rule follows libsword 1.9 (FileMgr::getLine, SWConfig::load); see
// doc.go.
func ParseConf(r io.Reader) ([]*Conf, error) {
	data, err := readAtMost(r, 512, MaxConfSize+1)
	if err != nil {
		return nil, fmt.Errorf("sword: reading conf: %w", err)
	}
	return parseConfData(data)
}

// parseConfData parses the bytes of a conf file (see ParseConf).
func parseConfData(data []byte) ([]*Conf, error) {
	if len(data) > MaxConfSize {
		return nil, fmt.Errorf("sword: conf file larger than %d bytes", MaxConfSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var out []*Conf
	var cur *Conf
	// The lines are cut from one string of the whole file (as
	// bufio.ScanLines cuts them: at '\n', one trailing '\r' dropped, no
	// empty line after a final newline), so parsing copies nothing.
	text := string(data)
	// handle interprets one logical line as libsword's SWConfig::load does.
	handle := func(line string) {
		if line == "" || line[0] == '#' {
			return
		}
		if line[0] == '[' {
			name := line[1:]
			if end := strings.IndexByte(name, ']'); end >= 0 {
				name = name[:end]
			}
			cur = &Conf{Section: name}
			out = append(out, cur)
			return
		}
		if cur == nil || line[0] == '=' {
			return
		}
		// A line without '=' is a key with an empty value.
		k, v, _ := strings.Cut(line, "=")
		cur.keys = append(cur.keys, k)
		cur.vals = append(cur.vals, strings.TrimSpace(v))
	}
	var pending string // a continued line
	continued := false
	for len(text) > 0 {
		raw := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if len(raw) > 0 && raw[len(raw)-1] == '\r' {
			raw = raw[:len(raw)-1]
		}
		piece := raw
		if !continued {
			piece = strings.TrimLeft(raw, " \t\r")
		}
		t := strings.TrimRight(piece, " \t\r")
		line := pending + t
		// libsword (FileMgr::getLine) continues a line whose last
		// non-blank character is a backslash, dropping that one
		// backslash; "\\" at the end therefore continues too, keeping
		// one backslash. A backslash that is the piece's only character
		// is kept and does not continue.
		if len(t) >= 2 && t[len(t)-1] == '\\' {
			pending, continued = line[:len(line)-1], true
			continue
		}
		pending, continued = "", false
		handle(line)
	}
	if continued {
		handle(pending) // a continuation at the end of the file
	}
	return out, nil
}

// RTF decodes the RTF subset allowed in About and similar values: \par and
// \pard become line breaks (\pard only ends a paragraph), \qc is dropped,
// \uNNNN? is a UTF-16 code unit (signed decimal) followed by one fallback
// character, and \\ is a backslash.
func RTF(s string) string {
	var b strings.Builder
	var units []uint16
	flush := func() {
		if len(units) > 0 {
			b.WriteString(string(utf16.Decode(units)))
			units = units[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			flush()
			b.WriteByte(c)
			continue
		}
		rest := s[i+1:]
		switch {
		case rest[0] == '\\':
			flush()
			b.WriteByte('\\')
			i++
		case strings.HasPrefix(rest, "pard"):
			flush()
			i += 4
			i = skipSpace(s, i)
		case strings.HasPrefix(rest, "par"):
			flush()
			b.WriteByte('\n')
			i += 3
			i = skipSpace(s, i)
		case strings.HasPrefix(rest, "qc"):
			i += 2
			i = skipSpace(s, i)
		case rest[0] == 'u' && len(rest) > 1 && (rest[1] == '-' || rest[1] >= '0' && rest[1] <= '9'):
			j := 2
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(rest[1:j])
			if err != nil {
				flush()
				b.WriteByte(c)
				continue
			}
			units = append(units, uint16(int16(n)))
			i += j
			if i+1 < len(s) { // the fallback character
				i++
			}
		default:
			flush()
			b.WriteByte(c)
		}
	}
	flush()
	return b.String()
}

func skipSpace(s string, i int) int {
	if i+1 < len(s) && s[i+1] == ' ' {
		return i + 1
	}
	return i
}

// readAtMost is io.ReadAll(io.LimitReader(r, limit)) starting with a buffer
// of size bytes.
func readAtMost(r io.Reader, size, limit int) ([]byte, error) {
	b := make([]byte, 0, max(min(size, limit), 512))
	lr := io.LimitReader(r, int64(limit))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}
