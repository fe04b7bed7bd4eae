// Package crossref holds the open cross-reference data berean ships: the
// OpenBible.info cross references (about 345,000 pairs of verses with the
// votes of their users), embedded in the binary, and their parsing into
// KJV ordinals for the index.
//
//	pairs, skipped, err := crossref.Pairs()   // negative votes left out
//	// Pair{From: ord(Isa.53.5), ToLo: ord(1Pet.2.24), ToHi: ord(1Pet.2.25), Votes: 109}
//
// # Data
//
// data/cross_references.txt.gz is OpenBible.info's cross_references.txt
// (the dump of 2021-05-31), gzipped, unchanged: a header line ("From
// Verse<TAB>To Verse<TAB>Votes<TAB>#www.openbible.info CC-BY 2021-05-31"),
// then one pair a line, "Gen.1.1<TAB>Isa.42.5<TAB>89"; the target may be a
// range ("1Pet.2.24-1Pet.2.25"). References are OSIS in the KJV
// versification. 344,789 pairs; 850 have votes below zero (users voted
// the link down) and are left out, and 5 whose verses the KJV
// versification lacks are skipped and counted: 343,934 kept.
//
// Attribution (the licence asks for it; README, `berean xref --help` and
// the web page carry it): Attribution.
//
// Sum is the SHA-256 of the embedded file; the index fingerprint includes
// it, so a new data file rebuilds the index. TestSum checks it.
//
// Parsing the whole file takes about 0.11 s of CPU (a third of it gunzip,
// the rest splitting and looking up ordinals, without allocating per
// line); it runs once per index build, in
// parallel with the Bibles.
package crossref
