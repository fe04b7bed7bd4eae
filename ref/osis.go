package ref

import (
	"fmt"
	"strconv"
	"strings"

	"berean/canon"
)

// ParseOSIS reads an osisRef as dictionaries write it: "Gen.37.21",
// "Gen.41.9-Gen.41.13", "Ps.23", "Jude", with an optional work prefix
// ("Bible:Gen.1.1") and grain suffix ("Gen.1.1!a") dropped. The book must
// be a known OSIS id; chapter and verse are not checked against a
// versification (see canon.System.Check).
func ParseOSIS(s string) (Range, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.ContainsAny(s[:i], ".-") {
		s = s[i+1:]
	}
	a, b, isRange := strings.Cut(s, "-")
	start, err := parseOSISPoint(a)
	if err != nil {
		return Range{}, err
	}
	if !isRange {
		return Range{Start: start, End: start}, nil
	}
	end, err := parseOSISPoint(b)
	if err != nil {
		return Range{}, err
	}
	return Range{Start: start, End: end}, nil
}

func parseOSISPoint(s string) (Ref, error) {
	if i := strings.IndexByte(s, '!'); i >= 0 {
		s = s[:i]
	}
	// Book[.Chapter[.Verse]], cut without allocating: reading the
	// tables of references ask keeps is thousands of these.
	book, nums, hasNums := strings.Cut(s, ".")
	var parts [2]string
	np := 0
	if hasNums {
		ch, v, hasV := strings.Cut(nums, ".")
		parts[0], np = ch, 1
		if hasV {
			if strings.Contains(v, ".") {
				return Ref{}, fmt.Errorf("osisRef %q: not Book.Chapter.Verse", s)
			}
			parts[1], np = v, 2
		}
	}
	if book == "" {
		return Ref{}, fmt.Errorf("osisRef %q: not Book.Chapter.Verse", s)
	}
	r := Ref{Book: book}
	if !canon.Known(r.Book) {
		return Ref{}, fmt.Errorf("osisRef %q: unknown book %q", s, r.Book)
	}
	for i, p := range parts[:np] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return Ref{}, fmt.Errorf("osisRef %q: bad number %q", s, p)
		}
		if i == 0 {
			r.Chapter = n
		} else {
			r.Verse = n
		}
	}
	return r, nil
}

// HumanOSIS is the human form of an OSIS reference or comma-separated list
// of them, as Range.String writes it ("Heb.7.23-Heb.7.25" is "Hebrews
// 7:23-25", "Jude.1.3" is "Jude 3"), the items joined by "; ". An item that
// does not parse is kept as written.
func HumanOSIS(osis string) string {
	if osis == "" {
		return ""
	}
	var parts []string
	for _, one := range strings.Split(osis, ",") {
		if rg, err := ParseOSIS(one); err == nil {
			parts = append(parts, rg.String())
		} else {
			parts = append(parts, strings.TrimSpace(one))
		}
	}
	return strings.Join(parts, "; ")
}
