// Package strongs is the one spelling of Strong's numbers in berean. Module
// markup writes them many ways ("strong:G0846", "x-Strongs:h1254a", a GBF
// token "WH6293", a bare "0846" in a testament's lexicon), users type
// them ("G1793", "strong:g1793"), and the lexicon modules key them by
// zero-padded number. Norm turns each of these into the canonical form
// ("G846", "H1254a"), so that the markup reader (package markup), the
// lexicons (package corpus) and the query compiler (package search) agree
// on every key; LexKey gives the 5-digit key of the SWORD lexicons
// ("G1793" -> "01793").
//
//	key, ok := strongs.Norm("strong:G0846", "") // "G846", true
//	lk, prefix, ok := strongs.LexKey(key)       // "00846", "G", true
//
// The canonical strings of G0..G9999 and H0..H9999 are built once per
// chunk of 100 on first use and shared, so rendering a Bible does not
// allocate one string per tagged word. The package imports no other
// package of berean.
package strongs
