package corpus

import (
	"fmt"
	"strconv"
	"strings"

	"berean/canon"
	"berean/ref"
)

// ParseOSIS reads an osisRef as dictionaries write it: "Gen.37.21",
// "Gen.41.9-Gen.41.13", "Ps.23", "Jude", with an optional work prefix
// ("Bible:Gen.1.1") and grain suffix ("Gen.1.1!a") dropped. The book must
// be a known OSIS id; chapter and verse are not checked against a
// versification (see canon.System.Check).
func ParseOSIS(s string) (ref.Range, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.ContainsAny(s[:i], ".-") {
		s = s[i+1:]
	}
	a, b, isRange := strings.Cut(s, "-")
	start, err := parseOSISPoint(a)
	if err != nil {
		return ref.Range{}, err
	}
	if !isRange {
		return ref.Range{Start: start, End: start}, nil
	}
	end, err := parseOSISPoint(b)
	if err != nil {
		return ref.Range{}, err
	}
	return ref.Range{Start: start, End: end}, nil
}

func parseOSISPoint(s string) (ref.Ref, error) {
	if i := strings.IndexByte(s, '!'); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 || parts[0] == "" {
		return ref.Ref{}, fmt.Errorf("osisRef %q: not Book.Chapter.Verse", s)
	}
	r := ref.Ref{Book: parts[0]}
	if !canon.Known(r.Book) {
		return ref.Ref{}, fmt.Errorf("osisRef %q: unknown book %q", s, r.Book)
	}
	for i, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return ref.Ref{}, fmt.Errorf("osisRef %q: bad number %q", s, p)
		}
		if i == 0 {
			r.Chapter = n
		} else {
			r.Verse = n
		}
	}
	return r, nil
}
