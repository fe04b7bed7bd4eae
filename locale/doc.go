// Package locale reads libsword's locale files: the names and
// abbreviations of the books of the Bible in about ninety languages, which
// the reference parser (package ref) reads and the formatter writes.
//
//	es, err := locale.Find("es", locale.Dirs(roots)...) // the files of one language; nil when unknown
//	set, errs := locale.Load(locale.Dirs(roots)...)     // every locales.d/*.conf
//	es = set.Lookup("es")
//	es.Names["John"]                                  // "Juan"
//	es.Abbrevs["1 CORINTIOS"]                         // "1Cor"
//
// # Files
//
// libsword installs them in <root>/locales.d (Debian's libsword-common:
// /usr/share/sword/locales.d); ~/.sword/locales.d may add more. Each file
// is an INI-style text: "[Section]" lines, "key=value" lines, "#" comment
// lines and blank lines; keys and values are trimmed. Three or four
// sections matter:
//
//	[Meta]          Name=es (the locale's name: a language code, possibly
//	                with region or a suffix: pt_BR, de_abbrev, zh_Hant),
//	                Description=Spanish (Unicode), Encoding=UTF-8
//	[Text]          the English book name as libsword writes it, "=", the
//	                name in the language: "I Corinthians=1 Corintios",
//	                "Revelation of John=Apocalipsis", "Psalms=Salmos". Other
//	                interface strings may follow; keys that name no book are
//	                ignored.
//	[Book Abbrevs]  a name or abbreviation in capitals, "=", the OSIS id:
//	                "1 CORINTIOS=1Cor", "SAN JUAN=John", "JN=John". These are
//	                what a reader may type.
//	[Pref Abbrevs]  the OSIS id, "=", the preferred short form: "Gen=Gén".
//
// Encoding is UTF-8 or a legacy code page (ISO8859-1, ISO8859-2, CP1251,
// CP1256, KOI8-R, KOI8-U, EUC-KR); a file in a code page is decoded to
// UTF-8, and when two files have the same Name (es.conf in ISO8859-1 and
// es-utf8.conf) the UTF-8 one is kept. A file of another encoding, or one
// without [Meta] Name, is reported and skipped. [Text] keys are mapped to
// OSIS ids by their English names (canon.HumanName, with the numbers of
// "I", "II", "III", "IV" read as digits) and a few names libsword spells
// its own way ("Revelation of John", "Prayer of Manasses").
//
// Lookup("es-ES") tries the name as given (with "-" read as "_"), then its
// language alone ("es"); the abbreviations of a companion file named
// "<name>_abbrev" or "<name>_abbr" (de_abbrev, fr_abbrev, et_abbr) are
// merged in.
//
// # Figures
//
// Debian's libsword-common: 92 locale files, 63 locales once the UTF-8
// twins are preferred, every file readable. Load reads them all in 70-130
// ms; Find reads the files of one language (es: es.conf, es-utf8.conf) in
// under a millisecond, so callers use Find, once per language, and only
// when a language other than English is asked for.
package locale
