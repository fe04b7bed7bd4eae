package ref

import "unicode"

// Preparation: book names and translation abbreviations in the input are
// replaced by single marker runes (from the last private-use plane), so the
// passage finder and the grammar see "<book> 3:16 <translation>". Every rune
// of the prepared text remembers the span of input runes it stands for.

const (
	markerBase  = 0x100000
	transOffset = 0x8000
	maxMarkers  = 0x7000
)

func bookMarker(i int) rune  { return rune(markerBase + i) }
func transMarker(i int) rune { return rune(markerBase + transOffset + i) }

func isMarker(r rune) bool { return r >= markerBase }
func isBookMarker(r rune) bool {
	return r >= markerBase && r < markerBase+transOffset
}
func isTransMarker(r rune) bool { return r >= markerBase+transOffset }

// prepared is the input after the replacements.
type prepared struct {
	s      []rune   // prepared text
	from   [][2]int // from[i]: input rune span [start, end) of s[i]
	books  []bookHit
	trans  []string // upper-case translation abbreviations, by marker index
	source []rune   // the input
}

func prepare(input string, allow bookFilter, loc *localeIndex) *prepared {
	src := []rune(input)
	clean := make([]rune, len(src))
	for i, r := range src {
		if isMarker(r) || r == 0x1e || r == 0x1f {
			r = ' '
		}
		clean[i] = r
	}
	p := &prepared{source: src}
	hits := findBooks(clean, allow, loc)
	if len(hits) > maxMarkers {
		hits = hits[:maxMarkers]
	}
	p.books = hits
	s := make([]rune, 0, len(clean))
	from := make([][2]int, 0, len(clean))
	h := 0
	for i := 0; i < len(clean); {
		if h < len(hits) && hits[h].start == i {
			s = append(s, bookMarker(h))
			from = append(from, [2]int{i, hits[h].end})
			i = hits[h].end
			h++
			continue
		}
		s = append(s, clean[i])
		from = append(from, [2]int{i, i + 1})
		i++
	}
	// Translations, on the text with books replaced.
	out := s[:0:0]
	outFrom := from[:0:0]
	for i := 0; i < len(s); {
		if !isMarker(s[i]) && unicode.IsLetter(s[i]) && len(p.trans) < maxMarkers {
			if name, end, ok := translationAt(s, i); ok {
				out = append(out, transMarker(len(p.trans)))
				outFrom = append(outFrom, [2]int{from[i][0], from[end-1][1]})
				p.trans = append(p.trans, name)
				i = end
				continue
			}
		}
		out = append(out, s[i])
		outFrom = append(outFrom, from[i])
		i++
	}
	p.s, p.from = out, outFrom
	return p
}

// span maps prepared positions [s, e] (inclusive) to input runes [start, end).
func (p *prepared) span(s, e int) (int, int) {
	if len(p.from) == 0 {
		return 0, 0
	}
	s = max(0, min(s, len(p.from)-1))
	e = max(s, min(e, len(p.from)-1))
	return p.from[s][0], p.from[e][1]
}
