// Package ref parses Bible references, in English and in the book names of
// other languages, and finds them in running text.
//
//	p := ref.NewParser(ref.Options{})           // KJV versification
//	rs, err := p.Parse("Heb 7:23-25; Rom 8:34")  // []Range, error
//	ms := p.Scan(article)                        // []Match with code-point offsets
//	s := ref.OSISOf("see John 3:16 NIV")         // "John.3.16"
//
// With Options.Locale a Parser also reads the book names of another
// language, from libsword's locale files (package locale): "Juan 3:16",
// "1 Corintios 13:4", "Génesis 1:1" or "Genesis 1:1", "Salmos 23"; and
// Range.Format writes them. An English Parser never reads them (locale.go
// has the rules).
//
// # Values
//
// A Ref is a book (OSIS id), chapter and verse; Chapter 0 is the whole book
// and Verse 0 the whole chapter. A Range runs from Start to End, both of the
// same granularity. Range.OSIS prints the OSIS form with the compaction of
// Bible-Passage-Reference-Parser (BPRP): a whole book is "Jude", whole
// chapters "Gen.1-Gen.2", verses "Heb.7.23-Heb.7.25", a single item has no
// "-". Range.String prints the human form: "Hebrews 7:23-25", "1 John 2:1",
// "Psalm 110:4", "Psalms 1-2", "Jude 3" (one-chapter books without the
// chapter).
// It is the one human formatter: ParseOSIS reads an OSIS reference back
// into a Range (as dictionaries write them: "Gen.41.9-Gen.41.13", "Ps.23",
// with a work prefix and grain suffix dropped), and HumanOSIS turns OSIS
// strings and comma lists into the human form, so the command line, the web
// pages, ask, xref and study all print "Jude 3", never "Jude 1:3".
//
// # Modes
//
// OSISOf has exactly the meaning of BPRP's parse(text).osis() with default
// options, whatever the Parser's options: BPRP's default versification (KJV
// with 15 verses in 3 John), no apocrypha, a book on its own ignored,
// invalid references ignored, ranges past the end snapped back, consecutive
// passages combined. A translation named after a reference selects its
// versification family for the check (NIV and KJV: KJV; NRSV, CSB, CEB, NLT:
// Revelation 12 has 18 verses, and 2 Corinthians 13 has 13 except for NLT;
// NAB, NABRE and LXX: the Catholic numbering, with Joel 4, Malachi 3 and
// Daniel 13-14). The only intended difference is the book-name table, which knows more
// names and misspellings than BPRP (Canticles, Apocalypse, Psalmes).
//
// Parse and Scan use Options.System (default KJV) and, with
// Options.Apocrypha, also recognise the deuterocanonical books, whose
// existence is then up to the system (NRSVA has Sirach, KJV does not).
// Parse reads the whole string as a list of references, so a book alone is
// the whole book; an invalid reference is an *InvalidError whose message
// names the limit ("John has 21 chapters; John 22 does not exist"). Scan
// reports each citation in running text as a Match (one per passage that
// names its book, with the continuations that follow it: "Heb 7:23, 25"),
// ignores books named without a number, and reports references that do not
// exist as Matches with Err set.
//
// # Algorithm
//
// The work is done in five steps, each in its own file.
//
// 1. Book names (match.go, names.go). The text is scanned left to right.
// At the start of a word (not preceded by a letter) the matcher tries, in
// order: an English ordinal Psalm ("23rd Psalm", which carries the chapter);
// a book number ("1", "1st", "I", "First", with an optional period, but
// none after First, Second, Third; a number may not follow a digit or "3:")
// followed by the name of a numbered book ("John", "Kgs", "Thess"). A roman
// numeral or word may run into the name ("IIKings", "FirstJohn") unless the
// whole word spells a plain name ("Isa", "Isaah"); a misspelt name run into
// it must then start with a capital in a word not all capitals, or be
// longer than six letters ("IIKig", not "Item" or "ISAAC"). The pronoun I
// before a lower-case common word is no book number ("I sat 3"), and the
// one-letter S (Samuel) follows only a bare digit. Then "The Gospel
// according to St." and the like before a gospel; a plain name. Names of up
// to seven words are tried longest first and must end before a digit,
// space or reference punctuation. A name is looked up exactly (case, spaces
// and periods ignored), then with repeated letters collapsed ("Mathhhew";
// without a book number not a doubled vowel in a short word: "cool", "room";
// and never to a single letter), then by tolerant rules that apply only
// when a number follows closely, the word is not a common English word
// ("king", "look", "time"; after a book number only words longer than three
// letters count) or two words run together ("aPhilemon"), a name is not run
// into a reference word ("Judgch 10", "Psalmv. 2") and a name of several
// words does not end in "of" or "the": the
// Psalm rule (p followed only by the letters of "psalm": "Plasm"); a plural
// "s"; in short words one swap of neighbouring letters, one slip to a
// neighbouring key or one extra neighbouring key ("Jhon", "Johm", "Jophn");
// after a book number any single insertion or deletion ("2 Kig");
// truncation of a full name ("Gala"); for short words the consonant skeleton
// ("Isiih"); and an edit distance (optimal string alignment, on the letters
// and on a phonetic form with ph/f, th, k/c, x/z folded) that grows with the
// name's length: none up to 4 letters, 1 for 5, 2 for 6-8, 3 beyond, the
// first letter kept except for a single error in a long name. Without a
// book number an extra letter needs a name of four letters ("dean" is not
// Dan), a short abbreviation is no anchor for the edit distance ("colon"
// is not Colos), and a misspelling two edits away may bring one letter
// foreign to the name, three edits none ("danger", "reflection"). A name of a
// book that is not enabled (Tobit without the apocrypha) hides nothing
// else: its first word is skipped and the rest read on ("Letter of
// Jeremiah 1:1" is Jeremiah 1:1).
// Some short forms are shared ("Jo": John, Jonah, Job, Joshua, Joel); the
// first book in which the reference exists wins. Translation abbreviations
// (NIV, KJV, ESV ... from a fixed list) are found after the books. Each
// book and translation becomes one marker rune in a prepared copy of the
// text (prep.go), which remembers the input span of every rune.
//
// 2. Passages (passage.go). A passage starts at a book marker, or at
// "chapter 3 of", "chapters 1-2 from", "3rd chapter of" just before one, not
// preceded by a letter or digit, and runs on through digits, spaces,
// punctuation, markers, the words of references (chapter, verse, vv., ff,
// and, cf., see also, title, to, through) and a verse-part letter a-e. Its
// end is trimmed: a number of three digits from 200 or of four digits after
// a space; anything after the last digit, marker, "title", "ff" or
// translation; a number run into the next word; a number after a
// translation. The next passage starts after the untrimmed end. (Parse,
// which reads a list of references, not running text, takes such a final
// number after a book as its chapter: "John 200" is an *InvalidError
// naming John's 21 chapters, as "John 22" is, never the whole book.)
//
// 3. Grammar (grammar.go, lex.go). Each passage is parsed by a
// parsing-expression grammar (ordered choice; memoised, so linear). The
// top level is a run of: bcv_hyphen_range, sequence, cb_range, range, ff,
// bcv_comma, bc_title, bcv, bcv_weak, bc, cv_psalm, bv, c_psalm, b, cbv,
// cbv_ordinal, cb, cb_ordinal, translation sequences, separators, c_title,
// integer_title, cv, cv_weak, integer, c, v, and words. Here b is a book,
// c a chapter (optionally "chapter N"), v a verse (optionally "verse N"),
// bc "Book 3", bcv "Book 3:16" (also "Book 3 verse 16", "Book, 3, 16",
// "Book 3 16"), cv "3:16", cb "chapter 3 of Book", a range joins two of
// these with "-", "to" or "through", a sequence joins them with ",", ";",
// "and", "cf." and the like (parenthesised items too), ff is "and
// following", title is a Psalm title (verse 1). Integers have one to three
// digits and may carry a letter ("13a"). Separators are matched by small
// hand-written matchers and a backtracking pattern matcher (lex.go).
//
// 4. Evaluation (eval.go). Nodes are evaluated in order with a context
// (book, chapter, verse, translations), giving passages with a validity
// verdict. A chapter number in a one-chapter book is a verse ("Jude 6"). A
// bare number is a chapter unless a verse is in context. Ranges are checked
// end against start: an end past the last chapter or verse is pulled back
// ("Gen 49-52" is Genesis 49-50), "Heb 13-15" becomes Heb 13:15 when
// Hebrews has no chapter 15, "Gen 28-9" becomes Genesis 28-29, and a range
// that still runs backwards becomes a list of its two ends ("Jer 2-Gen 1").
// A range from a book alone keeps its other end ("Genesis-Philemon 2" is
// Philemon 2). A translation after references re-evaluates them, since the
// versification may change.
//
// 5. Output (parser.go). Invalid passages are dropped (Scan and Parse
// report them), missing numbers are filled in (first chapter and verse at
// the start, last at the end), consecutive passages are combined ("Gen 1,
// 2" is Gen.1-Gen.2, "John 3:16, 17" John.3.16-John.3.17), and each range
// takes its shortest exact form.
//
// The semantics follow BPRP's documented behaviour and its test suite; the
// code, the grammar's Go form and the book-name data are written for this
// package. The compatibility data set is scored by TestRefparseCompat.
package ref
