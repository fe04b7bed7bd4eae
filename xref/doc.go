// Package xref computes cross-references from the installed modules: New
// Testament quotations of the Old, parallel passages, and verses cited
// together under Nave's topics.
//
//	f := xref.New(ix)
//	res, err := f.Related(ctx, "Ps.110.4", xref.Options{N: 10})
//	// Heb.7.21, Heb.5.6, Heb.6.20, Heb.7.17 (quotation), Gen.14.18 (topic) ...
//
// A Finder pools the Bibles of one language (New keeps the KJV's; give it
// index.ForLang for another), so a Bible of another language changes no
// cross-reference.
//
// # Tables
//
// On first use (Warm) each Bible's token streams are read back from the
// index's posting lists (every stem list and every Strong's list, once),
// without re-analysing the texts. Two shingle tables are built per Bible:
//
//   - words: every pair of consecutive content words (function words,
//     "after", "before", "through" and stems in more than 1/12 of the verses
//     dropped), so "a priest for ever after the order of Melchizedek" and
//     "a priest forever in the order of Melchizedek" share "priest forever",
//     "forever order", "order melchizedek". Pairs, not triples: with triples
//     Ps 110:4 shared nothing with Heb 5:6 in the KJV (Melchizedek is
//     spelled Melchisedec there);
//   - Strong's: triples of consecutive Strong's keys (a key repeated on
//     two English words counted once; keys in more than 1/15 of the verses
//     dropped). These find parallels within a language (Gospels; Kings and
//     Chronicles) when the English differs.
//
// Shingles are hashed (maphash) and kept as sorted (hash, doc) arrays.
// Nave's topics give a reverse map verse -> topics (references spanning more
// than 13 verses are context, not citations, and are skipped). Building
// takes about 1 s for the KJV and WEB on 2 cores; look-ups take well under
// 1 ms.
//
// # Scores
//
// For a source range, each of its shingles found in at most 25 verses
// (more is a formula: "and it came to pass") weighs 1/log2(1+df); a target
// verse scores the weight of the shingles it shares / max(3, the source's
// total weight), per Bible and per table; its score is the best of these
// plus 0.3 × the second (agreement between translations or between words
// and Strong's numbers), capped at 1, and must reach 0.12. The kind is
// "quotation" when source and target are in different testaments,
// "parallel" otherwise. Topic links score 0.25 × min(1, 1.5 × Σ
// 1/log2(2+size) over the shared topics of at most 400 verses): shared
// wording is direct evidence and ranks above co-citation (acceptance:
// Ps 110:4 lists Heb 5:6, 7:17 and 7:21 among its first five).
package xref
