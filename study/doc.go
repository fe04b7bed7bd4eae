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
//     Strong's numbers, definitions, other translations, Nave's topics,
//     popularity). The note names the key words and topics.
//  2. Quotation links: for the 8 best verses, the Old Testament passages
//     quoted within 5 verses of them in the same chapter (and the New
//     Testament passages quoting an Old Testament key verse), from package
//     xref, links scoring at least 0.2; such a passage scores 0.8 × the key
//     verse's score × the link score, and its note says which verse it is
//     quoted beside (Hebrews 7 quotes Psalm 110:4 twice near 7:25).
//  3. Ranges: neighbouring verses of one chapter are joined (up to 6) when
//     both score at least 0.3 of the best verse: Hebrews 7:23-25, not three
//     entries. Passages under 0.12 of the best are left out.
//  4. Sections: the Old Testament passages (8 best) and the New Testament
//     ones (12 best) in canonical order; the key verses are the 5 best of
//     all, best first.
//
// Measured on "Jesus makes intercession for us" (the article
// ../shared/data/articles/intercession.txt): see study_test.go; about 60 ms
// warm.
package study
