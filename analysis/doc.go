// Package analysis is berean's one text normalisation pipeline. The index
// runs it over every verse and package search runs it over every query
// word, so a word typed by a user and the same word in the Bible always
// become the same term.
//
// # Pipeline
//
//  1. Tokenize (Split): a word is a run of letters and digits, with the
//     combining marks and invisible format characters inside it. An
//     apostrophe between two letters stays inside the word ("LORD'S",
//     "ne'er"); a trailing one does not ("Jesus'" is the word "Jesus").
//     Hyphens, dashes, the Hebrew maqaf and all other punctuation split
//     words ("burnt-offering" is two words). Each token carries its byte
//     offsets Start/End in the input (for highlighting) and its word
//     position Pos (for phrases).
//  2. Fold (Fold): canonical decomposition (NFD), removal of nonspacing
//     marks (Mn: Greek accents and breathings, Hebrew points and
//     cantillation, Latin diacritics), Unicode full case folding
//     (caseFold: "ΟΔΥΣΣ" and "οδυσς" meet, ß is "ss"), recomposition
//     (NFC). Typographic apostrophes (’ ʼ) become ASCII "'". The folded
//     form is the "exact" term: `--exact` matches it and nothing more.
//  3. Modernize (Modernize): the archaic English of the KJV becomes modern
//     English word forms, BEFORE stemming, so that the stemmer sees the
//     words it was written for:
//     - an irregular table: hath has, doth does, saith says, hast have,
//     art are, wast were, shalt shall, wilt will, canst can, spake spoke,
//     shew show, thee/thou/ye you, thy/thine your, thyself yourself, ...
//     - the third person singular in -eth: base + "s" as modern English
//     spells it (liveth lives, walketh walks, goeth goes, teacheth teaches,
//     crieth cries, sitteth sits, seeth sees);
//     - the second person singular in -est/-st: the base form (knowest
//     know, lovest love, criest cry, madest made, lovedst loved).
//     Stripping the ending leaves a stem whose final silent e and doubled
//     consonant must be restored (restoreBase): "liv" is "live", "sitt" is
//     "sit", "walk" stays "walk". The rules (doc of restoreBase) look at the
//     last letters, a consonant-vowel-consonant test and the syllable
//     count, with a short table of bases the rules get wrong. Words that
//     merely end in -eth/-est are left alone: proper names (Seth,
//     Japheth, Nazareth, Elisabeth), nouns (teeth, forest, priest, rest,
//     breast, beast, feast, guest, request, harvest), ordinals (twentieth)
//     and superlatives (best, least, highest, eldest, greatest). The
//     exception lists were checked against the vocabulary of the KJV and
//     the WEB: an -eth/-est word that modern English (the WEB) also uses is
//     not an archaic verb form. testdata/archaic.tsv pins the results.
//  4. Stem (Stem): the Snowball (Porter2) English stemmer, then a small
//     derivational folding of stems, so that a verb and its Latin noun
//     meet: intercede/intercession (interced), remit/remission (remit),
//     redeem/redemption (redeem), justify/justification (justif),
//     destroy/destruction (destroy), deceive/deception (deceiv), ...
//
// The Analyzer runs 1-4 (Exact: 1-2). Term runs 2-4 on one word.
//
// Stop words (IsStop) are a small list for ranking natural-language
// questions; the index keeps every word so that phrases work.
//
// # Languages
//
// The steps above are English's, the default (Analyzer{}, Stem, IsStop).
// A text of another language (a module's conf Lang: Analyzer.Lang,
// StemIn, TermIn, IsStopIn) is split and folded the same way, is not
// modernised (the archaic forms are English), and is stemmed by the
// Snowball stemmer of its language when the library has one (es, fr, hu,
// no/nb/nn, ru, sv: HasStemmer), otherwise kept as folded. Stems are taken
// of folded words ("amó" is stemmed as "amo"), on both sides. Spanish and
// French have stop lists (stoplang.go: function words, the commonest
// forms of ser, estar, haber, and the words that frame a question about
// the Bible: "dónde dice la Biblia", "versículo", "enseña"); other
// languages have none. Base normalises a code ("es-ES", "pt_BR" -> "es",
// "pt"; "" -> "en").
//
// Detect names the language of a text from its words: each language
// scores the words found in its stop list (English: IsStop's list), and
// the best wins, English on ties and when nothing scores; another language
// needs at least two words of its list ("Te Deum" stays English). "God helps those
// who help themselves" is English (3 to 0), "¿Dónde dice la Biblia que
// Dios es amor?" Spanish (5 to 0). It needs function words: "Jesus wept"
// is English by default.
//
// The pipeline is pure: no state, safe for concurrent use. Cache memoises
// Stem for one goroutine (the index builder sees each distinct word form
// thousands of times).
//
// # Misspellings
//
// EditDistance is the Levenshtein distance of two words in runes, cut off
// past a limit: the one measure of a misspelling for topic-name
// suggestions (package corpus) and named passages (package ask).
package analysis
