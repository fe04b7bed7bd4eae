package xref

import "berean/index"

// oneLang is the view of ix over the Bibles of one language: the KJV's
// when it has one, else the first Bible's. A Bible of another language
// then changes no cross-reference.
func oneLang(ix *index.Index) *index.Index {
	if b, ok := ix.Bible("KJV"); ok {
		return ix.ForLang(b.Lang())
	}
	if bs := ix.Bibles(); len(bs) > 0 {
		return ix.ForLang(bs[0].Lang())
	}
	return ix
}
