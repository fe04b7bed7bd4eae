package server

import (
	"strings"

	"berean/ref"
)

// humanIn writes an OSIS list in the book names of a Bible's language
// ("1 Juan 4:16" for an answer quoted from the RV1909); English, and a
// language without a locale file, is ref.HumanOSIS.
func (u *ui) humanIn(osis, bible string) string {
	eng := u.s.cur().eng
	loc := eng.Locale(eng.BibleLang(bible))
	if loc == nil || osis == "" {
		return ref.HumanOSIS(osis)
	}
	var parts []string
	for _, one := range strings.Split(osis, ",") {
		r, err := ref.ParseOSIS(one)
		if err != nil {
			return ref.HumanOSIS(osis)
		}
		parts = append(parts, r.Format(loc))
	}
	return strings.Join(parts, "; ")
}
