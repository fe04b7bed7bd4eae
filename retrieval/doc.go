// Package retrieval holds what package ask's retrieval and package study
// share, so that study reads ask's results without importing ask: the
// options of a question (Options), a scored verse with its reasons
// (Candidate), a question's content words (Word) and the other words of
// their concepts (Sibling), the ranker's features and their weights
// (Feature, Vector, Weights, ParseWeights), and the errors both return
// (ErrEmpty; an unknown Bible is index.ErrUnknownBible). The root package wires ask's Asker into
// study (study.Asker is the interface study declares for it); ask keeps
// its own names for these types (ask.Options is retrieval.Options), as
// package os does for io/fs's.
//
//	w, err := retrieval.ParseWeights("exact\t1\nstem\t0.85\n")
//	score := w.Dot(&v) // v: a candidate's feature values
//
// # Contract
//
//   - Weights are one coefficient per Feature, read from and written to
//     "name<TAB>value" lines (ParseWeights, Weights.Format; # starts a
//     comment, a feature not listed weighs 0, an unknown name is an error
//     naming its line). Feature.String is the name used there and in
//     ask's explanations ("exact", "strong", "topic").
//   - The features are defined in package ask's doc.go ("Features"); the
//     order of the constants is the order of the weights files.
//   - Candidate.Why holds ask's short reasons ("matched 'intercession'",
//     "topic PRAYER (Nave's)"); package study reads them in one function.
//   - The package holds types and their parsing only: no index, no state.
//     It imports package canon (Options.Testament) and nothing else of
//     berean.
package retrieval
