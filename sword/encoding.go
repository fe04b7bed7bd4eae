package sword

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// toUTF8 converts entry bytes from the module's Encoding to UTF-8. An absent
// Encoding means Latin-1 to libsword; berean first checks whether the bytes
// are valid UTF-8 and, if so, keeps them (the StrongsHebrew conf lacks its
// Encoding although its data is UTF-8, so libsword prints mojibake).
func toUTF8(enc string, b []byte) []byte {
	switch strings.ToUpper(strings.ReplaceAll(enc, "-", "")) {
	case "UTF8":
		if utf8.Valid(b) {
			return b
		}
		return []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	case "UTF16":
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
		}
		return []byte(string(utf16.Decode(u)))
	case "":
		if utf8.Valid(b) {
			return b
		}
	}
	// Latin-1 (and SCSU's ASCII subset).
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// cutNUL ends an entry at its first NUL, as libsword's C strings do; in
// UTF-16 the terminator is a zero code unit.
func cutNUL(enc string, b []byte) []byte {
	if isUTF16(enc) {
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] == 0 && b[i+1] == 0 {
				return b[:i]
			}
		}
		return b
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

func isUTF16(enc string) bool {
	return strings.EqualFold(strings.ReplaceAll(enc, "-", ""), "UTF16")
}
