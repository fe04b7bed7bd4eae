package analysis

// RelatedStems reports whether two stem terms are of one family ("convert",
// "convers"; "interced", "intercess"; "pray", "prayer"): they share all
// but the last letter of the shorter (4 letters at least), and the longer
// has at most 3 more. Packages ask and study match question words to
// Nave's lines and topic names with it.
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
	return cp >= 4 && cp >= len(a)-1 && len(b)-cp <= 3
}
