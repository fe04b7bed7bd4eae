// Package corpus opens the installed SWORD modules for the rest of berean:
// Bibles (rendered verses, passages, every verse in order, parallel
// alignment across versifications), commentaries (the comments covering a
// passage, with their ranges), Strong's lexicons and topical dictionaries.
//
//	c, err := corpus.Open(sword.DefaultRoots(nil))
//	kjv, err := c.Bible("KJV")                    // abbreviation or module name, any case
//	t, err := kjv.Verse("Heb", 7, 25)             // markup.Text: Clean, Words (Strong's), Heading, Notes
//	vs, err := kjv.Passage(r)                     // r ref.Range
//	for v := range kjv.All() { ... }              // every verse in system order
//	e, err := c.Lexicon("G1793")                  // Strong's entry
//	tp, err := c.Topic("intercession")            // Nave's, references as ref.Range
//
// # Modules
//
// Open reads every conf under the roots (package sword) and keeps the
// unlocked modules of three kinds, opening each module's files only when
// it is first used (Open costs a fraction of a millisecond): Bibles (Type bible), Strong's lexicons
// (a lexicon whose conf says Feature=GreekDef or HebrewDef) and topical
// dictionaries (a lexicon whose description, LCSH or name says topical or
// Nave; Nave's conf has no Feature). Bible names are matched on the conf
// Abbreviation and the module name, case-insensitively; an unknown name is
// ErrUnknownModule with the installed Bibles listed. A lexicon conf without
// SourceType (StrongsHebrew) is recognised as TEI by its text.
//
// # Verses
//
// A verse is read as raw markup (sword.VerseModule.Entry) and rendered by
// markup.Render, with "G" for bare Strong's numbers in the New Testament
// and "H" elsewhere. All yields every verse slot of the versification in
// order, empty ones included, so the n-th verse has ordinal n. Plain gives
// diatheke's own rendering, with the filters the conf lists.
//
// # Strong's and topics
//
// The Strong's lexicons store 5-digit keys with no G/H letter, so libsword
// snaps "G1793" to the last entry; Lexicon strips the letter and pads
// (strongs.LexKey), and reports a key the module lacks as ErrNotFound
// instead of returning a neighbour. Topic does the same for topic names
// and suggests names near it: those that start with it, else those within
// one edit per four letters, else those with it as a word (no neighbour in
// sort order: "worry" is not WORMWOOD). Entries are split by markup.Lexeme;
// osisRef links become ref.Range values (ref.ParseOSIS), with Nave's links to
// one-chapter books repaired ("Jude 1</ref>:8-13" -> Jude.1.8-Jude.1.13).
//
// # Commentaries
//
// Commentary modules (RawCom, RawCom4, zCom, zCom4) are kept too, opened on
// first use: Corpus.Commentary finds one by abbreviation or module name.
// Commentary.Comments(r) gives the entries covering any verse of r, in
// order, each once, with the range each covers. A comment on several verses
// is stored at the first; the verses after it in the same chapter that
// point to the same record (links, sword.VerseModule.Locate) or are empty
// are covered by it, up to the next entry or the chapter's end (MHCC's
// "Verses 16-20" is linked to each of Matthew 28:16-20, so reading 28:19
// gives it once as Matt.28.16-Matt.28.20; the Treasury of David's Psalm 23
// stands at 23:1 with 23:2-6 empty, so it covers Ps.23.1-Ps.23.6). A
// Scofield note followed by verses without notes thus covers them too: the
// format cannot tell an empty verse that continues a comment from one that
// has none. Verses before a chapter's first entry, and book and chapter
// introductions, have no comment.
//
// A comment's Text is its headings, then its clean text (markup.Render).
// Its Refs are the targets of its reference links (OSIS <reference
// osisRef>, ThML <scripRef passage>) read as OSIS, else by the reference
// parser (Scofield writes osisRef="ro 3:21 ro 3:22"), else the link's text
// is parsed; then the references found in the clean text (ref.Parser.Scan),
// each once. All yields every comment once, without Refs, for indexing
// (MHCC 4,047 comments in 1.0 s, Scofield 3,207 in 0.1 s, TDavid 150 in
// 0.9 s; with Refs they took 7.7, 1.6 and 15.7 s).
//
// # Alignment
//
// Align maps a verse between Bibles of different versification with
// canon.Map (libsword's mapping tables, pivoting through KJVA): KJV 3 John
// 1:14 is NRSVA 3 John 1:14-15, NRSVA Rev 12:18 is KJV Rev 13:1, KJV
// Malachi 4:1 is Leningrad Malachi 3:19, and a KJV psalm title (verse 0)
// is Leningrad verse 1.
// Parallel lays out a passage of the first Bible beside the others, each
// target verse shown once.
//
// # Concurrency
//
// A Corpus and its Bibles are safe for concurrent use: the sword readers
// are (they guard their block caches and return fresh slices), modules
// are opened under sync.Once, and rendering works on private data.
//
// # Agreement with diatheke
//
// agreement_test.go reads every verse, book introduction and chapter
// introduction of the installed KJV and WEB and compares them with one
// diatheke range query per module (`-f plain -o i -k "Genesis 0:0-…"`),
// cut at the labels berean knows in order from the versification.
// markup.Plain must equal diatheke's body byte for byte and its heading
// must match what diatheke prints before the next label (its own, or
// libsword's stale repeat of the previous one). Clean must equal
// diatheke's text word for word, punctuation aside, except where a named
// rule explains the difference; the test logs the counts per rule and
// fails on any unexplained difference. Last run: KJV 31 102 verses, 28 104
// identical, 2 970 pilcrow, 27 USFM residue, 1 divine-name capitals; WEB
// 37 791 verses, 37 402 identical, 385 note glue, 4 speaker labels. Of the
// 71 628 slots, 71 627 Plain bodies are identical; the other is the WEB
// Hosea introduction, which libsword cuts at its 16-bit size.
package corpus
