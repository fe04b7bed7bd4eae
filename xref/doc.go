// Package xref finds the passages related to a reference, each with its
// kind, a score and its evidence: New Testament quotations of the Old,
// parallel accounts, allusions, the open cross-references ranked by their
// votes, and verses cited together under Nave's topics.
//
//	f := xref.New(ix)
//	res, err := f.Related(ctx, "Ps.110.4", xref.Options{N: 10})
//	// Heb.7.21, Heb.7.17, Heb.5.6, Heb.6.20 (quotation), Heb.7.11 (allusion),
//	// Gen.14.18 (cross-reference, 19 votes) ...
//
// A Finder pools the Bibles of one language (New keeps the KJV's; give it
// index.ForLang for another), so a Bible of another language changes no
// cross-reference.
//
// # Contract
//
// Related returns at most Options.N links (default 20), best first, for a
// reference of up to 300 verses (a longer one is cut to its first 300). The
// Result and each Link have OSIS (a verse, or a range as the data gives it)
// and Reference (the same for people, "Jude 3"; the root package's Engine
// names it in the Bible's language); each Link has Kind, Score in
// [0, 1] and Evidence: Words (the shared run, or the distinctive words),
// Bible (the translation they were found in), Formula (the introductory
// formula of a quotation), Votes (OpenBible.info votes of the pairs between
// the two passages, both directions summed) and Source (in words); fields
// are set where they apply. The kinds, strongest first:
//
//   - quotation: the two passages are in different testaments and share,
//     in one translation, a run of at least 4 consecutive content words
//     (stop words skipped; stems compared), or of 3 when the New Testament
//     verse or the verse before it has an introductory formula ("it is
//     written", "that it might be fulfilled", "saith" but not "saith
//     unto", "the scripture", "spoken by", ...); a run shorter than 5 must
//     hold a distinctive word (in at most 1/150 of the translation's
//     verses), so "son ... call ... name" is not a quotation, while "love
//     the Lord thy God with all thine heart, and with all thy soul" is. Without a cross-reference
//     between the two, the run must be longer than 4 with 2 distinctive
//     words (lists such as "east, west, north, south" recur by chance). One
//     formula, one quotation: when the New Testament verse reproduces some
//     passage in full, a formula-only run to another is no quotation (Luke
//     4:18 quotes Isa 61:1; Ps 147:3 shares "heals the broken heart"), and
//     of the passages sharing the same short run the most voted is; the
//     others become allusions. From the Old Testament side the New
//     Testament verse's own look-up decides, so both directions agree.
//     Nothing else is labelled quotation; TestEveryQuotation checks every
//     quotation the index yields against this rule, in both texts.
//     (Strong's numbers cannot match across the testaments, Hebrew against
//     Greek, so no quotation rests on them.)
//   - parallel: the same episode in two books of one testament (Gospels;
//     Samuel-Kings and Chronicles; Isaiah 36-39 and 2 Kings 18-20): the
//     verse pair shares a run of 3 words (2 with a cross-reference between
//     them), and at least 2 of the 6 verses around one side share a run of
//     3 with a distinctive word with a verse within 5 of the other side
//     (an account may skip verses); without a cross-reference, a run of 4
//     and 3 such neighbours. Evidence.Strongs is the run of Strong's numbers
//     the two verses share in the KJV, read back from the index.
//   - allusion: across the testaments, below the quotation bar, with a
//     cross-reference between the two: a shared run of 2 distinctive words
//     ("stripes ... healed"), of 3 with one ("God, my God ... forsaken",
//     Ps 22:1 and Matt 27:46), or 3 distinctive words anywhere.
//   - cross-reference: the other pairs of the open data (package crossref),
//     both directions: the source's outgoing pairs and the pairs pointing
//     at it, votes summed; pairs voted below zero are not in the index.
//   - topic: verses cited together under Nave's topics; only to fill the
//     list when the other kinds leave room (the reverse map of Nave's is
//     built on first use, Warm builds it ahead).
//
// A quotation or allusion of a range target covers the verses of the
// range sharing a run (Ps 91:11-12 for Matt 4:6); otherwise the link is the
// single best verse. The kinds occupy score bands, so the order is kind
// first, then evidence and votes: quotation 0.85-1 (run length, votes),
// parallel 0.7-0.85 (run length, neighbours, votes), allusion 0.45-0.7
// (shared words, votes), cross-reference 0.05-0.4 (log2 of votes, full
// at 1023), topic below 0.05; ties go to the most votes. The web panel shows quotations and parallels, and
// cross-references (allusions included) with 10 votes or more; its "more"
// link lists everything.
//
// The popularity of a verse (Index.VerseVotes: the votes of the
// cross-references pointing at it) is in the index for the rankers of ask
// and study.
//
// # Algorithm
//
// Nothing is built per process: a look-up reads the index. Candidates are
// the source verses' outgoing pairs (most votes first, at most 200), the
// pairs pointing at them, and the verses sharing at least 3 of the
// source's rare words (in at most 200 verses; posting lists of the 40
// rarest) in an English Bible, for what the data lacks. Each candidate
// verse's text is read from the index (TEXT), split and stemmed as the
// index does, stop words dropped; the longest common run of stems between
// the source passage and the candidate verse is a dynamic programme over
// the two sequences (tens of words each), per English Bible (a Bible is
// English when "the" is in over a third of its verses: the stop list is
// English). Parallels compare the neighbours of both sides the same way,
// cached per pair.
//
// # Measured (KJV, WEB, RV1909 installed; 2 cores under load)
//
// Acceptance: Isa 53:5 lists 1 Pet 2:24 first (allusion: "stripes
// healed", 199 votes); Ps 23:1 lists John 10:11 second (206 votes); Ps
// 110:4 lists Heb 7:21, 7:17, 5:6, 6:20 as quotations, first to fourth;
// Heb 7:25 labels nothing a quotation. TestKnownQuotations: 77 known New
// Testament quotations (testdata/quotations.tsv, assembled by hand): the
// Old Testament source in the first 10 links of the quoting verse for
// 77/77, 33 of them labelled quotation (the others are allusions or
// cross-references: the KJV and WEB render the Septuagint differently).
// TestFormulaQuotations: the 73 New Testament verses with a formula and an
// Old Testament pair of 20+ votes: 73/73. The New Testament yields 202
// quotation links into the Old (4 without a cross-reference: Acts 2:20 ->
// Joel 2:31 ...), 408 in both directions. TestPrecision: 74 hand-checked
// pairs.
// `berean xref` in a new process (hyperfine, 40 runs, the machine under a
// load of about 20 on 2 cores): Ps 110:4 14.8 ms at best (mean 33 ms;
// 17.6 ms of CPU), Isa 53:5 13.9 ms (15.7 ms CPU), Matt 14:19 19.9 ms
// (23.6 ms CPU: the parallels), 1 Chr 1:3 10.8 ms (12.6 ms CPU). In a warm
// process a look-up costs 1-10 ms of CPU, 10-15 ms for a Gospel verse
// (parallels compared over their neighbourhoods), about 25 ms for a
// chapter (Ps 23).
package xref
