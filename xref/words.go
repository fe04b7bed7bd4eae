package xref

import (
	"slices"
	"strings"

	"berean/index"
)

// stopStems are the stems of function words, which runs skip: a run
// counts content words only.
func stopStems() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor for so yet of to in on at by with from into onto upon unto
	up out off over under about as than then that this these those there here which who whom whose what when where why how
	i me my mine we us our ours you your yours he him his she her hers it its they them their theirs thou thee thy thine ye
	is am are was were be been being have has had do does did shall will would should can could may might must
	not no all any some each every also even if because let o oh hath doth art shalt wilt hast didst saith says said say
	behold verily wherefore therefore thereof therein after before according among against through throughout within without
	don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't shouldn't wouldn't haven't hasn't hadn't i'm you're it's`) {
		m[index.StemTerm(w)] = true
	}
	return m
}

// formulae introduce a quotation in the New Testament: "as it is
// written", "that it might be fulfilled", "saith".
var formulae = []string{
	"it is written", "it was written", "it stands written", "might be fulfilled", "may be fulfilled",
	"was fulfilled", "might fulfil", "saith", "says", "spoken by", "spoken through",
	"the scripture", "it is said", "hath said", "has said",
}

// narrative are the words after "saith" or "says" that make it narrative
// ("Jesus saith unto him"), not a formula ("as he saith also").
var narrative = []string{" unto ", " to "}

// hasFormula reports whether a text holds an introductory formula.
func hasFormula(text string) (string, bool) {
	low := " " + strings.Join(index.Words(text), " ") + " "
	for _, f := range formulae {
		for rest := low; ; {
			i := strings.Index(rest, " "+f+" ")
			if i < 0 {
				break
			}
			rest = rest[i+len(f)+1:]
			if (f == "saith" || f == "says") && slices.ContainsFunc(narrative, func(n string) bool { return strings.HasPrefix(rest, n) }) {
				continue
			}
			return f, true
		}
	}
	return "", false
}

// seq is the content words of a passage in one Bible: stems for matching,
// the words as written (folded) for evidence.
type seq struct {
	stems, words []string
}

// longestRun is the longest run of consecutive content words the two
// sequences share (a common substring of their stems), and its words as
// b has them.
func longestRun(a, b seq) []string {
	if len(a.stems) == 0 || len(b.stems) == 0 {
		return nil
	}
	prev := make([]int, len(b.stems)+1)
	cur := make([]int, len(b.stems)+1)
	best, end := 0, 0
	for i := range a.stems {
		for j := range b.stems {
			if a.stems[i] == b.stems[j] {
				cur[j+1] = prev[j] + 1
				if cur[j+1] > best {
					best, end = cur[j+1], j+1
				}
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return b.words[end-best : end]
}
