package ref

// The English book-name table. Every name here is written as people write it:
// full names, the common abbreviations (SBL, Chicago, and the short forms of
// study Bibles), the OSIS ids themselves, traditional alternatives (Canticles,
// Qoheleth, Apocalypse) and a few habitual misspellings. Spaces and periods in
// a name are optional when matching ("SongofSolomon", "1 Cor."), letter case
// is ignored, and the tolerant matcher in match.go accepts further
// misspellings, so this list does not try to enumerate them.

// Some abbreviations are left out on purpose because they are common
// tokens of other kinds: "pp." (pages) for Philippians, "NB" (nota bene)
// for Numbers, "ml" (millilitres) for Malachi.

// plainNames maps an OSIS id to the names that need no ordinal.
// A name that fits several books lists them all in ambiguousNames instead.
var plainNames = []struct {
	osis  string
	names string // comma-separated
}{
	{"Gen", "Genesis, Gen, Gn, Ge, Gns, Genes"},
	{"Exod", "Exodus, Exod, Exo, Ex, Exd, Exods"},
	{"Lev", "Leviticus, Lev, Le, Lv, Levit, Levi"},
	{"Num", "Numbers, Number, Num, Nu, Nm, Numb"},
	{"Deut", "Deuteronomy, Deut, Deu, Dt, Duet, Deuter, Deutero, Dtn"},
	{"Josh", "Joshua, Josh, Jos, Jsh, Josua"},
	{"Judg", "Judges, Judg, Jdg, Jg, Jgs, Jdgs, Jdgs"},
	{"Ruth", "Ruth, Ru, Rth, Rut, Rt"},
	{"1Sam", "Samuel, Samuels"},
	{"1Kgs", "Kings, Kgs, Kngs"},
	{"1Chr", "Chronicles, Chronicle, Paralipomenon"},
	{"Ezra", "Ezra, Ezr, Esra"},
	{"Neh", "Nehemiah, Neh, Ne, Nehem"},
	{"Esth", "Esther, Esth, Est, Es, Ester, Esthr"},
	{"Job", "Job, Jb"},
	{"Ps", "Psalms, Psalm, Ps, Psa, Psm, Pss, Psl, Psal, Pslm, Psalter, Salm, Salms"},
	{"Prov", "Proverbs, Proverb, Prov, Pro, Pr, Prv, Pv, Prvb, Prvbs"},
	{"Eccl", "Ecclesiastes, Eccl, Eccles, Eccle, Ecc, Ec, Ecl, Qoheleth, Qohelet, Qoh, Qo, Koheleth, Kohelet"},
	{"Song", "Song of Solomon, Song of Songs, Song of Sol, S of S, Songs of Solomon, Song, Songs, Canticles, Canticle of Canticles, Cant, Cnt, SS, SoS, Sg, Sgs, Sng, Sngs, So, Sol, Son"},
	{"Isa", "Isaiah, Isa, Is, Isai, Ia, Isah"},
	{"Jer", "Jeremiah, Jer, Je, Jr, Jere, Jerem"},
	{"Lam", "Lamentations, Lamentation, Lam, La, Lm"},
	{"Ezek", "Ezekiel, Ezek, Eze, Ezk, Ezekl"},
	{"Dan", "Daniel, Dan, Da, Dn, Dl"},
	{"Hos", "Hosea, Hos, Ho"},
	{"Joel", "Joel, Jl, Joe"},
	{"Amos", "Amos, Am, Amo"},
	{"Obad", "Obadiah, Obad, Ob, Oba, Obd, Obadia"},
	{"Jonah", "Jonah, Jon, Jnh, Jona"},
	{"Mic", "Micah, Mic, Mi, Mica"},
	{"Nah", "Nahum, Nah, Na, Nahu"},
	{"Hab", "Habakkuk, Hab, Habk, Hbk"},
	{"Zeph", "Zephaniah, Zeph, Zep, Zp, Zph, Zephan"},
	{"Hag", "Haggai, Hag, Hg, Hagg, Hgg"},
	{"Zech", "Zechariah, Zech, Zec, Zc, Zch, Zach, Zac, Zechar"},
	{"Mal", "Malachi, Mal, Malac"},
	{"Matt", "Matthew, Matt, Mt, Mat, Mtt, Mathew"},
	{"Mark", "Mark, Mk, Mr, Mrk, Mar"},
	{"Luke", "Luke, Luk, Lk, Lu, Lke"},
	{"John", "John, Jn, Jhn, Joh, Jno, Jh"},
	{"Acts", "Acts, Act, Ac, Acts of the Apostles"},
	{"Rom", "Romans, Roman, Rom, Ro, Rm, Rms, Rmns"},
	{"1Cor", "Corinthians, Corinthian"},
	{"Gal", "Galatians, Galatian, Gal, Ga, Gl, Galat"},
	{"Eph", "Ephesians, Ephesian, Eph, Ephes, Ephs, Ep"},
	{"Phil", "Philippians, Philippian, Phil, Php, Phi, Philip, Philipp, Phlp"},
	{"Col", "Colossians, Colossian, Col, Co, Colos, Coloss"},
	{"1Thess", "Thessalonians, Thessalonian"},
	{"1Tim", "Timothy"},
	{"Titus", "Titus, Tit, Ti, Tt"},
	{"Phlm", "Philemon, Philem, Phlm, Phm, Phmn, Phile, Phlmn"},
	{"Heb", "Hebrews, Hebrew, Heb, Hebr, Hbr"},
	{"Jas", "James, Jas, Jam, Jm, Ja, Jms, Jame"},
	{"1Pet", "Peter"},
	{"Jude", "Jude, Jde"},
	{"Rev", "Revelation, Revelations, The Revelation, Revelation of John, Rev, Re, Rv, Revel, Apocalypse, Apoc"},

	// Deuterocanon and apocrypha (only with Options.Apocrypha).
	{"Tob", "Tobit, Tob, Tb, Tobias"},
	{"Jdt", "Judith, Jdt, Jdth, Jth"},
	{"EsthGr AddEsth", "Greek Esther, Esther Greek, Additions to Esther, Rest of Esther, Add Esth, AddEsth, EsthGr, GkEsth, Gk Esth, Gr Esth"},
	{"Wis", "Wisdom of Solomon, Wisdom, Wis, Wisd, Ws"},
	{"Sir", "Sirach, Sir, Ecclesiasticus, Ecclus, Ben Sira, Wisdom of Ben Sira, Wisdom of Jesus Son of Sirach"},
	{"Bar", "Baruch, Bar"},
	{"EpJer", "Letter of Jeremiah, Epistle of Jeremiah, Epistle of Jeremy, EpJer, Ep Jer, Let Jer"},
	{"PrAzar", "Prayer of Azariah, Azariah, PrAzar, Pr Azar, Song of the Three, Song of Three Youths, Song of the Three Young Men, Song of the Three Holy Children, SgThree"},
	{"Sus", "Susanna, Susannah, Sus"},
	{"Bel", "Bel and the Dragon, Bel, Bel Dragon"},
	{"PrMan", "Prayer of Manasseh, Prayer of Manasses, PrMan, Pr Man"},
	{"1Macc", "Maccabees"},
	{"AddPs", "Ps151"},
}

// families are the numbered books: an ordinal (1, 1st, I, First ...)
// followed by one of the base names. books[n-1] is the book for ordinal n.
var families = []struct {
	books []string
	names string
}{
	{[]string{"1Sam", "2Sam"}, "Samuel, Samuels, Sam, Sa, Sm, S, Saml, Sml, Samu"},
	{[]string{"1Kgs", "2Kgs"}, "Kings, King, Kgs, Kg, Ki, Kin, Kngs, Kng, Kn, K, Ks"},
	{[]string{"1Chr", "2Chr"}, "Chronicles, Chronicle, Chron, Chr, Chro, Ch, Chrn, Chrs, Cron, Paralipomenon"},
	{[]string{"1Cor", "2Cor"}, "Corinthians, Corinthian, Cor, Co, Corin, Corinth, Corint, Crn"},
	{[]string{"1Thess", "2Thess"}, "Thessalonians, Thessalonian, Thess, Thes, Th, Ths, Thss, Thessal"},
	{[]string{"1Tim", "2Tim"}, "Timothy, Tim, Ti, Tm, Timoth, Tmth"},
	{[]string{"1Pet", "2Pet"}, "Peter, Pet, Pe, Pt, P, Ptr, Petr, Pete"},
	{[]string{"1John", "2John", "3John"}, "John, Jn, Jhn, Joh, Jo, Jno, Jh"},
	{[]string{"1Sam", "2Sam", "1Kgs", "2Kgs"}, "Kingdoms, Kgdms"},
	{[]string{"1Macc", "2Macc", "3Macc", "4Macc"}, "Maccabees, Maccabee, Macc, Mac, Mc, Ma, Mcc"},
	{[]string{"1Esd", "2Esd"}, "Esdras, Esd, Esdr"},
}

// ambiguousNames are short forms shared by several books. The parser takes
// the first book in the list for which the reference exists (so "Jo 40"
// is Job 40, "Jo 3" is John 3).
var ambiguousNames = []struct {
	name  string
	books []string
}{
	{"Jo", []string{"John", "Jonah", "Job", "Josh", "Joel"}},
	{"Ju", []string{"Jude", "Judg"}},
	{"Jud", []string{"Jude", "Judg"}},
	{"Jd", []string{"Jude", "Judg"}},
	{"Ma", []string{"Matt", "Mark", "Mal"}},
	{"Ph", []string{"Phil", "Phlm"}},
	{"Ze", []string{"Zeph", "Zech"}},
	{"Ha", []string{"Hab", "Hag"}},
	{"Hb", []string{"Heb", "Hab"}},
	{"Ez", []string{"Ezek", "Ezra"}},
}

// gospelBooks may be preceded by "The Gospel according to St." and the like.
var gospelBooks = map[string]bool{"Matt": true, "Mark": true, "Luke": true, "John": true}

// ordinalWords are the spellings of the book numbers 1-4.
var ordinalWords = [][]string{
	{"1", "1st", "i", "first"},
	{"2", "2nd", "ii", "second"},
	{"3", "3rd", "iii", "third"},
	{"4", "4th", "iv", "fourth"},
}

// translationNames are the translation abbreviations recognised after a
// reference ("John 3:16 NIV", "(KJV)"), with the versification family each
// one implies. They are dropped from the OSIS output.
var translationNames = []struct {
	name, system string
	lower        string // set at start-up
}{
	{name: "NRSVUE", system: "nrsvue"}, {name: "NABRE", system: "nab"}, {name: "NASB", system: ""}, {name: "NIV", system: "kjv"}, {name: "NET", system: "csb"},
	{name: "NLT", system: "nlt"}, {name: "NRSV", system: "nrsv"}, {name: "NAB", system: "nab"}, {name: "NAS", system: ""}, {name: "HCSB", system: "csb"},
	{name: "NIRV", system: "kjv"}, {name: "NKJV", system: "kjv"}, {name: "ASV", system: "kjv"}, {name: "ERV", system: ""}, {name: "ESV", system: ""},
	{name: "KJV", system: "kjv"}, {name: "RSV", system: ""}, {name: "TNIV", system: "kjv"}, {name: "AMP", system: ""}, {name: "CEB", system: "ceb"},
	{name: "CEV", system: ""}, {name: "LXX", system: "nab"}, {name: "MSG", system: ""}, {name: "CSB", system: "csb"},
}
