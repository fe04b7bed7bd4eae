package analysis

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// Stem is the search term of a folded word (Fold): the word modernised
// (Modernize), stemmed by the Snowball English stemmer and then folded by
// derivation (Derive). Words that are not plain lower-case Latin letters
// (Greek, Hebrew, numbers, Strong's numbers) are returned unchanged.
func Stem(folded string) string {
	w := Modernize(folded)
	if !stemmable(w) {
		return w
	}
	return Derive(english.Stem(w, true))
}

// stemmable: ASCII letters and apostrophes, at least one letter.
func stemmable(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// Derive folds a Snowball stem to the stem of its family, so that a verb
// and the noun made from it meet: intercess (intercession) is interced
// (intercede), remiss is remit, justif is justifi's, redempt is redeem.
// It knows a short table of families and a few suffix rules:
//
//	-ifi    -if     justify/justification, sanctify, glorify, crucify/crucifixion
//	-miss   -mit    remit/remission, admit, permit, commit, submit (not amiss)
//	-sumpt  -sum    consume/consumption, presume, assume
//	-cess   -ced    intercede/intercession, concede, secede, precede
//
// The table covers irregular pairs (destroy/destruction, deceive/deception,
// prophesy/prophecy, believe/belief, obey/obedience, ascend/ascension).
func Derive(stem string) string {
	if r, ok := derived()[stem]; ok {
		return r
	}
	for _, r := range deriveRules {
		if strings.HasSuffix(stem, r.suffix) && len(stem)-len(r.suffix) >= r.min {
			return stem[:len(stem)-len(r.suffix)] + r.repl
		}
	}
	return stem
}

var deriveRules = []struct {
	suffix, repl string
	min          int // letters before the suffix
}{
	{"ifi", "if", 2},
	{"miss", "mit", 2},
	{"sumpt", "sum", 2},
}

var derived = sync.OnceValue(func() map[string]string {
	return map[string]string{
		// -cess/-ced (success, process, access, excess, recess are other words)
		"intercess": "interced", "concess": "conced",
		"secess": "seced", "precess": "preced",
		"omiss": "omit", "emiss": "emit", "dismiss": "dismiss",
		"redempt":  "redeem",
		"destruct": "destroy",
		"decept":   "deceiv", "deceit": "deceiv", "concept": "conceiv",
		"recept": "receiv", "percept": "perceiv",
		"resolut": "resolv", "dissolut": "dissolv",
		"reduct": "reduc", "seduct": "seduc", "introduct": "introduc",
		"ascens": "ascend", "descens": "descend", "descent": "descend",
		"propheci": "prophesi",
		"belief":   "believ", "unbelief": "unbeliev", "grief": "griev",
		"relief": "reliev",
		"obedi":  "obey", "disobedi": "disobey",
		"reconcili":   "reconcil",
		"crucifixion": "crucif",
		// Snowball leaves -oes: does, goes
		"doe": "do", "goe": "go", "undo": "undo",
	}
})
