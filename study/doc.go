// Package study writes topical studies: the passages on a theme, in three
// sections ("Old Testament foundations", "New Testament fulfilment", "Key
// verses"), each quoted in the chosen translation with a one-line note
// saying why it is there.
//
//	s := study.New(ask.New(ix), xref.New(ix))
//	st, err := s.Study(ctx, "Jesus makes intercession for us", study.Options{})
//	fmt.Print(st.Markdown())   // or JSON: {"topic", "sections":[{"title","testament","passages":[{"osis","text","note"}]}]}
//
// # Passages
//
//  1. Retrieval: the 80 best verses for the topic from package ask (words,
//     their families, Strong's numbers, definitions, other translations,
//     Nave's topics, popularity). The note names the key words and topics.
//  2. Feedback, per key passage (the best verses scoring at least half of the
//     best, one per chapter, at most 6): the topic plus the 5 most salient
//     words of the passage's context (±2 verses; words in at most 5% of the
//     verses, by idf × verses having them) make a second query; its 30 best
//     verses join at 0.6 × the key passage's score (Heb 7:25 brings
//     "priests, unchangeable, high, undefiled" and Heb 7:24, 7:26).
//  3. Quotation links: for the same key verses, the passages in the other
//     testament that share wording with the verse's context (±5 verses, same
//     chapter), from package xref, links scoring at least 0.5; such a passage
//     scores 0.8 × the key verse's score × (0.5 + 0.5 × link score), and its
//     note says which verse it is quoted beside (Hebrews 7 quotes Psalm
//     110:4 twice near 7:25).
//  4. Ranges: neighbouring verses of one chapter are joined (up to 6) when
//     both score at least 0.15 of the best verse: Hebrews 7:23-26, not four
//     entries. Passages under 0.12 of the best are left out.
//  5. Sections: the Old Testament passages (8 best) and the New Testament
//     ones (12 best) in canonical order; the key verses are the 5 best of
//     the passages retrieved for the topic itself, best first.
//
// # Measured
//
// "Jesus makes intercession for us" against the 14 passages the article
// ../shared/data/articles/intercession.txt cites: 5 of 14 are found (Ps
// 110:4 in the OT section; Heb 7:23-25, Rom 8:34, 1 John 2:1, Heb 7:25 in
// the NT section). The rest (Lev 16, Exod 32:31-32, Heb 4:14-16, John 17:9,
// 17:20, Heb 9:24, Luke 22:32, John 14:16, Heb 10:19-22) do not use the
// topic's words and need a concept graph beyond what the modules give
// directly (Nave's sub-headings such as JESUS, THE CHRIST "INTERCESSION OF"
// point to "JESUS, MEDIATOR", which is not an entry). About 130 ms warm on
// 2 cores.
package study
