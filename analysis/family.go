package analysis

// RelatedStems reports whether two stem terms are of one family ("convert",
// "convers"; "interced", "intercess"; "pray", "prayer"): they share all
// but the last letter of the shorter (4 letters at least), and the longer
// has at most 3 more; a shorter stem whose last letter differs must have
// 7 letters or more ("convert", "convers"), since a short one that does
// is mostly another word ("anger", "angel"; "heavi", "heaven"). Packages
// ask and study match question words to Nave's lines and topic names
// with it.
func RelatedStems(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	cp := 0
	for cp < len(a) && a[cp] == b[cp] {
		cp++
	}
	if cp < len(a) && len(a) < 7 {
		return false
	}
	return cp >= 4 && cp >= len(a)-1 && len(b)-cp <= 3
}
