package server

// humanIn writes an OSIS list in the book names of a Bible's language
// ("1 Juan 4:16" for an answer quoted from the RV1909; Engine.RefNamer);
// English, and a language without a locale file, is ref.HumanOSIS.
func (u *ui) humanIn(osis, bible string) string {
	eng := u.s.cur().eng
	return eng.RefNamer(eng.BibleLang(bible))(osis)
}
