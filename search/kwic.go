package search

import (
	"strings"
	"unicode/utf8"
)

// KWICLine is one keyword-in-context line: the match with up to width
// characters of context on each side, cut at word boundaries and marked
// with "…" where the verse goes on.
type KWICLine struct {
	Left  string `json:"left"`
	Match string `json:"match"`
	Right string `json:"right"`
}

// KWIC returns one line per span of text (byte spans), with width
// characters (code points) of context on each side.
func KWIC(text string, spans []Span, width int) []KWICLine {
	var out []KWICLine
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		out = append(out, KWICLine{
			Left:  leftContext(text[:s.Start], width),
			Match: text[s.Start:s.End],
			Right: rightContext(text[s.End:], width),
		})
	}
	return out
}

func leftContext(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	// Keep the last width runes, then drop a cut word at the start.
	i := len(s)
	for n := 0; n < width && i > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	cut := s[i:]
	if j := strings.IndexByte(cut, ' '); j >= 0 && j < len(cut)-1 {
		cut = cut[j+1:]
	}
	return "…" + cut
}

func rightContext(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	i := 0
	for n := 0; n < width && i < len(s); n++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	cut := s[:i]
	if j := strings.LastIndexByte(cut, ' '); j > 0 {
		cut = cut[:j]
	}
	return cut + "…"
}
