// Package study writes topical studies: the passages on a theme, in three
// sections ("Old Testament foundations", "New Testament fulfilment", "Key
// verses"), each quoted in the chosen translation with a one-line note
// saying in plain words why it is there.
//
//	s := study.New(ask.New(ix), xref.New(ix), corpus) // corpus: optional Topics
//	st, err := s.Study(ctx, "Jesus makes intercession for us", study.Options{})
//	fmt.Print(st.Markdown())   // or JSON: {"topic", "bible", "sections":[{"title","testament","passages":[{"osis","ref","text","note","score"}]}]}
//
// # Contract
//
//   - The retrieval is an Asker (package ask's, wired in by the root
//     package): study imports the types it shares with ask from package
//     retrieval (Candidate, Word, Sibling, Options, Weights, NamedPassage),
//     never ask.
//   - A topic may be a theme, a passage's name or references ("Psalm 23").
//     A topic that is wholly a reference that does not exist ("John 22")
//     is package ref's *InvalidError (the CLI's invalid_reference).
//     References are read in the book names of the Studier's language
//     (WithParser; the engine gives each language's studier its locale's
//     names, and studies a topic such as "Juan 3:16" in the language whose
//     names read it).
//     A topic that is empty, blank or only function words is ErrEmpty
//     (errors.Is(err, retrieval.ErrEmpty), which is ask.ErrEmpty, holds
//     too); the CLI exits 2 asking for a theme. An unknown Bible is
//     index.ErrUnknownBible (ask.ErrUnknownBible).
//   - The sections are always present (empty lists, never null). The Old
//     and New Testament sections hold at most Options.OT (8) and NT (14)
//     passages in canonical order; the key verses, at most Key (5), are
//     passages of those sections, best first.
//   - A key verse has two kinds of evidence (two topic words in its text or
//     its original words, or a word and a run of three topic words, a
//     Nave's topic, a link or the speaker); a passage that only shares one
//     word with the topic is a key verse only when nothing better is left.
//   - Notes name the evidence in plain words: "Uses the word
//     'intercession'", "Its Greek word (G3875) has 'intercession' in its
//     dictionary definition", "Nave's Topical Bible lists it under
//     INTERCESSION and PRAYER (2 times)", "Nave's Topical Bible lists it
//     under JESUS, THE CHRIST, PRIESTHOOD OF: Intercedes", "Shares the
//     words 'priests' and 'high' with Hebrews 7:25", "Quoted or echoed
//     near Hebrews 7:25 (shared wording)", "Cross-references lead here
//     from Hebrews 7:27, Hebrews 4:14 and 5 more passages of this study"
//     (a clause after the others when the verse has other evidence).
//   - The evidence is read as data (retrieval.Candidate's Matches and
//     TopicEvidence, made from package ask's evidence tree) in one
//     function, evidenceOf (evidence.go); no reason string is parsed.
//
// # Algorithm
//
//  1. Retrieval: the 80 best verses for the topic from package ask, with
//     the public Bible-study pages on a topic the topic names (ask's table
//     of topical pages, retrieval.Options.Pages) at the weight ask's fit
//     gives them, and the passages known by a name the topic names (ask's
//     table of named passages). Each verse's evidence (evidenceOf): the
//     topic words it has in its text (in every translation or one),
//     through a Strong's number, or only in the dictionary definition of
//     its original word; the Nave's topics ask used; the pages giving it
//     ("3 Bible-study pages on 'anger' cite it"); its passage's name
//     ("known as the Sermon on the Mount").
//     A topic that is a passage's name (every content word of the topic a
//     word of the name, which the topic names as ask's named feature
//     requires: "the Sermon on the Mount", "the prodigal son" for the
//     Parable of the Prodigal Son, "the new covenant";
//     Asker.NamedPassages) studies that passage: its
//     verses join at the best candidate's score (the first 60 of each
//     reference, the last at half), the retrieved verses that do not
//     have the name's words together and have no other evidence keep 0.3
//     of their score ("mount" without "sermon"), and verses of the passage
//     spread one every 11 join the key candidates of steps 3 and 6, so
//     that the quotations searched around them cover it (Matthew 5:38 ->
//     Exodus 21:24). A topic made only of references ("Psalm 23",
//     "Romans 8:28-39; Ephesians 1"; referenceSpans) is studied the same
//     way; for both, the 30 passages package xref relates to each of its
//     passages (quotations, parallels, allusions, the open
//     cross-references by votes) join at 0.8 of the passage's score times
//     their link's score over the best link's ("Related to Psalm 23:1-6:
//     206 votes on OpenBible.info", John 10:11; the Great Commission's
//     Mark 16:15, Luke 24:47 and Acts 1:8).
//  2. Siblings (siblings.go): ask's siblings of each topic word (the other
//     renderings of its Strong's keys: 'pray' for 'intercession'), kept
//     when a tagged Bible having the word has them, their weight scaled by
//     tagged Bibles ÷ those Bibles (a Bible in another language shares the
//     renderings).
//  3. Feedback, per key passage (the best verses at >= 0.5 of the best,
//     one per chapter, at most 6): the topic plus the 5 most salient words
//     of the passage's ±2 verses make a second query; its 30 best join at
//     0.6 × the key passage's score.
//  4. Named topics: the Nave's topics whose head word is a topic word or a
//     sibling (or a derived form: PRAYER for 'pray'); a topic named
//     through a sibling stays only when it cites a verse of step 1's
//     candidates ('deity' reaches DEMONS through G1140, whose verses the
//     topic never retrieves: dropped). Within each, the
//     topic is retrieved again without the head word, in its own and its
//     sibling wordings ("pray for us"; a sibling phrase of n > 2 words ×
//     1 + 0.5 (n − 2)); the 20 best join. A named topic of at most 1500
//     verses gives its examples (verses it cites twice in short
//     references) at 0.7 × best × min(1, w × support) × (1 + 0.1 ln(1 +
//     popularity)), w = 0.35 in the Old Testament and 0.15 in the New.
//     Support is the named topics citing a verse plus a quarter per
//     further citation.
//  5. Sub-headings (with Topics): the sections of the named topics' entries
//     whose heading or lines name a topic word or sibling, and the "See"
//     links of matched sections (depth 2, half weight), give their
//     references a signal (1 for the matching line, 0.5 for the section's
//     others, ÷ sqrt(reference length); a verse cited twice in a section,
//     in a book its matching lines cite, adds the second line). Verses with
//     signal >= 0.5 join at 0.5 × best × min(2, signal).
//  6. Quotations: for the key verses, the passages of the other testament
//     sharing wording with their ±5 verses (package xref, score >= 0.5)
//     join at 0.8 × the key verse's score × (0.5 + 0.5 × link score).
//  7. Old Testament evidence (ot.go): the Old Testament verses the named
//     topics cite join at 0.3 × best × specificity (min(1, 50 ÷ OT verses
//     the topic cites)) ÷ sqrt(reference length); an Old Testament verse
//     with no named topic, no link and none of the topic's specific
//     concepts scores × 0.5.
//  8. Co-citation (cocite.go, with Topics and xref): the lines of the
//     Nave's entries citing the verses of the 20 best passages that have
//     evidence of their own (two words, a named topic of at most 1500
//     verses, a link). A line is
//     one fact ("On the Day of Atonement Ex 30:10; Le 16; Heb 5:3;
//     9:7,22,23"); a line of at most 40 references weighs (its best
//     source's share of the best score + its second's, in another chapter)
//     ÷ sqrt(references). The other verses it cites (in another chapter
//     than its sources) score their best line + half their second, at most
//     1; at >= 0.15 they join at 0.7 × best × that.
//  9. Weights on every verse: × 1.5 when the speaker the topic names
//     ('Jesus', 'Christ') says it with "I" as the subject of a topic word
//     (speaker.go); × 1 + 0.25 × min(3, support); × 0.5 for a verse found
//     only through a dictionary definition with no link, no speaker and no
//     topic named by the topic's own word citing it.
//  10. Cross-references (pointed.go): the 14 best New Testament passages
//     (grouped as in step 11) are the sources; the open cross-references
//     of their verses, both directions, point to windows of at most 6
//     verses. Sources of one chapter are one source; a window weighs
//     Σ source share × min(1, log2(1 + votes) ÷ 3) over the source
//     chapters pointing into it, ÷ 3 (at most 1), and needs 3 source
//     chapters; one window per chapter (the heaviest), outside the
//     sources. The 4 heaviest Old Testament windows score at least 1.0 ×
//     best × weight (Lev 16:13-18 for Hebrews 7, 9 and 4 in the
//     intercession study); every New Testament window with a verse of its
//     own scoring >= 0.12 of the best adds 0.3 × best × weight to its
//     verses' scores (the links add to evidence, they do not make it).
//     Their verses are linked. The sources are weighed the same way by the
//     other source chapters pointing into them (corroboration: Hebrews
//     9:23-24 by Hebrews 4, 7 and 12, Romans 8, 1 John 2) and gain 0.3 ×
//     best × that weight: the passages the rest of the study agrees with
//     rise over those nothing else points to.
//  11. Ranges: neighbours of one chapter join (up to 6) when both score >=
//     0.15 of the best; passages under 0.12 of the best are left out; a
//     single verse continuing a better passage of its chapter joins it.
//  12. Sections: the 8 best Old Testament and 14 best New Testament
//     passages, in canonical order. Key verses: the section passages with
//     two kinds of evidence (the pages giving a verse are one, its
//     passage's name another), by score × (1 + 0.3 ln(1 + Nave's topics
//     citing its verses)) × (1 + 0.5 × further kinds), then the others.
//
// # Measured
//
// Acceptance, the 14 passages of the intercession article: 13 found
// (TestIntercessionStudy, floor 13): Exod 32:31-32, Lev 16 (as Lev
// 16:13-18: "cross-references lead here from Hebrews 7:27, Hebrews 4:14
// and 5 more passages of this study") and Ps 110:4 in the OT section;
// Heb 7:23-25 (as Heb 7:22-27), Rom 8:34, 1 John 2:1, Heb 4:14-16 (as
// 4:14-15), John 17:9 (as 17:9-14), John 17:20, Heb 9:24 (as 9:23-24),
// Luke 22:32, John 14:16, Heb 7:25. Missing: Heb 10:19-22 (0.15 of the
// best score before step 10; as Heb 10:18-23 a New Testament window of
// weight 0.99, which brings it to 0.44, while the New Testament cut is
// about 0.64 once the corroborated passages have risen).
//
// Questions from public pages (../ask/testdata/public.tsv, each studied
// as a topic; the training part without the table rows of its own sites;
// go test -run TestStudyPublic -v): the page's must-have passage is in
// the study for 70% of the test part's 155 questions and among its key
// verses for 61%, and the study has 43% of the references the pages give
// (60%, 49% and 34% without the topical pages and named passages in step
// 1); training part 70%, 60% and 49% (58%, 48%, 37%; floors 204, 176 and
// 466 of 291 questions and 944 references). By kind on the test part:
// wording 100% in the study, speaker 100%, narrative 93%, named 89%,
// practical 62%, doctrinal 57%, priesthood 40%, modern 35%. (The
// question frames of package ask, which read the topic, moved the
// training part from 200, 173 and 458 on 2026-12-07; the books a topic
// names and the links of a named passage, to 203, 175 and 465; the Nave's
// See links shared among a topic's links, to 204, 175 and 466; a word's
// irregular forms (index INFLECT), to 204, 176 and 466.)
//
// testdata/topics.tsv, 24 topics with the passages expected in each
// section written down before measuring (go test -run TestTopicSet -v):
// expected passages found in the OT sections 90 of 426, in the NT
// sections 229 of 492, key verses that are expected passages 110 of 120
// (88, 214 and 105 before the topical pages; 64, 192 and 95 without the
// cross-reference pass).
// Weak: Old Testament sections of doctrinal themes (the kingdom of God 2
// of 19, the second coming 0 of 14, the love of God 2 of 14), marriage
// (1 of 16).
//
// Speed (BenchmarkStudy, 2 cores shared, load average 10-12): 144-376 ms
// per study wall time against 86-216 ms for the tree before the evidence
// and co-citation passes; CPU time per study (user time of 22 minus 2
// iterations, ÷ 20) about 86 ms against 61 ms. The first study citing a
// Nave's entry parses it (memoised): about 0.6 s of CPU the first time in
// a new process. The cross-reference pass (step 10) takes under 2% of a
// study's CPU time (CPU profile of BenchmarkStudy, 22 studies).
// History of measurements and experiments: docs/study.md.
package study
