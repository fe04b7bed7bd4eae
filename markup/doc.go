// Package markup turns the markup of SWORD module entries (OSIS, ThML,
// GBF, TEI, plain text) into text, in two modes.
//
// # Plain: diatheke's output, byte for byte
//
// Plain and PlainFilters reproduce `diatheke -f plain -o ""` (libsword
// 1.9), which makes diatheke usable as a test oracle. The OSIS path is a
// staged port of the filters libsword runs (sword-format §5.2), each a
// string-to-string pass as in libsword, because their quirks interact:
//
//  1. prepText: lone LF -> space, CR -> LF, trailing spaces and LFs trimmed.
//  2. OSISFootnotes off: <note>…</note> deleted with its content (notes do
//     not nest: the first </note> ends one, a second prints "] "); a
//     cross-reference note is kept as an empty pair for the next filter.
//  3. OSISScripref off: cross-reference pairs deleted.
//  4. OSISHeadings off: <title>…</title> and pre-verse divisions
//     (<div subType="x-preverse" sID=S/> … eID=S) captured; a canonical
//     title outside a pre-verse division goes back into the body, the first
//     captured heading (when pre-verse) is the verse's heading. This filter
//     also deletes every &escape; (it has no escape table).
//  5. OSISPlain: <title>, </title>, </l>, <lg>, </lg> -> "\n"; <lb…>, <p>,
//     <l … eID…>, <milestone type="…"> (not "line…") -> "\n" and the next
//     single space is dropped; </divineName> upper-cases the text since the
//     previous tag; everything else prints nothing.
//
// Steps 4 and 5 run on libsword's SWBasicFilter state machine, ported with
// its edge cases: '&' starts an escape anywhere (even inside a tag), '<'
// inside an escape abandons it, tokens are cut at 4090 bytes. The x-p
// paragraph rule of OSISPlain is dead code in 1.9 (it tests a stale tag)
// and so is the soft-hyphen rule (a signed char compare); both are left
// out. Numeric escapes (&#8220;) are dropped, as libsword does. Word
// attributes (Strong's, morphology) print nothing: their filters are
// assumed listed and off. TEI follows TEIPlain (entryFree n -> "n. ",
// list items "\t* "; <lb/> prints nothing). GBF and ThML are close
// approximations of their filters; no installed module uses them.
//
// Checked against diatheke on every verse of the installed KJV (31 102)
// and WEB (37 791): bodies equal byte for byte, headings equal, including
// diatheke's stale-heading repeats (see package corpus's agreement test).
//
// # Render: clean text, words, Strong's numbers
//
// Render tokenises an entry into text and tags without requiring
// well-formed XML (elements open in one verse and close in another; a
// stray end tag is ignored, an unclosed element runs to the end of the
// entry) and builds Text:
//
//   - Clean: text with notes, titles and pre-verse material taken out,
//     entities decoded, whitespace collapsed. Where markup deleted content
//     between two characters with no space (WEB "God<note…/>created",
//     "born</q><note…/><q>Son"), a space goes in if the next character
//     starts a word or an opening quote and the previous one does not open
//     one (needGap); markup that merely wraps part of a word joins it again
//     ("bold<transChange>ly</transChange>" -> "boldly", "tear</w>s" ->
//     "tears"). Block elements (l, lg, lb, p, div, chapter, milestone, …)
//     separate words. The KJV pilcrow ¶ is dropped and sets Para. USFM
//     marker residue left by the importer ("\nd ", "\+nd*") is removed.
//     <divineName> text is upper-cased except after an apostrophe
//     ("Lord" -> "LORD", "LORD’s" stays).
//   - Words: Clean is cut into words (letters, digits and marks, joined
//     across ' ’ - and the Hebrew maqaf). Each markup word (<w>), added
//     phrase (<transChange>) and red-letter quotation (<q who="Jesus">,
//     also as sID/eID milestones) is a byte span of Clean; a word takes the
//     Strong's numbers and morphology of every span it overlaps, so a
//     markup word split over two words tags both, and two markup words in
//     one word both tag it. ThML <sync> and GBF <WG…> annotations follow
//     their word and tag the last word before them.
//   - Strong's numbers are canonical: "G"/"H", the number without leading
//     zeros, an optional lower-case suffix ("strong:G0846" -> "G846"; see
//     strongs.Norm; strongs.LexKey gives the 5-digit lexicon key).
//   - Titles (<title>, <speaker>, pre-verse text), Notes (footnotes without
//     their "1:1 " anchor) and XRefs (cross-reference notes) come
//     separately, each with the byte offset in Clean where it stood
//     (NoteAt, XRefAt: the reader puts its note markers there); Heading
//     joins the titles that precede the first word.
//
// Lexeme reads TEI dictionary entries into Entry fields (headword,
// transliteration, pronunciation, definition, osisRef references, see-also
// keys).
//
// The package imports no other berean package.
package markup
