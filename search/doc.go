// Package search evaluates concordance queries (package query's AST) over
// the persisted index (package index) and returns verses in Bible order or
// ranked by BM25, with the matched words marked. It knows only the index:
// package library builds and opens the index of the installed modules.
//
//	s := search.New(ix, search.Params{})                    // DefaultParams
//	res, err := s.Search(ctx, q, search.Options{Bibles: []string{"KJV"}, N: 20})
//
// # Matching
//
// Every Bible is a separate field with its own docs (verses), dictionaries
// and statistics; a query runs against each Bible asked for (Options.Bibles,
// default KJV; "all" for every Bible) and the results are merged.
//
//   - A word matches by its stem term: folded, archaic forms modernised,
//     Snowball-stemmed, the same functions the index used (index.StemTerm),
//     so "lives" finds "liveth" and "intercession" finds "intercessions".
//     In a Bible of another language (index LANG) the word is stemmed by
//     that language's stemmer instead (stemFor): "amores" finds "amor" in
//     the RV1909, and an English stem is never looked up there.
//     With Exact, a word matches its folded form only.
//   - word* matches every folded form starting with the folded prefix (at
//     most 5,000 forms).
//   - "a phrase" matches consecutive word positions. Positions count the
//     words of the clean verse text, so Strong's numbers, notes and markup
//     between words never break a phrase. Phrase words are not stemmed, as in
//     a printed concordance and diatheke's phrase search ("make intercession"
//     finds Jer 7:16, Jer 27:18 and Heb 7:25, not Rom 8:26's "maketh
//     intercession"), but archaic forms fold unless Exact: each word matches
//     its folded form, its modern form and every form of the Bible that
//     modernises to the same (index ARCH), so "he ever lives" finds "he ever
//     liveth".
//   - strong:G1793 (or the bare G1793) matches the words tagged with the key
//     and its lettered variants (H1254 also finds H1254a).
//   - AND (juxtaposition), OR and -exclusion combine verse sets; in:
//     restricts to reference ranges (a book, a range of books or verses, OT,
//     NT), resolved in each Bible's own versification.
//
// Verse sets are bitsets of the Bible's docs (at most 8 KiB each): every
// boolean operator is a word-wise loop, a leaf is one pass over its posting
// lists, a phrase checks positions only in the docs holding all its words.
// The total counts every match; only the returned hits get texts and
// highlights.
//
// # Order and ranking
//
// The default order is Bible order (book order, chapter, verse; Bibles in
// the order asked, interleaved verse by verse). With Order Relevance every
// match is scored and the best N kept in a heap; ties keep Bible order.
// Returned hits carry a score in both orders.
//
// The score of a verse d is the sum, over the positive leaves q (words,
// prefixes, phrases, Strong's keys not under a NOT), of
//
//	idf(q) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl))
//	idf(q) = ln(1 + (N − df + 0.5) / (df + 0.5))
//
// with N the verses of the Bible, df the verses q matches in it, |d| the
// words of the verse and avgdl the mean. This is the textbook BM25
// (Robertson/Spärck Jones idf in Lucene's non-negative form, (k1+1) in the
// numerator as in the papers, not Lucene 8's dropped constant). Departures:
//
//   - A phrase is one pseudo-term: tf its occurrences in the verse, df the
//     verses it occurs in (computed at query time).
//   - A prefix is one pseudo-term: tf the sum over its forms, df the verses
//     any form occurs in.
//   - A Strong's key's tf counts tagged words; a key tagged on markup with
//     no visible word counts 1.
//   - Statistics are per Bible; scores of different Bibles are merged as
//     they are (their N and avgdl are close for whole Bibles).
//   - No query-term weights, no proximity boost.
//
// Params: k1 = 1.2 and b = 0.4 (DefaultParams). Verses are short (KJV mean
// 25 words, 2 to 90) and a word rarely occurs twice in one, so k1 matters
// little; with the usual b = 0.75 the shortest verses ("Jesus wept.")
// outrank every verse that uses the word in context, so length
// normalisation is weakened. TestBM25 pins the formula to a hand-computed
// value.
//
// # Highlighting
//
// For each returned hit the word positions of its positive leaves are
// mapped to byte spans of the verse text through the index's word spans
// (consecutive words join into one span). Hit.Spans are bytes for Go
// renderers, Hit.Matches the same in Unicode code points for JSON clients.
// Rendering (colour on a terminal unless NO_COLOR, marks in HTML) belongs to
// the caller. KWIC lines cut the text around each span.
//
// A Searcher is immutable; each search keeps its state in its own values, so
// any number may run concurrently. Searches check their context between
// Bibles and while verifying phrases.
package search
