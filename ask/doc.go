// Package ask answers questions in plain English ("Where does the Bible say
// Jesus lives to make intercession for us?") with the verses that answer
// them, best first, each with the evidence it ranks by.
//
//	a := ask.New(ix)                        // ix: the persisted index (package index)
//	res, err := a.Ask(ctx, question, ask.Options{N: 10, Bible: "KJV"})
//
// # Contract
//
// Results are passages: references named in the question first, then
// verses (neighbours of one chapter that score well joined into a range of
// at most 5; of a longer run, the 5 verses around the best), quoted in the
// chosen Bible (default: the translation the question names, "verses
// about love in the World English Bible", when it is installed; else the
// KJV), each with its OSIS
// and its Reference for people ("Jude 3"; the root package's Engine names
// it in the Bible's language). Every result has Why, short reasons made from its Evidence: a tree of feature, value,
// weight and score, and below each what gave it (the question word and how
// the verse matched it, in which translation; the topic, the line, the
// named passage). Options.Explain puts the tree in the result (berean ask
// --explain; JSON "evidence"). Package study gets each verse's score and
// Why through Candidates (with Options.Pages, also the topical pages and
// named passages a verse has, as Candidate.Pages, PageCites and Named); the types it shares with ask (Options,
// Candidate, Word, Sibling, the features and Weights, ErrEmpty) are
// package retrieval's, which ask names too; ErrUnknownBible is the
// index's. An
// empty result is "results": []. A question made only of frame words
// ("where does the Bible say") is ErrEmpty with a message asking what to
// look for (exit 2 in the CLI, 400 in the API); a question that is
// wholly a reference that does not exist ("John 22") is package ref's
// *InvalidError naming the limit (invalid_reference). References are read
// in English book names, and in the book names of the Asker's language
// when it is given a parser for them (WithParser: "Juan 3:16"). Everything
// comes from the index (no network, no model download); a new process
// reads only the dictionary entries of the question's words.
//
// # Algorithm
//
// Reading the question (question.go, speaker.go, books.go): references
// (package ref, chapter required) are read first; a book named as where
// to look ("according to Hebrews", "in Psalms", "the book of James",
// "which chapter of Daniel", "What does Proverbs say", a group such as
// "in the Gospels" or "Paul's letters"; a full book name,
// capitalised after "in" or "from", not the start of a longer name such
// as "the Romans Road") restricts the results to its verses and is not
// searched; a speaker frame ("what did Paul say about") names books,
// whose verses are preferred; a named testament ("in the Old Testament") is
// noted; the frame ("where does the Bible say", "verses about") is dropped
// by a few patterns, and so is the judgment of a question of judgment
// ("is it a sin to drink alcohol", "are tattoos wrong for a Christian":
// what is judged is the topic), the words describing the verses wanted
// ("short Bible verses about faith", "key passages on"), the frames of
// advice and definition ("how should a Christian view money", "does the
// Bible mention", "the biblical view of", "according to scripture") and
// "is like" of "what is heaven like"; a modal after a possessive is a
// noun ("God's will"); a content word no Bible has and the thesaurus
// does not know, one edit from a word of the Bibles (two for long words;
// a swap of neighbouring letters is one), is read as that word
// ("Zacheus", "Pharoah", "Gethsemene": respell.go); the rest is split
// into content words and function
// words (analysis.StopWords: Function, Particles, Degree, Archaic, Query,
// LightVerb, Narration). Function words only glue phrases.
//
// Result.Note is set by the engine (berean.Engine.Ask), never by the
// Asker: a question in a language no installed Bible has says so there.
//
// An Asker answers from the Bibles of one language (lang.go): New keeps
// the KJV's language (index.ForLang), and a caller gives it a language
// view for another. A question to an Asker of another language keeps the
// steps above, then stems its words in that language and takes that
// language's stop words as function words: "¿Dónde dice la Biblia que
// Dios es amor?" searches "dios" and "amor" in the RV1909 (1 John 4:16
// first, then 2 Peter 1:7, 1 John 4:7-10). Nave's topics and the lexicon
// definitions are English and rarely help another language.
//
// Concepts (expand.go): each distinct content word is a concept that a
// verse matches through its best feature, each feature counted in the
// bucket of its source: the word as written (exact; also written as two
// words or two question words as one), its stem (stem), a longer word on
// the same stem (family), a Strong's key the tagged Bibles render with the
// word (strong, strength √(count/top)·√specificity), a key whose lexicon
// definition has the word (definition), a Bible word WordNet relates to it
// (wordnet: index THES, weighted by sense frequency: synonyms, related
// forms, one level of broader and of narrower senses; package wordnet). The
// best match is chosen by strength × the source's weight. A word many
// questions use ("christian", "good", "get") weighs less: its weight is
// multiplied by ln((Nq+1)/(df+1))/ln(Nq+1), df counted over the training
// questions (data/qdf.tsv); a word rare in the Bibles weighs more (idf).
//
// Features (named in package retrieval, computed in rank.go), per
// candidate verse (KJV ordinals; every installed Bible is searched, a
// verse keeps its best translation's lexical features):
//
//   - exact, stem, family, strong, definition, wordnet: Σ over concepts of
//     BM25 (search.IDF × search.Params.TFNorm, the one BM25 of the
//     project) of the concept's best match in that bucket, × the verse's
//     coverage of the question (idf mass of the concepts it matches / all);
//     a word's irregular forms are forms of its stem (index INFLECT,
//     from WordNet's exception lists: "brothers" finds brethren, "weep" wept);
//   - context: a concept found only in the verse before or after;
//   - proximity: Σ over pairs of concepts within 6 words of min idf /
//     distance; phrase: idf mass of the longest in-order run of question
//     words × run / question length / BM25 length norm (400 best verses
//     per Bible);
//   - agreement: the second-best translation's score;
//   - topic: Nave's topics the question names (question idf mass ×
//     coverage² × idf share / √(1+verses/40)); see: the topics they point
//     to ("ANXIETY: See CARE"), each link a share of its topic's weight
//     (a redirect all of it, SIN's 28 links a 28th); line: Nave's lines covering the question
//     (lines.go); named: a passage known by a name the question names
//     (named.go, data/named.tsv: 427 names with their references and
//     sources; matched by idf-weighted coverage of the name's words, by
//     stem, family or edit distance, in any order; numbers in words or
//     digits alike: analysis.Numbers);
//   - commentary: BM25 of the concepts over the words of the installed
//     commentaries on the verse (index COMMDICT; document expansion), ×
//     coverage;
//   - pages: the verses public topical pages give for a topic the question
//     names (pages.go, data/topics.tsv: one row per page, the references
//     it gives in its order and its address, taken only from sites of the
//     training part; a topic is named as a passage is, WordNet relations
//     between forms of one root giving part credit, "anxious" for
//     "anxiety"): the matched idf mass
//     of the topic's words × coverage × Σ over its pages of the verse's
//     place in the page (1 first, ½ last) / √pages;
//   - feedback: the topics of data/topics.tsv whose pages cite the
//     verses that score best so far (feedback.go: the best 20 candidates
//     as a vector, each weighing its score / the best; a topic's verses
//     as the pages feature weighs them; the 3 topics of highest cosine)
//     lend their verses mean idf × cosine × the verse's weight / the
//     topic's highest: relevance feedback through the topics, for a
//     question that names no topic by its words;
//   - asked: the verses public pages give in answer to questions like
//     this one (asked.go, data/asked.tsv: 3,109 questions people ask,
//     each in the table's words with the references its page gives, in
//     its order, and its address; training-part sites only): the 8 rows
//     whose content words are most similar by idf-weighted cosine (a
//     WordNet relation between forms of one root in part), at cosine ≥
//     0.4, lend their references mean idf × cosine × the verse's place in
//     the row;
//   - popularity: mean idf × ln(1 + Nave's topics citing the verse); votes:
//     mean idf × ln(1 + cross-reference votes), when the index offers
//     VerseVotes (0 otherwise); lexpop: votes × the verse's own lexical
//     score / the best one (the well-known verses among those that match);
//   - speaker, testament, source: the verse's score so far when it is in
//     the books of the question's speaker, in the testament it names, or
//     an Old Testament verse with a 5-word run of the question that a New
//     Testament verse quotes.
//
// The score is the dot product of the features with the weights of
// data/weights.tsv, fitted on the training part of testdata/public.tsv:
//
//	go test ./ask -run TestFit -args -fit [-write] [-rounds 2] [-folds 5]
//
// Leave-site-out (site.go): the fit and the evaluation (TestFit,
// TestEvalPublic) ask each question of testdata/public.tsv without the
// rows of data/topics.tsv and data/named.tsv from the question's site
// (host without www., mail., m.; the tables as if that site had never
// been read, as for a test question) and, for a training question,
// without its own count in the question frequencies; Ask leaves nothing
// out. The fit asks each training question, keeps its best 300
// candidates and the best 40 of each feature, and runs coordinate ascent
// on MRR (+0.1 recall@10 as tie-breaker; the exact weight fixed as the
// scale; each weight tried at ×{0, ¼, ½, 0.7, 0.85, 1.2, 1.4, 2, 3}, a
// move must gain 0.001); the lexical features depend on the weights (which match is best), so the
// questions are asked again and the ascent repeated. The dev questions
// (../shared/data/qa-dev.tsv) and testdata/heldout.tsv are regression
// checks, not targets: a change that drops the dev MRR under 0.88 or
// Hebrews 7:25 from first for d01, or a held-out figure under
// TestEvalHeldout's floors + 0.03, is refused (the margin: the fit's judge
// and Ask differ), and a round whose weights fall under the floors when
// the questions are asked through Ask is not kept. It prints 5-fold
// cross-validation figures per kind (each fold fitted on the others, from
// the starting weights) and the figures of the final weights.
//
// Siblings, Words, StemIDF, StemVerses, Popularity, Salient and
// Candidates (with Options.Within and Persons) serve package study.
//
// # Measured (2026-12-08; installed KJV, WEB, RV1909, Nave's, Strong's,
// MHCC, Scofield, Treasury of David, WordNet 3.0, OpenBible.info's
// cross-references; data/topics.tsv 1,320 rows, data/asked.tsv 3,109)
//
// Test part of testdata/public.tsv (155 questions from sites never used
// for tuning nor for data/topics.tsv), the shipped binary:
//
//	awk -F'\t' 'NR==1||$7=="test"' ask/testdata/public.tsv > /tmp/test.tsv
//	../shared/bin/score-ask --bin ./berean /tmp/test.tsv
//
// MRR 0.615, must-have in the top 3 65%, recall@10 46% (targets 0.75, 80%,
// 50%: not met; 0.563, 61%, 42% before data/asked.tsv). By kind (go test
// ./ask -run TestEvalPublic -v): wording 1.000, named 0.894, narrative
// 0.869, speaker 0.860, practical 0.527, doctrinal 0.336, modern 0.317,
// priesthood 0.308.
//
// Training part (291 questions, leave-site-out), MRR by kind: start = the
// fixed starting weights, cross-validated = 5 folds each fitted on the
// other four (both by TestFit's judge); real = the shipped weights
// through Ask (TestEvalPublic):
//
//	kind        n   start  cross-validated  real
//	all         291 0.554  0.563            0.607  must@3 67%  recall@10 48%
//	doctrinal    48 0.278  0.303            0.354
//	modern       28 0.263  0.283            0.313
//	named        36 0.840  0.843            0.901
//	narrative    37 0.834  0.869            0.854
//	practical    50 0.317  0.345            0.416
//	priesthood   22 0.292  0.278            0.362
//	speaker      33 0.732  0.693            0.718
//	wording      37 0.892  0.878            0.928
//
// (start and cross-validated: the fit of 2026-12-08 with the asked
// feature, start weight 1; the shipped weights are swept, not that fit's,
// whose round 2 scored 0.599 in sample.) Of the training questions
// missed, most have their must-have far down or outside the candidates:
// paraphrases sharing no word, or only common ones, with the verse. The
// asked table gives the must-have for 253 of the 291 (rows of other
// sites), but the row giving it is the most similar row for 57 only:
// matching a question to the row that answers it is the limit. What was
// tried and how it scored is in docs/ask.md.
//
// Regression checks: dev (../shared/bin/score-ask) MRR 0.907, must-have in
// the top 3 for 14 of 15, recall@10 90%, Hebrews 7:25 first for d01;
// testdata/heldout.tsv MRR 0.908, 61 of 62, 92%; its narrative questions
// 0.866, 28 of 30, 90% (TestEvalHeldout keeps floors under both).
// testdata/dev.golden and testdata/public.ranks record every question's
// rank: a change fails TestEvalPublic unless BEREAN_UPDATE_RANKS=1.
// Speed (make bench, one run, 2026-12-08 01:07 UTC, load about 1.4 on
// the shared 2-core machine): a new berean ask process 66.7 ms for the
// seed question (scripts/bench.sh, median of 50; target 80 ms), warm Ask
// median 10.9 ms per question (BenchmarkAsk, its median-ms over the dev
// questions; target 25 ms). On this machine a new process pays mostly for
// the memory it touches first (a fresh page costs 12-19 µs, twice that
// when it is read before it is written), so the first question is built
// to touch little: candidates in dense arrays over the KJV keys, vectors
// in single precision and only for the keys, slices read before written
// written first (mem.go), each verse's KJV key read from the index (KEYS),
// the embedded tables and patterns built by Warm while the index loads,
// the index's concept sections checked in the background (CheckAhead),
// and no garbage collection below 64 MB in `berean ask`; the steps and
// their figures are in docs/ask.md. The index of everything installed
// builds in 8.3 s (BenchmarkRealBuild) and is 59.0 MB. What still fails,
// and why, is in docs/ask.md.
package ask
