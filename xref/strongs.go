package xref

import (
	"slices"

	"berean/index"
)

// maxKeysPerWord bounds the Strong's numbers tried for one word (the
// translators' commonest renderings of its stem).
const maxKeysPerWord = 8

// strongSeq is the Strong's numbers of a verse in word order (untagged
// words skipped, a number repeated on consecutive words once), read back
// from the index: for each word, the numbers its stem renders (ALIGN)
// whose posting list puts it at that position. Nil when the Bible has no
// Strong's numbers.
func (q *query) strongSeq(bi, ord int) []string {
	x := q.f.words[bi]
	if !x.b.HasStrongs() {
		return nil
	}
	key := [2]int{bi, ord}
	if s, ok := q.strongs[key]; ok {
		return s
	}
	var out []string
	if d := x.doc(ord); d >= 0 {
		var pos []uint32
		for i, w := range index.Words(x.b.Text(d)) {
			st, ok := q.stems[w]
			if !ok {
				st = index.StemTerm(w)
				q.stems[w] = st
			}
			for _, kc := range x.b.StrongsForTermTop(st, maxKeysPerWord) {
				p := x.b.Strong(kc.Key)
				j := p.Seek(0, uint32(d))
				if j >= p.Len() || p.Doc(j) != uint32(d) {
					continue
				}
				pos = p.Positions(j, pos[:0])
				if slices.Contains(pos, uint32(i)) {
					if len(out) == 0 || out[len(out)-1] != kc.Key {
						out = append(out, kc.Key)
					}
					break
				}
			}
		}
	}
	q.strongs[key] = out
	return out
}

// strongRun is the longest run of Strong's numbers two verses share, in
// the first Bible with Strong's numbers that has both.
func (q *query) strongRun(a, b int) []string {
	for bi, x := range q.f.words {
		if !x.b.HasStrongs() {
			continue
		}
		sa, sb := q.strongSeq(bi, a), q.strongSeq(bi, b)
		if len(sa) == 0 || len(sb) == 0 {
			continue
		}
		return longestRun(seq{stems: sa, words: sa}, seq{stems: sb, words: sb})
	}
	return nil
}
